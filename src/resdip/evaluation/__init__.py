"""Quality and scale: a built dataset and gold annotations in, precision and recall out.

Scoring against gold (per document and per fact kind), link scoring, and the synthetic
corpus the benchmarks build at scale.
"""
