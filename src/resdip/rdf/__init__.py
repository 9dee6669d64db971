"""Stage 5, RDF: facts in, a validated, serialised dataset and a queryable store out.

Vocabulary terms and emission, the registry as RDF, SHACL and SPARQL checks, sorted runs and
their merge, the dataset files, the VoID description, the Oxigraph store and query results.
"""
