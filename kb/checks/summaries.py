"""Summaries are our own plain words: not empty, not pasted statute text, quotes kept short."""

from __future__ import annotations

import re
from datetime import date

from kb.checks.base import FileData, register

EMPTY_SUMMARY = register("empty-summary", "a summary with no words")
STATUTE_TEXT = register("statute-text", "a summary that reads like pasted statute text")
LONG_QUOTE = register("long-quote", "a quote longer than a few words")

# Wording that belongs to statutes, not to plain-language summaries.
STATUTE_MARKERS = (
    r"\bshall be (guilty|punished|imprisoned|fined)\b",
    r"\bas used in this (section|subdivision|article|chapter|act)\b",
    r"\bpursuant to (section|subdivision|subsection|paragraph)\b",
    r"\bsubdivision \([a-z0-9]+\)",
    r"\bhereinafter\b|\bheretofore\b|\bwhereby\b",
    r"\bnot (more|less) than [a-z -]+ \(\$?[\d,]+\)",
    r"^\s*\([a-z]\)\s",
)
MAX_QUOTE_WORDS = 8


def words(text: str) -> list[str]:
    """The words of a text, lower case, for comparing runs of words."""
    return re.findall(r"[a-z0-9§.]+", text.lower())


def check_summaries(file: FileData, today: date):
    """Each summary has words and does not read like statute text; key-term quotes stay short."""
    for i, law in enumerate(file.data["laws"]):
        at = ("laws", i)
        summary = law["summary"]
        if not words(summary):
            yield file.problem(at + ("summary",), "the summary is empty; write two to five plain sentences", EMPTY_SUMMARY)
            continue
        markers = [m for m in STATUTE_MARKERS if re.search(m, summary, re.IGNORECASE | re.MULTILINE)]
        if len(markers) >= 2:
            yield file.problem(
                at + ("summary",),
                "the summary reads like statute text (formal legal wording); rewrite it in plain words of your own",
                STATUTE_TEXT,
            )
        for j, quote in enumerate(law.get("quotes", [])):
            if len(words(quote)) > MAX_QUOTE_WORDS:
                yield file.problem(
                    at + ("quotes", j),
                    f"a quote should be a key term of a few words ({MAX_QUOTE_WORDS} at most); summarise the rest",
                    LONG_QUOTE,
                )
