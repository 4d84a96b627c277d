"""Error pages that help: HTML for people, JSON with a named field for the API."""

from __future__ import annotations

import logging

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from kb.i18n import N_, _

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Register handlers so no error reaches a person as a bare server page."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


# Our own words for the errors a reader can meet, instead of the server library's English.
ERROR_NAMES = {
    400: N_("This request could not be used"),
    404: N_("Page not found"),
    405: N_("This page cannot be used that way"),
    413: N_("Too much data"),
    429: N_("Too many requests"),
}
DEFAULT_DESCRIPTIONS = {
    400: N_("Something in the address or the form could not be used. Go back and try again."),
    404: N_("There is no page at this address. Check the address, or use one of the links below."),
    405: N_("This page cannot be used that way. Go back and try again."),
}
OTHER_NAME = N_("Something went wrong")
OTHER_DESCRIPTION = N_("Something went wrong. Go back and try again.")


def error_name(error: HTTPException) -> str:
    """The error's name in the reader's language."""
    return _(ERROR_NAMES.get(error.code, OTHER_NAME))


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _plain_message(error: HTTPException) -> str:
    """Replace library wording for limits with what happened and what to do."""
    if error.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
        return _("The request is too large: this site accepts at most %(size)s KB. Send less data, or split it up.", size=limit // 1024)
    if error.code == 429:
        limit = getattr(getattr(error, "limit", None), "limit", None)
        if limit:
            return _(
                "Too many requests from your connection in a short time (the limit is %(limit)s). Wait a minute, then try again.",
                limit=limit,
            )
        return _("Too many requests from your connection in a short time. Wait a minute, then try again.")
    if error.description == type(error).description:  # the library's own English
        return _(DEFAULT_DESCRIPTIONS.get(error.code, OTHER_DESCRIPTION))
    return error.description


def _http_error(error: HTTPException):
    message = _plain_message(error)
    error.description = message
    if _wants_json():
        response = jsonify({"error": {"status": error.code, "message": message}})
    else:
        response = current_app.make_response(render_template("errors/error.html", error=error, error_name=error_name(error)))
    response.status_code = error.code
    for name, value in error.get_headers():
        if name.lower() != "content-type":  # keep Allow (405), Retry-After (429) and the like
            response.headers[name] = value
    return response


def _unexpected_error(error: Exception):
    # Log the type only: the request may carry what a person typed, which must not reach a log.
    log.error("unexpected error on %s: %s", request.endpoint, type(error).__name__)
    if _wants_json():
        return jsonify({"error": {"status": 500, "message": "Something went wrong on our side."}}), 500
    return render_template("errors/error.html", error=None), 500
