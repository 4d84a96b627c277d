"""The public maintenance dashboard (/maintain): what advocates should check or fix next."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, render_template, request

from kb.i18n import _
from kb.model import CONFIRMATION_GAPS
from maintenance.review import CORE_NEEDS, review
from web.lawdata import law_store
from web.pages import current_kb

bp = Blueprint("maintain", __name__)


def _months() -> int:
    raw = request.args.get("months", "12")
    if not raw.isdigit() or not 0 <= int(raw) <= 240:
        abort(400, description=_("'months' must be a whole number of months from 0 to 240, not '%(value)s'.", value=raw[:20]))
    return int(raw)


@bp.get("/maintain")
def dashboard():
    """Stale laws, unconfirmed facts, missing topics and file problems, each naming the file to edit."""
    kb = current_kb()
    jurisdiction = request.args.get("jurisdiction") or None
    if jurisdiction and kb.jurisdiction(jurisdiction) is None:
        abort(400, description=_("'%(id)s' is not a jurisdiction we have. See /jurisdictions for the list.", id=jurisdiction[:40]))
    store = law_store()
    found = review(kb, store.problems, date.today(), _months())
    if jurisdiction:
        found = found.only(kb.jurisdiction(jurisdiction))
    return render_template(
        "maintain/dashboard.html",
        review=found,
        jurisdiction=jurisdiction,
        jurisdictions=[(j.id, j.name) for _, _, members in kb.by_country() for j in members],
        core_needs=CORE_NEEDS,
        confirmation_gaps=CONFIRMATION_GAPS,
        law_ids=kb.laws,
    )
