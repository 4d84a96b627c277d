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
