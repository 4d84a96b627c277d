"""The law data behind every page and command: loaded once, when first needed, in the mode the
entry point chose (app.LAW_LOADING); never re-chosen from the command line."""

from __future__ import annotations

import logging
import threading

from flask import Flask, current_app

from kb.knowledge import KnowledgeBase
from kb.store import InvalidLawData, LawStore

log = logging.getLogger(__name__)
_LOADING = threading.Lock()


def law_store() -> LawStore:
    """The store being served, loaded on first use: strictly, or leniently while files are edited live."""
    app = current_app._get_current_object()
    store = app.extensions["law_store"]
    if store.current is None:
        load_for_serving(app, "lenient" if app.config["LAW_RELOAD"] else "strict")
    return store


def current_kb() -> KnowledgeBase:
    """The knowledge base being served right now."""
    return law_store().kb


def load_for_serving(app: Flask, mode: str) -> None:
    """Load the law files to serve them (once), open the search index, and warn about missing settings.

    Strict loading raises InvalidLawData listing every problem; the problems name files and lines,
    never anything a reader sent, so they are logged in full.
    """
    store = app.extensions["law_store"]
    with _LOADING:
        if store.current is not None:
            return
        try:
            store.load_strict() if mode == "strict" else store.load_lenient()
        except InvalidLawData as error:
            log.error("the law files do not validate, so nothing is served: %s", error)
            raise
        if app.config["SEARCH_BUILD_AT_START"]:
            manager = app.extensions["search_index"]
            manager.get(store.kb)
            store.listeners.append(lambda result: manager.get(result.kb))
    from web import report, urls

    report.warn_if_unset(app)
    urls.warn_if_unset(app)


def maintainer_store() -> LawStore:
    """The store for a maintainer's command: every valid file loaded (problems kept, not refused), once."""
    store = current_app.extensions["law_store"]
    with _LOADING:
        if store.current is None:
            store.load_lenient()
    return store
