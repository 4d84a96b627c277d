"""Content injection: hostile text in a law file, a search or a form renders inert everywhere.

A law file is edited by many hands, and a query or a form value comes from anyone. Script,
javascript: links, raw HTML and Markdown tricks must never become live markup, a live link or a
spreadsheet formula, on any page, feed or download.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import feedparser
import pytest
import yaml

from app import create_app

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
MARKDOWN_TRICKS = (
    "[click](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) "
    '<iframe src="https://evil.example"></iframe> <svg onload=alert(5)> '
    "![pic](https://evil.example/track.png) [ref][r]\n\n[r]: javascript:alert(6)\n\n"
    '<div style="background:url(https://evil.example)">styled</div>'
)


class _LiveMarkup(HTMLParser):
    """Collect what a browser would treat as live: elements, handlers and links, as parsed."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            self.found.append(f"<script> not from /static/: {attributes}")
        if tag in ("iframe", "img", "object", "embed", "frame", "base", "meta") and not (tag == "meta" and "http-equiv" not in attributes):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"{tag} {name}={value}")


def live_markup(body: str) -> list[str]:
    """Every live element, handler or dangerous link in a page."""
    parser = _LiveMarkup()
    parser.feed(body)
    return parser.found


@pytest.fixture
def hostile_app(law_dir, tmp_path):
    """The fixture data with hostile text in every free-text field a reader sees."""
    path = law_dir / "us" / "ca.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["name"] = "California " + PAYLOAD
    law = data["laws"][0]
    law["title"] = "Stalking " + PAYLOAD
    law["citation"] = "Cal. Penal Code § 646.9 " + PAYLOAD
    law["summary"] = "A summary with tricks. " + PAYLOAD + "\n\n" + MARKDOWN_TRICKS
    law["notes"] = ["A note " + PAYLOAD, MARKDOWN_TRICKS]
    law["penalty"]["detail"] = '=HYPERLINK("https://evil.example") ' + PAYLOAD
    law["history"] = [{"date": "2025", "change": "Amended " + PAYLOAD, "reference": "Bill " + PAYLOAD}]
    law["unconfirmed"] = [{"field": "penalty.detail", "reason": "Because " + PAYLOAD}]
    data["laws"][1]["title"] = "=cmd|' /C calc'!A0"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_RELOAD": False, "SEARCH_INDEX_DIR": str(tmp_path / "index")})


PAGES = [
    "/",
    "/jurisdictions",
    "/jurisdictions/us-ca",
    "/laws/us-ca-stalking",
    "/laws/us-ca-restraining-order",
    "/changes",
    "/maintain",
    "/compare?topic=stalking",
    "/map?topic=stalking",
    "/search?q=stalking",
    "/search?q=tricks",
]


@pytest.mark.parametrize("url", PAGES)
def test_hostile_law_text_renders_inert_on_every_page(hostile_app, url):
    response = hostile_app.test_client().get(url)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert live_markup(body) == []


def test_the_hostile_text_is_shown_as_text_not_dropped(hostile_app):
    page = hostile_app.test_client().get("/laws/us-ca-stalking").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # titles and citations: escaped, visible
    assert "A summary with tricks." in page


@pytest.mark.parametrize("url", ["/api/v1/laws/us-ca-stalking", "/api/v1/search?q=tricks", "/api/v1/export.json"])
def test_json_carries_the_text_as_data_with_a_json_type(hostile_app, url):
    response = hostile_app.test_client().get(url)
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>alert(1)</script>" in json.dumps(response.get_json(), ensure_ascii=False)  # a string value, not markup


def test_feeds_escape_hostile_text(hostile_app):
    response = hostile_app.test_client().get("/changes.atom")
    assert "<script>" not in response.get_data(as_text=True)
    feed = feedparser.parse(response.data)
    assert not feed.bozo
    assert "<script>" in feed.entries[0].title or "alert(1)" in feed.entries[0].title  # present as text, parsed back


@pytest.mark.parametrize("url", ["/api/v1/export.csv", "/compare.csv?topic=stalking"])
def test_csv_downloads_never_start_a_cell_with_a_formula(hostile_app, url):
    rows = list(csv.reader(io.StringIO(hostile_app.test_client().get(url).get_data(as_text=True))))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    if "export" in url:
        assert "'=cmd|' /C calc'!A0" in cells  # neutralised, not dropped


QUERIES = ['"><script>alert(1)</script>', "<img src=x onerror=alert(1)>", "javascript:alert(1)", "' OR 1=1 --", "{{7*7}}", "%3Cscript%3E"]


@pytest.mark.parametrize("query", QUERIES)
def test_search_queries_are_escaped_in_the_page(client, query):
    for response in (client.get("/search", query_string={"q": query}), client.post("/search", data={"q": query})):
        body = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<script>alert" not in body and "<img src=x" not in body and "49" not in re.findall(r"\{\{7\*7\}\}|49", body)


@pytest.mark.parametrize("value", ['"><script>alert(1)</script>', 'us-ca" autofocus onfocus="alert(1)'])
def test_questionnaire_form_values_are_escaped(client, value):
    for field in ("a_jurisdiction", "a_relationship", "a_incidents", "step"):
        response = client.post(
            "/questions", data={field: value, "a_jurisdiction": "us-ca"} if field != "a_jurisdiction" else {field: value}
        )
        body = response.get_data(as_text=True)
        assert response.status_code in (200, 400)
        assert "<script>alert" not in body and 'onfocus="alert' not in body
