"""Error pages that help: HTML for people, JSON with a named field for the API."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Register handlers so no error reaches a person as a bare server page."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _http_error(error: HTTPException):
    if _wants_json():
        return jsonify({"error": {"status": error.code, "message": error.description}}), error.code
    return render_template("errors/error.html", error=error), error.code


def _unexpected_error(error: Exception):
    # Log the type only: the request may carry what a person typed, which must not reach a log.
    log.error("unexpected error on %s: %s", request.endpoint, type(error).__name__)
    if _wants_json():
        return jsonify({"error": {"status": 500, "message": "Something went wrong on our side."}}), 500
    return render_template("errors/error.html", error=None), 500
