"""The results page as a frightened person meets it on a phone (390 x 844): the answer at a glance,
the details one tap away, short enough to take in, and a printout of at most two pages.

The walk is California, repeated threatening messages from an ex-partner who frightens the person
(the same as bench/pages.py and bench/results_page.py).
"""

from __future__ import annotations

import re

import pytest

from bench.pages import ASSESS_FORM
from tests.browser.test_accessibility import _violations
from tests.browser.test_questionnaire_flow import ANSWERS, _answer, _question_id

pytestmark = pytest.mark.browser

WALK = {
    **ANSWERS,
    "incidents": ("radio", "More than once"),
    "emotional_distress": ("radio", "Yes"),
}
INTENT_EXPLANATION = {"en": "Only the other person knows what they meant", "es": "Solo la otra persona sabe cuál era su intención"}
SUBMIT = """([fields, language]) => {
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/questions/results" + (language === "en" ? "" : "?lang=" + language);
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden"; input.name = name; input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}"""


def _walk(page, base: str) -> None:
    """Answer every question as the person would, then ask for the results."""
    page.goto(f"{base}/questions")
    while (question := _question_id(page)) is not None:
        _answer(page, question, answers=WALK)
    with page.expect_navigation():
        page.get_by_role("button", name="See which laws may apply").click()
    page.wait_for_load_state("load")


def _post(page, base: str, language: str) -> None:
    """The same answers, posted as the review page posts them, in `language`."""
    page.goto(f"{base}/?lang={language}")
    with page.expect_navigation():
        page.evaluate(SUBMIT, [ASSESS_FORM, language])
    page.wait_for_load_state("load")


@pytest.fixture(params=["en", "es"])
def results(request, phone, real_server):
    if request.param == "en":
        _walk(phone, real_server)
    else:
        _post(phone, real_server, "es")
    return phone, request.param


def _top(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top + window.scrollY")


def test_the_first_two_screens_name_a_law_that_fits_and_the_order_to_ask_for(results):
    page, _ = results
    first_law = page.locator(".glance-laws li a").first
    order = page.locator(".glance-order a").first
    assert first_law.inner_text().strip() and order.inner_text().strip()
    assert _top(page, ".glance-laws li") + 30 < 1700 and _top(page, ".glance-order") + 30 < 1700
    linked = order.get_attribute("href").lstrip("#")
    assert page.locator(f"#{linked}").count() == 1  # the order named is on the page, with its card


def test_the_page_is_short_and_explains_intent_once(results):
    page, language = results
    text = page.evaluate("document.body.innerText")
    assert page.evaluate("document.documentElement.scrollHeight") <= 6000
    assert len(re.findall(r"\w+", text)) <= 1200
    assert 1 <= text.count(INTENT_EXPLANATION[language]) <= 2


def test_every_fold_opens_by_keyboard(results):
    page, _ = results
    summaries = page.locator("main details > summary")
    assert summaries.count() >= 10
    for index in range(summaries.count()):
        summary = summaries.nth(index)
        if not summary.is_visible():
            continue  # inside a fold not yet opened
        details = summary.locator("xpath=..")
        was_open = details.get_attribute("open") is not None
        summary.focus()
        page.keyboard.press("Enter")
        assert (details.get_attribute("open") is not None) != was_open


def test_no_serious_accessibility_problem_folded_or_open(results):
    page, _ = results
    assert _violations(page) == []
    page.locator("details.card-details > summary").first.click()
    page.locator("details.could-fit > summary").first.click()
    assert _violations(page) == []


def test_it_prints_to_at_most_two_pages(results):
    page, _ = results
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    a4 = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", a4)) <= 2


def test_the_results_work_without_javascript(phone_without_js, real_server):
    page = phone_without_js
    _walk(page, real_server)
    assert page.get_by_role("heading", name="The short answer").is_visible()
    card = page.locator("details.card-details").first
    card.locator("summary").click()
    assert card.locator(".element-results").is_visible()  # details open natively, no script needed
