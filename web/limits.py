"""Per-client rate limits on the API and search, so a scraper or an attack cannot starve the site.

Only /api/ and /search are limited: the questionnaire and the law pages are what a person in
danger uses, and they are cheap. Clients are told apart by a salted hash of their address, so
neither memory nor a shared store (Redis, Memcached) ever holds an address in the clear.
Limits, storage and the salt are configuration (see docs/deployment.md).
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets

from flask import Flask, current_app, request
from flask_limiter import Limiter

LIMITED_PREFIXES = ("/api/", "/search")


def counted_address(address: str | None) -> str:
    """The part of an address that names one client: an IPv6 address by its /64 (one home or phone
    network is handed a whole /64, so a client could otherwise take a fresh address per request)."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "-"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


def client_key() -> str:
    """A salted hash of the client's address (behind a proxy, the address ProxyFix found)."""
    salt = current_app.config["RATELIMIT_KEY_SALT"]
    return hashlib.sha256(f"{salt}:{counted_address(request.remote_addr)}".encode()).hexdigest()[:32]


def _exempt() -> bool:
    return not request.path.startswith(LIMITED_PREFIXES)


def init_app(app: Flask) -> Limiter:
    """Attach the limiter: in-memory storage unless RATELIMIT_STORAGE_URI names a shared store."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # A shared store that is down must not take the site down: let requests through, log it.
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    if not app.config.get("RATELIMIT_KEY_SALT"):
        # A per-process salt is right for in-memory storage; a shared store needs a shared salt.
        app.config["RATELIMIT_KEY_SALT"] = secrets.token_hex(16)
    limiter = Limiter(
        client_key,
        app=app,
        default_limits=[app.config["RATELIMIT_API_AND_SEARCH"]],
        default_limits_exempt_when=_exempt,
    )
    return limiter
