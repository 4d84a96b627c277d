"""The maintainers' tools over the knowledge base: review lists, coverage reports, the semantic diff,
revisions from git, exports, recent changes and skeletons for new files.

They read kb/ (the model, loading and validation) and never change it; like kb/ they import nothing
from Flask, so the CLI, the pages and the tests share them.
"""
