"""The help section in Spanish: resources described in Spanish, phone lines' words translated (the same
numbers), and the services that help in Spanish said so, where their own pages say it."""

from __future__ import annotations

import re

import pytest

from kb.loader import DEFAULT_LAW_DIR, load

KB = load([DEFAULT_LAW_DIR]).kb
RESOURCES = [(j.id, r) for j in sorted(KB.jurisdictions.values(), key=lambda j: j.id) for r in j.resources]


@pytest.mark.parametrize("jurisdiction, resource", RESOURCES, ids=lambda value: value if isinstance(value, str) else value.name[:30])
def test_every_resource_is_described_in_spanish(jurisdiction, resource):
    if resource.description:
        assert resource.description_in("es") != resource.description, "add translations: es: description:"


def test_the_national_hotline_says_it_helps_in_spanish_on_the_results_page(real_app):
    hotline = KB.jurisdiction("us").resources[0]
    assert hotline.name == "National Domestic Violence Hotline" and "es" in hotline.languages
    assert "text START" not in hotline.phone_in("es") and "88788" in hotline.phone_in("es")
    data = {"a_jurisdiction": "us-tx", "a_incidents": "several", "a_relationship": "partner_or_ex", "lang": "es"}
    page = real_app.test_client().post("/questions/results", data=data).get_data(as_text=True)
    steps = re.search(r'<ol class="first-steps">(.*?)</ol>', page, re.S).group(1)
    assert "También ayudan en español." in steps and hotline.phone_in("es") in steps
    help_list = re.search(r'<ul class="help-list">(.*?)</ul>', page, re.S).group(1)
    assert 'lang="en"' not in help_list and "Ayuda en español." in help_list


def test_the_region_page_lists_help_in_spanish(real_app):
    page = real_app.test_client().get("/jurisdictions/us-pr?lang=es").get_data(as_text=True)
    section = page.split('<section aria-labelledby="resources">', 1)[1].split("</section>", 1)[0]
    assert "Información legal gratuita en español" in section and "Ayuda en español." in section
    english = real_app.test_client().get("/jurisdictions/us-pr?lang=en").get_data(as_text=True)
    assert "Help in Spanish." in english


def test_a_translated_phone_line_must_give_the_same_numbers(law_dir):
    path = law_dir / "us" / "us.yaml"
    text = path.read_text(encoding="utf-8")
    right = "    phone: 1-800-799-7233\n"
    assert right in text
    translated = "    translations:\n      es:\n        description: Ayuda.\n        phone: 1-800-799-7234\n"
    path.write_text(text.replace(right, right + translated), encoding="utf-8")
    found = [p for p in load([law_dir]).problems if p.rule == "resource-phone"]
    assert len(found) == 1 and found[0].severity == "error"
    assert "gives the numbers 1 800 799 7234 but the phone line has 1 800 799 7233" in found[0].message
