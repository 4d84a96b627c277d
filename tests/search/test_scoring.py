"""The precomputed BM25 scorer against Whoosh itself, on the real index: same matches, same scores."""

from __future__ import annotations

import pytest
from whoosh.query import Term

from kb.loader import load
from search import build_index, open_index, search
from search.query import _text_query, score_table
from search.scoring import Unsupported, scores

KB = load().kb

# Queries of every shape the parser makes from what readers type: words, synonyms, section numbers,
# phrases, prefixes, AND / OR / NOT, and Spanish.
QUERIES = [
    "stalking",
    "revenge porn",
    "someone tracking my phone",
    "646.9",
    "penal code 646.9 stalking",
    '"credible threat"',
    "stalk*",
    "stalking AND threat",
    "harassment NOT telephone",
    "harassment ANDNOT telephone",
    "threat OR menace",
    "NOT stalking",
    "*",
    "[a TO c]",
    "acecho",
    "orden de protección",
    "no contact order",
]


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    base = tmp_path_factory.mktemp("index")
    build_index(KB, base)
    return open_index(KB, base)


@pytest.mark.parametrize("text", QUERIES)
def test_the_scorer_matches_the_same_laws_as_whoosh(ix, text):
    with ix.searcher() as searcher:
        query = _text_query(ix, text, searcher.reader())
        ours = scores(score_table(ix, searcher), query, searcher)
        whoosh = {docnum for docnum, _ in searcher.search(query, limit=None).items()}
    assert set(ours) == whoosh and whoosh


@pytest.mark.parametrize("word", ["stalk", "harass", "threat", "imag", "order", "track"])
def test_a_single_word_scores_exactly_as_whoosh_scores_it(ix, word):
    with ix.searcher() as searcher:
        ours = scores(score_table(ix, searcher), Term("content", word), searcher)
        whoosh = dict(searcher.search(Term("content", word), limit=None).items())
    assert ours.keys() == whoosh.keys()
    assert all(ours[doc] == pytest.approx(whoosh[doc], rel=1e-9) for doc in whoosh)


def test_facet_counts_agree_with_the_stored_fields(ix):
    with ix.searcher() as searcher:
        matched = set(scores(score_table(ix, searcher), Term("content", "stalk"), searcher))
        stored = {docnum: fields for docnum, fields in searcher.reader().iter_docs()}
        counts = score_table(ix, searcher).facet_counts(matched)
    by_place: dict[str, int] = {}
    for docnum in matched:
        place = stored[docnum]["jurisdiction_id"]
        by_place[place] = by_place.get(place, 0) + 1
    assert counts["jurisdiction_id"] == by_place
    assert sum(counts["kind"].values()) == len(matched)


def test_a_query_the_scorer_cannot_handle_falls_back_to_whoosh(ix, monkeypatch):
    with ix.searcher() as searcher, pytest.raises(Unsupported):
        scores(score_table(ix, searcher), Term("law_id", "us-ca-stalking"), searcher)
    expected = search(ix, "stalking AND threat")

    def refuse(*args):
        raise Unsupported("test")

    monkeypatch.setattr("search.scoring.scores", refuse)
    fallback = search(ix, "stalking AND threat")
    assert fallback.total == expected.total and fallback.facets == expected.facets
    assert {hit.law_id for hit in fallback.hits} == {hit.law_id for hit in expected.hits}


@pytest.mark.parametrize("text", ["citation:646", "summary:stalking", "checked:2026", "title:[a TO c]", "*", "NOT stalking"])
def test_field_syntax_and_operators_never_fail(ix, text):
    results = search(ix, text)
    assert results.total >= 0


def test_filters_and_ranking_hold_on_the_scored_path(ix):
    results = search(ix, "stalking", {"jurisdiction_id": "us-tx"})
    assert results.total == len(results.hits) > 0
    assert {hit.jurisdiction_id for hit in results.hits} == {"us-tx"}
    assert [hit.score for hit in results.hits] == sorted((hit.score for hit in results.hits), reverse=True)
