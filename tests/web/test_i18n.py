"""The interface in Spanish: a complete catalogue, language choice, a switch that keeps your place."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from web.i18n import complete_languages

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _messages(path: Path) -> list:
    with path.open("rb") as handle:
        return [m for m in read_po(handle, locale="es") if m.id]


def _ids(messages) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in messages}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    """Every message in the code, templates and question data today (not the committed template)."""
    target = tmp_path_factory.mktemp("pot") / "messages.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-o", str(target)]
    command += ["--ignore-dirs=.venv tests bench instance", "."]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    with target.open("rb") as handle:
        return _ids(m for m in read_po(handle) if m.id)


def test_every_interface_string_has_a_spanish_translation(extracted):
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in _messages(CATALOGUE)
        if not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    missing = sorted(extracted - translated)
    assert missing == [], f"{len(missing)} string(s) have no Spanish translation; run `make messages` and translate: {missing[:10]}"


def test_make_messages_turns_no_translation_into_an_obsolete_one(extracted):
    """Every translated message is still found by extraction: a string the extractor cannot see (inside a
    {% static %} fragment, or in an f-string) would be marked obsolete by `make messages` and fall back to English."""
    catalogued = _ids(m for m in _messages(CATALOGUE) if m.string)
    lost = sorted(catalogued - extracted)
    assert lost == [], f"{len(lost)} translated message(s) that extraction no longer finds: {lost[:10]}"


def test_translations_keep_every_placeholder():
    wrong = []
    for message in _messages(CATALOGUE):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if set(PLACEHOLDER.findall(" ".join(ids))) != set(PLACEHOLDER.findall(" ".join(strings))):
            wrong.append(ids[0][:60])
    assert wrong == []


def test_spanish_is_offered_only_because_its_catalogue_is_complete():
    assert complete_languages() == ["en", "es"]


def _html_lang(page: str) -> str:
    return re.search(r'<html lang="(\w+)">', page).group(1)


def test_browser_language_chooses_spanish_and_a_link_overrides_it(client):
    spanish = client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert _html_lang(spanish) == "es" and "Salir de esta página" in spanish
    english = client.get("/?lang=en", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert _html_lang(english) == "en" and "Exit this page" in english
    assert 'href="/about?lang=en"' in english  # the choice is carried in every link (no cookie)
    assert _html_lang(client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)) == "en"


def test_the_switch_keeps_the_page_and_its_query(client):
    page = client.get("/search?q=stalking&topic=stalking").get_data(as_text=True)
    switch = re.search(r'<a href="([^"]+)" lang="es" hreflang="es">Español</a>', page).group(1)
    assert switch.replace("&amp;", "&") == "/search?q=stalking&topic=stalking&lang=es"
    assert _html_lang(client.get(switch.replace("&amp;", "&")).get_data(as_text=True)) == "es"


def test_the_questionnaire_switch_keeps_answers_without_putting_them_in_the_address(client):
    page = client.post("/questions", data={"question": "region", "answer": "us-ca", "nav": "next"}).get_data(as_text=True)
    form = re.search(r'<form method="post" action="([^"]+)" class="language-form">(.*?)</form>', page, re.S)
    assert form.group(1) == "/questions"  # nothing in the address
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))
    assert fields["a_jurisdiction"] == "us-ca" and fields["nav"] == "stay" and fields["lang"] == "es"
    spanish = client.post("/questions", data=fields).get_data(as_text=True)
    assert _html_lang(spanish) == "es"
    assert re.search(r'name="question" value="([^"]+)"', spanish).group(1) == fields["question"]  # the same question
    assert 'name="a_jurisdiction" value="us-ca"' in spanish  # the answers are still carried
    assert "¿" in spanish


def test_a_law_without_a_spanish_summary_says_so_and_shows_the_english(client):
    page = client.get("/laws/us-ca-stalking?lang=es").get_data(as_text=True)
    assert "todavía no" in page.lower() or "aún no" in page.lower()
    assert '<div class="summary" lang="en">' in page
    translated = client.get("/laws/us-ca-intimate-images?lang=es").get_data(as_text=True)
    assert "Difusión de imágenes íntimas" in translated and '<div class="summary" lang="en">' not in translated


def test_spanish_results_explain_elements_in_spanish(client):
    data = {"a_jurisdiction": "us-ca", "a_incidents": "one", "a_threatened": "yes", "lang": "es"}
    page = client.post("/questions/results", data=data).get_data(as_text=True)
    assert _html_lang(page) == "es"
    assert "You said" not in page and "This law needs" not in page


def test_every_warning_shown_on_the_maintenance_page_is_translated():
    """The dashboard shows each warning's rule summary in the reader's language (kb.checks marks them N_)."""
    from kb.checks import WARNING, registry

    translated = {
        (m.id if isinstance(m.id, str) else m.id[0]) for m in _messages(CATALOGUE) if not m.fuzzy and m.string and m.string != m.id
    }
    missing = [rule.id for rule in registry().values() if rule.level == WARNING and rule.summary not in translated]
    assert missing == []


def test_no_message_is_hidden_from_extraction_in_the_code():
    """An f-string inside _() is a different message each time (never in the catalogue), and N_() nested in
    another call's arguments is not extracted: both would stay English."""
    import ast

    marking = {"_", "N_", "gettext", "ngettext"}
    hidden = []
    for folder in ("kb", "maintenance", "search", "web", "wizard"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                if node.func.id in marking and node.args and isinstance(node.args[0], ast.JoinedStr):
                    hidden.append(f"{where}: an f-string marked for translation")
                if node.func.id in marking - {"N_"}:
                    for argument in node.args + [keyword.value for keyword in node.keywords]:
                        if any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "N_" for n in ast.walk(argument)):
                            hidden.append(f"{where}: N_() inside the arguments of {node.func.id}()")
    assert hidden == []
