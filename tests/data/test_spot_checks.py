"""Pinned facts from the statutes' texts (tests/data/spot_checks.yaml): a wrong edit fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.datafiles import load_data
from kb.loader import load
from kb.serialize import law_to_dict

KB = load().kb
CHECKS = load_data("spot-checks", Path(__file__).parent / "spot_checks.yaml")


def _value(data: dict, dotted: str):
    for part in dotted.split("."):
        data = data[part]
    return data


@pytest.mark.parametrize("check", CHECKS, ids=[f"{c['law']}:{c['field']}" for c in CHECKS])
def test_pinned_fact(check):
    law = KB.law(check["law"])
    assert law is not None, f"{check['law']} is missing from the law files"
    value = _value(law_to_dict(law), check["field"])
    if "equals" in check:
        assert value == check["equals"], f"{check['law']} {check['field']}: {check['verified']}"
    if "excludes" in check:
        assert check["excludes"] not in value, f"{check['law']} {check['field']}: {check['verified']}"
    assert not law.is_unconfirmed(check["field"]), "a pinned fact must be confirmed in the law file"


def test_there_are_at_least_thirty_spot_checks():
    assert len(CHECKS) >= 30
