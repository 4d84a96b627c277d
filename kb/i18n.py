"""The translation hook for the layers that know nothing of Flask (kb/ and wizard/).

Their messages are written in English and passed through `_()`. By default `_()` returns the
English (the command line, the engine's own tests); the web layer installs a function that
translates into the reader's language for the current request. Placeholders are %(name)s, as
gettext tools expect, so translators can move them within the sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _untranslated(message: str) -> str:
    return message


def _english() -> str:
    return "en"


_translate: Callable[[str], str] = _untranslated
_language: Callable[[], str] = _english


class _Local(threading.local):
    """Per-thread state; `english` has a class default so reading it never raises inside getattr."""

    english = False


_local = _Local()


def _(message: str, **values: object) -> str:
    """Translate `message` into the current language, then fill in its %(name)s placeholders."""
    text = message if _local.english else _translate(message)
    return text % values if values else text


def translate_text(text: str) -> str:
    """Translate a text kept as data (a label or a question read from YAML), whitespace normalised.

    A separate name from `_` so the catalogue extractor does not mistake it for a message.
    """
    normalised = " ".join(text.split())
    return _(normalised) if text else text


@contextmanager
def in_english() -> Iterator[None]:
    """Work in English whatever the request's language (the search index is built in English)."""
    before = _local.english
    _local.english = True
    try:
        yield
    finally:
        _local.english = before


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark a message for the catalogue without translating it yet (translate it where it is shown)."""
    return message


def language() -> str:
    """The current language code (en outside a web request, or inside `in_english`)."""
    return "en" if _local.english else _language()


def install(translate: Callable[[str], str], current_language: Callable[[], str]) -> None:
    """Route `_()` through `translate` (the web layer's gettext) and report the request's language."""
    global _translate, _language
    _translate = translate
    _language = current_language
