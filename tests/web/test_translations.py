"""Translated law summaries: shown in Spanish with lang="es", searchable in Spanish, in the API."""

from __future__ import annotations

import re

import pytest

from kb.loader import load


def test_law_page_shows_the_spanish_summary_marked_as_spanish(client):
    page = client.get("/laws/us-ca-intimate-images").get_data(as_text=True)
    section = re.search(r'<section lang="es" class="translation".*?</section>', page, re.S).group(0)
    assert "En español: Difusión de imágenes íntimas" in section and "angustia grave" in section
    assert "Hasta 6 meses en la cárcel del condado" in section
    assert "vale el texto oficial" in section  # the English summary and the law's text prevail


def test_a_law_without_a_translation_has_no_spanish_section(client):
    assert 'class="translation"' not in client.get("/laws/us-ca-stalking").get_data(as_text=True)


def test_the_api_carries_translations(client):
    law = client.get("/api/v1/laws/us-ca-intimate-images").get_json()
    assert law["translations"]["es"]["title"] == "Difusión de imágenes íntimas"
    assert client.get("/api/v1/laws/us-ca-stalking").get_json()["translations"] == {}


@pytest.mark.parametrize("query", ["compartir", "angustia grave", "privada"])
def test_spanish_queries_find_the_translated_law_with_a_spanish_snippet(app, query):
    client = app.test_client()
    body = client.get("/api/v1/search", query_string={"q": query}).get_json()
    first = body["results"][0]
    assert first["law_id"] == "us-ca-intimate-images"
    assert "<mark>" in first["snippet_es"]
    page = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    assert '<span class="subtitle" lang="es">Difusión de imágenes íntimas</span>' in page
    assert '<p class="snippet" lang="es">' in page


@pytest.mark.parametrize("query, law_id", [("acoso", "us-ca-restraining-order"), ("acecho", "us-ca-stalking")])
def test_spanish_synonyms_reach_laws_that_are_not_translated(client, query, law_id):
    ids = [r["law_id"] for r in client.get("/api/v1/search", query_string={"q": query}).get_json()["results"]]
    assert law_id in ids


def test_real_translations_cover_the_six_first_jurisdictions():
    kb = load().kb
    for jurisdiction_id in ("us", "us-ca", "us-tx", "us-fl", "us-ny", "us-pr"):
        missing = [law.id for law in kb.jurisdiction(jurisdiction_id).laws if law.translation("es") is None]
        assert missing == [], f"{jurisdiction_id}: no Spanish summary for {missing}"


def test_requirements_are_shown_in_spanish_when_translated(client):
    page = client.get("/laws/us-ca-intimate-images?lang=es").get_data(as_text=True)
    assert "Intimate images of you were shared" not in page
    real = load().kb.law("us-ca-criminal-threats")
    path = real.paths[0]
    spanish = real.translation("es").path(path.id).requires[0]
    assert real.requirement_text(0, "es", path) == spanish and spanish != path.elements.requires[0].describe
    assert real.requirement_text(0, "en", path) == path.elements.requires[0].describe


def test_a_translation_must_translate_every_requirement(law_dir):
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    one = "        requires:\n          - Se compartieron imágenes íntimas suyas\n"
    assert one in text
    path.write_text(text.replace(one, "        requires: [Uno, Dos]\n"), encoding="utf-8")
    problems = [p for p in load([law_dir]).problems if p.rule == "translation-requires"]
    assert len(problems) == 1
    assert "gives 2 requirement(s) but the law has 1" in problems[0].message


def test_the_law_page_shows_path_labels_and_path_penalties_in_spanish(real_app):
    client = real_app.test_client()
    page = client.get("/laws/us-ny-unlawful-surveillance?lang=es").get_data(as_text=True)
    assert "Verle o grabarle en secreto en un dormitorio" in page
    assert "Secretly watching or recording you in a bedroom" not in page
    law = load().kb.law("us-dc-threats")
    path = law.path("bodily-harm")
    spanish = law.path_penalty_detail(path, "es")
    assert spanish != path.penalty.detail and law.path_penalty_detail(path, "en") == path.penalty.detail
    page = client.get("/laws/us-dc-threats?lang=es").get_data(as_text=True)
    assert spanish in page and path.penalty.detail not in page


@pytest.mark.parametrize(
    "language, says, heading",
    [
        ("en", "A court order that tells the person what they must stop doing", "What the order does"),
        ("es", "Una orden del tribunal que le dice a la persona lo que debe dejar de hacer", "Lo que hace la orden"),
    ],
)
def test_protection_orders_say_what_the_order_does_not_that_the_acts_go_unpunished(client, language, says, heading):
    """'No criminal penalty for the act itself' could be read as 'what was done to me is not a crime'."""
    law_page = client.get(f"/laws/us-ca-restraining-order?lang={language}").get_data(as_text=True)
    region = client.get(f"/jurisdictions/us-ca?lang={language}").get_data(as_text=True)
    data = {"a_jurisdiction": "us-ca", "a_incidents": "several", "a_relationship": "partner_or_ex", "lang": language}
    results = client.post("/questions/results", data=data).get_data(as_text=True)
    for page in (law_page, region, results):
        assert says in page and heading in page
        assert "no criminal penalty" not in page and "castigo penal" not in page
