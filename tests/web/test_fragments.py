"""Parts of pages rendered once and reused: they must follow the language, keep the reader's explicit
language choice in links, hold nothing a reader answered, and follow the data when it changes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kb.knowledge import KnowledgeBase
from web.result_cards import CardCache, card_parts

ANSWERS = {
    "a_jurisdiction": "us-ca",
    "a_other_elsewhere": "no",
    "a_incidents": "several",
    "a_threatened": "yes",
    "a_contacted_directly": "yes",
    "a_relationship": "partner_or_ex",
    "a_afraid_for_safety": "yes",
    "a_emotional_distress": "yes",
}


@pytest.fixture
def spanish_app(law_dir, make_app):
    return make_app(law_dir, LANGUAGES=["en", "es"])


def test_cached_parts_follow_each_readers_language(spanish_app):
    client = spanish_app.test_client()
    spanish = client.get("/about", headers={"Accept-Language": "es"}).get_data(as_text=True)
    english = client.get("/about", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Saltar al contenido principal" in spanish and "Leyes por región" in spanish
    assert "Skip to main content" in english and "Laws by region" in english
    assert "Saltar al contenido principal" not in english and "Skip to main content" not in spanish


def test_cached_links_keep_an_explicit_choice_only_for_the_reader_who_made_it(spanish_app):
    client = spanish_app.test_client()
    chosen = client.get("/about?lang=es").get_data(as_text=True)
    by_browser = client.get("/about", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert 'href="/jurisdictions?lang=es"' in chosen
    assert 'href="/jurisdictions"' in by_browser and 'href="/jurisdictions?lang=es"' not in by_browser


def test_the_fragment_cache_holds_nothing_a_reader_answered(spanish_app):
    client = spanish_app.test_client()
    page = client.post("/questions/results", data=ANSWERS).get_data(as_text=True)
    assert "California" in page
    cache = spanish_app.jinja_env.static_fragments
    assert cache, "the results page should have used cached fragments"
    for (name, language, explicit), html in cache.items():
        assert name and language in ("en", "es") and explicit in (None, "en", "es")
        assert "California" not in html and "us-ca" not in html and "partner_or_ex" not in html


def test_template_development_mode_keeps_no_fragments(law_dir, make_app):
    app = make_app(law_dir, TEMPLATES_AUTO_RELOAD=True)
    app.test_client().get("/about")
    assert dict(app.jinja_env.static_fragments) == {}


def test_result_cards_match_the_data_of_each_version(app):
    kb = app.extensions["law_store"].kb
    law = next(iter(kb.laws.values()))
    renamed = replace(law, citation="A renamed citation § 1")
    jurisdiction = kb.jurisdiction(law.jurisdiction_id)
    laws = tuple(renamed if x.id == law.id else x for x in jurisdiction.laws)
    changed = KnowledgeBase({**kb.jurisdictions, jurisdiction.id: replace(jurisdiction, laws=laws)}, version=kb.version + "-changed")
    cache = CardCache()
    with app.test_request_context("/"):
        before = cache.parts(kb)
        after = cache.parts(changed)
    assert law.citation in before[law.id].head and "A renamed citation § 1" in after[law.id].head
    assert set(after) == set(changed.laws)  # every law at once, not only the ones a reader was shown


def test_results_cards_escape_what_they_show(app):
    kb = app.extensions["law_store"].kb
    law = next(iter(kb.laws.values()))
    hostile = replace(law, citation='<script>alert(1)</script>"><b>x</b>')
    with app.test_request_context("/"):
        parts = card_parts(hostile)
    assert "<script>" not in parts.head and "&lt;script&gt;" in parts.head and "<b>x</b>" not in parts.head


def test_hidden_answer_inputs_are_sorted_and_escaped():
    from web.templating import hidden_answer_inputs

    html = str(hidden_answer_inputs({"b": 'x"><script>', "A": "yes"}))
    assert html.index('name="a_A"') < html.index('name="a_b"')
    assert "<script>" not in html and 'value="x&quot;&gt;&lt;script&gt;"' in html


def test_jurisdiction_cards_come_from_one_rendering_of_every_law(spanish_app):
    client = spanish_app.test_client()
    page = client.get("/jurisdictions/us-ca").get_data(as_text=True)
    kb = spanish_app.extensions["law_store"].kb
    cached = spanish_app.extensions["law_cards"]._cards
    assert set(next(iter(cached.values()))) == set(kb.laws)  # every law, not only the page's
    for law in kb.jurisdiction("us-ca").laws:
        assert f'id="law-{law.id}"' in page


def test_jurisdiction_cards_follow_language_and_choice(spanish_app):
    client = spanish_app.test_client()
    chosen = client.get("/jurisdictions/us-ca?lang=es").get_data(as_text=True)
    english = client.get("/jurisdictions/us-ca").get_data(as_text=True)
    law_link = 'href="/laws/us-ca-stalking'
    assert law_link + '?lang=es"' in chosen and law_link + '"' in english
    assert "Texto oficial" in chosen and "Official text" in english and "Texto oficial" not in english


def test_cached_and_fresh_cards_are_the_same(law_dir, make_app):
    cached_page = make_app(law_dir).test_client().get("/jurisdictions/us-ca").get_data(as_text=True)
    fresh_page = make_app(law_dir, TEMPLATES_AUTO_RELOAD=True).test_client().get("/jurisdictions/us-ca").get_data(as_text=True)
    assert cached_page == fresh_page


RESULT_WALKS = [
    {"a_jurisdiction": "us-ca", "a_incidents": "several", "a_threatened": "yes", "a_relationship": "partner_or_ex"},
    {"a_jurisdiction": "us-ca", "a_incidents": "one", "a_threatened": "no", "a_relationship": "stranger", "a_intimate_images": "yes"},
    {"a_jurisdiction": "us-ca", "a_incidents": "unsure", "a_relationship": "unknown"},
]


@pytest.mark.parametrize("walk", RESULT_WALKS, ids=["threats-ex", "images-stranger", "unsure"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_results_pages_from_cached_card_parts_are_the_same_as_fresh_ones(law_dir, make_app, walk, language):
    """The card parts kept per law and language change nothing on the page: a cached render equals one
    made with templates reloaded (nothing kept)."""
    cached, fresh = make_app(law_dir), make_app(law_dir, TEMPLATES_AUTO_RELOAD=True)
    pages = []
    for app in (cached, fresh):
        client = app.test_client()
        client.post(f"/questions/results?lang={language}", data=walk)  # warm the cache
        pages.append(client.post(f"/questions/results?lang={language}", data=walk).get_data(as_text=True))
    assert pages[0] == pages[1] and 'class="law-card' in pages[0]


WALKS_BY_REGION = [
    ("us-ca", {"incidents": "several", "threatened": "yes", "relationship": "partner_or_ex", "afraid_for_safety": "yes"}),
    ("us-ny", {"incidents": "one", "threatened": "no", "relationship": "stranger", "intimate_images": "yes", "images_shared": "yes"}),
    ("us-tx", {"incidents": "unsure", "relationship": "dating", "tracked_or_monitored": "yes"}),
    ("us-la", {"incidents": "several", "relationship": "family_or_household", "emotional_distress": "no", "afraid_for_safety": "no"}),
]


@pytest.mark.parametrize("region, answers", WALKS_BY_REGION, ids=[region for region, _ in WALKS_BY_REGION])
@pytest.mark.parametrize("language", ["en", "es"])
def test_results_written_ahead_say_what_the_assessment_says(real_app, region, answers, language):
    """The results page judges with element results written ahead and joins rows written ahead: each
    card says what a fresh assessment (nothing written ahead) says, in the same words."""
    from markupsafe import escape

    from web.pages import current_kb
    from web.result_cards import known_results
    from wizard.assess import assess
    from wizard.results import verdict

    posted = {"a_jurisdiction": region, **{f"a_{fact}": value for fact, value in answers.items()}}
    page = real_app.test_client().post(f"/questions/results?lang={language}", data=posted).get_data(as_text=True)
    with real_app.test_request_context(f"/?lang={language}"):
        kb = current_kb()
        facts = {"jurisdiction": region, "country": "us", **answers}
        fresh, ahead = assess(kb, region, facts), assess(kb, region, facts, known_results())
        assert len(fresh) > 3
        for one, other in zip(fresh, ahead, strict=True):
            assert (one.law.id, one.status, one.best.path.id) == (other.law.id, other.status, other.best.path.id)
            assert [(e.element, e.key, e.status, e.reason) for e in one.elements] == [
                (e.element, e.key, e.status, e.reason) for e in other.elements
            ]
            card = page.split(f'id="r-{one.law.id}"', 1)[1].split("</article>", 1)[0]
            assert str(escape(verdict(one))) in card
            for element in one.elements:
                assert str(escape(element.reason)) in card
            if len(one.paths) > 1:
                for judged in one.paths:
                    assert str(escape(judged.label)) in card
