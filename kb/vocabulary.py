"""The closed vocabularies (kb/vocabulary.yaml) and the fact vocabulary (questions/facts.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kb.datafiles import load_data
from kb.i18n import translate_text
from kb.locations import PROJECT_ROOT  # noqa: F401  (kept for callers that import it from here)

# Facts whose values are jurisdiction ids rather than a fixed list.
JURISDICTION_FACTS = ("jurisdiction", "other_jurisdiction")


@dataclass(frozen=True)
class Fact:
    """A named fact the assessment works on, with its allowed values and their labels."""

    name: str
    label: str
    values: dict[str, str]


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, str]]:
    """Return every closed list, each as {value: plain-language label}."""
    return load_data("vocabulary")


@lru_cache(maxsize=1)
def facts() -> dict[str, Fact]:
    """Return the fact vocabulary by name; jurisdiction facts have no fixed values."""
    raw = load_data("facts")
    result = {}
    for name, spec in raw.items():
        values = spec["values"] if isinstance(spec["values"], dict) else {}
        result[name] = Fact(name, spec["label"], {str(k): str(v) for k, v in values.items()})
    return result


def label(list_name: str, value: str) -> str:
    """Return the reader-facing label of a vocabulary value, in the reader's language (the value itself if unknown)."""
    found = vocabulary().get(list_name, {}).get(value)
    return translate_text(found) if found else value
