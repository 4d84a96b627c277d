"""Searching: section numbers first, synonyms, stemming, phrases, facets, snippets, suggestions."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from whoosh.analysis import StemFilter
from whoosh.qparser import FieldsPlugin, OrGroup, QueryParser
from whoosh.query import And, Or, Prefix, Term

from search import scoring
from search.fields import section_numbers
from search.spelling import distinct_words, suggest
from search.synonyms import expansions

MAX_QUERY_LENGTH = 200
# A query must hold at least one character that is neither white space nor a control character.
# The same rule, as a JSON Schema pattern, is in the OpenAPI document (JSON Schema's \s differs from
# Python's str.isspace, so both sides exclude control characters and U+FEFF explicitly).
QUERY_PATTERN = "[^\\s\\x00-\\x1f\\x7f-\\x9f\\ufeff]"


def has_search_text(text: str) -> bool:
    """True when `text` holds something to search for, by the rule of QUERY_PATTERN."""
    return any(not (ch.isspace() or ch <= "\x1f" or "\x7f" <= ch <= "\x9f" or ch == "\ufeff") for ch in text)


# Up to this many laws, every match is scored in one pass (measured faster than top-k skipping).
FULL_SCORING_LIMIT = 5000


@dataclass(frozen=True)
class Hit:
    """One matching law, with a highlighted snippet of its summary."""

    law_id: str
    title: str
    citation: str
    jurisdiction_id: str
    jurisdiction_name: str
    kind: str
    topics: tuple[str, ...]
    snippet: Markup
    score: float
    title_es: str = ""
    snippet_es: Markup | None = None  # when the query matched the law's Spanish summary


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, the total, facet counts over all matches, and a spelling suggestion."""

    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None


def _query_stems(query, fields=("content", "title")) -> set[str]:
    """Return the analysed words the query looks for in the given text fields."""
    return {t.decode("utf-8") if isinstance(t, bytes) else t for field, t in query.iter_all_terms() if field in fields}


class _DocTable:
    """Per open index: each document's stored fields, and its summary's words with their places.

    Stored fields are unpickled once, and each summary is stemmed once, instead of on every search.
    """

    def __init__(self, ix, searcher) -> None:
        self.analyzers = {"summary": ix.schema["content"].analyzer, "summary_es": ix.schema["content_es"].analyzer}
        self.fields = dict(searcher.reader().iter_docs())
        self._tokens: dict[tuple[int, str], list[tuple[str, int, int]]] = {}

    def tokens(self, docnum: int, name: str = "summary") -> list[tuple[str, int, int]]:
        """Return (stem, start, end) for each word of the document's summary (or Spanish summary)."""
        found = self._tokens.get((docnum, name))
        if found is None:
            text = self.fields[docnum].get(name) or ""
            found = [(t.text, t.startchar, t.endchar) for t in self.analyzers[name](text, chars=True, removestops=False)]
            self._tokens[(docnum, name)] = found
        return found


def snippet(summary: str, tokens: list[tuple[str, int, int]], stems: set[str], width: int = 220) -> Markup:
    """Return an escaped window of the summary around its first match, matched words in <mark>."""
    marks = [(first, last) for stem, first, last in tokens if stem in stems]
    start = max(0, marks[0][0] - 60) if marks else 0
    end = min(len(summary), start + width)
    if start > 0:
        space = summary.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    out, position = [], start
    for first, last in marks:
        if first < position or last > end:
            continue
        out.append(str(escape(summary[position:first])))
        out.append(f"<mark>{escape(summary[first:last])}</mark>")
        position = last
    out.append(str(escape(summary[position:end])))
    return Markup(("… " if start > 0 else "") + "".join(out) + (" …" if end < len(summary) else ""))


def _synonym_query(analyzer, extra: str):
    """All words of a synonym in the content field (cheaper than a phrase, nearly as precise)."""
    words = [token.text for token in analyzer(extra)]
    if not words:
        return None
    return And([Term("content", w) for w in words], boost=0.6) if len(words) > 1 else Term("content", words[0], boost=0.6)


@dataclass(frozen=True)
class _Parsing:
    """What turning text into a query needs, per open index: the parsers and the content analyzer."""

    parsers: dict
    analyzer: object


_PARSING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _without_stem_caches(schema):
    """Turn off the stemmers' word caches in these analyzers (Whoosh keeps 50,000 words by default):
    a cache of stemmed query words would keep what people searched for in the server's memory."""
    for name in schema.names():
        for part in getattr(getattr(schema[name], "analyzer", None), "items", ()):
            if isinstance(part, StemFilter):
                part.cachesize = None
                part.clear()
    return schema


def _parsing(ix) -> _Parsing:
    """Built once per open index: building a parser costs more than parsing with it, and
    `ix.schema` reads the index's table of contents from disk on every call."""
    parsing = _PARSING.get(ix)
    if parsing is None:
        schema = _without_stem_caches(ix.schema)
        names = [name for name in ("content", "content_es") if name in schema]
        parsers = {name: QueryParser(name, schema=schema, group=OrGroup.factory(0.9)) for name in names}
        for parser in parsers.values():
            # No "field:word" syntax: readers do not need it, and a stored-only field ("citation:646")
            # made the parser fail. "title:stalking" is now just the two words.
            parser.remove_plugin_class(FieldsPlugin)
        parsing = _PARSING[ix] = _Parsing(parsers, schema["content"].analyzer)
    return parsing


def _text_query(ix, text: str, reader=None):
    parsing = _parsing(ix)
    parsers = parsing.parsers
    parts = [parsers["content"].parse(text)]
    if "content_es" in parsers:
        spanish = parsers["content_es"].parse(text)
        terms = list(spanish.iter_all_terms()) if spanish is not None else []
        # Only when some word occurs in a Spanish summary: an English query then costs nothing more.
        if terms and (reader is None or any(term in reader for term in terms)):
            parts.append(spanish)
    for extra in expansions(text):
        synonym = _synonym_query(parsing.analyzer, extra)
        if synonym is not None:
            parts.append(synonym)
    for number in section_numbers(text):
        parts.append(Term("sections", number, boost=40.0))
        parts.append(Prefix("sections", number, boost=20.0))
    return Or(parts)


def _filters(values: dict[str, str | None]):
    terms = [Term(name, value.lower() if name == "topics" else value) for name, value in values.items() if value]
    return And(terms) if terms else None


_DOC_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _doc_table(ix, searcher) -> _DocTable:
    table = _DOC_TABLES.get(ix)
    if table is None:
        table = _DOC_TABLES[ix] = _DocTable(ix, searcher)
    return table


def _match_set(searcher, query) -> set[int]:
    """Return the documents a query matches, without scoring.

    Terms, prefixes, ANDs and ORs are worked out from the posting lists with set operations, which
    is much faster than walking a matcher; anything else (phrases) falls back to Whoosh.
    """
    reader = searcher.reader()
    if isinstance(query, Term):
        if (query.fieldname, query.text) not in reader:
            return set()
        return set(reader.postings(query.fieldname, query.text).all_ids())
    if isinstance(query, Prefix):
        found: set[int] = set()
        for text in reader.expand_prefix(query.fieldname, query.text):
            found |= set(reader.postings(query.fieldname, text).all_ids())
        return found
    if isinstance(query, Or):
        return set().union(*(_match_set(searcher, part) for part in query.subqueries)) if query.subqueries else set()
    if isinstance(query, And):
        parts = [_match_set(searcher, part) for part in query.subqueries]
        return set.intersection(*parts) if parts else set()
    return set(searcher.docs_for_query(query))


_SCORE_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def score_table(ix, searcher=None) -> scoring.ScoreTable:
    """The BM25 weights of an open index, computed on first use (every term, not only those searched for)."""
    table = _SCORE_TABLES.get(ix)
    if table is None:
        if searcher is None:
            with ix.searcher() as own:
                table = _SCORE_TABLES[ix] = scoring.ScoreTable(own.reader())
        else:
            table = _SCORE_TABLES[ix] = scoring.ScoreTable(searcher.reader())
    return table


def _score(ix, searcher, query, filter_query, limit: int):
    """Every match and the top `limit`, scored from the precomputed weights."""
    table = score_table(ix, searcher)
    found = scoring.scores(table, query, searcher)
    if filter_query is not None:
        allowed = scoring.scores(table, filter_query, searcher)
        found = {doc: score for doc, score in found.items() if doc in allowed}
    return set(found), scoring.top(found, limit)


def _score_with_whoosh(searcher, query, filter_query, limit: int):
    """Every match and the top `limit`, for queries the weight table cannot score (ranges, a lone NOT)."""
    if searcher.doc_count() <= FULL_SCORING_LIMIT:
        # Small index: scoring every match is cheaper than top-k skipping, and gives the match set.
        ranked = list(searcher.search(query, limit=None, filter=filter_query).items())
        return {docnum for docnum, _ in ranked}, ranked[:limit]
    matched = _match_set(searcher, query)
    if filter_query is not None:
        matched &= _match_set(searcher, filter_query)
    return matched, list(searcher.search(query, limit=limit, filter=filter_query).items())


def search(ix, text: str, filters: dict[str, str | None] | None = None, limit: int = 20) -> SearchResults:
    """Search the index: section numbers outrank words; filters narrow; facets count every match.

    Matches are scored from BM25 weights worked out once per open index (search.scoring); a query
    part that table cannot score is left to Whoosh.
    """
    text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
    if not text:
        return SearchResults(text, [], 0)
    words = distinct_words(text)
    filter_query = _filters(filters or {})
    with ix.searcher() as searcher:
        query = _text_query(ix, words, searcher.reader())
        try:
            matched, top = _score(ix, searcher, query, filter_query, limit)
        except scoring.Unsupported:
            matched, top = _score_with_whoosh(searcher, query, filter_query, limit)
        table = _doc_table(ix, searcher)
        stems = _query_stems(query)
        stems_es = _query_stems(query, ("content_es",))
        hits = []
        for docnum, score in top:
            fields = table.fields[docnum]
            snippet_es = None
            if stems_es and fields.get("summary_es") and any(stem in stems_es for stem, _, _ in table.tokens(docnum, "summary_es")):
                snippet_es = snippet(fields["summary_es"], table.tokens(docnum, "summary_es"), stems_es)
            hits.append(
                Hit(
                    law_id=fields["law_id"],
                    title=fields["title"],
                    citation=fields["citation"],
                    jurisdiction_id=fields["jurisdiction_id"],
                    jurisdiction_name=fields["jurisdiction_name"],
                    kind=fields["kind"],
                    topics=tuple(fields["topics"].split(",")),
                    snippet=snippet(fields["summary"], table.tokens(docnum), stems),
                    score=round(score, 3),
                    title_es=fields.get("title_es", ""),
                    snippet_es=snippet_es,
                )
            )
        facets = score_table(ix, searcher).facet_counts(matched)
        suggestion = suggest(searcher, words) if len(matched) < 3 else None
        return SearchResults(text, hits, len(matched), facets, suggestion)
