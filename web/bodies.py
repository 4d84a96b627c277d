"""Request bodies a server streams (chunked): read up front, within the size limit, so a body too
large is refused (413) rather than cut at the limit, and a body that cannot be read is the client's
error (400), not a server failure. JSON nested too deeply is a 400 as well."""

from __future__ import annotations

import io

from flask import Flask, abort, request
from flask.json.provider import DefaultJSONProvider

from kb.i18n import _

PROBLEM = "lawguide.body_problem"


class BufferStreamedBodies:
    """WSGI middleware: read a chunked body whole (at most the limit), or note why it could not be."""

    def __init__(self, wsgi_app, limit: int | None) -> None:
        self.wsgi_app = wsgi_app
        self.limit = limit

    def __call__(self, environ, start_response):
        if self.limit is not None and "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            try:
                body = environ["wsgi.input"].read(self.limit + 1)
            except Exception:  # a broken chunk: gunicorn and werkzeug each raise their own kind
                body, environ[PROBLEM] = b"", 400
            if len(body) > self.limit:
                body, environ[PROBLEM] = b"", 413
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        return self.wsgi_app(environ, start_response)


class GuardedJSONProvider(DefaultJSONProvider):
    """JSON that is nested too deeply to parse is invalid JSON (Flask answers 400), not a crash."""

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError as error:
            raise ValueError("the JSON is nested too deeply") from error


def _refuse_unreadable_body() -> None:
    problem = request.environ.get(PROBLEM)
    if problem == 413:
        abort(413)
    if problem == 400:
        abort(400, description=_("The request body could not be read (it was cut off or badly encoded). Send it again."))


def init_app(app: Flask) -> None:
    """Buffer streamed bodies, refuse unreadable ones before anything reads them, and guard JSON."""
    app.wsgi_app = BufferStreamedBodies(app.wsgi_app, app.config.get("MAX_CONTENT_LENGTH"))
    app.before_request_funcs.setdefault(None, []).insert(0, _refuse_unreadable_body)
    app.json = GuardedJSONProvider(app)
