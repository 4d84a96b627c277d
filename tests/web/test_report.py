"""'Report a problem' on law pages: configured by address, naming the law and nothing about the reader."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest


def _report_href(page: str) -> str | None:
    section = page.split('<h2 id="report">', 1)[1].split("<footer", 1)[0]
    found = re.search(r'<a href="([^"]+)"', section)
    return html.unescape(found.group(1)) if found else None


def test_email_report_names_the_law_and_page(law_dir, make_app):
    app = make_app(law_dir, REPORT_PROBLEM_EMAIL="laws@example.org", BASE_URL="https://guide.example.org")
    page = app.test_client().get("/laws/us-ca-stalking").get_data(as_text=True)
    href = _report_href(page)
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "laws@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Problem with Cal. Penal Code § 646.9 (us-ca-stalking)"]
    assert "Page: https://guide.example.org/laws/us-ca-stalking" in query["body"][0]
    assert "your email program" in page and "does not see or keep your report" in page


def test_tracker_report_fills_placeholders_encoded(law_dir, make_app):
    template = "https://tracker.example.org/new?title={citation}&labels=law-error&law={law_id}&page={page}"
    app = make_app(law_dir, REPORT_PROBLEM_URL=template, BASE_URL="https://guide.example.org")
    href = _report_href(app.test_client().get("/laws/us-ca-stalking").get_data(as_text=True))
    assert href.startswith("https://tracker.example.org/new?title=Cal.%20Penal%20Code%20%C2%A7%20646.9&labels=law-error&law=us-ca-stalking")
    assert unquote(parse_qs(urlsplit(href).query, keep_blank_values=True)["page"][0]) == "https://guide.example.org/laws/us-ca-stalking"


def test_no_address_says_so_plainly(client):
    page = client.get("/laws/us-ca-stalking").get_data(as_text=True)
    assert _report_href(page) is None
    assert "This copy of the guide has no address for reports." in page


def test_report_link_carries_nothing_the_reader_typed(law_dir, make_app):
    app = make_app(law_dir, REPORT_PROBLEM_EMAIL="laws@example.org")
    client = app.test_client()
    client.post("/questions", data={"region": "us-ca", "step": "region"})
    href = _report_href(client.get("/laws/us-ca-stalking?q=my+secret+words").get_data(as_text=True))
    assert "secret" not in href and "us-ca" in href
    assert client.get_cookie("session") is None


@pytest.mark.parametrize(
    "config, message",
    [
        ({"REPORT_PROBLEM_URL": "http://tracker.example.org/{law_id}"}, "must start with https://"),
        ({"REPORT_PROBLEM_URL": "https://tracker.example.org/{name}"}, "may only use the placeholders"),
        ({"REPORT_PROBLEM_EMAIL": "laws@example.org?cc=someone@example.org"}, "must be a plain email address"),
        ({"REPORT_PROBLEM_EMAIL": "not-an-address"}, "must be a plain email address"),
    ],
)
def test_bad_report_config_is_refused_at_start(law_dir, make_app, config, message):
    with pytest.raises(ValueError, match=message):
        make_app(law_dir, **config)
