"""Scoring with BM25 weights worked out once per open index, instead of by Whoosh's matchers.

Whoosh scores a query by walking a tree of matcher objects in pure Python, posting by posting; on
10,000 laws a broad query ("threatening text messages" and its synonyms) took about 380 ms that
way. Here every posting's BM25 weight is computed once when the index is opened, and a query is
scored by adding up arrays of weights: the same ranking formula, a few milliseconds per query.

The table is built from every term of the index, never from the terms readers searched for, so
nothing held in memory depends on what anyone typed.

Queries this module cannot score (words of fields it does not keep) raise `Unsupported`;
the caller then falls back to Whoosh.
"""

from __future__ import annotations

import heapq
import math
from array import array

from whoosh.query import And, AndMaybe, AndNot, Every, MultiTerm, Not, Or, Phrase, Require, Term
from whoosh.query.qcore import _NullQuery

# Whoosh's BM25F defaults, so rankings match what the index would give through Whoosh.
K1 = 1.2
B = 0.75
# Fields whose postings are kept: the searchable text, section numbers and the filter facets.
TEXT_FIELDS = ("content", "content_es")
MATCH_ONLY_FIELDS = ("sections", "jurisdiction_id", "kind", "topics")
FACET_FIELDS = ("jurisdiction_id", "kind", "topics")
MAX_EXPANSIONS = 200  # a prefix such as "a*" expands to at most this many words


class Unsupported(Exception):
    """The query holds a part this scorer does not handle; let Whoosh run it."""


class ScoreTable:
    """For each (field, word): the documents holding it and each one's BM25 weight."""

    def __init__(self, reader) -> None:
        self.doc_count = reader.doc_count_all()
        self.postings: dict[tuple[str, str], tuple[array, array]] = {}
        for name in TEXT_FIELDS:
            if name in reader.schema:
                self._add_text_field(reader, name)
        for name in MATCH_ONLY_FIELDS:
            if name in reader.schema:
                self._add_match_field(reader, name)
        self.facets = {
            name: {text: frozenset(ids) for (field, text), (ids, _) in self.postings.items() if field == name} for name in FACET_FIELDS
        }

    def _add_text_field(self, reader, name: str) -> None:
        total_length = reader.field_length(name)
        if not total_length:
            return
        average = total_length / self.doc_count
        norms = [K1 * ((1 - B) + B * (reader.doc_field_length(doc, name) or 0) / average) for doc in range(self.doc_count)]
        for word in reader.lexicon(name):
            text = word.decode("utf-8") if isinstance(word, bytes) else word
            matcher = reader.postings(name, text)
            ids, weights = array("i"), array("d")
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                matcher.next()
            idf = math.log(self.doc_count / (len(ids) + 1)) + 1
            for position, (doc, frequency) in enumerate(zip(ids, weights, strict=True)):
                weights[position] = idf * frequency * (K1 + 1) / (frequency + norms[doc])
            self.postings[(name, text)] = (ids, weights)

    def _add_match_field(self, reader, name: str) -> None:
        for word in reader.lexicon(name):
            text = word.decode("utf-8") if isinstance(word, bytes) else word
            ids = array("i", reader.postings(name, text).all_ids())
            self.postings[(name, text)] = (ids, array("d", [1.0]) * len(ids))

    def facet_counts(self, matched: set[int]) -> dict[str, dict[str, int]]:
        """How many of the matched documents carry each jurisdiction, kind and topic."""
        return {
            name: {value: count for value, ids in self.facets[name].items() if (count := len(matched.intersection(ids)))}
            for name in FACET_FIELDS
        }

    def term(self, name: str, text) -> tuple[array, array]:
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        if name not in TEXT_FIELDS and name not in MATCH_ONLY_FIELDS:
            raise Unsupported(name)
        return self.postings.get((name, text), (array("i"), array("d")))


def scores(table: ScoreTable, query, searcher) -> dict[int, float]:
    """Return {document number: score} for every document the query matches."""
    if isinstance(query, _NullQuery):
        return {}
    if isinstance(query, Term):
        ids, weights = table.term(query.fieldname, query.text)
        return dict(zip(ids, weights if query.boost == 1.0 else map(query.boost.__mul__, weights), strict=True))
    if isinstance(query, Or):
        return _add_up([scores(table, part, searcher) for part in query.subqueries], query.boost)
    if isinstance(query, And):
        positive = [part for part in query.subqueries if not isinstance(part, Not)] or [Every()]
        found = _intersect([scores(table, part, searcher) for part in positive], query.boost)
        for negative in query.subqueries:
            if isinstance(negative, Not):
                for doc in scores(table, negative.query, searcher):
                    found.pop(doc, None)
        return found
    if isinstance(query, Every) and query.fieldname in (None, "content"):  # every law has content
        return dict.fromkeys(range(table.doc_count), query.boost)
    if isinstance(query, Not):  # inside an OR: every law without the word
        excluded = scores(table, query.query, searcher)
        return {doc: query.boost for doc in range(table.doc_count) if doc not in excluded}
    if isinstance(query, AndNot):
        found = scores(table, query.a, searcher)
        for doc in scores(table, query.b, searcher):
            found.pop(doc, None)
        return found
    if isinstance(query, Require):
        required = scores(table, query.b, searcher)
        return {doc: score for doc, score in scores(table, query.a, searcher).items() if doc in required}
    if isinstance(query, AndMaybe):
        found = scores(table, query.a, searcher)
        for doc, score in scores(table, query.b, searcher).items():
            if doc in found:
                found[doc] += score
        return found
    if isinstance(query, Phrase):
        # Where the words stand is in Whoosh's position lists: it finds the documents, the table scores them.
        matched = set(searcher.docs_for_query(query))
        words = _add_up([scores(table, Term(query.fieldname, word), searcher) for word in query.words], query.boost)
        return {doc: score for doc, score in words.items() if doc in matched}
    if isinstance(query, MultiTerm):  # prefix, wildcard, fuzzy: the words of the index it stands for
        expanded = []
        for number, (name, word) in enumerate(query.expanded_terms(searcher.reader())):
            if number == MAX_EXPANSIONS:
                break
            expanded.append(scores(table, Term(name, word), searcher))
        return _add_up(expanded, query.boost)
    raise Unsupported(type(query).__name__)


def _add_up(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
    """Documents matching any part; scores added (more matching words, higher score)."""
    if not parts:
        return {}
    parts.sort(key=len, reverse=True)
    total = dict(parts[0])
    for part in parts[1:]:
        get = total.get
        for doc, score in part.items():
            total[doc] = get(doc, 0.0) + score
    if boost != 1.0:
        total = {doc: score * boost for doc, score in total.items()}
    return total


def _intersect(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
    """Documents matching every part; scores added."""
    parts.sort(key=len)
    common = set(parts[0]).intersection(*parts[1:])
    return {doc: boost * sum(part[doc] for part in parts) for doc in common}


def top(found: dict[int, float], limit: int | None) -> list[tuple[int, float]]:
    """The best `limit` (document, score) pairs, best first; ties in index order (stable results)."""
    key = lambda item: (-item[1], item[0])  # noqa: E731
    if limit is None:
        return sorted(found.items(), key=key)
    return heapq.nsmallest(limit, found.items(), key=key)
