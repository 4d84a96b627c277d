"""A translation records the English it was made from; when that English changes, everyone is told.

The fixture's Spanish summary of us-ca-intimate-images carries `source:`, the fingerprint of the
English it translates. Changing the English makes it stale: the validator warns, `laws review` and
/maintain list it, its pages say so (and show the English as it is now), and the API marks it.
"""

from __future__ import annotations

import re

import pytest

from kb.loader import load
from kb.model import fingerprint

LAW = "us-ca-intimate-images"
OLD = "Sharing an intimate image of someone"


@pytest.fixture
def changed(law_dir):
    """The fixture files with one sentence added to the English summary of the translated law."""
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    path.write_text(text.replace(OLD, "Secretly recording someone under their clothing is also covered. " + OLD), encoding="utf-8")
    return law_dir


def test_the_fixture_translation_is_current(law_dir):
    result = load([law_dir])
    law = result.kb.law(LAW)
    assert law.translation("es").source == law.english_fingerprint("es") and not law.translation_stale("es")
    assert not [p for p in result.problems if p.rule.startswith("translation-")]


def test_the_fingerprint_ignores_line_breaks_and_spacing_but_not_words():
    assert fingerprint([("summary", "One  two\nthree")]) == fingerprint([("summary", "One two three ")])
    assert fingerprint([("summary", "One two three")]) != fingerprint([("summary", "One two four")])
    assert fingerprint([("title", "A")]) != fingerprint([("summary", "A")])
    assert re.fullmatch(r"[0-9a-f]{8}", fingerprint([("summary", "x")]))


def test_a_changed_english_summary_makes_the_translation_stale(changed):
    result = load([changed])
    law = result.kb.law(LAW)
    assert law.translation_stale("es")
    warnings = [p for p in result.problems if p.rule == "translation-stale"]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    assert f"written for {law.translation('es').source}, the English is now {law.english_fingerprint('es')}" in warnings[0].message
    assert warnings[0].field.endswith("translations.es.source")


def test_rewrapping_the_english_leaves_the_translation_current(law_dir):
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(OLD, OLD.replace(" of ", "\n      of "), 1), encoding="utf-8")
    assert not load([law_dir]).kb.law(LAW).translation_stale("es")


def test_a_translation_without_a_fingerprint_is_reported_with_the_one_to_write(law_dir):
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'\n        source: "[0-9a-f]{8}"', "", text), encoding="utf-8")
    result = load([law_dir])
    law = result.kb.law(LAW)
    found = [p for p in result.problems if p.rule == "translation-source"]
    assert len(found) == 1 and f'`source: "{law.english_fingerprint("es")}"`' in found[0].message
    assert not law.translation_stale("es")  # nothing to compare with: listed for maintainers, not shown as stale


def test_laws_review_and_the_dashboard_list_the_stale_translation(changed, make_app):
    app = make_app(changed)
    law = load([changed]).kb.law(LAW)
    lines = app.test_cli_runner().invoke(args=["laws", "review"]).output.splitlines()
    assert "Translations older than their English: 1" in lines
    row = next(line for line in lines if line.startswith(f"  {LAW} (es)"))
    assert f"written for {law.translation('es').source}, the English is now {law.english_fingerprint('es')}" in row
    assert row.endswith("[jurisdictions/us/ca.yaml]")
    assert not any("(translation-stale)" in line for line in lines)  # listed once, in its own section
    page = app.test_client().get("/maintain?lang=en").get_data(as_text=True)
    section = page.split('<section aria-labelledby="translations">', 1)[1].split("</section>", 1)[0]
    assert f'href="/laws/{LAW}' in section and law.english_fingerprint("es") in section and law.translation("es").source in section


def test_the_law_page_says_the_translation_is_stale_and_shows_todays_english(changed, make_app):
    client = make_app(changed).test_client()
    spanish = client.get(f"/laws/{LAW}?lang=es").get_data(as_text=True)
    assert 'class="notice translation-stale"' in spanish
    english = re.search(r'<div class="summary" lang="en">(.*?)</div>', spanish, re.S).group(1)
    assert "Secretly recording someone under their clothing" in english
    assert 'class="notice translation-stale"' in client.get(f"/laws/{LAW}?lang=en").get_data(as_text=True)
    assert client.get(f"/api/v1/laws/{LAW}").get_json()["translations"]["es"]["stale"] is True


def test_a_current_translation_carries_no_notice(client):
    page = client.get(f"/laws/{LAW}?lang=es").get_data(as_text=True)
    assert "translation-stale" not in page and '<div class="summary" lang="en">' not in page
    assert client.get(f"/api/v1/laws/{LAW}").get_json()["translations"]["es"]["stale"] is False
