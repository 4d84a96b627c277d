"""The results page's help list, written ahead for every jurisdiction: it must name the jurisdiction's
help and then its parents', in the reader's language, escaped, and hold nothing a reader answered."""

from __future__ import annotations

from dataclasses import replace

from bench.pages import ASSESS_FORM as CALIFORNIA
from kb.knowledge import KnowledgeBase
from web.help_lists import HelpListCache, help_list, resources_for, write_ahead
from web.pages import current_kb


def test_a_jurisdictions_help_comes_first_then_its_parents(real_app):
    with real_app.test_request_context("/?lang=en"):
        kb = current_kb()
        found = resources_for(kb, "us-ca")
        html = str(help_list("us-ca"))
    own, national = kb.jurisdiction("us-ca").resources, kb.jurisdiction("us").resources
    assert found == [*own, *national] and own and national
    positions = [html.index(f'href="{resource.url}"') for resource in found]
    assert positions == sorted(positions)
    assert html.count("<li>") == len(found)


def test_the_results_page_shows_the_list_and_its_count_in_the_readers_language(real_app):
    client = real_app.test_client()
    english = client.post("/questions/results", data=CALIFORNIA).get_data(as_text=True)
    spanish = client.post("/questions/results", data={**CALIFORNIA, "lang": "es"}).get_data(as_text=True)
    with real_app.test_request_context("/?lang=en"):
        count = len(resources_for(current_kb(), "us-ca"))
        assert str(help_list("us-ca")) in english
    with real_app.test_request_context("/?lang=es"):
        assert str(help_list("us-ca")) in spanish
    assert f"Where to get help ({count})" in english
    assert "La coalición estatal contra la violencia doméstica" in spanish
    assert "La coalición estatal contra la violencia doméstica" not in english


def test_every_jurisdiction_is_written_in_each_language_and_nothing_else_is_kept(real_app):
    write_ahead(real_app)
    kept = real_app.extensions["help_lists"]._lists.kept()
    kb = real_app.extensions["law_store"].kb
    assert set(kept) == {"en", "es"}
    for lists in kept.values():
        assert set(lists) == set(kb.jurisdictions)  # every jurisdiction, not only where readers live
    real_app.test_client().post("/questions/results", data=CALIFORNIA)
    assert set(real_app.extensions["help_lists"]._lists.kept()) == {"en", "es"}


def test_help_lists_follow_the_data_version_and_escape_what_they_show(real_app):
    kb = real_app.extensions["law_store"].kb
    california = kb.jurisdiction("us-ca")
    hostile = replace(california.resources[0], name='<script>alert(1)</script>"><b>x</b>')
    changed = KnowledgeBase(
        {**kb.jurisdictions, "us-ca": replace(california, resources=(hostile, *california.resources[1:]))}, version=kb.version + "-changed"
    )
    cache = HelpListCache()
    with real_app.test_request_context("/?lang=en"):
        before, after = cache.lists(kb)["us-ca"], cache.lists(changed)["us-ca"]
    assert california.resources[0].name in before
    assert "<script>" not in after and "&lt;script&gt;alert(1)&lt;/script&gt;" in after and "<b>x</b>" not in after
