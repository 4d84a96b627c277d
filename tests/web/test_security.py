"""Security and privacy headers on every response, and no third-party request from any page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

URLS = [
    "/",
    "/about",
    "/jurisdictions",
    "/jurisdictions/us-ca",
    "/laws/us-ca-stalking",
    "/nowhere",
    "/api/v1/jurisdictions",
    "/api/v1/laws/nope",
    "/static/css/site.css",
]


@pytest.mark.parametrize("url", URLS)
def test_security_headers_on_every_response(client, url):
    with client.get(url) as response:
        headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


class _RequestCollector(HTMLParser):
    """Collect every URL a browser would fetch by itself, and every outbound link."""

    FETCHING = {
        "script": "src",
        "img": "src",
        "iframe": "src",
        "audio": "src",
        "video": "src",
        "source": "src",
        "embed": "src",
        "object": "data",
        "form": "action",
    }

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[dict] = []
        self.inline_scripts = 0
        self.inline_handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in attributes:
            if name.startswith("on"):
                self.inline_handlers.append(f"{tag}.{name}")
        if tag in self.FETCHING and attributes.get(self.FETCHING[tag]):
            self.fetched.append(attributes[self.FETCHING[tag]])
        if tag == "link" and attributes.get("href"):
            self.fetched.append(attributes["href"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes)
        if tag == "script":
            self._in_script = not attributes.get("src")
        if "style" in attributes and "url(" in (attributes["style"] or ""):
            self.fetched.append("inline-style-url")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


@pytest.mark.parametrize("url", [u for u in URLS if not u.startswith(("/api", "/static"))])
def test_pages_request_nothing_from_other_sites(client, url):
    collector = _RequestCollector()
    collector.feed(client.get(url).get_data(as_text=True))
    third_party = [u for u in collector.fetched if urlparse(u).netloc or u.startswith("//")]
    assert third_party == []
    assert collector.inline_scripts == 0 and collector.inline_handlers == []
    for link in collector.links:  # links out (official texts) never send where the person came from
        if urlparse(link["href"]).netloc:
            assert "noreferrer" in link.get("rel", ""), link["href"]


def test_stylesheets_load_nothing_from_elsewhere(client):
    css = ""
    for name in ("site.css", "print.css"):
        with client.get(f"/static/css/{name}") as response:
            css += response.get_data(as_text=True)
    assert re.findall(r"url\(|@import", css) == []


def test_no_cookie_is_set_by_any_page(client):
    for url in URLS:
        with client.get(url) as response:
            assert "Set-Cookie" not in response.headers


def test_request_lines_and_query_strings_are_not_logged(client, caplog):
    caplog.set_level("DEBUG")
    client.get("/go?id=us-ca&secret=my-address-is-here")
    assert "my-address-is-here" not in caplog.text


EVERY_KIND_OF_RESPONSE = [
    ("GET", "/search?q=stalking", None, 200),
    ("POST", "/search", {"q": "stalking"}, 200),
    ("POST", "/questions", {"a_jurisdiction": "us-ca", "step": "region"}, None),
    ("POST", "/questions/results", {"a_jurisdiction": "us-ca", "a_incidents": "several"}, 200),
    ("GET", "/changes.atom", None, 200),
    ("GET", "/api/v1/export.csv", None, 200),
    ("GET", "/maintain", None, 200),
    ("GET", "/compare?topic=stalking", None, 200),
    ("DELETE", "/api/v1/jurisdictions", None, 405),
    ("POST", "/api/v1/assess", "x" * 70_000, 413),
    ("POST", "/api/v1/assess", "{not json", 400),
]


@pytest.mark.parametrize("method, url, data, status", EVERY_KIND_OF_RESPONSE, ids=[f"{m} {u} {s}" for m, u, _, s in EVERY_KIND_OF_RESPONSE])
def test_headers_on_errors_posts_feeds_and_downloads(client, method, url, data, status):
    kwargs = {"data": data}
    if isinstance(data, str):
        kwargs["content_type"] = "application/json"
    with client.open(url, method=method, **kwargs) as response:
        if status:
            assert response.status_code == status
        headers = response.headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "no-referrer" and headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in headers
    if method == "POST":
        assert headers["Cache-Control"] == "no-store"


def test_rate_limited_answers_carry_the_headers_too(law_dir, tmp_path):
    from app import create_app

    app = create_app(
        {
            "TESTING": True,
            "LAW_DIR": str(law_dir),
            "LAW_RELOAD": False,
            "SEARCH_BUILD_AT_START": False,
            "RATELIMIT_API_AND_SEARCH": "1 per minute",
        }
    )
    client = app.test_client()
    client.get("/api/v1/jurisdictions")
    response = client.get("/api/v1/jurisdictions")
    assert response.status_code == 429 and response.headers["Retry-After"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_answers_and_searches_never_reach_a_log_line(client, caplog):
    caplog.set_level("DEBUG")
    marker = "zq-my-street-address-zq"
    client.post("/search", data={"q": marker})
    client.get("/search", query_string={"q": marker})
    client.get("/api/v1/search", query_string={"q": marker})
    client.post("/questions", data={"a_jurisdiction": "us-ca", "a_relationship": marker, "step": "relationship"})
    client.post("/api/v1/assess", json={"jurisdiction": "us-ca", "answers": {"relationship": marker}})
    client.post("/api/v1/assess", data="{" + marker, content_type="application/json")
    assert marker not in caplog.text
