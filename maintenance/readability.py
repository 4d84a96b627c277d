"""How easy a summary is to read: Flesch-Kincaid grade for English, INFLESZ for Spanish.

English uses textstat's Flesch-Kincaid grade (syllables from its hyphenation dictionary). Spanish uses
the Szigriszt-Pazos perspicuity, read on the INFLESZ scale (55 or more is "normal"), with our own
syllable count: Spanish spelling marks syllables regularly (vowel groups, diphthongs, hiatus, the silent
u of que/qui/gue/gui), and textstat's count for Spanish runs low on some words.
"""

from __future__ import annotations

import re
import statistics

import textstat

_MARKDOWN = re.compile(r"(\*\*|__|\*|_|`|#+ |\[([^\]]*)\]\([^)]*\))")
_STRONG = set("aeoáéíóú")
_WEAK = set("iuü")
_VOWELS = _STRONG | _WEAK
_SENTENCE_END = re.compile(r"[.!?;:]+(\s|$)")


def plain(markdown: str) -> str:
    """A summary's words without Markdown marks (link text kept)."""
    return _MARKDOWN.sub(lambda m: m.group(2) or "", markdown).strip()


def english_grade(text: str) -> float:
    """The Flesch-Kincaid grade of an English text (US school grade; 8 or below reads easily)."""
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(plain(text)))


def spanish_syllables(word: str) -> int:
    """Count the syllables of one Spanish word from its vowels (diphthongs count once, hiatus twice)."""
    word = word.lower()
    word = re.sub(r"(?<=[qg])u(?=[eéií])", "", word)  # the silent u of que, qui, gue, gui
    if word.endswith("y") and len(word) > 1 and word[-2] in _VOWELS:
        word = word[:-1] + "i"  # hoy, muy, ley: a final y closes a diphthong
    count = 0
    previous = ""
    for letter in word:
        if letter not in _VOWELS:
            previous = ""
            continue
        if not previous or (previous in _STRONG and letter in _STRONG) or previous == letter:
            count += 1
        previous = letter
    return max(count, 1)


def spanish_words(text: str) -> list[str]:
    """The words of a Spanish text (numbers and marks left out)."""
    return re.findall(r"[a-záéíóúüñ]+", plain(text).lower())


def inflesz(text: str) -> float:
    """The Szigriszt-Pazos perspicuity of a Spanish text: 55-65 normal, 65-80 fairly easy, under 40 very hard."""
    words = spanish_words(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(plain(text))))
    syllables = sum(spanish_syllables(word) for word in words)
    return round(206.835 - 62.3 * syllables / len(words) - len(words) / sentences, 1)


def median(values: list[float]) -> float | None:
    """The median, or None for no values."""
    return round(statistics.median(values), 1) if values else None
