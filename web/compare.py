"""Comparison across regions (/compare, with CSV and JSON) and the map of US states (/map)."""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, jsonify, render_template, request

from kb.compare import COLUMNS, FILTER_CODES, code_text, compare_rows, main_law, row_for
from kb.datafiles import load_data
from kb.i18n import N_, _
from kb.vocabulary import vocabulary
from maintenance.export import safe_row
from web.pages import current_kb

bp = Blueprint("compare", __name__)
FILTER_COLUMNS = ("one_incident", "credible_threat", "electronic", "penalty")
GRID_FILE = Path(__file__).parent / "data" / "us-tile-grid.yaml"
TILE, GAP = 52, 4

# The map's questions, and the colour category of each code of the law's column.
MAP_ELEMENTS = {
    "one_incident": (N_("Can one incident be enough?"), {"single": "yes", "either": "some", "pattern": "no"}),
    "credible_threat": (N_("Is a credible threat needed?"), {"yes": "yes", "no": "no"}),
    "electronic": (N_("Does the law name electronic means?"), {"explicit": "yes", "general": "no"}),
}


def _request_args():
    topic = request.args.get("topic", "stalking")
    if topic not in vocabulary()["topics"]:
        abort(
            400,
            description=_(
                "'%(topic)s' is not a topic. Choose one of: %(topics)s.", topic=topic[:40], topics=", ".join(vocabulary()["topics"])
            ),
        )
    kind = request.args.get("kind", "crime")
    if kind not in vocabulary()["kinds"]:
        abort(
            400,
            description=_(
                "'%(kind)s' is not a kind of law. Choose one of: %(kinds)s.", kind=kind[:40], kinds=", ".join(vocabulary()["kinds"])
            ),
        )
    filters = {column: request.args.get(column, "") for column in FILTER_COLUMNS}
    for column, wanted in filters.items():
        if wanted and wanted not in FILTER_CODES[column]:
            abort(
                400,
                description=_(
                    "'%(value)s' is not a value of %(column)s. Choose one of: %(values)s.",
                    value=wanted[:40],
                    column=column,
                    values=", ".join(FILTER_CODES[column]),
                ),
            )
    sort = request.args.get("sort", "jurisdiction")
    if sort not in COLUMNS:
        abort(400, description=_("'%(sort)s' is not a column. Choose one of: %(columns)s.", sort=sort[:40], columns=", ".join(COLUMNS)))
    descending = request.args.get("dir") == "desc"
    return topic, kind, filters, sort, descending


@bp.get("/compare")
def table():
    """Show laws of a topic side by side: sortable and filterable with links, no JavaScript needed."""
    topic, kind, filters, sort, descending = _request_args()
    rows = compare_rows(current_kb(), topic, kind, filters, sort, descending)
    all_rows = compare_rows(current_kb(), topic, kind)
    choices = {
        column: [(code, code_text(column, code)) for code in FILTER_CODES[column] if any(r.codes[column] == code for r in all_rows)]
        for column in FILTER_COLUMNS
    }
    return render_template(
        "compare/table.html",
        rows=rows,
        columns=COLUMNS,
        topic=topic,
        kind=kind,
        filters=filters,
        sort=sort,
        descending=descending,
        choices=choices,
    )


@bp.get("/compare.csv")
def table_csv():
    """The same table as CSV: one row per law, a column per element, each cell a code (the same in every language)."""
    topic, kind, filters, sort, descending = _request_args()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["law_id", "jurisdiction_id", *COLUMNS, "url"])
    for row in compare_rows(current_kb(), topic, kind, filters, sort, descending):
        writer.writerow(safe_row([row.law.id, row.jurisdiction.id, *[row.codes[c] for c in COLUMNS], row.law.url]))
    return Response(buffer.getvalue(), mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="compare-{topic}.csv"'})


@bp.get("/compare.json")
def table_json():
    """The same table as JSON."""
    topic, kind, filters, sort, descending = _request_args()
    rows = compare_rows(current_kb(), topic, kind, filters, sort, descending)
    return jsonify(
        {
            "topic": topic,
            "kind": kind,
            "columns": COLUMNS,
            "codes": {column: list(codes) for column, codes in FILTER_CODES.items()},
            "rows": [
                {"law_id": r.law.id, "jurisdiction_id": r.jurisdiction.id, "url": r.law.url, **r.codes, "jurisdiction": r.jurisdiction.name}
                for r in rows
            ],
        }
    )


@lru_cache(maxsize=1)
def tile_grid() -> dict[str, tuple[int, int]]:
    """Return each postal code's (row, column) on the tile-grid map."""
    return {code: tuple(place) for code, place in load_data("tile-grid", GRID_FILE).items()}


@bp.get("/map")
def us_map():
    """Show US states coloured by an element of their main stalking law, each a link, with a table."""
    element = request.args.get("element", "one_incident")
    if element not in MAP_ELEMENTS:
        abort(
            400,
            description=_(
                "'%(element)s' cannot be mapped. Choose one of: %(elements)s.", element=element[:40], elements=", ".join(MAP_ELEMENTS)
            ),
        )
    kb = current_kb()
    question, categories = MAP_ELEMENTS[element]
    question = _(question)
    legend = {code_text(element, code): category for code, category in categories.items()}
    tiles = []
    for code, (row, column) in tile_grid().items():
        jurisdiction = kb.jurisdiction(f"us-{code.lower()}")
        if jurisdiction is None:
            continue
        law = main_law(jurisdiction)
        code = row_for(law, jurisdiction).codes[element] if law else None
        answer = code_text(element, code) if code else _("No stalking law yet")
        tiles.append(
            {
                "code": code,
                "x": column * (TILE + GAP),
                "y": row * (TILE + GAP),
                "jurisdiction": jurisdiction,
                "law": law,
                "answer": answer,
                "category": categories.get(code, "none"),
            }
        )
    width = max(t["x"] for t in tiles) + TILE
    height = max(t["y"] for t in tiles) + TILE
    return render_template(
        "compare/map.html",
        tiles=sorted(tiles, key=lambda t: t["jurisdiction"].name),
        element=element,
        question=question,
        categories=legend,
        elements=MAP_ELEMENTS,
        width=width,
        height=height,
        tile=TILE,
    )
