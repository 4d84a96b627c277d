"""The synonym map (search/synonyms.yaml): which other terms a query should also find."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kb.datafiles import load_data

SYNONYMS_FILE = Path(__file__).parent / "synonyms.yaml"


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Return the synonym groups, each a tuple of lower-case terms or phrases."""
    raw = load_data("synonyms", SYNONYMS_FILE)
    return tuple(tuple(str(term).lower() for term in group) for group in raw["groups"])


def expansions(query: str) -> list[str]:
    """Return the other terms of every group that one of the query's words or phrases belongs to."""
    text = f" {' '.join(query.lower().split())} "
    found: list[str] = []
    for group in synonym_groups():
        if any(f" {term} " in text for term in group):
            found.extend(term for term in group if f" {term} " not in text)
    return found
