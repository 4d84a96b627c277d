"""Security and privacy headers on every response, and live reload of law files in development."""

from __future__ import annotations

from flask import Flask, request

from web.lawdata import law_store

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


HSTS_PRELOAD_MINIMUM = 31536000  # one year: what browsers' preload lists require


def hsts_header(seconds: int, subdomains: bool, preload: bool) -> str | None:
    """The Strict-Transport-Security value for these settings (None: not sent); refuse a preload that lists would reject."""
    if not seconds:
        return None
    if preload and (not subdomains or seconds < HSTS_PRELOAD_MINIMUM):
        raise ValueError(f"HSTS_PRELOAD needs HSTS_INCLUDE_SUBDOMAINS and HSTS_SECONDS of at least {HSTS_PRELOAD_MINIMUM}")
    return f"max-age={int(seconds)}" + ("; includeSubDomains" if subdomains else "") + ("; preload" if preload else "")


def init_app(app: Flask) -> None:
    """Install the header hook and, when enabled, the per-request law-file refresh."""
    hsts = hsts_header(app.config["HSTS_SECONDS"], app.config["HSTS_INCLUDE_SUBDOMAINS"], app.config["HSTS_PRELOAD"])
    if hsts:
        app.after_request(lambda response: _add_hsts(response, hsts))
    app.after_request(_add_headers)
    if app.config["LAW_RELOAD"]:
        app.before_request(_refresh_laws)


def _add_hsts(response, value: str):
    response.headers.setdefault("Strict-Transport-Security", value)
    return response


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.method == "POST" or request.endpoint in NO_STORE_ENDPOINTS:
        response.headers["Cache-Control"] = "no-store"
    return response


# Pages that may hold what a person typed; never cached by the browser or a proxy.
NO_STORE_ENDPOINTS: set[str] = set()


def _refresh_laws() -> None:
    law_store().refresh()
