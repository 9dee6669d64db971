"""Stage 4, extract: recognised sentences in, facts out (events, relations, quantities).

Each fact keeps the evidence (document, sentence, offsets) it was read from.
"""
