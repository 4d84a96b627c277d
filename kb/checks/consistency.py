"""The same statute words are coded the same way everywhere in a jurisdiction.

A defined term ("course of conduct", "emotional distress", "knowingly") is often quoted as evidence by
several laws: the crime, the order that borrows its definition, the aggravated form. An independent check
found the same definition coded one way in one law and another way in the next; a reader then gets two
answers from one set of words. So when two paths quote the same words of the same stored section for the
same element, their codings must be compatible:

- intent: the two lists of mental states share at least one (a path that borrows several definitions
  may list more states than the words it quotes, but never a different one);
- fear: the kinds share at least one, and the test (reasonable person, actual, both) is the same;
- conduct: not one incident in one place and a pattern in the other, and the same least number of acts.

Where the words really cover two alternatives ("anonymously or repeatedly"), quote the part each path
rests on, so each quote says what its path says.
"""

from __future__ import annotations

from datetime import date

from kb.checks.base import FileData, register
from kb.model import Elements, build_elements
from kb.texts import PinpointError, normalise, resolve

SAME_WORDS_CODED_DIFFERENTLY = register(
    "same-words-coded-differently", "the same statute words support an element coded differently on another path"
)

COMPARED_ELEMENTS = ("conduct", "intent", "fear")


def _states(values: tuple[str, ...]) -> set[str]:
    return set(values) - {"none"}


def compatible(element: str, first: Elements, second: Elements) -> bool:
    """True when two codings of one element could both be read from the same words."""
    if element == "intent":
        return bool(_states(first.intent) & _states(second.intent)) or not _states(first.intent) or not _states(second.intent)
    if element == "fear":
        return bool(_states(first.fear.kinds) & _states(second.fear.kinds)) and first.fear.test == second.fear.test
    if element == "conduct":
        if {first.conduct, second.conduct} == {"single", "pattern"}:
            return False
        return first.min_acts is None or second.min_acts is None or first.min_acts == second.min_acts
    return True


def coding(element: str, elements: Elements) -> str:
    """How an element is coded, in the file's own words, for the message."""
    if element == "intent":
        states = ", ".join(elements.intent)
        return f"{elements.intent_mode}: [{states}]" if len(elements.intent) > 1 else states
    if element == "fear":
        return f"kinds [{', '.join(elements.fear.kinds)}], test {elements.fear.test}"
    acts = f", min_acts {elements.min_acts}" if elements.min_acts else ""
    return f"{elements.conduct}{acts}"


def check_same_words(file: FileData, today: date):
    """Report a path whose element is coded differently from another path quoting the same words for it."""
    first_seen: dict[tuple[str, str, str], tuple[str, str, Elements, tuple]] = {}
    for i, law in enumerate(file.data["laws"]):
        if "text" not in law or "paths" not in law:
            continue
        texts = {section: file.texts[section] for section in law["text"] if section in file.texts}
        if len(texts) != len(law["text"]):
            continue  # a missing text is reported already
        for k, path in enumerate(law["paths"]):
            elements = build_elements(path["elements"])
            for element, found in path.get("evidence", {}).items():
                if element not in COMPARED_ELEMENTS:
                    continue
                try:
                    section = resolve(found["pinpoint"], texts).text.id
                except PinpointError:
                    continue  # reported by the evidence check
                key = (section, normalise(found["quote"]), element)
                at = ("laws", i, "paths", k, "evidence", element, "quote")
                earlier = first_seen.setdefault(key, (law["id"], path["id"], elements, at))
                if earlier[3] == at or compatible(element, earlier[2], elements):
                    continue
                line = file.source_map.value(earlier[3])[0]
                yield file.problem(
                    at,
                    f"these words of {section} support {element} coded as {coding(element, elements)} here, but as "
                    f"{coding(element, earlier[2])} on {earlier[0]} / {earlier[1]} (line {line}); code the same words "
                    "the same way, or quote the part of the text each path rests on",
                    SAME_WORDS_CODED_DIFFERENTLY,
                )
