"""The closed vocabularies (kb/vocabulary.yaml) and the fact vocabulary (questions/facts.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kb.i18n import translate_text

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.yaml"
FACTS_FILE = PROJECT_ROOT / "questions" / "facts.yaml"

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
    with VOCABULARY_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def facts() -> dict[str, Fact]:
    """Return the fact vocabulary by name; jurisdiction facts have no fixed values."""
    with FACTS_FILE.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    result = {}
    for name, spec in raw.items():
        values = spec["values"] if isinstance(spec["values"], dict) else {}
        result[name] = Fact(name, spec["label"], {str(k): str(v) for k, v in values.items()})
    return result


def label(list_name: str, value: str) -> str:
    """Return the reader-facing label of a vocabulary value, in the reader's language (the value itself if unknown)."""
    found = vocabulary().get(list_name, {}).get(value)
    return translate_text(found) if found else value
