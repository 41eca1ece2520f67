"""The ground floor: errors, paths, atomic files and cores; imports nothing of finsam."""
