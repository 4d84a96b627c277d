"""Safety promises seen through the test client: pages built from forms mark themselves so history
cannot send the form again, and addresses reached again without their form start afresh."""

from __future__ import annotations

import functools
import gc
import io
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


# Page titles reach the browser's history (and its history database): they must never hold what a
# person typed or answered, nor the region of an assessment.
MARKER = "zqexhusbandgpszq"


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _walk(client, language: str) -> list[tuple[str, str, set[str]]]:
    """(what, title, words that must not be in it) for each questionnaire page, results and search."""
    from tests.web.test_questionnaire import SCRIPT, current_question, hidden

    lang = {"lang": language}
    pages = []
    html = client.get("/questions", query_string=lang).get_data(as_text=True)
    while (question := current_question(html)) is not None:
        answered = {**hidden(html), "question": question, "nav": "next", **SCRIPT[question], **lang}
        html = client.post("/questions", data=answered).get_data(as_text=True)
        pages.append((f"after {question}", _title(html), set()))
    results = client.post("/questions/results", data={**hidden(html), **lang}).get_data(as_text=True)
    assert "California" in results  # the region is on the page...
    pages.append(("results", _title(results), set()))  # ...but not in its title
    for how, response in [
        ("search POST", client.post("/search", data={"q": f"{MARKER} stalking", "jurisdiction": "us-ca", **lang})),
        ("search GET", client.get("/search", query_string={"q": f"{MARKER} stalking", "jurisdiction": "us-ca", **lang})),
        ("API-less search page", client.get("/search", query_string={"q": MARKER, **lang})),
        ("law page with a query", client.get("/laws/us-ca-stalking", query_string={"q": MARKER, **lang})),
    ]:
        assert response.status_code == 200
        pages.append((how, _title(response.get_data(as_text=True)), {MARKER}))
    return pages


@pytest.mark.parametrize("language", ["en", "es"])
def test_titles_never_hold_a_query_an_answer_or_a_region(real_app, language):
    kb = real_app.extensions["law_store"].kb
    from tests.web.test_questionnaire import SCRIPT

    given = {value for step in SCRIPT.values() for value in ([step["answer"]] if "answer" in step else step["ticked"])}
    answers = {value for value in given if len(value) > 3}  # "us", "yes", "no", "one" are everyday words
    regions = {j.name for j in kb.jurisdictions.values()} | {"California", "United States", "Estados Unidos"}
    pages = _walk(real_app.test_client(), language)
    assert len(pages) >= len(SCRIPT) + 5
    for what, title, extra in pages:
        words = {w for w in regions | answers | extra if w.lower() in title.lower()}
        assert not words, f"{what}: title {title!r} holds {words}"
    titles = {title for what, title, _ in pages}
    expected = {"en": ["Search results", "Laws that may apply"], "es": ["Resultados de la búsqueda", "Leyes que pueden aplicarse"]}
    assert set(expected[language]) <= titles


@pytest.mark.parametrize(
    "config, expected",
    [
        ({}, None),
        ({"HSTS_SECONDS": 31536000}, "max-age=31536000"),
        ({"HSTS_SECONDS": 63072000, "HSTS_INCLUDE_SUBDOMAINS": True, "HSTS_PRELOAD": True}, "max-age=63072000; includeSubDomains; preload"),
    ],
)
def test_hsts_is_sent_when_configured(law_dir, make_app, config, expected):
    client = make_app(law_dir, **config).test_client()
    for path in ["/", "/search", "/api/v1/jurisdictions", "/no-such-page"]:
        assert client.get(path).headers.get("Strict-Transport-Security") == expected


def test_an_hsts_preload_that_lists_would_reject_is_refused(law_dir, make_app):
    with pytest.raises(ValueError, match="HSTS_PRELOAD needs"):
        make_app(law_dir, HSTS_SECONDS=300, HSTS_PRELOAD=True)


@pytest.mark.parametrize("name", ["endpoint", "_external", "_scheme", "_anchor", "_method", "values", "lang", "_external&_scheme"])
@pytest.mark.parametrize("path", ["/", "/search", "/jurisdictions/us-ca", "/laws/us-ca-stalking", "/no-such-page"])
def test_no_query_parameter_reaches_url_for(client, path, name):
    query = "&".join(f"{part}=javascript" for part in name.split("&"))
    response = client.get(f"{path}?{query}&q=x")
    html = response.get_data(as_text=True)
    assert response.status_code in (200, 404)
    assert 'id="quick-exit"' in html and response.headers["Content-Security-Policy"]
    switch = re.search(r'<a href="([^"]+)" lang="es" hreflang="es">', html).group(1).replace("&amp;", "&")
    assert switch.startswith("/") and not switch.startswith("//")  # never another scheme or site
    if response.status_code == 200 and name != "lang":
        assert switch.startswith(path.rstrip("/") or "/") and f"{name.split('&')[0]}=javascript" in switch and switch.endswith("lang=es")


def _cached_keys_holding(words: set[str]) -> list:
    """Every dictionary key in the process (the form any cache keeps) that contains one of `words`."""
    gc.collect()
    found = []
    for thing in gc.get_objects():
        if isinstance(thing, dict):
            for key in list(thing):
                parts = key if isinstance(key, tuple) else (key,)
                if any(isinstance(part, str) and any(word in part for word in words) for part in parts):
                    found.append(key)
    return found


def _lru_sizes() -> dict[int, int]:
    return {id(f): f.cache_info().currsize for f in gc.get_objects() if isinstance(f, functools._lru_cache_wrapper)}


@pytest.mark.parametrize("how", ["page", "api"])
def test_a_searched_word_is_kept_in_no_cache(app, how):
    from werkzeug.test import EnvironBuilder
    from whoosh.lang.porter import stem

    def request(text):
        """The request as a server hands it over (built before measuring: the test client caches URLs)."""
        if how == "page":
            return EnvironBuilder(path="/search", method="POST", data={"q": text}).get_environ()
        return EnvironBuilder(path="/api/v1/search", query_string={"q": text}).get_environ()

    def run(environ):
        statuses = []
        b"".join(app(environ, lambda status, headers, *rest: statuses.append(status)))
        assert statuses[0].startswith("200")

    run(request("stalking warm up"))
    marker = "zqvxfollowingmarkers"
    environ = request(f"{marker} tracking")
    before = _lru_sizes()
    run(environ)
    del environ
    assert _cached_keys_holding({marker, stem(marker), "zqvxfollow"}) == []
    grown = {key: size for key, size in _lru_sizes().items() if size > before.get(key, 0)}
    assert grown == {}


EVIL_HOST = "attacker.example"


@pytest.mark.parametrize("base", [None, "https://guide.example.org"])
def test_feeds_and_report_links_never_take_the_host_header(law_dir, make_app, base):
    import feedparser

    app = make_app(law_dir, BASE_URL=base, REPORT_PROBLEM_EMAIL="laws@example.org")
    client = app.test_client()
    headers = {"Host": EVIL_HOST, "X-Forwarded-Host": EVIL_HOST}
    pages = [client.get(path, headers=headers) for path in ["/changes.atom", "/jurisdictions/us-ca/changes.atom", "/laws/us-ca-stalking"]]
    assert [page.status_code for page in pages] == [200, 200, 200]
    for page in pages:
        assert EVIL_HOST not in page.get_data(as_text=True)
    feed = feedparser.parse(pages[0].data)
    expected = base or ""
    assert feed.entries and all(entry.link.startswith(f"{expected}/laws/") for entry in feed.entries)
    assert all(entry.id.startswith(f"{base}/laws/" if base else "urn:uuid:") for entry in feed.entries)
    report = re.search(r'href="(mailto:[^"]+)"', pages[2].get_data(as_text=True)).group(1)
    assert "laws%2Fus-ca-stalking" in report and ((base or "").replace(":", "%3A").replace("/", "%2F") in report)


@pytest.mark.parametrize("base", ["guide.example.org", "javascript:alert(1)", "https://guide.example.org/path?x=1", "https://"])
def test_a_base_url_that_is_not_a_site_address_is_refused(law_dir, make_app, base):
    with pytest.raises(ValueError, match="BASE_URL must be the site's address"):
        make_app(law_dir, BASE_URL=base)


def test_serving_without_base_url_warns_at_start(law_dir, make_app, caplog):
    with caplog.at_level("WARNING", logger="web.urls"):
        make_app(law_dir)
    assert any("BASE_URL is not set" in r.getMessage() for r in caplog.records)


class _BrokenChunks(io.RawIOBase):
    """A streamed body the server cannot decode (gunicorn raises InvalidChunkSize, werkzeug OSError)."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise ValueError("Invalid chunk size")


def _streamed(client, path, stream, content_type):
    """A chunked POST as gunicorn hands it over: no Content-Length, the server decoding the chunks."""
    return client.post(
        path,
        content_type=content_type,
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input": stream, "wsgi.input_terminated": True, "CONTENT_LENGTH": ""},
    )


@pytest.mark.parametrize("path, content_type", [("/search", "application/x-www-form-urlencoded"), ("/api/v1/assess", "application/json")])
def test_streamed_bodies_broken_or_too_large_are_refused_plainly(client, path, content_type):
    broken = _streamed(client, path, _BrokenChunks(), content_type)
    assert broken.status_code == 400 and "could not be read" in broken.get_data(as_text=True)
    large = _streamed(client, path, io.BytesIO(b"q=" + b"a" * 70_000), content_type)
    assert large.status_code == 413 and "at most 64 KB" in large.get_data(as_text=True)
    for response in (broken, large):
        assert response.headers["Content-Security-Policy"] and response.headers["X-Frame-Options"] == "DENY"
    fits = _streamed(client, path, io.BytesIO(b"q=stalking" if "search" in path else b'{"answers": {}}'), content_type)
    assert fits.status_code in (200, 400) and "could not be read" not in fits.get_data(as_text=True)


@pytest.mark.parametrize("depth", [2_000, 30_000])
def test_json_nested_too_deeply_is_a_400(client, depth):
    for body in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        response = client.post("/api/v1/assess", data=body[:60_000], content_type="application/json")
        assert response.status_code == 400 and response.get_json()["error"]["status"] == 400
