"""The questionnaire in real Chromium on a phone-sized screen: with and without JavaScript,
Back, Change, the quick exit during the questionnaire, and what leaves the page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import NEUTRAL_SITE

pytestmark = pytest.mark.browser

# What a person answers, by question id (by visible label, as a person would choose).
ANSWERS = {
    "country": ("radio", "United States"),
    "region": ("select", "California"),
    "other_elsewhere": ("radio", "No, the same place as me"),
    "what_happened": (
        "check",
        ["Threatened to hurt you, or someone or something close to you", "Sent you messages, called or emailed you"],
    ),
    "incidents": ("radio", "Once"),
    "relationship": ("radio", "A partner or ex (you were married, lived together, or have a child together)"),
    "afraid_for_safety": ("radio", "Yes"),
    "emotional_distress": ("radio", "I'm not sure"),
    "minor": ("radio", "No, I am 18 or older"),
    "told_to_stop": ("radio", "I'm not sure"),
}


def _question_id(page) -> str | None:
    field = page.locator('main input[name="question"]')
    return field.get_attribute("value") if field.count() else None


def _answer(page, question_id: str, region: str = "California", country: str = "United States", answers: dict = ANSWERS) -> None:
    how, value = answers[question_id]
    if question_id == "country":
        value = country
    if how == "select":
        page.get_by_label("Choose from the list").select_option(label=region)
    elif how == "radio":
        page.get_by_label(value, exact=True).check()
    else:  # only the boxes shown: a region's laws decide which acts are asked about
        for label in value:
            box = page.get_by_label(label, exact=True)
            if box.count():
                box.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("load")


def _run_from_home(page, base: str, region: str = "California", country: str = "United States") -> list[str]:
    page.goto(f"{base}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Start the questions").click()
    asked = []
    while (question := _question_id(page)) is not None:
        asked.append(question)
        assert len(asked) <= 10, asked
        _answer(page, question, region, country)
    assert page.get_by_role("heading", name="Check your answers").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="See which laws may apply").click()
    page.wait_for_load_state("load")
    return asked


def test_home_to_results_on_a_phone_with_javascript(phone, real_server):
    asked = _run_from_home(phone, real_server)
    assert asked[:2] == ["country", "region"] and len(asked) <= 10
    assert phone.get_by_role("heading", name="Laws that may apply in California").is_visible()
    assert phone.get_by_role("heading", name="Criminal threats").first.is_visible()


def test_home_to_results_without_javascript(phone_without_js, real_server):
    asked = _run_from_home(phone_without_js, real_server, region="Texas")
    assert len(asked) <= 10
    assert phone_without_js.get_by_role("heading", name="Laws that may apply in Texas").is_visible()


@pytest.mark.parametrize(
    "country, region, heading, citations",
    [
        (
            "United Kingdom",
            "Scotland",
            "Scotland",
            ["Criminal Justice and Licensing (Scotland) Act 2010 s. 39", "Communications Act 2003 s. 127"],
        ),
        ("Ireland", None, "Ireland", ["Non-Fatal Offences against the Person Act 1997 s. 10(2)"]),
        ("Canada", "Ontario", "Ontario", ["Criminal Code (R.S.C. 1985, c. C-46) s. 264", "Family Law Act (R.S.O. 1990, c. F.3) s. 46"]),
    ],
)
def test_a_country_beyond_the_us_reaches_its_own_and_national_laws(phone, real_server, country, region, heading, citations):
    asked = _run_from_home(phone, real_server, region=region or "", country=country)
    assert asked[0] == "country"
    assert ("region" in asked) == (region is not None)  # a country with only national law skips the region step
    assert phone.get_by_role("heading", name=f"Laws that may apply in {heading}").is_visible()
    text = phone.locator("main").text_content()  # includes the collapsed "less likely" section
    for citation in citations:
        assert citation in text
    assert "Cal. Penal Code" not in text and "U.S.C." not in text


@pytest.mark.parametrize("region", ["New York", "District of Columbia", "Pennsylvania"])
def test_other_regions_reach_results_within_ten_questions(phone, real_server, region):
    asked = _run_from_home(phone, real_server, region=region)
    assert len(asked) <= 10
    assert phone.get_by_role("heading", name=f"Laws that may apply in {region}").is_visible()


def test_back_button_keeps_answers(phone, real_server):
    phone.goto(f"{real_server}/questions")
    _answer(phone, "country")
    _answer(phone, "region")
    _answer(phone, "other_elsewhere")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Back").click()
    phone.wait_for_load_state("load")
    assert _question_id(phone) == "other_elsewhere"
    assert phone.get_by_label("No, the same place as me", exact=True).is_checked()


def test_change_an_answer_from_the_review_page(phone, real_server):
    phone.goto(f"{real_server}/questions")
    while (question := _question_id(phone)) is not None:
        _answer(phone, question)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Change your answer to: How do you know the person?").click()
    phone.wait_for_load_state("load")
    assert phone.get_by_label(ANSWERS["relationship"][1], exact=True).is_checked()
    phone.get_by_label("A stranger, or someone I only know online", exact=True).check()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Continue").click()
    phone.wait_for_load_state("load")
    assert phone.get_by_text("A stranger, or someone I only know online").is_visible()


def test_quick_exit_during_the_questionnaire_and_back_does_not_show_it(phone, real_server):
    phone.goto(f"{real_server}/")
    with phone.expect_navigation():
        phone.get_by_role("link", name="Start the questions").click()
    _answer(phone, "country")
    _answer(phone, "region")
    _answer(phone, "other_elsewhere")
    assert _question_id(phone) == "what_happened"
    phone.get_by_role("link", name="Exit this page").click()
    phone.wait_for_url(NEUTRAL_SITE)
    phone.go_back()  # back to the page before the one exited from: an earlier question
    phone.wait_for_url(NEUTRAL_SITE)  # it blanks itself and leaves again
    text = phone.evaluate("document.body ? document.body.innerText : ''")
    assert "What has the person done?" not in text and "Does the person who is doing this live" not in text


def test_coming_back_on_purpose_after_an_exit_works(phone, real_server):
    phone.goto(f"{real_server}/about")
    phone.get_by_role("link", name="Exit this page").click()
    phone.wait_for_url(NEUTRAL_SITE)
    phone.goto(f"{real_server}/about")  # typed again, not Back
    phone.wait_for_timeout(300)
    assert phone.url == f"{real_server}/about"
    assert phone.get_by_role("heading", name="About this guide").is_visible()


def test_nothing_typed_leaves_in_urls_and_no_cookie_is_set(phone, real_server):
    requested = []
    phone.on("request", lambda request: requested.append((request.method, request.url)))
    _run_from_home(phone, real_server)
    assert all(url.startswith(real_server) for _, url in requested)
    for _, url in requested:
        for value in ("us-ca", "partner_or_ex", "threatened", "several"):
            assert value not in url, url
    assert phone.context.cookies() == []


def test_results_print_as_a_summary_for_an_advocate(phone, real_server):
    _run_from_home(phone, real_server)
    phone.emulate_media(media="print")
    assert not phone.locator(".quick-exit-bar").is_visible()
    assert not phone.locator(".site-header nav").is_visible()
    assert not phone.get_by_role("button", name="Delete my answers and start over").is_visible()
    assert phone.get_by_role("heading", name="The short answer").is_visible()
    assert not phone.locator("details.less-likely").first.is_visible()  # the summary leaves out what is less likely
    assert phone.locator("details.answers-given dl").is_visible()  # the answers given are printed
    assert phone.locator(".law-card .checked").first.is_visible()  # with each law's check date
