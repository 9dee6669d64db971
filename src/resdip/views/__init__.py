"""Stage 6, views: the dataset (N-Quads) in, what people look at out.

The projection to a network, its layout, the offline page, exports (GraphML, GEXF, CSV),
pictures, network analysis, entity lookup and the ontology's documentation page.
"""
