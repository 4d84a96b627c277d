"""Recent changes to the laws (/changes), their Atom feeds, and the open-data export."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, jsonify, render_template, request

from kb.i18n import _
from kb.vocabulary import vocabulary
from maintenance.changes import recent_changes
from maintenance.export import LICENCE, export_csv, export_files, export_texts
from web.lawdata import law_store
from web.pages import current_kb
from web.urls import permanent_id, public_url

bp = Blueprint("changes", __name__)
FEED_LENGTH = 50


def _filters() -> tuple[str | None, str | None]:
    kb = current_kb()
    jurisdiction = request.args.get("jurisdiction") or None
    topic = request.args.get("topic") or None
    if jurisdiction and kb.jurisdiction(jurisdiction) is None:
        abort(400, description=_("'%(id)s' is not a jurisdiction we have. See /jurisdictions for the list.", id=jurisdiction[:40]))
    if topic and topic not in vocabulary()["topics"]:
        abort(
            400,
            description=_(
                "'%(topic)s' is not a topic. Choose one of: %(topics)s.", topic=topic[:40], topics=", ".join(vocabulary()["topics"])
            ),
        )
    return jurisdiction, topic


@bp.get("/changes")
def page():
    """List changes to the laws, newest first, filterable by jurisdiction and topic."""
    jurisdiction, topic = _filters()
    kb = current_kb()
    return render_template(
        "changes/changes.html",
        changes=recent_changes(kb, jurisdiction, topic),
        jurisdiction=jurisdiction,
        topic=topic,
        jurisdictions=[(j.id, j.name) for _, _, members in kb.by_country() for j in members],
    )


def _feed(title: str, changes, endpoint: str, **values) -> Response:
    """An Atom feed; its addresses come from BASE_URL (web/urls.py), never from the Host header."""
    updated = changes[0].sort_key if changes else date.today().isoformat()
    xml = render_template(
        "changes/feed.xml",
        title=title,
        changes=changes[:FEED_LENGTH],
        updated=updated,
        feed_id=permanent_id(endpoint, **values),
        self_url=public_url(endpoint, **values),
    )
    return Response(xml, mimetype="application/atom+xml")


@bp.get("/changes.atom")
def feed():
    """Atom feed of changes to every law."""
    return _feed(_("Changes to stalking and harassment laws"), recent_changes(current_kb()), "changes.feed")


@bp.get("/jurisdictions/<jurisdiction_id>/changes.atom")
def jurisdiction_feed(jurisdiction_id: str):
    """Atom feed of changes to one jurisdiction's laws."""
    found = current_kb().jurisdiction(jurisdiction_id.lower())
    if found is None:
        abort(404, description=_("We have no jurisdiction with the id '%(id)s'.", id=jurisdiction_id[:40]))
    title = _("Changes to %(place)s stalking and harassment laws", place=found.name)
    return _feed(title, recent_changes(current_kb(), found.id), "changes.jurisdiction_feed", jurisdiction_id=found.id)


@bp.get("/api/v1/export.json")
def export_json():
    """Every jurisdiction's file in the law-file format, with the licence and how to cite."""
    store = law_store()
    kb = store.kb
    cite = LICENCE["cite_as"].format(date=date.today().isoformat(), version=kb.version)
    return jsonify(
        {
            "licence": {**LICENCE, "cite_as": cite},
            "version": kb.version,
            "schema": "/api/v1/schema.json",
            "jurisdictions": export_files(store.current),
            "statute_texts": export_texts(store.current),
        }
    )


@bp.get("/api/v1/export.csv")
def export_table():
    """One row per law, its elements as columns."""
    return Response(export_csv(current_kb()), mimetype="text/csv", headers={"Content-Disposition": 'attachment; filename="laws.csv"'})
