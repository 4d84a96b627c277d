"""Full-text search over the laws, behind a small interface: build_index, open_index, search.

Whoosh (the maintained whoosh-reloaded) does the work; nothing outside this package imports it,
so the engine could be replaced without touching the rest.
"""

from search.index import IndexManager, build_index, open_index
from search.query import SearchResults, search

__all__ = ["IndexManager", "SearchResults", "build_index", "open_index", "search"]
