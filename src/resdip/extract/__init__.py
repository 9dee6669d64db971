"""Extraction: from recognised sentences to facts (events, relations, quantities)."""
