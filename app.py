"""The application factory: `flask --app app run` serves the guide; `flask --app app laws` maintains it."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from flask import Flask

from kb.loader import DEFAULT_LAW_DIR
from kb.store import LawStore
from search import IndexManager

DEFAULTS = {
    "LAW_DIR": str(DEFAULT_LAW_DIR),
    # Reload changed law files on each request (development); None means "when debug is on".
    "LAW_RELOAD": None,
    # Where the quick exit sends people: a neutral, common page.
    "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
    "MAX_CONTENT_LENGTH": 64 * 1024,
    # Where the search index lives (one folder per data version); default: <instance>/search-index.
    "SEARCH_INDEX_DIR": None,
    # Build the search index when the app starts (and after each live reload); else on first search.
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
}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then instance config, then test overrides; then data, views and CLI."""
    app = Flask(__name__, instance_relative_config=True, template_folder="templates", static_folder="static")
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("LAWGUIDE")
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _configure_logging(app)

    from web import register

    if app.config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=int(app.config["PROXY_COUNT"]), x_proto=int(app.config["PROXY_COUNT"]))

    store = LawStore(Path(app.config["LAW_DIR"]))
    reload_enabled = app.config["LAW_RELOAD"]
    if reload_enabled is None:
        reload_enabled = app.debug or os.environ.get("FLASK_DEBUG") == "1"
    app.config["LAW_RELOAD"] = reload_enabled
    if reload_enabled or _maintainer_command():
        store.load_lenient()
    else:
        store.load_strict()  # production refuses to start on invalid data, listing every problem
    app.extensions["law_store"] = store
    _setup_search(app, store)
    register(app)
    if not _maintainer_command():
        from web.report import warn_if_unset

        warn_if_unset(app)
    return app


def _setup_search(app: Flask, store: LawStore) -> None:
    """Attach the search index; rebuild it when the served data changes (start and live reload)."""
    base = Path(app.config["SEARCH_INDEX_DIR"] or Path(app.instance_path) / "search-index")
    manager = IndexManager(base)
    app.extensions["search_index"] = manager
    if app.config["SEARCH_BUILD_AT_START"] and not _maintainer_command():
        manager.get(store.kb)
        store.listeners.append(lambda result: manager.get(result.kb))


def _maintainer_command() -> bool:
    """True under `flask laws ...` or `flask search ...`: these commands load the data themselves.

    Maintainers must be able to validate broken data rather than be refused, and `search build`
    should not build the index twice.
    """
    return len(sys.argv) > 1 and bool({"laws", "search"} & set(sys.argv[1:])) and Path(sys.argv[0]).name in ("flask", "__main__.py")


def _configure_logging(app: Flask) -> None:
    """Log to stderr; werkzeug's access log is silenced so no request line (or query) is logged."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
