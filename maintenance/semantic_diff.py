"""What changed in legal meaning between two sets of law files: a review aid, not a text diff.

A reviewer of a law-file change wants to know "does one incident now count?", "did the citation
move?", "is a law gone?", not which lines moved. `diff_files` compares the parsed files of two
revisions and names each change in those terms. It is pure: reading revisions is kb/revisions.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.model import build_path, summarise
from kb.serialize import elements_to_dict
from kb.vocabulary import vocabulary

ELEMENT_FIELDS = ("conduct", "min_acts", "intent", "credible_threat", "electronic", "relationship")


@dataclass(frozen=True)
class Change:
    """One change in meaning, to one law (or to the jurisdiction when `law_id` is None)."""

    jurisdiction_id: str
    law_id: str | None
    action: str  # "added", "removed", "renamed" or "changed"
    field: str | None
    old: object = None
    new: object = None
    note: str = ""

    def describe(self) -> str:
        """One line a reviewer reads: what changed, from what, to what, and what it means."""
        if self.action in ("added", "removed"):
            return f"{self.action}: {self.note}"
        if self.action == "renamed":
            return f"renamed: id {self.old} -> {self.new} ({self.note})"
        if self.old is None and self.new is None:
            return f"{self.field}: {self.note}"
        text = f"{self.field}: {_show(self.old)} -> {_show(self.new)}"
        return f"{text} ({self.note})" if self.note else text


def _show(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _keys(items: object, key: str) -> set:
    """The `key` of each mapping in a list (requirements, resources, unconfirmed marks, history)."""
    return {item.get(key) for item in items or [] if isinstance(item, dict)}


def _added_removed(jid: str, law_id: str | None, field: str, old: set, new: set, added: str, removed: str) -> list[Change]:
    """One change per value that appeared (`added` note) or went away (`removed` note), sorted."""
    changes = [Change(jid, law_id, "changed", field, note=added.format(value)) for value in sorted(new - old)]
    return changes + [Change(jid, law_id, "changed", field, note=removed.format(value)) for value in sorted(old - new)]


def _conduct_note(old: object, new: object) -> str:
    labels = vocabulary()["conduct"]
    if new == "single" or (new == "either" and old == "pattern"):
        return "one incident can now be enough: " + labels.get(new, str(new))
    if new == "pattern":
        return "now needs a pattern: " + labels[new]
    return labels.get(new, "")


def _comparable(value: object) -> list:
    """An intent or relationship in one sortable form: `{all_of: [a, b]}` -> ["all_of: a, b"], entries with
    conditions as text, so a list written in another order is no change."""
    if isinstance(value, dict) and ("all_of" in value or "any_of" in value):
        mode = "all_of" if "all_of" in value else "any_of"
        return [f"{mode}: " + ", ".join(sorted(str(v) for v in value[mode]))]
    return sorted(str(item) for item in _as_list(value))


def _element_changes(jid: str, law_id: str, old: dict, new: dict) -> list[Change]:
    changes = []
    for key in ELEMENT_FIELDS:
        before, after = old.get(key), new.get(key)
        if key in ("intent", "relationship") and before is not None and after is not None:
            before, after = _comparable(before), _comparable(after)
        if before == after:
            continue
        note = ""
        if key == "conduct":
            note = _conduct_note(before, after)
        elif key == "credible_threat":
            note = "a threat is now required on every path" if after else "a threat is no longer required on every path"
        elif key == "min_acts":
            note = "the number of acts that make a pattern"
        changes.append(Change(jid, law_id, "changed", f"elements.{key}", before, after, note))
    old_fear, new_fear = old.get("fear") or {}, new.get("fear") or {}
    if sorted(_as_list(old_fear.get("kinds"))) != sorted(_as_list(new_fear.get("kinds"))):
        changes.append(
            Change(jid, law_id, "changed", "elements.fear.kinds", old_fear.get("kinds"), new_fear.get("kinds"), "what the victim must feel")
        )
    if old_fear.get("test") != new_fear.get("test"):
        changes.append(
            Change(jid, law_id, "changed", "elements.fear.test", old_fear.get("test"), new_fear.get("test"), "whose fear counts")
        )
    old_requires, new_requires = _keys(old.get("requires"), "describe"), _keys(new.get("requires"), "describe")
    changes += _added_removed(
        jid, law_id, "elements.requires", old_requires, new_requires, "new requirement: {}", "requirement removed: {}"
    )
    return changes


def _summary_elements(law: dict) -> dict:
    """A law's elements as one set: its own, or its paths summed up (as tables and search show them)."""
    if "paths" not in law:
        return law.get("elements") or {}
    try:
        summary = elements_to_dict(summarise(tuple(build_path(path) for path in law["paths"])))
    except (KeyError, TypeError, ValueError):
        return {}  # a revision whose paths do not parse: its path changes are still listed one by one
    return {key: value for key, value in summary.items() if key not in ("requires", "intent_mode")}


def _paths(law: dict) -> dict[str, dict]:
    return {str(path.get("id")): path for path in law.get("paths") or [] if isinstance(path, dict)}


def _path_changes(jid: str, law_id: str, old: dict, new: dict) -> list[Change]:
    """Paths added or removed, and what changed inside each path that stays."""
    before, after = _paths(old), _paths(new)
    changes = []
    if after and not before:
        listed = ", ".join(f"{p.get('id')} ({p.get('pinpoint')})" for p in after.values())
        changes.append(Change(jid, law_id, "changed", "paths", note=f"now written as {len(after)} path(s): {listed}"))
    elif before:
        changes += _added_removed(jid, law_id, "paths", set(before), set(after), "path added: {}", "path removed: {}")
    for path_id in sorted(before.keys() & after.keys()):
        old_path, new_path = before[path_id], after[path_id]
        where = f"paths[{path_id}]"
        for key in ("label", "pinpoint"):
            if old_path.get(key) != new_path.get(key):
                changes.append(Change(jid, law_id, "changed", f"{where}.{key}", old_path.get(key), new_path.get(key)))
        for change in _element_changes(jid, law_id, old_path.get("elements") or {}, new_path.get("elements") or {}):
            changes.append(Change(jid, law_id, "changed", f"{where}.{change.field}", change.old, change.new, change.note))
        if (old_path.get("penalty") or {}) != (new_path.get("penalty") or {}):
            changes.append(Change(jid, law_id, "changed", f"{where}.penalty", note="the penalty tier of this path changed"))
        old_evidence, new_evidence = old_path.get("evidence") or {}, new_path.get("evidence") or {}
        for element in sorted(set(old_evidence) | set(new_evidence)):
            if old_evidence.get(element) != new_evidence.get(element):
                quote = (new_evidence.get(element) or {}).get("quote")
                note = f'now rests on: "{quote}"' if quote else "evidence removed"
                changes.append(Change(jid, law_id, "changed", f"{where}.evidence.{element}", note=note))
    old_text, new_text = set(_as_list(old.get("text"))), set(_as_list(new.get("text")))
    changes += _added_removed(jid, law_id, "text", old_text, new_text, "stored text added: {}", "stored text removed: {}")
    return changes


def _word_change_count(old: str, new: str) -> int:
    """A rough size of a text edit: words in one version and not the other."""
    before, after = old.split(), new.split()
    return len(set(before) ^ set(after)) or abs(len(before) - len(after))


def diff_law(jid: str, old: dict, new: dict) -> list[Change]:
    """The meaningful changes between two versions of one law (raw dicts as in the files)."""
    law_id = new.get("id") or old.get("id")
    changes = []
    for key in ("title", "citation", "url", "kind"):
        if old.get(key) != new.get(key):
            note = "the official link moved" if key == "url" else ""
            changes.append(Change(jid, law_id, "changed", key, old.get(key), new.get(key), note))
    old_topics, new_topics = _as_list(old.get("topics")), _as_list(new.get("topics"))
    if old_topics != new_topics:
        changes.append(Change(jid, law_id, "changed", "topics", old_topics, new_topics))
    changes += _element_changes(jid, law_id, _summary_elements(old), _summary_elements(new))
    changes += _path_changes(jid, law_id, old, new)
    old_penalty, new_penalty = old.get("penalty") or {}, new.get("penalty") or {}
    if old_penalty.get("class") != new_penalty.get("class"):
        changes.append(Change(jid, law_id, "changed", "penalty.class", old_penalty.get("class"), new_penalty.get("class")))
    if old_penalty.get("detail") != new_penalty.get("detail"):
        changes.append(Change(jid, law_id, "changed", "penalty.detail", old_penalty.get("detail"), new_penalty.get("detail")))
    if (old.get("summary") or "").split() != (new.get("summary") or "").split():
        words = _word_change_count(old.get("summary") or "", new.get("summary") or "")
        changes.append(Change(jid, law_id, "changed", "summary", note=f"summary edited ({words} word(s) differ); read it again"))
    old_checked, new_checked = old.get("checked") or {}, new.get("checked") or {}
    if old_checked != new_checked:
        note = (
            f"checked again on {new_checked.get('date')} against {new_checked.get('source')} ({new_checked.get('source_type', 'official')})"
        )
        changes.append(Change(jid, law_id, "changed", "checked", note=note))
    # Confirmations first: a mark that went away is the good news a reviewer looks for.
    was, now = _keys(old.get("unconfirmed"), "field"), _keys(new.get("unconfirmed"), "field")
    changes += _added_removed(jid, law_id, "unconfirmed", now, was, "{} is now confirmed", "{} is now marked unconfirmed")
    old_history = {(h.get("date"), h.get("change")) for h in old.get("history") or [] if isinstance(h, dict)}
    for entry in new.get("history") or []:
        if isinstance(entry, dict) and (entry.get("date"), entry.get("change")) not in old_history:
            changes.append(
                Change(jid, law_id, "changed", "history", note=f"history entry added: {entry.get('date')}: {entry.get('change')}")
            )
    if _as_list(old.get("notes")) != _as_list(new.get("notes")):
        changes.append(Change(jid, law_id, "changed", "notes", note="notes edited"))
    return changes


def _laws(files: dict[str, dict]) -> dict[str, tuple[str, dict]]:
    """Law id -> (jurisdiction id, raw law), over every parsed file."""
    found = {}
    for data in files.values():
        jid = str(data.get("id", "?"))
        for law in data.get("laws") or []:
            if isinstance(law, dict) and law.get("id"):
                found[str(law["id"])] = (jid, law)
    return found


def _label(law: dict) -> str:
    return f"{law.get('title', '?')} ({law.get('citation', 'no citation')})"


def _jurisdiction_changes(old_files: dict[str, dict], new_files: dict[str, dict]) -> list[Change]:
    old_by_id = {str(d.get("id")): d for d in old_files.values()}
    new_by_id = {str(d.get("id")): d for d in new_files.values()}
    changes = []
    for jid in sorted(new_by_id.keys() - old_by_id.keys()):
        changes.append(Change(jid, None, "added", None, note=f"jurisdiction {jid}: {new_by_id[jid].get('name')}"))
    for jid in sorted(old_by_id.keys() - new_by_id.keys()):
        changes.append(Change(jid, None, "removed", None, note=f"jurisdiction {jid}: {old_by_id[jid].get('name')}"))
    for jid in sorted(old_by_id.keys() & new_by_id.keys()):
        old, new = old_by_id[jid], new_by_id[jid]
        for key in ("name", "parent", "type"):
            if old.get(key) != new.get(key):
                changes.append(Change(jid, None, "changed", key, old.get(key), new.get(key)))
        old_resources, new_resources = _keys(old.get("resources"), "name"), _keys(new.get("resources"), "name")
        changes += _added_removed(jid, None, "resources", old_resources, new_resources, "resource added: {}", "resource removed: {}")
    return changes


def diff_files(old_files: dict[str, dict], new_files: dict[str, dict]) -> list[Change]:
    """Every change in meaning between two revisions' parsed files (path -> data), by jurisdiction.

    A law whose id changed but whose citation did not is reported as renamed, not as a removal
    and an addition, so a reviewer is not alarmed by a tidy-up.
    """
    old_laws, new_laws = _laws(old_files), _laws(new_files)
    added = {lid for lid in new_laws if lid not in old_laws}
    removed = {lid for lid in old_laws if lid not in new_laws}
    changes = _jurisdiction_changes(old_files, new_files)
    by_citation = {old_laws[lid][1].get("citation"): lid for lid in removed}
    for lid in sorted(added):
        jid, law = new_laws[lid]
        before = by_citation.get(law.get("citation"))
        if before is not None and law.get("citation"):
            removed.discard(before)
            changes.append(Change(jid, lid, "renamed", "id", before, lid, law.get("citation")))
            changes += diff_law(jid, old_laws[before][1], law)
        else:
            changes.append(Change(jid, lid, "added", None, note=_label(law)))
    for lid in sorted(removed):
        jid, law = old_laws[lid]
        changes.append(Change(jid, lid, "removed", None, note=_label(law)))
    for lid in sorted(old_laws.keys() & new_laws.keys()):
        jid, law = new_laws[lid]
        changes += diff_law(jid, old_laws[lid][1], law)
    return sorted(changes, key=lambda c: (c.jurisdiction_id, c.law_id or "", c.action != "added"))


def diff_text(changes: list[Change]) -> list[str]:
    """Terminal lines: one block per jurisdiction, one line per change, and a count at the end."""
    if not changes:
        return ["No change in meaning: the law files say the same things."]
    lines = []
    current = None
    for change in changes:
        if change.jurisdiction_id != current:
            current = change.jurisdiction_id
            lines.append(current)
        where = f"  {change.law_id}  " if change.law_id else "  "
        lines.append(where + change.describe())
    laws_added = sum(1 for c in changes if c.action == "added" and c.law_id)
    laws_removed = sum(1 for c in changes if c.action == "removed" and c.law_id)
    changed = len({c.law_id for c in changes if c.action in ("changed", "renamed") and c.law_id})
    lines.append("")
    lines.append(f"{laws_added} law(s) added, {laws_removed} removed, {changed} changed.")
    return lines
