"""Safety promises seen through the test client: pages built from forms mark themselves so history
cannot send the form again, and addresses reached again without their form start afresh."""

from __future__ import annotations

import re

import pytest

RESULTS_FORM = {"a_country": "us", "a_jurisdiction": "us-ca", "a_what_happened_threats": "yes"}


@pytest.mark.parametrize(
    "method, path, data, posted",
    [
        ("get", "/questions", None, False),
        ("post", "/questions", {"question": "region", "answer": "us-ca"}, True),
        ("post", "/questions/results", RESULTS_FORM, True),
        ("get", "/search", None, False),
        ("post", "/search", {"q": "stalking"}, True),
        ("get", "/about", None, False),
    ],
)
def test_pages_built_from_a_form_mark_themselves(client, method, path, data, posted):
    html = getattr(client, method)(path, data=data).get_data(as_text=True)
    body = re.search(r"<body[^>]*>", html).group(0)
    assert ("data-posted" in body) is posted


@pytest.mark.parametrize("path", ["/questions/results", "/questions/start-over"])
def test_a_form_address_reached_without_its_form_starts_again(client, path):
    response = client.get(path)
    assert response.status_code == 303 and response.headers["Location"].endswith("/questions")
    assert response.headers["Cache-Control"] == "no-store"
