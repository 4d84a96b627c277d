"""The legal terms of a translation (translations/<code>/glossary.yaml), and the wrong terms in a text.

The glossary is data: each English term with the term to use, the words a state's own courts use
where they differ, and wrong terms to avoid with the reason. `wrong_terms` finds every avoided term
in a text, so the validator (law files), the tests (law files and the interface catalogue) and a
translator all work from the same list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kb.datafiles import load_data
from kb.locations import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"


@dataclass(frozen=True)
class WrongTerm:
    """One avoided term found in a text: the words found, the term listed, why, and what to use."""

    found: str
    term: str
    why: str
    use: str
    english: tuple[str, ...]


def glossary_path(language: str) -> Path:
    """Where a language's glossary lives."""
    return TRANSLATIONS / language / "glossary.yaml"


@cache
def glossary(language: str) -> dict:
    """A language's glossary (an empty one when the language has none)."""
    path = glossary_path(language)
    return load_data("glossary", path) if path.exists() else {"language": language, "terms": []}


def term_pattern(term: str) -> re.Pattern:
    """A listed term as a pattern: whole words, any case, any spacing; `word*` stands for any ending."""
    words = [re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) for word in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


@cache
def _avoided(language: str) -> tuple[tuple[re.Pattern, str, str, str, tuple[str, ...]], ...]:
    found = []
    for entry in glossary(language)["terms"]:
        for avoid in entry.get("avoid", []):
            found.append((term_pattern(avoid["term"]), avoid["term"], avoid["why"], entry["es"], tuple(entry["en"])))
    return tuple(found)


def wrong_terms(text: str, language: str = "es") -> list[WrongTerm]:
    """Every avoided term of the language's glossary in `text`, in the order listed."""
    return [
        WrongTerm(match.group(0), term, why, use, english)
        for pattern, term, why, use, english in _avoided(language)
        for match in pattern.finditer(text)
    ]
