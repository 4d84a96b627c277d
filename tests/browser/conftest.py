"""Browser fixtures: the app served on 127.0.0.1 in a thread, and Debian's Chromium via Playwright."""

from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app import create_app

CHROMIUM = Path("/usr/bin/chromium")
NEUTRAL_SITE = "https://www.bbc.co.uk/weather"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (make test installs it when run as root)", allow_module_level=True)


@contextmanager
def serving(app):
    """Serve a WSGI app on a free local port in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Serve the app on the fixture data for the whole session."""
    law_dir = tmp_path_factory.mktemp("laws") / "jurisdictions"
    shutil.copytree(Path(__file__).parent.parent / "fixtures" / "laws", law_dir)
    index_dir = tmp_path_factory.mktemp("index")
    config = {
        "TESTING": True,
        "LAW_DIR": str(law_dir),
        "LAW_LOADING": "strict",
        "LAW_RELOAD": False,
        "QUICK_EXIT_URL": NEUTRAL_SITE,
        "SEARCH_INDEX_DIR": str(index_dir),
    }
    with serving(create_app(config)) as url:
        yield url


@pytest.fixture(scope="session")
def real_server(tmp_path_factory):
    """Serve the app on the repository's real law files."""
    index_dir = tmp_path_factory.mktemp("real-index")
    with serving(
        create_app(
            {
                "TESTING": True,
                "LAW_LOADING": "strict",
                "LAW_RELOAD": False,
                "QUICK_EXIT_URL": NEUTRAL_SITE,
                "SEARCH_INDEX_DIR": str(index_dir),
            }
        )
    ) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _neutral(route):
    route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Weather</title><p>Weather</p>")


@contextmanager
def _page(browser, **options):
    """A page in a fresh context, with the neutral exit site answered locally (no network here)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, **options)
    context.route("https://www.bbc.co.uk/**", _neutral)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone(browser):
    """A phone-sized page (390x844)."""
    with _page(browser, is_mobile=True, has_touch=True) as page:
        yield page


@pytest.fixture
def phone_without_js(browser):
    with _page(browser, java_script_enabled=False) as page:
        yield page


@pytest.fixture
def spanish_phone(browser):
    """A phone whose browser asks for Spanish (Accept-Language: es-US)."""
    with _page(browser, is_mobile=True, has_touch=True, locale="es-US") as page:
        yield page
