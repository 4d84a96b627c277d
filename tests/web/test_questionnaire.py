"""The questionnaire pages through Flask's test client: the flow, Back, Change, start over, privacy."""

from __future__ import annotations

import logging
import re

import pytest

from app import create_app

SCRIPT = {
    "country": {"answer": "us"},
    "region": {"answer": "us-ca"},
    "other_elsewhere": {"answer": "no"},
    "what_happened": {"ticked": ["threatened", "contacted_directly"]},
    "incidents": {"answer": "one"},
    "relationship": {"answer": "partner_or_ex"},
    "afraid_for_safety": {"answer": "yes"},
    "emotional_distress": {"answer": "unsure"},
}


@pytest.fixture
def real_client(real_app):
    return real_app.test_client()


def hidden(html: str) -> dict:
    return dict(re.findall(r'name="(a_[^"]+)" value="([^"]*)"', html))


def current_question(html: str) -> str | None:
    match = re.search(r'name="question" value="([^"]+)"', html)
    return match.group(1) if match else None


def run_to_review(client, script=SCRIPT):
    html = client.get("/questions").get_data(as_text=True)
    seen = []
    while (question := current_question(html)) is not None:
        seen.append(question)
        response = client.post("/questions", data={**hidden(html), "question": question, "nav": "next", **script[question]})
        assert response.status_code == 200
        html = response.get_data(as_text=True)
    return html, seen


def test_full_run_reaches_review_then_results(real_client):
    html, seen = run_to_review(real_client)
    assert seen == list(SCRIPT)
    assert "Check your answers" in html
    response = real_client.post("/questions/results", data=hidden(html))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Laws that may apply in California" in page
    may_fit = page[page.index('id="laws-likely"') : page.index('id="laws-possible"')] if 'id="laws-likely"' in page else ""
    assert "Cal. Penal Code § 422" in page and "Cal. Penal Code § 646.9" in page
    assert "§ 646.9" not in may_fit  # one incident: stalking is among the less likely
    assert 'id="orders"' in page and "Protection orders" in page
    assert "Keep a record" in page and "screenshots" in page


def test_every_questionnaire_page_is_no_store_and_sets_no_cookie(real_client):
    responses = [
        real_client.get("/questions"),
        real_client.post("/questions", data={"question": "region", "answer": "us-ca", "nav": "next"}),
    ]
    html, _ = run_to_review(real_client)
    responses.append(real_client.post("/questions/results", data=hidden(html)))
    for response in responses:
        assert response.headers["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in response.headers


def test_answers_never_appear_in_a_url_or_log(real_client, caplog):
    caplog.set_level(logging.DEBUG)
    html, _ = run_to_review(real_client)
    page = real_client.post("/questions/results", data=hidden(html)).get_data(as_text=True)
    urls = re.findall(r'(?:href|action|formaction|src)="([^"]*)"', html + page)
    for url in urls:
        assert "?" not in url or not any(value in url for value in ("partner_or_ex", "us-ca", "threatened")), url
    for value in ("partner_or_ex", "threatened", "contacted_directly"):
        assert value not in caplog.text


def test_back_keeps_answers_and_shows_the_previous_question(real_client):
    html = real_client.post("/questions", data={"question": "region", "answer": "us-ca", "nav": "next"}).get_data(as_text=True)
    html = real_client.post("/questions", data={**hidden(html), "question": "other_elsewhere", "answer": "no", "nav": "next"}).get_data(
        as_text=True
    )
    assert current_question(html) == "what_happened"
    back = real_client.post("/questions", data={**hidden(html), "question": "what_happened", "nav": "back"}).get_data(as_text=True)
    assert current_question(back) == "other_elsewhere"
    assert hidden(back) == {"a_jurisdiction": "us-ca"}
    assert re.search(r'value="no"[^>]*checked', back)  # the earlier answer is shown selected


def test_change_from_review_returns_to_review_with_the_new_answer(real_client):
    html, _ = run_to_review(real_client)
    change = real_client.post("/questions", data={**hidden(html), "goto": "relationship"}).get_data(as_text=True)
    assert current_question(change) == "relationship"
    review = real_client.post(
        "/questions", data={**hidden(change), "question": "relationship", "answer": "stranger", "nav": "next"}
    ).get_data(as_text=True)
    assert "Check your answers" in review and "A stranger, or someone I only know online" in review


def test_changing_to_live_elsewhere_asks_where(real_client):
    html, _ = run_to_review(real_client)
    changed = real_client.post("/questions", data={**hidden(html), "question": "other_elsewhere", "answer": "yes", "nav": "next"}).get_data(
        as_text=True
    )
    assert current_question(changed) == "other_jurisdiction"


def test_missing_answer_is_a_clear_error_that_keeps_earlier_answers(real_client):
    html = real_client.post("/questions", data={"question": "region", "answer": "us-ca", "nav": "next"}).get_data(as_text=True)
    response = real_client.post("/questions", data={**hidden(html), "question": "other_elsewhere", "nav": "next"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "There is a problem" in page and "Choose an answer" in page
    assert hidden(page) == {"a_jurisdiction": "us-ca"}


def test_tampered_answer_is_refused_with_a_400_page(real_client):
    response = real_client.post("/questions", data={"a_incidents": "<script>", "question": "region", "answer": "us-ca"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "start again" in page and "<script>" not in page


def test_unknown_value_for_current_question_is_a_clear_error(real_client):
    response = real_client.post("/questions", data={"question": "region", "answer": "us-zz", "nav": "next"})
    assert response.status_code == 422 and "is not an answer" in response.get_data(as_text=True)


def test_start_over_forgets_everything(real_client):
    response = real_client.post("/questions/start-over", data={"a_jurisdiction": "us-ca"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/questions")
    page = real_client.get("/questions").get_data(as_text=True)
    assert hidden(page) == {}


def test_results_without_a_place_go_back_to_the_start(real_client):
    assert real_client.post("/questions/results", data={}).status_code == 303


def test_question_page_offers_unsure_and_help(real_client):
    html = real_client.post("/questions", data={"question": "region", "answer": "us-ca", "nav": "next"}).get_data(as_text=True)
    assert "I&#39;m not sure" in html and "Why we ask" in html
    assert "Question 3 of about" in html  # the country, then the region, came first


def test_home_page_offers_the_questionnaire(real_client):
    html = real_client.get("/").get_data(as_text=True)
    assert 'href="/questions"' in html


def test_questionnaire_is_wired_on_fixture_data_too(law_dir):
    client = create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_RELOAD": False, "SEARCH_BUILD_AT_START": False}).test_client()
    assert client.get("/questions").status_code == 200


def test_an_asked_question_left_out_of_a_hand_made_request_reads_as_no_answer(real_client):
    """An empty answer was looked up in the catalogue, whose empty message is its header."""
    html, _ = run_to_review(real_client)
    answers = {name: value for name, value in hidden(html).items() if name != "a_incidents"}
    for language, words in (("en", "No answer"), ("es", "Sin respuesta")):
        page = real_client.post(f"/questions/results?lang={language}", data=answers).get_data(as_text=True)
        told = page[page.index('class="answers-given"') :]
        assert "Project-Id-Version" not in page
        assert words in told
