"""The curated tables: field dictionary, vocabulary, reading, validation, provenance, loading and facts."""
