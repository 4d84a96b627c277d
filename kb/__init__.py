"""The knowledge base: the law-file format, loading, validation and the in-memory model.

Nothing here imports Flask: the web layer, the CLI, the tests and the benchmarks all use it.
"""
