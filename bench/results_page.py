"""The results page as a frightened person on a phone meets it: its size in bytes, its height and
the words shown before anything is unfolded (Chromium at 390 x 844), how often the explanation of
what the other person meant appears, and how many pages it prints to. Prints figures.

The walk is the one bench/pages.py times: California, repeated threatening messages from an
ex-partner who frightens the person.

    .venv/bin/python bench/results_page.py            # English and Spanish
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from bench.pages import ASSESS_FORM  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402

INTENT_EXPLANATION = ("Only the other person knows what they meant", "Solo la otra persona sabe cuál era su intención")
SUBMIT = """([fields, language]) => {
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/questions/results" + (language === "en" ? "" : "?lang=" + language);
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden"; input.name = name; input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}"""


def measure(page, base: str, language: str) -> dict:
    """Post the walk's answers from the home page and measure the results page."""
    page.goto(f"{base}/?lang={language}")
    with page.expect_navigation() as navigation:
        page.evaluate(SUBMIT, [ASSESS_FORM, language])
    page.wait_for_load_state("load")
    body = navigation.value.body()
    text = page.evaluate("document.body.innerText")
    pdf = page.pdf(format="Letter")
    return {
        "bytes": len(body),
        "height_px": page.evaluate("document.documentElement.scrollHeight"),
        "words_shown": len(re.findall(r"\w+", text)),
        "intent_explanations": sum(text.count(phrase) for phrase in INTENT_EXPLANATION),
        "printed_pages": len(re.findall(rb"/Type\s*/Page[^s]", pdf)),
    }


def main() -> None:
    from playwright.sync_api import sync_playwright

    index = tempfile.mkdtemp(prefix="bench-index-")
    app = create_app({"LAW_LOADING": "strict", "LAW_RELOAD": False, "SEARCH_INDEX_DIR": index, "SEARCH_BUILD_AT_START": False})
    with serving(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        print(f"{'language':<10}{'bytes':>9}{'height px':>11}{'words shown':>13}{'intent text':>13}{'printed pages':>15}")
        for language in ("en", "es"):
            found = measure(page, base, language)
            print(
                f"{language:<10}{found['bytes']:>9}{found['height_px']:>11}{found['words_shown']:>13}"
                f"{found['intent_explanations']:>13}{found['printed_pages']:>15}"
            )
        browser.close()


if __name__ == "__main__":
    main()
