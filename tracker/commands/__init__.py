"""One module a command: ``HELP``-free, ``add_arguments(parser)`` and ``run(args) -> int``."""
