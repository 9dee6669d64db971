"""The command line: arguments in, a stage or a view run, an exit status out.

One module per CLI command: ``add_arguments(parser)`` and ``run(args) -> int``.
"""
