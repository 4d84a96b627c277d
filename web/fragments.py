"""`{% static "name" %}...{% endstatic %}`: template parts rendered once per language, then reused.

Every page repeats the same header, safety note and footer, and the results page the same advice;
rendering their translated text and links on every request cost more than the rest of a simple page.
A fragment marked `static` is rendered on first use and kept, keyed by its name, the page language
and the reader's explicit language choice (which links carry). Nothing else may vary inside one:
no reader input, no page data, no block a child template overrides. The keys come from a fixed
set, so the cache stays small and holds nothing any reader typed.
"""

from __future__ import annotations

import threading

from flask import Flask, g, has_request_context
from jinja2 import nodes
from jinja2.ext import Extension
from markupsafe import Markup

from web.i18n import current_language


def fragment_variant() -> tuple[str, str | None]:
    """What a static fragment may depend on: the page language and the explicit choice carried in links."""
    return current_language(), (g.get("explicit_language") if has_request_context() else None)


class StaticFragments(Extension):
    """The `static` tag (see the module docstring)."""

    tags = {"static"}

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.extend(static_fragments={}, static_fragments_lock=threading.Lock())

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        name = parser.parse_expression()
        body = parser.parse_statements(("name:endstatic",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_render_once", [name]), [], [], body).set_lineno(lineno)

    def _render_once(self, name: str, caller) -> Markup:
        key = (name, *fragment_variant())
        cache = self.environment.static_fragments
        found = cache.get(key)
        if found is None:
            found = Markup(caller())
            with self.environment.static_fragments_lock:
                cache[key] = found
        return found


def init_app(app: Flask) -> None:
    """Add the `static` tag to the app's templates; in debug mode (templates reloaded on edit) keep nothing."""
    app.jinja_env.add_extension(StaticFragments)
    if app.debug or app.config.get("TEMPLATES_AUTO_RELOAD"):
        app.jinja_env.static_fragments = _NeverKeeps()


class _NeverKeeps(dict):
    """A cache that keeps nothing (for template development)."""

    def __setitem__(self, key, value) -> None:
        return None
