"""What keeps a law from counting as confirmed: each gap on its own, read from the documented example."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from kb.loader import load
from kb.model import Law, Unconfirmed
from kb.texts import Part

ROOT = Path(__file__).resolve().parents[2]
FORMAT = (ROOT / "docs" / "law-file-format.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def anchored_law(tmp_path_factory) -> Law:
    """The format document's law written as paths, with its stored text: confirmed as written."""
    folder = tmp_path_factory.mktemp("laws")
    complete = re.search(r"## A complete example\n\n```yaml\n(.*?)```", FORMAT, re.DOTALL).group(1)
    section = FORMAT.split("## A law written as paths, with its text", 1)[1]
    (folder / "us" / "ca").mkdir(parents=True)
    (folder / "us" / "ca" / "pen-653m.txt").write_text(re.search(r"```text\n(.*?)```", section, re.DOTALL).group(1), encoding="utf-8")
    law = re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)
    (folder / "us" / "ca.yaml").write_text(complete.rstrip() + "\n\n" + law, encoding="utf-8")
    federal = (ROOT / "tests" / "fixtures" / "laws" / "us" / "us.yaml").read_text(encoding="utf-8")
    (folder / "us" / "us.yaml").write_text(federal.replace('"2026-01-10"', '"2026-11-24"'), encoding="utf-8")
    return load([folder]).kb.law("us-ca-annoying-communications")


def kinds(law: Law) -> list[str]:
    return [gap.kind for gap in law.confirmation_gaps]


def test_an_anchored_law_in_complete_official_text_has_no_gap(anchored_law):
    assert anchored_law.confirmation_gaps == ()
    assert anchored_law.confirmed


def test_a_law_without_stored_text_says_so(anchored_law):
    law = replace(anchored_law, texts=())
    assert kinds(law) == ["no_text"]
    assert not law.confirmed


def test_a_text_cut_off_names_the_text(anchored_law):
    text = replace(anchored_law.texts[0], not_seen=(Part("(e)", "the page stops after (d)"),))
    law = replace(anchored_law, texts=(text,))
    assert [(gap.kind, gap.items) for gap in law.confirmation_gaps] == [("text_incomplete", ("pen-653m",))]


def test_a_summary_is_not_a_reliable_copy(anchored_law):
    law = replace(anchored_law, texts=(replace(anchored_law.texts[0], source_type="secondary"),))
    assert kinds(law) == ["text_unreliable"]


def test_a_missing_quote_names_the_path_and_element(anchored_law):
    first = anchored_law.paths[0]
    bare = replace(first, evidence=tuple((name, found) for name, found in first.evidence if name != "intent"))
    law = replace(anchored_law, paths=(bare, *anchored_law.paths[1:]))
    assert [(gap.kind, gap.items) for gap in law.confirmation_gaps] == [("no_evidence", (f"{first.id}.intent",))]
    assert not law.anchored


def test_a_marked_fact_keeps_a_law_unconfirmed_but_a_marked_link_does_not(anchored_law):
    marked = replace(anchored_law, unconfirmed=(Unconfirmed("penalty.detail", "the sentencing section was not read"),))
    assert [(gap.kind, gap.items) for gap in marked.confirmation_gaps] == [("facts_marked", ("penalty.detail",))]
    link_only = replace(anchored_law, unconfirmed=(Unconfirmed("url", "the official page was not read"),))
    assert link_only.confirmed


def test_every_gap_is_listed_together(anchored_law):
    law = replace(
        anchored_law,
        texts=(replace(anchored_law.texts[0], source_type="secondary", not_seen=(Part("(e)", "cut off"),)),),
        unconfirmed=(Unconfirmed("summary", "a summary sentence rests on a guide"),),
    )
    assert kinds(law) == ["text_incomplete", "text_unreliable", "facts_marked"]


def test_an_unverified_copy_keeps_its_words_but_does_not_confirm(anchored_law):
    law = replace(anchored_law, texts=(replace(anchored_law.texts[0], source_type="unverified_copy"),))
    assert [(gap.kind, gap.items) for gap in law.confirmation_gaps] == [("text_unreliable", ("pen-653m",))]
    assert law.anchored  # the quotes still check against its words
