"""Spreadsheet-safe CSV cells: formulas neutralised, the "-" placeholder left as an empty cell."""

from __future__ import annotations

import csv
import io

import pytest

from maintenance.export import safe_row, spreadsheet_safe


@pytest.mark.parametrize(
    "value, expected",
    [
        ("-", ""),
        (" - ", ""),
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("-1+2", "'-1+2"),
        ("+1", "'+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("2", "2"),
        ("Stalking - repeated", "Stalking - repeated"),
        (3, 3),
        (None, None),
    ],
)
def test_cells_are_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def test_the_compare_csv_has_empty_cells_where_nothing_applies(real_app):
    text = real_app.test_client().get("/compare.csv?topic=stalking").get_data(as_text=True)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "" in cells and "'-" not in cells and "-" not in cells
    assert safe_row(["-", "=1"]) == ["", "'=1"]
