"""Absolute addresses handed out by the site (Atom feeds, "report a problem"): built from the
configured BASE_URL, never from the request's Host header, which any client can set."""

from __future__ import annotations

import logging
import uuid
from urllib.parse import urlsplit

from flask import Flask, current_app, url_for

log = logging.getLogger(__name__)


def public_url(endpoint: str, **values) -> str:
    """The address of a page for use outside the site: BASE_URL and the path, or the path alone when unset."""
    path = url_for(endpoint, **values)
    base = current_app.config.get("BASE_URL")
    return f"{base.rstrip('/')}{path}" if base else path


def permanent_id(endpoint: str, **values) -> str:
    """A permanent, absolute identifier for an Atom id: the public address, or a name-based UUID of the path."""
    address = public_url(endpoint, **values)
    return address if "://" in address else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, address)}"


def check_config(app: Flask) -> None:
    """Refuse a BASE_URL that is not a plain http(s) address (a path, a query or a fragment would end up in every link)."""
    base = app.config.get("BASE_URL")
    if base:
        parts = urlsplit(base)
        if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment or parts.path not in ("", "/"):
            raise ValueError(f"BASE_URL must be the site's address, like https://guide.example.org, not {base[:60]!r}")


def warn_if_unset(app: Flask) -> None:
    """Say at start when feeds and reports can only carry paths (no BASE_URL)."""
    if not app.config.get("BASE_URL"):
        log.warning("BASE_URL is not set: Atom feeds and report links carry paths only, not the site's address")


def init_app(app: Flask) -> None:
    """Check BASE_URL and offer the helpers to templates."""
    check_config(app)
    app.jinja_env.globals["public_url"] = public_url
    app.jinja_env.globals["permanent_id"] = permanent_id
