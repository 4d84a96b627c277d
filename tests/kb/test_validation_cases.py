"""Broken law files, each with the exact lines the validator must print.

Each case edits one fixture file (a text replacement, so the case reads as a diff) and lists
every problem expected, as `file:line:col: error: field: message (rule)`.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kb.loader import load

FIXTURES = Path(__file__).parent.parent / "fixtures" / "laws" / "us"
TODAY = date(2026, 11, 24)

TOPICS = "stalking, harassment, cyberstalking, threats, intimate_images, sextortion, impersonation, surveillance, doxing, domestic_violence"
FACTS = (
    "afraid_for_safety, child_in_common, contacted_directly, emotional_distress, images_shared, impersonated, in_person, "
    "incidents, intimate_images, jurisdiction, minor, other_jurisdiction, posted_about, relationship, shared_personal_info, "
    "threatened, told_to_stop, tracked_or_monitored"
)
LAW_FIELDS = (
    "checked, citation, elements, history, id, kind, notes, paths, penalty, quotes, summary, text, title, topics, translations, "
    "unconfirmed, url"
)

# (case id, file to edit, text to replace, replacement, expected problem lines)
CASES = [
    (
        "bad-yaml",
        "ca.yaml",
        "title: Stalking\n",
        "title: [Stalking\n",
        ["us/ca.yaml:11:13: error: the file is not valid YAML: did not find expected ',' or ']' (yaml-syntax)"],
    ),
    (
        "enum-typo",
        "ca.yaml",
        "conduct: pattern",
        "conduct: patern",
        ["us/ca.yaml:19:16: error: laws[0].elements.conduct: 'patern' is not one of: pattern, single, either (schema-enum)"],
    ),
    (
        "unknown-field",
        "ca.yaml",
        "    title: Stalking\n",
        "    title: Stalking\n    titel: Stalking\n",
        [f"us/ca.yaml:11:5: error: laws[0].titel: unknown field 'titel'; allowed fields: {LAW_FIELDS} (schema-unknown-field)"],
    ),
    (
        "missing-field",
        "ca.yaml",
        "    citation: Cal. Penal Code § 646.9\n",
        "",
        ["us/ca.yaml:9:5: error: laws[0]: missing required field 'citation' (schema-required)"],
    ),
    (
        "duplicate-key",
        "ca.yaml",
        "    title: Stalking\n",
        "    title: Stalking\n    title: Stalking again\n",
        [
            "us/ca.yaml:11:5: error: laws[0].title: the key 'title' appears twice in this mapping (first on line 10); keep one (duplicate-key)"
        ],
    ),
    (
        "unquoted-yes",
        "ca.yaml",
        "topics: [intimate_images]",
        "topics: [yes]",
        [
            f"us/ca.yaml:72:14: error: laws[2].topics[0]: true (true/false) is not one of: {TOPICS} "
            "(unquoted yes/no/on/off are read as true/false: put the word in quotes) (schema-enum)"
        ],
    ),
    (
        "wrong-type",
        "ca.yaml",
        "credible_threat: true",
        'credible_threat: "sometimes"',
        ["us/ca.yaml:25:24: error: laws[0].elements.credible_threat: expected true or false, found 'sometimes' (schema-type)"],
    ),
    (
        "impossible-date",
        "ca.yaml",
        'last_reviewed: "2026-01-10"',
        'last_reviewed: "2026-02-30"',
        ["us/ca.yaml:7:16: error: last_reviewed: '2026-02-30' is not a real date; write YYYY-MM-DD (date-invalid)"],
    ),
    (
        "date-format",
        "ca.yaml",
        'last_reviewed: "2026-01-10"',
        'last_reviewed: "10/01/2026"',
        ["us/ca.yaml:7:16: error: last_reviewed: '10/01/2026' is not a quoted date like \"2026-11-24\" (schema-pattern)"],
    ),
    (
        "future-date",
        "ca.yaml",
        '      - date: "2022"',
        '      - date: "2027-03"',
        [
            "us/ca.yaml:65:15: error: laws[1].history[0].date: '2027-03' is in the future (today is 2026-11-24); use the date it happened (date-future)"
        ],
    ),
    (
        "http-url",
        "ca.yaml",
        "url: https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CCP",
        "url: http://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CCP",
        [
            "us/ca.yaml:42:10: error: laws[1].url: 'http://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CCP&sectionNum=527.6' "
            "is not a full https:// address (schema-pattern)"
        ],
    ),
    (
        "malformed-url",
        "ca.yaml",
        "source: https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=647\n",
        "source: https://leginfo..ca.gov/faces/x\n",
        [
            "us/ca.yaml:92:15: error: laws[2].checked.source: 'https://leginfo..ca.gov/faces/x' is not a well-formed https address (url-malformed)"
        ],
    ),
    (
        "empty-summary",
        "ca.yaml",
        "    summary: |\n      A court order against **harassment**, open to anyone whatever the relationship.\n",
        '    summary: "   "\n',
        ["us/ca.yaml:45:14: error: laws[1].summary: the summary is empty; write two to five plain sentences (empty-summary)"],
    ),
    (
        "checked-before-review",
        "ca.yaml",
        '      date: "2026-01-10"\n      source: https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CCP',
        '      date: "2025-12-01"\n      source: https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CCP',
        [
            "us/ca.yaml:61:13: error: laws[1].checked.date: checked 2025-12-01 is before the file's last_reviewed 2026-01-10; "
            "re-check this law or correct last_reviewed (checked-before-review)"
        ],
    ),
    (
        "statute-text",
        "ca.yaml",
        "      Sharing an intimate image of someone, knowing they expected it to stay private, to cause\n      them serious distress.\n",
        "      (a) Any person who distributes an image, as used in this section, shall be guilty of a\n      misdemeanor pursuant to subdivision (b).\n",
        [
            "us/ca.yaml:73:14: error: laws[2].summary: the summary reads like statute text (formal legal wording); "
            "rewrite it in plain words of your own (statute-text)",
            # A changed English summary also leaves its Spanish translation behind.
            "us/ca.yaml:97:17: warning: laws[2].translations.es.source: was made from English that has changed since "
            '(written for d2276d47, the English is now a7b8f181): update the translation to match the English, then set `source: "a7b8f181"` '
            "(translation-stale)",
        ],
    ),
    (
        "min-acts-missing",
        "ca.yaml",
        "      conduct: either\n      min_acts: 2\n",
        "      conduct: either\n",
        ["us/ca.yaml:48:16: error: laws[1].elements.conduct: conduct 'either' needs min_acts (usually 2) (min-acts-missing)"],
    ),
    (
        "relationship-missing",
        "ca.yaml",
        "      relationship: any\n",
        "",
        [
            "us/ca.yaml:48:7: error: laws[1].elements: a protection order needs elements.relationship: any, or who may ask "
            "(e.g. [partner_or_ex, dating]) (relationship-missing)"
        ],
    ),
    (
        "unknown-fact",
        "ca.yaml",
        'when: {fact: intimate_images, is: "yes"}',
        'when: {fact: intimate_photos, is: "yes"}',
        [f"us/ca.yaml:86:24: error: laws[2].elements.requires[0].when.fact: 'intimate_photos' is not one of: {FACTS} (schema-enum)"],
    ),
    (
        "unknown-fact-value",
        "ca.yaml",
        'when: {fact: intimate_images, is: "yes"}',
        'when: {fact: intimate_images, is: "maybe"}',
        [
            "us/ca.yaml:86:45: error: laws[2].elements.requires[0].when.is: 'maybe' is not a value of intimate_images; allowed: yes, no, unsure (condition-value)"
        ],
    ),
    (
        "law-id-prefix",
        "ca.yaml",
        "  - id: us-ca-intimate-images",
        "  - id: us-tx-intimate-images",
        ["us/ca.yaml:67:9: error: laws[2].id: 'us-tx-intimate-images' must start with 'us-ca-' (law-id-prefix)"],
    ),
    (
        "unconfirmed-field",
        "ca.yaml",
        "      - field: penalty.detail",
        "      - field: punishment",
        [
            "us/ca.yaml:37:16: error: laws[0].unconfirmed[0].field: 'punishment' names no field of a law; use one of: "
            "id, title, citation, url, kind, topics, summary, elements, paths, text, penalty, notes, checked, history (e.g. elements.min_acts) "
            "(unconfirmed-field)"
        ],
    ),
    (
        "unknown-parent",
        "ca.yaml",
        "parent: us\n",
        "parent: usa\n",
        [
            "us/ca.yaml:6:9: error: parent: 'usa' is not a jurisdiction id (a two-letter country code, optionally a hyphen and a region code: us, us-ca) (schema-pattern)"
        ],
    ),
    (
        "unknown-parent-id",
        "ca.yaml",
        "parent: us\n",
        "parent: us-zz\n",
        ["us/ca.yaml:6:9: error: parent: 'us-zz' is not a known jurisdiction (known: us, us-ca, ...) (unknown-parent)"],
    ),
    (
        "duplicate-law-id",
        "us.yaml",
        "  - id: us-interstate-stalking",
        "  - id: us-ca-stalking",
        ["us/us.yaml:16:9: error: laws[0].id: id 'us-ca-stalking' is already used in us/ca.yaml:9 (duplicate-law-id)"],
    ),
    (
        "duplicate-citation",
        "us.yaml",
        "    citation: 18 U.S.C. § 2261A",
        "    citation: Cal. Penal Code §  646.9",
        [
            "us/us.yaml:18:15: error: laws[0].citation: citation 'Cal. Penal Code §  646.9' is already used in us/ca.yaml:11 (duplicate-citation)"
        ],
    ),
    (
        "copied-summary",
        "us.yaml",
        "      A federal crime to use the mail, the internet or other electronic means in a pattern that\n",
        "      Sharing an intimate image of someone, knowing they expected it to stay private, to cause\n      them serious distress, and more.\n",
        [
            "us/ca.yaml:73:14: error: laws[2].summary: shares 12+ words in a row with the summary of us-interstate-stalking (us/us.yaml); "
            "write each summary afresh (copied-summary)",
            "us/us.yaml:22:14: error: laws[0].summary: shares 12+ words in a row with the summary of us-ca-intimate-images (us/ca.yaml); "
            "write each summary afresh (copied-summary)",
        ],
    ),
    # Paths, stored text and evidence (the law of § 653m in the fixture is written as two paths).
    (
        "quote-not-found",
        "ca.yaml",
        'quote: "with intent to annoy or harass"}',
        'quote: "with intent to frighten"}',
        [
            "us/ca.yaml:141:42: error: laws[3].paths[1].evidence.intent.quote: these words are not in Cal. Penal Code § 653m at (b); copy them exactly from the stored text (spacing, quote marks and case may differ) (quote-not-found)",
        ],
    ),
    (
        "quote-in-another-subdivision",
        "ca.yaml",
        'intent: {pinpoint: (a), quote: "with intent to annoy"}',
        'intent: {pinpoint: (a), quote: "with intent to annoy or harass"}',
        [
            "us/ca.yaml:128:42: error: laws[3].paths[0].evidence.intent.quote: these words are not in Cal. Penal Code § 653m at (a); copy them exactly from the stored text (spacing, quote marks and case may differ) (quote-not-found)",
        ],
    ),
    (
        "same-words-coded-differently",
        "ca.yaml",
        'conduct: {pinpoint: (a), quote: "telephones or makes contact by means of an electronic communication device"}',
        'conduct: {pinpoint: (b), quote: "makes repeated telephone calls or makes repeated contact"}',
        [
            "us/ca.yaml:140:43: error: laws[3].paths[1].evidence.conduct.quote: these words of pen-653m support conduct coded as "
            "pattern, min_acts 2 here, but as single on us-ca-annoying-communications / threat (line 127); code the same words the same way, "
            "or quote the part of the text each path rests on (same-words-coded-differently)",
        ],
    ),
    (
        "pinpoint-unknown",
        "ca.yaml",
        "        pinpoint: (b)\n",
        "        pinpoint: (b)(2)\n",
        [
            "us/ca.yaml:131:19: error: laws[3].paths[1].pinpoint: pen-653m(b)(2) is not in the stored text of Cal. Penal Code § 653m; check the subdivision (pinpoint-unknown)",
        ],
    ),
    (
        "pinpoint-unknown-section",
        "ca.yaml",
        "conduct: {pinpoint: (b),",
        "conduct: {pinpoint: pen-646.9(b),",
        [
            "us/ca.yaml:140:31: error: laws[3].paths[1].evidence.conduct.pinpoint: 'pen-646.9' is not one of this law's stored texts (pen-653m); add it to `text` (pinpoint-unknown)",
        ],
    ),
    (
        "evidence-missing",
        "ca.yaml",
        '          intent: {pinpoint: (b), quote: "with intent to annoy or harass"}\n',
        "",
        [
            "us/ca.yaml:140:11: error: laws[3].paths[1].evidence: path 'repeated' needs evidence for intent: the pinpoint and the statute's words that support it (evidence-missing)",
        ],
    ),
    (
        "evidence-missing-threat",
        "ca.yaml",
        "          credible_threat: false\n          electronic: explicit\n        evidence:\n          conduct: {pinpoint: (a)",
        "          credible_threat: true\n          electronic: explicit\n        evidence:\n          conduct: {pinpoint: (a)",
        [
            "us/ca.yaml:127:11: error: laws[3].paths[0].evidence: path 'threat' needs evidence for credible_threat: the pinpoint and the statute's words that support it (evidence-missing)",
        ],
    ),
    (
        "evidence-without-text",
        "ca.yaml",
        "    text: [pen-653m]\n",
        "",
        [
            "us/ca.yaml:126:11: error: laws[3].paths[0].evidence: evidence for conduct, intent cannot be checked: the law has no `text`; store the sections and list them under `text` (evidence-without-text)",
            "us/ca.yaml:139:11: error: laws[3].paths[1].evidence: evidence for conduct, intent cannot be checked: the law has no `text`; store the sections and list them under `text` (evidence-without-text)",
        ],
    ),
    (
        "text-missing",
        "ca.yaml",
        "    text: [pen-653m]",
        "    text: [pen-653m, pen-653x]",
        [
            "us/ca.yaml:115:22: error: laws[3].text[1]: no stored text at us/ca/pen-653x.txt; add the section's text there, or fix the id (text-missing)",
        ],
    ),
    (
        "text-header",
        "ca/pen-653m.txt",
        "---\ncitation",
        "citation",
        [
            "us/ca/pen-653m.txt:1:1: error: start the file with a header between two --- lines (citation, source, ...) (text-header)",
        ],
    ),
    (
        "text-header-field",
        "ca/pen-653m.txt",
        "source_type: reliable_copy",
        "source_type: summary",
        [
            "us/ca/pen-653m.txt:4:14: error: source_type: 'summary' is not one of: official, reliable_copy, unverified_copy (schema-enum)",
        ],
    ),
    (
        "text-future-date",
        "ca/pen-653m.txt",
        'read: "2026-01-10"',
        'read: "2027-01-10"',
        [
            "us/ca/pen-653m.txt:6:7: error: read: '2027-01-10' is in the future (today is 2026-11-24); use the date it happened (date-future)",
        ],
    ),
    (
        "text-as-of-not-a-date",
        "ca/pen-653m.txt",
        'as_of: "2026-07-21"',
        'as_of: "no date given"',
        [
            "us/ca/pen-653m.txt:5:8: error: as_of: 'no date given' is not a quoted date like \"2026-11-24\" (the date the source gives), "
            "or undated when the source gives none (schema-pattern)",
        ],
    ),
    (
        "elements-or-paths",
        "ca.yaml",
        "    text: [pen-653m]\n    paths:",
        "    text: [pen-653m]\n    elements: {conduct: single, intent: none, fear: {kinds: [none], test: none}, credible_threat: false, electronic: general}\n    paths:",
        [
            "us/ca.yaml:105:9: error: laws[3].id: the law has both `elements` and `paths`: write `elements` for a law read as one path, or `paths` for its alternatives (elements-or-paths)",
        ],
    ),
    (
        "path-duplicate",
        "ca.yaml",
        "      - id: repeated",
        "      - id: threat",
        [
            "us/ca.yaml:129:13: error: laws[3].paths[1].id: another path of this law is already called 'threat' (path-duplicate)",
        ],
    ),
    (
        "intent-all-of-one",
        "ca.yaml",
        "          intent: specific\n          fear: {kinds: [none], test: none}\n          credible_threat: false\n          electronic: explicit\n        evidence:\n          conduct: {pinpoint: (b)",
        "          intent: {all_of: [specific]}\n          fear: {kinds: [none], test: none}\n          credible_threat: false\n          electronic: explicit\n        evidence:\n          conduct: {pinpoint: (b)",
        [
            "us/ca.yaml:135:28: error: laws[3].paths[1].elements.intent.all_of: needs at least 2 item(s) (schema-minItems)",
        ],
    ),
    (
        "intent-all-of-valid",
        "ca.yaml",
        "          intent: specific\n          fear: {kinds: [none], test: none}\n          credible_threat: false\n          electronic: explicit\n        evidence:\n          conduct: {pinpoint: (b)",
        "          intent: {all_of: [general, specific]}\n          fear: {kinds: [none], test: none}\n          credible_threat: false\n          electronic: explicit\n        evidence:\n          conduct: {pinpoint: (b)",
        [],
    ),
    (
        "intent-list-warning",
        "ca.yaml",
        "      intent: specific\n",
        "      intent: [specific, knowledge]\n",
        [
            "us/ca.yaml:21:15: warning: laws[0].elements.intent: a list of mental states is ambiguous: write {any_of: [...]} when any one is enough, {all_of: [...]} when the text needs them together (intent-list)",
        ],
    ),
    (
        "relationship-duplicate",
        "ca.yaml",
        "      relationship: any",
        '      relationship: [dating, {who: dating, when: {fact: minor, is: "yes"}}]',
        [
            "us/ca.yaml:56:30: error: laws[1].elements.relationship[1]: 'dating' is listed twice; keep one entry (relationship-duplicate)",
        ],
    ),
    (
        "relationship-condition-value",
        "ca.yaml",
        "      relationship: any",
        '      relationship: [{who: dating, when: {fact: minor, is: "maybe"}}]',
        [
            "us/ca.yaml:56:60: error: laws[1].elements.relationship[0].when.is: 'maybe' is not a value of minor; allowed: yes, no, unsure (condition-value)",
        ],
    ),
    (
        "translation-path",
        "ca.yaml",
        "        requires:\n          - Se compartieron",
        "        paths:\n          threat: {label: Amenazas}\n        requires:\n          - Se compartieron",
        [
            "us/ca.yaml:104:11: error: laws[2].translations.es.paths.threat: the law has no path 'threat' (its paths: none) (translation-path)",
        ],
    ),
    (
        "bool-key",
        "ca.yaml",
        "    translations:\n      es:",
        "    translations:\n      no:",
        [
            'us/ca.yaml:96:7: error: laws[2].translations.no: the key no is read by YAML as false; put it in quotes: "no" (bool-key)',
            "us/ca.yaml:96:7: error: laws[2].translations: 'no' is not one of: es (schema-enum)",
        ],
    ),
]


@pytest.mark.parametrize("case_id, filename, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_broken_file_reports_exact_problems(tmp_path, case_id, filename, old, new, expected):
    folder = tmp_path / "us"
    shutil.copytree(FIXTURES, folder)
    text = (folder / filename).read_text(encoding="utf-8")
    assert old in text, f"case {case_id}: the text to replace is not in the fixture"
    (folder / filename).write_text(text.replace(old, new, 1), encoding="utf-8")

    result = load([tmp_path], today=TODAY)

    lines = [p.format().replace(f"{tmp_path.as_posix()}/", "") for p in result.problems]
    assert lines == expected


def test_fixtures_are_valid():
    result = load([FIXTURES.parent], today=TODAY)
    assert result.problems == []
    assert sorted(result.kb.laws) == [
        "us-ca-annoying-communications",
        "us-ca-intimate-images",
        "us-ca-restraining-order",
        "us-ca-stalking",
        "us-interstate-stalking",
    ]


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path):
    folder = tmp_path / "us"
    shutil.copytree(FIXTURES, folder)
    ca = (folder / "ca.yaml").read_text(encoding="utf-8")
    (folder / "ca.yaml").write_text(
        ca.replace("conduct: pattern", "conduct: patern").replace("kind: crime", "kind: crim", 1), encoding="utf-8"
    )
    us = (folder / "us.yaml").read_text(encoding="utf-8")
    (folder / "us.yaml").write_text(us.replace("kind: hotline", "kind: hotlines"), encoding="utf-8")

    result = load([tmp_path], today=TODAY)

    assert [(p.path.rsplit("/", 2)[-2:], p.line, p.rule) for p in result.problems] == [
        (["us", "ca.yaml"], 13, "schema-enum"),
        (["us", "ca.yaml"], 19, "schema-enum"),
        (["us", "ca.yaml"], 133, "schema-enum"),  # the second path of § 653m is a pattern too
        (["us", "us.yaml"], 10, "schema-enum"),
    ]
