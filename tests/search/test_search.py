"""Search on the real law files: section numbers first, synonyms, suggestions, filters, life cycle."""

from __future__ import annotations

import shutil

import pytest

from kb.loader import load
from search import IndexManager, build_index, open_index, search
from search.fields import plain_text, section_numbers
from search.synonyms import expansions

KB = load().kb


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    base = tmp_path_factory.mktemp("index")
    build_index(KB, base)
    return open_index(KB, base)


@pytest.mark.parametrize(
    "query, first_citation",
    [
        ("646.9", "Cal. Penal Code § 646.9"),
        ("2261A", "18 U.S.C. § 2261A"),
        ("42.072", "Tex. Penal Code § 42.072"),
        ("9A.46.020", "Wash. Rev. Code § 9A.46.020"),
        ("penal code 646.9 stalking", "Cal. Penal Code § 646.9"),
        ("120.45", "N.Y. Penal Law § 120.45"),
    ],
)
def test_a_section_number_puts_that_law_first(ix, query, first_citation):
    assert search(ix, query).hits[0].citation == first_citation


def test_doxxing_finds_doxing_laws(ix):
    results = search(ix, "doxxing")
    assert results.total >= 3
    assert all("doxing" in hit.topics or "personal" in hit.snippet.lower() for hit in results.hits[:3])


def test_revenge_porn_finds_intimate_image_laws(ix):
    results = search(ix, "revenge porn")
    top = results.hits[:10]
    assert len(top) == 10 and sum("intimate_images" in hit.topics for hit in top) >= 8


@pytest.mark.parametrize("typo, fixed", [("stalkng", "stalking"), ("harrassment", "harassment")])
def test_misspelt_words_get_a_suggestion(ix, typo, fixed):
    assert search(ix, typo).suggestion == fixed


def test_phrase_queries_match_the_phrase(ix):
    results = search(ix, '"credible threat"')
    assert results.total >= 5 and "Cal. Penal Code § 646.9" in [h.citation for h in results.hits]


def test_stemming_matches_other_forms(ix):
    assert search(ix, "threatening").total > 0 and search(ix, "stalked").total > 0


@pytest.mark.parametrize(
    "filters",
    [
        {"jurisdiction_id": "us-ca"},
        {"topics": "intimate_images"},
        {"kind": "protection_order"},
        {"jurisdiction_id": "us-tx", "kind": "crime"},
    ],
)
def test_filters_narrow_every_hit_and_the_total(ix, filters):
    unfiltered = search(ix, "stalking harassment", limit=400)
    results = search(ix, "stalking harassment", filters, limit=400)
    assert 0 < results.total < unfiltered.total
    for hit in results.hits:
        if "jurisdiction_id" in filters:
            assert hit.jurisdiction_id == filters["jurisdiction_id"]
        if "topics" in filters:
            assert filters["topics"] in hit.topics
        if "kind" in filters:
            assert hit.kind == filters["kind"]


def test_facets_count_all_matches(ix):
    results = search(ix, "stalking", limit=5)
    assert sum(results.facets["kind"].values()) == results.total
    assert results.facets["jurisdiction_id"]["us-ca"] >= 1


def test_snippets_highlight_and_escape(ix):
    hit = search(ix, "revenge porn").hits[0]
    assert "<mark>" in hit.snippet and "<script" not in hit.snippet and "**" not in hit.snippet


def test_empty_and_huge_queries_are_safe(ix):
    assert search(ix, "").total == 0
    assert search(ix, "stalking " * 500).total > 0
    assert search(ix, 'AND OR NOT ( ) " * ? ~ ^').total >= 0


def test_helpers():
    assert section_numbers("Wash. Rev. Code § 9A.46.020 and 13A-6-90") == ["9a.46.020", "13a-6-90"]
    assert plain_text("It is **not** [a link](https://x.example) `code`") == "It is not a link code"
    assert "doxing" in expansions("doxxing") and "intimate images" in expansions("my revenge porn case")


def test_a_corrupt_index_is_rebuilt(tmp_path):
    folder = build_index(KB, tmp_path)
    for segment in folder.glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in folder.glob("*.toc"):
        toc.write_bytes(b"garbage")
    ix = open_index(KB, tmp_path)
    assert search(ix, "646.9").hits[0].citation == "Cal. Penal Code § 646.9"


def test_an_index_built_by_older_code_is_rebuilt(tmp_path):
    """Same data, fewer fields (before Spanish search): the folder name matches, the fields do not."""
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    folder = tmp_path / KB.version
    folder.mkdir()
    old = whoosh_index.create_in(folder, Schema(law_id=ID(stored=True), content=TEXT))
    writer = old.writer()
    for law in KB.laws.values():
        writer.add_document(law_id=law.id, content=law.summary)
    writer.commit()
    old.close()
    (folder / "complete").write_text(KB.version, encoding="utf-8")
    ix = open_index(KB, tmp_path)
    assert "content_es" in ix.schema.names()
    assert search(ix, "646.9").hits[0].citation == "Cal. Penal Code § 646.9"


def test_a_removed_index_folder_is_rebuilt_while_serving(tmp_path):
    manager = IndexManager(tmp_path)
    manager.get(KB)
    shutil.rmtree(tmp_path / KB.version)
    assert search(manager.get(KB), "2261A").total == 1


def test_builds_are_swapped_in_whole(tmp_path):
    build_index(KB, tmp_path)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".building")]
    assert leftovers == [] and (tmp_path / KB.version / "complete").exists()


@pytest.fixture
def lookups(monkeypatch):
    """Count the spelling lookups (the costly part of a misspelt query)."""
    from whoosh.spelling import Corrector

    words: list[str] = []
    original = Corrector.suggest
    monkeypatch.setattr(Corrector, "suggest", lambda self, text, *a, **k: words.append(text) or original(self, text, *a, **k))
    return words


def test_a_repeated_misspelt_word_is_looked_up_once_and_finds_what_one_finds(ix, lookups):
    once = search(ix, "stalkng")
    assert once.suggestion == "stalking" and lookups == ["stalkng"]
    lookups.clear()
    repeated = search(ix, " ".join(["stalkng", "Stalkng"] * 25))  # 200 characters of one misspelt word
    assert lookups == ["stalkng"]
    assert repeated.suggestion == once.suggestion and [h.law_id for h in repeated.hits] == [h.law_id for h in once.hits]


def test_spelling_lookups_are_bounded_per_query(ix, lookups):
    from search.spelling import MAX_CORRECTED_WORDS

    misspelt = "stalkng harrasment trakcing montoring thretening messges emial phne locaton camra"
    assert len(misspelt.split()) > MAX_CORRECTED_WORDS
    result = search(ix, misspelt)
    assert len(lookups) == MAX_CORRECTED_WORDS
    assert result.suggestion is None or result.suggestion.split()[0] == "stalking"
