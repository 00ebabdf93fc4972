"""The bot's own words: one gettext catalogue per language, complete, with matching placeholders."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.core.i18n import N_, Marked, catalogue_path, operator_language, said, texts
from bot.core.languages import translation_languages

ROOT = Path(__file__).resolve().parents[2]
GETTEXT = {"gettext", "ngettext"}
ENGLISH_MONTHS = (
    "january february march april may june july august september october november december"
).split()


def _marked() -> set[str]:
    """Every string the code marks for translation, found the way `pybabel extract` finds it."""
    found = set()
    keywords = {**DEFAULT_KEYWORDS, "_t": None}  # _t: discord.py's locale_str, for commands
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "bot",
        # As babel.cfg: the code, and the site's Jinja2 templates.
        method_map=[("**.py", "python"), ("**/templates/**.html", "jinja2")],
        options_map={"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}},
        keywords=keywords,
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_code_marks_its_words() -> None:
    marked = _marked()
    assert "I'm not sure which of these you mean:" in marked
    assert "Public record" in marked
    assert "Skip to the content" in marked  # a site template's words
    assert len(marked) >= 20


@pytest.mark.parametrize("code", [lang.code for lang in translation_languages()])
def test_every_marked_string_is_translated_with_the_same_placeholders(code: str) -> None:
    with open(catalogue_path(code), "rb") as handle:
        catalogue = read_po(handle, locale=code)
    translated: dict[str, tuple[str, ...]] = {}
    for message in catalogue:
        if message.id and not message.fuzzy:
            key = message.id if isinstance(message.id, str) else message.id[0]
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            translated[key] = tuple(forms)
    missing = sorted(m for m in _marked() if not all(translated.get(m, ("",))))
    assert missing == [], f"{code}: untranslated: {missing}"
    wrong = [m for m in _marked() if any(_fields(m) != _fields(f) for f in translated[m])]
    assert wrong == [], f"{code}: placeholders differ: {wrong}"


@pytest.mark.parametrize("code", [lang.code for lang in translation_languages()])
def test_each_catalogue_is_its_own_languages_with_its_plural_rule(code: str) -> None:
    """A catalogue copied from another language's folder (README: Languages, `pybabel init`)
    keeps that language's header: its plural rule would count this one's words."""
    with open(catalogue_path(code), "rb") as handle:
        catalogue = read_po(handle)  # as written, not as the folder says
    assert catalogue.locale_identifier == code
    assert catalogue.plural_forms == Catalog(locale=code).plural_forms


def test_a_catalogue_is_read_from_its_po_file_without_a_build_step() -> None:
    spanish = texts("es")
    assert spanish.gettext("Public record") == "Registro público"
    assert texts("en").gettext("Public record") == "Public record"


def test_dates_are_written_per_language_never_with_english_months_in_spanish() -> None:
    day = dt.date(2024, 7, 12)
    assert texts("en").date(day) == "12 July 2024"
    assert texts("es").date(day) == "12 de julio de 2024"
    for month in range(1, 13):
        written = texts("es").date(dt.date(2024, month, 1)).lower()
        assert not any(re.search(rf"\b{name}\b", written) for name in ENGLISH_MONTHS), written


def _unextractable_gettext_calls() -> list[str]:
    """Calls `pybabel extract` cannot see through, so their words would never reach the
    catalogue: gettext under another name (`said = words.gettext`), or a text written inside an
    expression (an f-string, a conditional or a concatenation of literals) instead of a literal
    or an `N_`-marked constant."""
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr in GETTEXT
            ):
                found.append(f"{where}: gettext under another name")
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in GETTEXT
            ):
                continue
            for arg in node.args[: 2 if node.func.attr == "ngettext" else 1]:
                inner = [n for n in ast.walk(arg) if n is not arg]
                if isinstance(arg, ast.JoinedStr) or any(
                    isinstance(n, ast.Constant) and isinstance(n.value, str) for n in inner
                ):
                    found.append(f"{where}: a text inside an expression")
    return found


def test_every_gettext_call_is_one_pybabel_extract_can_see() -> None:
    assert _unextractable_gettext_calls() == []


def test_a_marked_refusal_is_english_text_that_a_front_end_says_in_the_readers_language() -> None:
    problem = Marked(N_("entry '{entry}': no revision {number}"), entry="enrolled-45", number=9)
    assert problem == "entry 'enrolled-45': no revision 9"  # logs, the command line, JSON
    assert json.dumps([problem]) == "[\"entry 'enrolled-45': no revision 9\"]"
    assert said(problem, "es") == "entrada 'enrolled-45': no hay revisión 9"
    assert said(problem, "en") == problem
    assert said("a file's problem, as the model wrote it", "es") == (
        "a file's problem, as the model wrote it"
    )


def test_each_language_quotes_in_its_own_marks() -> None:
    assert texts("en").quoted("Public record") == "“Public record”"
    assert texts("es").quoted("Registro público") == "«Registro público»"


@pytest.mark.parametrize(
    ("environment", "code"),
    [
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_ES.UTF-8", "LC_CTYPE": "C.UTF-8"}, "es"),  # as Python coerces it
        ({"LANGUAGE": "xx:es", "LANG": "C.UTF-8"}, "es"),  # the first the bot speaks
        ({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),  # LC_ALL overrides
        ({"LC_MESSAGES": "xx_XX.UTF-8", "LANG": "es_ES.UTF-8"}, "en"),  # one it does not speak
        ({}, "en"),
    ],
)
def test_the_operators_language_comes_from_the_terminals_locale(
    environment: dict[str, str], code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert operator_language() == code
