"""The application factory: `flask --app app run` serves the guide; `flask --app app laws` maintains it."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from flask import Flask

from kb.loader import DEFAULT_LAW_DIR
from kb.store import LawStore

DEFAULTS = {
    "LAW_DIR": str(DEFAULT_LAW_DIR),
    # Reload changed law files on each request (development); None means "when debug is on".
    "LAW_RELOAD": None,
    # Where the quick exit sends people: a neutral, common page.
    "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "JSON_SORT_KEYS": False,
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
    register(app)
    return app


def _maintainer_command() -> bool:
    """True under `flask laws ...`: maintainers must be able to validate broken data, not be refused."""
    return len(sys.argv) > 1 and "laws" in sys.argv[1:] and Path(sys.argv[0]).name in ("flask", "__main__.py")


def _configure_logging(app: Flask) -> None:
    """Log to stderr; werkzeug's access log is silenced so no request line (or query) is logged."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
