"""A commented skeleton law file for a new jurisdiction: fill it in, then validate."""

from __future__ import annotations

from datetime import date

from kb.vocabulary import vocabulary


def skeleton(jurisdiction_id: str, name: str, today: date, jurisdiction_type: str, parent: str | None) -> str:
    """Return the text of a new law file whose every blank must be filled before it validates."""
    country = jurisdiction_id.split("-")[0]
    topics = ", ".join(vocabulary()["topics"])
    parent_line = f"parent: {parent}" if parent else "# parent: (none: this is a national file)"
    return f"""# Law file for {name}. The format: docs/law-file-format.md. Check it with:
#   flask --app app laws validate
# Fill every "" below; the file does not validate until you do. Never write a fact you have not
# read in the law's text: mark it in `unconfirmed` instead.
id: {jurisdiction_id}
name: {name}
country: {country}
type: {jurisdiction_type}
{parent_line}
last_reviewed: "{today.isoformat()}"
resources:
  - name: ""          # e.g. the state coalition against domestic violence
    url: ""           # https://...
    kind: coalition   # coalition, legal_aid, hotline, government, advocacy
    checked:
      date: "{today.isoformat()}"
      source: ""      # the page that confirmed this resource
laws:
  - id: {jurisdiction_id}-stalking
    title: Stalking
    citation: ""      # the standard citation, e.g. "Cal. Penal Code § 646.9"
    url: ""           # the official page of the text
    kind: crime       # crime, protection_order, civil_claim
    topics: [stalking]  # any of: {topics}
    summary: ""       # 2-5 plain sentences in your own words; never paste statute text
    elements:
      conduct: pattern  # pattern, single, either
      min_acts: 2       # acts a course of conduct needs (pattern or either only)
      intent: specific  # specific, knowledge, reckless, general, none (or a list)
      fear:
        kinds: [safety]          # safety, bodily_injury, emotional_distress, alarm_or_annoyance, none
        test: reasonable_person  # reasonable_person, actual, both, none
      credible_threat: false     # true only if a threat is needed on every path
      electronic: general        # explicit if the text names electronic communication
    penalty:
      class: ""       # felony, misdemeanor, misdemeanor_or_felony, petty_offense, civil, varies, ...
      detail: ""      # e.g. "Class A misdemeanor; felony if ..."
    checked:
      date: "{today.isoformat()}"
      source: ""      # the address where you read the text
      source_type: official  # official, reliable_copy, secondary
    # unconfirmed:
    #   - field: elements.min_acts
    #     reason: what you could not confirm, and why
    # history:
    #   - date: "2024-01-01"
    #     change: what changed, in plain words
    #     reference: the bill or act
"""
