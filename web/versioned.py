"""A cache of pieces written ahead for one data version: the same for every reader, dropped when the data changes.

The results page's card pieces and help lists are rendered once per data version and key (a language,
or a language and explicit choice), never per reader. While templates are being edited (auto reload)
nothing is kept, so an edit shows at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from flask import current_app

T = TypeVar("T")


class VersionedCache(Generic[T]):
    """Built values by key, for the knowledge base's current data version only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._kept: dict[Hashable, T] = {}

    def kept(self) -> dict[Hashable, T]:
        """What is kept now, by key (a copy): for tests that check nothing else is."""
        with self._lock:
            return dict(self._kept)

    def get(self, kb, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept for `key` in this data version, built (and kept) on first use."""
        with self._lock:
            if self._version != kb.version:
                self._version, self._kept = kb.version, {}
            found = self._kept.get(key)
        if found is None:
            found = build()
            if not current_app.jinja_env.auto_reload:  # keep nothing while templates are being edited
                with self._lock:
                    if self._version == kb.version:
                        self._kept[key] = found
        return found
