"""The application factory: `flask --app app run` serves the guide; `flask --app app laws` maintains it.

`create_app` never looks at the command line: whoever starts the app says how the law files are
loaded (`LAW_LOADING`). The production server calls `serving_app()` (strict, at once); the
maintainers' commands and `flask run` leave it `lazy`, so each loads the files when it needs them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask

from kb.loader import DEFAULT_LAW_DIR
from kb.store import LawStore
from search import IndexManager

DEFAULTS = {
    "LAW_DIR": str(DEFAULT_LAW_DIR),
    # How the law files are loaded: "strict" (now; invalid data stops the app), "lenient" (now;
    # valid files served, problems logged) or "lazy" (on first use: strict, or lenient while LAW_RELOAD).
    "LAW_LOADING": "lazy",
    # Reload changed law files on each request (development); None means "when debug is on".
    "LAW_RELOAD": None,
    # Where the quick exit sends people: a neutral, common page.
    "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
    "MAX_CONTENT_LENGTH": 64 * 1024,
    # Where the search index lives (one folder per data version); default: <instance>/search-index.
    "SEARCH_INDEX_DIR": None,
    # Build the search index when the data is loaded (and after each live reload); else on first search.
    "SEARCH_BUILD_AT_START": True,
    "JSON_SORT_KEYS": False,
    # Where "Report a problem" on a law page leads (see docs/deployment.md): a tracker address with
    # {law_id}, {citation}, {title} and {page} placeholders, or an email address. Neither: no link.
    "REPORT_PROBLEM_URL": None,
    "REPORT_PROBLEM_EMAIL": None,
    # Per-client limits on /api/ and /search (Flask-Limiter syntax); storage: memory:// unless set,
    # e.g. RATELIMIT_STORAGE_URI = "redis://host:6379" shared by every instance.
    "RATELIMIT_API_AND_SEARCH": "120 per minute;20 per second",
    "RATELIMIT_ENABLED": True,
    # How many proxies in front of the app set X-Forwarded-For (0: none; the client address is the peer).
    "PROXY_COUNT": 0,
    # The site's public address (https://guide.example.org): feeds and report links use it, never the
    # Host header a client sends. Unset: they carry paths only, and a warning is logged at start.
    "BASE_URL": None,
    # Strict-Transport-Security sent by the app (0: not sent; the proxy should send it, see docs/deployment.md).
    "HSTS_SECONDS": 0,
    "HSTS_INCLUDE_SUBDOMAINS": False,
    "HSTS_PRELOAD": False,
}
LAW_LOADING_MODES = ("strict", "lenient", "lazy")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then instance config, then test overrides; then data, views and CLI."""
    app = Flask(__name__, instance_relative_config=True, template_folder="templates", static_folder="static")
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("LAWGUIDE")
    if test_config:
        app.config.from_mapping(test_config)
    mode = app.config["LAW_LOADING"]
    if mode not in LAW_LOADING_MODES:
        raise ValueError(f"LAW_LOADING must be one of {', '.join(LAW_LOADING_MODES)}, not {mode!r}")
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _configure_logging(app)

    from web import register
    from web.lawdata import load_for_serving

    if app.config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=int(app.config["PROXY_COUNT"]), x_proto=int(app.config["PROXY_COUNT"]))

    if app.config["LAW_RELOAD"] is None:
        app.config["LAW_RELOAD"] = app.debug
    app.extensions["law_store"] = LawStore(Path(app.config["LAW_DIR"]))
    app.extensions["search_index"] = IndexManager(Path(app.config["SEARCH_INDEX_DIR"] or Path(app.instance_path) / "search-index"))
    register(app)
    if mode != "lazy":
        load_for_serving(app, mode)  # strict: a bad deploy never starts, and every problem is listed
    return app


def serving_app() -> Flask:
    """The production server's app (gunicorn): the law files loaded strictly, once, before workers fork,
    and the results cards (every law) and help lists (every jurisdiction) written ahead in each
    language (so workers share them and no reader waits for them)."""
    app = create_app({"LAW_LOADING": "strict"})
    from web import help_lists, result_cards

    result_cards.write_ahead(app)
    help_lists.write_ahead(app)
    return app


def _configure_logging(app: Flask) -> None:
    """Log to stderr; werkzeug's access log is silenced so no request line (or query) is logged."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
