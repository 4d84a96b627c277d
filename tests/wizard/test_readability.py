"""Question texts are written for a frightened person on a phone: grade 6 to 8 reading level.

Flesch-Kincaid grade, with a simple syllable count (vowel groups, silent final e). It is an
estimate, so the limit is on each question's text and answers, and on its help text.
"""

from __future__ import annotations

import re

import pytest

from wizard.flow import load_flow

FLOW = load_flow()
MAX_GRADE = 8.0


def syllables(word: str) -> int:
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def grade(text: str) -> float:
    sentences = max(1, len(re.findall(r"[.!?:]+", text)) or 1)
    words = re.findall(r"[A-Za-z']+", text)
    if not words:
        return 0.0
    return 0.39 * len(words) / sentences + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59


@pytest.mark.parametrize("question", FLOW.questions, ids=[q.id for q in FLOW.questions])
def test_question_and_answers_read_at_grade_eight_or_below(question):
    labels = list(question.answers.values()) + list(question.options.values())
    text = question.text + " " + ". ".join(labels) + "."
    assert grade(text) <= MAX_GRADE, f"{question.id}: grade {grade(text):.1f}"


@pytest.mark.parametrize("question", FLOW.questions, ids=[q.id for q in FLOW.questions])
def test_help_reads_at_grade_eight_or_below(question):
    assert grade(question.help) <= MAX_GRADE, f"{question.id} help: grade {grade(question.help):.1f}"


@pytest.mark.parametrize("question", [q for q in FLOW.questions if q.kind in ("choice", "multi")], ids=lambda q: q.id)
def test_every_choice_question_offers_not_sure(question):
    labels = " ".join(list(question.answers.values()) + [question.unsure_label]).lower()
    assert "not sure" in labels or "don't know" in labels or "rather not say" in labels


# The same questions in Spanish, measured with the Spanish formula (INFLESZ, maintenance/readability.py):
# 55 or more reads as "normal" for an adult; the catalogue as a whole should read easily.
def _spanish_catalogue() -> dict[str, str]:
    from pathlib import Path

    from babel.messages.pofile import read_po

    path = Path(__file__).resolve().parents[2] / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle, locale="es") if m.id and isinstance(m.id, str)}


SPANISH = _spanish_catalogue()
MIN_INFLESZ = 55.0


@pytest.mark.parametrize("question", FLOW.questions, ids=[q.id for q in FLOW.questions])
def test_spanish_question_answers_and_help_read_plainly(question):
    from maintenance.readability import inflesz

    labels = list(question.answers.values()) + list(question.options.values())
    text = SPANISH[question.text] + " " + ". ".join(SPANISH[label] for label in labels) + "."
    assert inflesz(text) >= MIN_INFLESZ, f"{question.id}: INFLESZ {inflesz(text)}"
    assert inflesz(SPANISH[question.help]) >= MIN_INFLESZ, f"{question.id} help: INFLESZ {inflesz(SPANISH[question.help])}"


def test_spanish_interface_messages_read_plainly():
    """No message of ten words or more is hard to read (INFLESZ under 40), and half read easily (65 or more)."""
    import statistics

    from maintenance.readability import inflesz, spanish_words

    scores = {}
    for message in SPANISH.values():
        text = re.sub(r"<[^>]+>|%\(\w+\)s", " ", message)
        if len(spanish_words(text)) >= 10:
            scores[message] = inflesz(text)
    hard = sorted((score, message[:60]) for message, score in scores.items() if score < 40)
    assert hard == []
    assert statistics.median(scores.values()) >= 65


# The English interface, every message of the catalogue (questions, help, results, law pages, advice):
# Flesch-Kincaid grade 8 or below for each message of ten words or more (shorter ones are labels, where
# the formula says little). A list of emergency numbers is not prose, so it is left out.
def _not_prose() -> set[str]:
    from web.templating import EMERGENCY_NUMBERS

    return {EMERGENCY_NUMBERS}


def _english_catalogue() -> list[str]:
    from pathlib import Path

    from babel.messages.pofile import read_po

    path = Path(__file__).resolve().parents[2] / "translations" / "messages.pot"
    with path.open("rb") as handle:
        return [m.id for m in read_po(handle) if m.id and isinstance(m.id, str) and m.id not in _not_prose()]


def test_english_interface_messages_read_at_grade_eight_or_below():
    from maintenance.readability import english_grade

    graded = {}
    for message in _english_catalogue():
        text = re.sub(r"<[^>]+>|%\(\w+\)s", " ", message)
        if len(re.findall(r"[A-Za-z']+", text)) >= 10:
            graded[" ".join(message.split())[:70]] = english_grade(text)
    hard = {message: grade for message, grade in graded.items() if grade > MAX_GRADE}
    assert len(graded) > 100  # the catalogue was read
    assert hard == {}
