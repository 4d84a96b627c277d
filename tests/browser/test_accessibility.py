"""axe-core in real Chromium on a phone-sized screen: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

pytestmark = pytest.mark.browser
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _violations(page) -> list[str]:
    page.evaluate(AXE_SOURCE)  # evaluated through the DevTools protocol: the page's CSP stays strict
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/about",
        "/jurisdictions",
        "/jurisdictions/us-ca",
        "/laws/us-ca-stalking",
        "/questions",
        "/nowhere",
        "/maintain?jurisdiction=us-ca",
        "/?lang=es",
        "/laws/us-tx-stalking?lang=es",
        "/laws/us-wa-stalking?lang=es",
        "/compare?topic=stalking&lang=es",
        "/jurisdictions/gb-sct",
    ],
)
def test_pages_have_no_serious_violations(phone, real_server, path):
    phone.goto(f"{real_server}{path}")
    assert _violations(phone) == []


def test_questionnaire_pages_have_no_serious_violations(phone, real_server):
    phone.goto(f"{real_server}/questions")
    assert _violations(phone) == []  # the country question
    phone.get_by_label("United States", exact=True).check()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Continue").click()
    phone.wait_for_load_state("load")
    phone.get_by_label("Choose from the list").select_option(label="California")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Continue").click()
    phone.wait_for_load_state("load")
    assert _violations(phone) == []  # a radio question
    with phone.expect_navigation():  # no answer: the error state
        phone.get_by_role("button", name="Continue").click()
    phone.wait_for_load_state("load")
    assert phone.get_by_text("There is a problem").is_visible()
    assert _violations(phone) == []
    phone.get_by_label("No, the same place as me", exact=True).check()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Continue").click()
    phone.wait_for_load_state("load")
    assert _violations(phone) == []  # the tick-all list
    while phone.locator('main input[name="question"]').count():
        radios = phone.locator('input[type="radio"]')
        if radios.count():
            radios.last.check()
        with phone.expect_navigation():
            phone.get_by_role("button", name="Continue").click()
        phone.wait_for_load_state("load")
    assert _violations(phone) == []  # review
    with phone.expect_navigation():
        phone.get_by_role("button", name="See which laws may apply").click()
    phone.wait_for_load_state("load")
    phone.locator("details.less-likely summary").first.click()
    assert _violations(phone) == []  # results, with the less-likely section open
