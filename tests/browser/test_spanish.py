"""The questionnaire in Spanish, in real Chromium: from a Spanish-speaking browser to Spanish results."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# What a person answers, by the Spanish labels they see.
ANSWERS = {
    "country": ("radio", "Estados Unidos"),
    "region": ("select", "California"),
    "other_elsewhere": ("radio", None),
    "what_happened": ("check", None),
    "incidents": ("radio", None),
    "relationship": ("radio", None),
    "afraid_for_safety": ("radio", None),
    "emotional_distress": ("radio", None),
    "minor": ("radio", None),
    "told_to_stop": ("radio", None),
}


def _question_id(page):
    field = page.locator('main input[name="question"]')
    return field.get_attribute("value") if field.count() else None


def test_the_whole_questionnaire_in_spanish(spanish_phone, real_server):
    page = spanish_phone
    page.goto(f"{real_server}/")
    assert page.locator("html").get_attribute("lang") == "es"
    with page.expect_navigation():
        page.get_by_role("link", name="Empezar las preguntas").click()
    asked = []
    while (question := _question_id(page)) is not None:
        asked.append(question)
        assert len(asked) <= 10, asked
        assert page.locator("html").get_attribute("lang") == "es"
        how, label = ANSWERS[question]
        if how == "select":
            page.get_by_label("Elija de la lista").select_option(label=label)
        elif how == "radio" and label:
            page.get_by_label(label, exact=True).check()
        elif how == "radio":
            page.locator('main input[type="radio"]').last.check()  # "No estoy seguro/a" where offered
        else:
            page.locator('input[name="ticked"]').first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Continuar").click()
        page.wait_for_load_state("load")
    assert page.get_by_role("heading", name="Revise sus respuestas").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Ver qué leyes pueden aplicarse").click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", name="Leyes que pueden aplicarse en California").is_visible()
    text = page.locator("main").text_content()
    for english in ("Fits what you said", "What you can do next", "This law needs", "You said"):
        assert english not in text
    assert "Qué puede hacer a continuación" in text


def test_switching_to_english_mid_questionnaire_keeps_the_answers(spanish_phone, real_server):
    page = spanish_phone
    page.goto(f"{real_server}/questions")
    page.get_by_label("Estados Unidos", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continuar").click()
    page.wait_for_load_state("load")
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "en"
    assert _question_id(page) == "region"
    assert "lang=" not in page.url or "us" not in page.url.split("?")[-1]  # answers never in the address
    assert page.get_by_label("Choose from the list").is_visible()
