"""Spelling suggestions for a query, and the query's words each once: both bounded in cost."""

from __future__ import annotations

import re

from search.synonyms import expansions

WORD = re.compile(r"[a-z]{4,}")
# At most this many words of one query are looked up (each lookup walks the word list: 200
# characters of one misspelt word, repeated, were 50 times slower than a common search).
MAX_CORRECTED_WORDS = 3


def distinct_words(text: str) -> str:
    """The query's words, each once (case aside), in their order: a repeated word adds nothing but cost."""
    seen: set[str] = set()
    kept = []
    for word in text.split():
        if word.lower() not in seen:
            seen.add(word.lower())
            kept.append(word)
    return " ".join(kept)


def suggest(searcher, text: str) -> str | None:
    """Return the query with misspelt words corrected (the first few), or None when nothing needs correcting."""
    words = text.split()
    changed = False
    corrector = searcher.corrector("spelling")
    lookups = 0
    fixed = []
    for word in words:
        lower = word.lower()
        if (
            lookups < MAX_CORRECTED_WORDS
            and WORD.fullmatch(lower)
            and lower not in searcher.lexicon("spelling")
            and not any(lower in group for group in expansions(lower))
        ):
            lookups += 1
            best = corrector.suggest(lower, limit=1, maxdist=2, prefix=1)  # first letter kept: 4x faster
            if best and best[0] != lower:
                fixed.append(best[0])
                changed = True
                continue
        fixed.append(word)
    return " ".join(fixed) if changed else None
