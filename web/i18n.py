"""The interface language: chosen from the browser's Accept-Language, or by the reader's switch.

The reader's choice travels as `lang` in links and forms (no cookie: the site sets none), so every
link of a page keeps it. A language is offered only when its catalogue translates every message:
half a translation would leave a frightened reader between two languages.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from urllib.parse import urlencode

from babel.messages.mofile import read_mo
from flask import Flask, current_app, g, has_request_context, request, url_for
from flask_babel import Babel, get_locale, get_translations
from werkzeug.exceptions import HTTPException

from kb import i18n
from kb.i18n import translate_text
from kb.vocabulary import vocabulary

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
DEFAULT_LANGUAGE = "en"


def complete_languages(directory: Path = TRANSLATIONS) -> list[str]:
    """The interface languages whose compiled catalogue translates every message (English always)."""
    found = [DEFAULT_LANGUAGE]
    for code in vocabulary()["languages"]:
        if code == DEFAULT_LANGUAGE:
            continue
        compiled = directory / code / "LC_MESSAGES" / "messages.mo"
        if compiled.exists():
            with compiled.open("rb") as handle:
                catalog = read_mo(handle)
            messages = [m for m in catalog if m.id]
            if messages and all(m.string and not m.fuzzy for m in messages):
                found.append(code)
    return found


def offered_languages() -> list[str]:
    """The languages this server offers (configuration may narrow or, in tests, widen the list)."""
    configured = current_app.config.get("LANGUAGES")
    return list(configured) if configured else current_app.extensions["complete_languages"]


def explicit_language() -> str | None:
    """The language the reader chose on this site (a `lang` value in the link or form), if offered."""
    chosen = _posted_language() or request.args.get("lang", "")  # a posted switch beats the old link
    return chosen if chosen in offered_languages() else None


def _posted_language() -> str | None:
    """`lang` from a posted form; never from a body that is too large or is not a form (an error page
    must not fail again while finding its language)."""
    if request.method != "POST" or request.mimetype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return None
    try:
        return request.form.get("lang")
    except HTTPException:
        return None


def select_language() -> str:
    """The reader's choice, else the best match for the browser's languages, else English."""
    return explicit_language() or request.accept_languages.best_match(offered_languages()) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of the page being built (English outside a request); looked up once per request."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    language = g.get("language")
    if language is None:
        locale = get_locale()
        language = g.language = str(locale.language) if locale else DEFAULT_LANGUAGE
    return language


# This request's translations, found on first use: a context variable is far cheaper to read than
# Flask-Babel's per-call lookup, and a results page asks for hundreds of messages.
_REQUEST_CATALOGUE: ContextVar = ContextVar("lawguide_catalogue", default=None)


def _catalogue():
    """This request's translations (looked up on first use, then remembered until the request ends)."""
    catalogue = _REQUEST_CATALOGUE.get()
    if catalogue is None:
        catalogue = get_translations()
        _REQUEST_CATALOGUE.set(catalogue)
    return catalogue


# This request's message lookup: the catalogue's own dictionary when it has one (a compiled
# catalogue holds only translated messages, so a miss means "keep the English").
_REQUEST_LOOKUP: ContextVar = ContextVar("lawguide_lookup", default=None)


def _lookup():
    messages = getattr(_catalogue(), "_catalog", None)
    lookup = (lambda string: messages.get(string) or string) if messages else (lambda string: string)
    _REQUEST_LOOKUP.set(lookup)
    return lookup


def gettext_for_request(string: str) -> str:
    """gettext in this request's language (the message itself outside a request).

    Placeholders are left alone: kb.i18n's `_` and Jinja each fill them in their own way.
    """
    lookup = _REQUEST_LOOKUP.get()
    if lookup is None:
        if not has_request_context():
            return string
        lookup = _lookup()
    return lookup(string)


def _raw_ngettext(singular: str, plural: str, num: int) -> str:
    """For Jinja's {% trans %}...{% pluralize %}: the right plural form, placeholders left for Jinja."""
    if not has_request_context():
        return singular if num == 1 else plural
    return _catalogue().ungettext(singular, plural, num)


def _keep_choice(endpoint: str, values: dict) -> None:
    """Carry an explicit choice into every link built during this request (not into static files)."""
    if endpoint != "static" and "lang" not in values:
        chosen = g.get("explicit_language")
        if chosen:
            values["lang"] = chosen


def switch_language_url(code: str) -> str:
    """This page's address in another language (the home page when the page has no address of its own).

    The query is copied as text, never passed to `url_for`: a parameter named `endpoint`, `_external`
    or `_scheme` would otherwise change what `url_for` does (or break every page with a 500).
    """
    if request.method != "GET" or request.endpoint in (None, "static"):
        return url_for("pages.home", lang=code)
    path = url_for(request.endpoint, **(request.view_args or {}))
    query = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"] + [("lang", code)]
    return f"{path.split('?', 1)[0]}?{urlencode(query)}"


def law_text(law, part: str) -> str:
    """A law's title, summary or penalty detail in the reader's language when translated, else English."""
    translated = law.translation(current_language())
    value = getattr(translated, part, None) if translated else None
    if value:
        return value
    return {"title": law.title, "summary": law.summary, "penalty_detail": law.penalty.detail}[part]


def init_app(app: Flask) -> None:
    """Set up Flask-Babel, the `_` hook of kb/ and wizard/, and the switch's template helpers."""
    app.extensions["complete_languages"] = complete_languages()
    Babel(app, locale_selector=select_language, default_translation_directories=str(TRANSLATIONS))
    # Pages ask for hundreds of messages: kb/, wizard/ and the templates all use the per-request catalogue.
    i18n.install(gettext_for_request, current_language)
    app.jinja_env.install_gettext_callables(gettext_for_request, _raw_ngettext, newstyle=True)
    app.url_defaults(_keep_choice)

    @app.before_request
    def _remember_choice() -> None:
        g.explicit_language = explicit_language()

    @app.teardown_request
    def _forget_catalogue(_error=None) -> None:
        _REQUEST_CATALOGUE.set(None)
        _REQUEST_LOOKUP.set(None)

    app.jinja_env.filters["t"] = translate_text
    app.jinja_env.filters["law_title"] = lambda law: law_text(law, "title")
    app.jinja_env.filters["law_summary"] = lambda law: law_text(law, "summary")
    app.jinja_env.filters["law_penalty_detail"] = lambda law: law_text(law, "penalty_detail")

    app.jinja_env.globals["switch_language_url"] = switch_language_url

    @app.context_processor
    def _language_helpers() -> dict:
        names = vocabulary()["languages"]
        here = current_language()
        return {
            "current_language": here,
            "other_languages": [(code, names[code]) for code in offered_languages() if code != here],
        }
