"""Stored statute text: finding a pinpoint's subdivision, and quotes checked in it."""

from __future__ import annotations

import pytest

from kb.texts import PinpointError, StatuteText, normalise, pinpoint_citation, quote_found, resolve, resolve_all

BRACKETED = """(a) It is unlawful to engage in a course of conduct:
  (1) With the intent to cause fear;
  (2) That the person knows would cause fear.
(b) This section does not apply to lawful picketing.
(c)(1) A first offense is a misdemeanor.
  (2) A second offense is a felony.
"""
PLAIN = """1. As used in this section, "disturbs" means a course of conduct.
2. A person commits the offense if he or she:
(1) Makes a threat; or
(2) Violates an order; or
(3) Was found guilty before.
3. The offense is a class E felony.
A. Lettered subsections count too.
"""


def _text(body: str, section: str = "1") -> StatuteText:
    return StatuteText(section, f"Code § {section}", "https://example.org/code", "official", "2026-01-01", "2026-12-07", body)


@pytest.mark.parametrize(
    ("pinpoint", "starts"),
    [("(a)", "(a) It is"), ("(a)(2)", "(2) That"), ("(b)", "(b) This"), ("(c)(2)", "(2) A second"), ("1(c)(1)", "(1) A first")],
)
def test_a_pinpoint_finds_its_subdivision(pinpoint, starts):
    assert resolve(pinpoint, {"1": _text(BRACKETED)}).words.startswith(starts)


@pytest.mark.parametrize("pinpoint", ["(d)", "(a)(3)", "(b)(1)", "2(a)"])
def test_a_missing_subdivision_or_section_is_an_error(pinpoint):
    with pytest.raises(PinpointError):
        resolve(pinpoint, {"1": _text(BRACKETED)})


def test_plain_numbered_subsections_are_subdivisions_too():
    texts = {"565.225": _text(PLAIN, "565.225")}
    assert resolve("565.225(2)(1)", texts).words.startswith("(1) Makes a threat")
    assert resolve("565.225(3)", texts).words.startswith("3. The offense is a class E felony")
    assert resolve("565.225(2)(3)", texts).words.startswith("(3) Was found guilty before")  # "(3)" does not end "2."
    assert resolve("565.225(A)", texts).words.startswith("A. Lettered")


def test_a_pinpoint_written_for_the_bracketed_markers_still_finds_its_words():
    """Missouri's "565.225(1)" meant the "(1)" inside "2."; counting "1." first would miss it."""
    spans = resolve_all("565.225(1)", {"565.225": _text(PLAIN, "565.225")})
    assert [span.words[:6] for span in spans] == ["1. As ", "(1) Ma"]
    assert quote_found("Makes a threat", spans)


def test_quotes_compare_without_regard_to_spacing_quote_marks_dashes_or_case():
    assert normalise("“Disturbs”\u2014means   a\ncourse") == '"disturbs"-means a course'
    assert quote_found('"DISTURBS" MEANS a course of conduct', resolve("(1)", {"1": _text(PLAIN)}))
    assert not quote_found("disturbs means a pattern", resolve("(1)", {"1": _text(PLAIN)}))


def test_a_pinpoint_reads_as_a_citation():
    texts = (_text(BRACKETED, "22-3133"), _text(PLAIN, "22-3132"))
    assert pinpoint_citation("22-3132(2)", texts, "fallback") == "Code § 22-3132(2)"
    assert pinpoint_citation("(a)", texts[:1], "fallback") == "Code § 22-3133(a)"
