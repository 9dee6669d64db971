"""The build's orchestration: source files in, ``graph/`` out, through every stage in order.

Reading documents (in parts when long) in worker processes, recording what each yields,
merging the runs, and running the files and the views side by side.
"""
