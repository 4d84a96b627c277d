"""Browsing: every jurisdiction, one jurisdiction's laws, one law."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from kb.i18n import _
from kb.vocabulary import vocabulary
from web.pages import current_kb

bp = Blueprint("browse", __name__)


@bp.get("/jurisdictions")
def jurisdictions():
    """List jurisdictions grouped by country, then A-Z."""
    return render_template("browse/jurisdictions.html", groups=current_kb().by_country())


@bp.get("/jurisdictions/<jurisdiction_id>")
def jurisdiction(jurisdiction_id: str):
    """Show a jurisdiction's laws grouped by kind and topic, and those that also apply from above."""
    kb = current_kb()
    found = kb.jurisdiction(jurisdiction_id.lower())
    if found is None:
        abort(404, description=_("We have no jurisdiction with the id '%(id)s'.", id=jurisdiction_id[:40]))
    by_kind = []
    for kind in vocabulary()["kinds"]:
        laws = [law for law in found.laws if law.kind == kind]
        if laws:
            by_kind.append((kind, _group_by_topic(laws)))
    return render_template(
        "browse/jurisdiction.html",
        jurisdiction=found,
        by_kind=by_kind,
        parents=kb.lineage(found.id)[1:],
        children=kb.children(found.id),
    )


def _group_by_topic(laws):
    """Group laws under their first topic, in the vocabulary's order."""
    order = list(vocabulary()["topics"])
    groups: dict[str, list] = {}
    for law in laws:
        groups.setdefault(law.topics[0], []).append(law)
    return [(topic, groups[topic]) for topic in sorted(groups, key=order.index)]


@bp.get("/laws/<law_id>")
def law(law_id: str):
    """Show one law in full: elements in plain words, summary, penalty, notes, history, checks."""
    kb = current_kb()
    found = kb.law(law_id.lower())
    if found is None:
        abort(404, description=_("We have no law with the id '%(id)s'.", id=law_id[:60]))
    return render_template("browse/law.html", law=found, jurisdiction=kb.jurisdiction(found.jurisdiction_id))


@bp.get("/go")
def go():
    """Send the home page's region picker (which works without JavaScript) to that region's page."""
    jurisdiction_id = (request.args.get("id") or "").lower()
    if current_kb().jurisdiction(jurisdiction_id) is None:
        abort(404, description=_("Choose a region from the list."))
    return redirect(url_for("browse.jurisdiction", jurisdiction_id=jurisdiction_id))
