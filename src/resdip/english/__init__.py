"""Stage 3, names: Japanese names in, English labels and romanised ids out.

Romanisation (Hepburn, from SudachiPy's readings), labels composed from glossary terms, and
the reviewed overrides; used by extraction (ids of candidates) and by the emitter (labels).
"""
