"""Pages in words: each view formats what finsam.stats returns, in the page's language."""
