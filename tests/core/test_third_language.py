"""A third language is data, not code: a French folder beside English and Spanish is enough for
the model, the translation check, matching, detection and the bot's words."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.core import analysis, i18n, languages, own_case_data
from bot.core.language_detect import detect_language
from bot.core.matcher import Matcher, Tier
from bot.core.models import Entry
from bot.core.own_case import detect as detect_own_case

FRENCH = """
code = "fr"
name = "Français"
snowball = "french"
discord_locales = ["fr"]
translation_marker = "traduction"
anonymity_phrases = ["sources anonymes", "source anonyme", "non identifi"]
letters = "àâçèêëîïôûœ"
stopwords = "le la les de des du un une et est que qui combien ont a en dans pour"
"""
FRENCH_OWN_CASE_WORDS = r"""
hint_words = ["le", "la", "les", "de", "ma", "mon", "mes", "est", "je"]
[words]
case = ["convocations?", "ice", "pointages?", "audiences?"]
"""
FRENCH_OWN_CASE_RULES = r"""
[[rules]]
name = "ma-convocation"
pattern = ' (?:ma|mon|mes|notre) (?:\w+ )?<<case>>\b'
"""
FRENCH_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\n"
"Language: fr\n"

msgid "Public record"
msgstr "Document public"
"""
ENROLLED_FR = {
    "question": "Combien de migrants se sont inscrits dans l'application ?",
    "paraphrases": ["combien de personnes inscrites dans l'appli"],
    "answer": "Le New York Post a rapporté, citant une source anonyme, que les responsables "
    "n'ont pu inscrire que 45 migrants sur des centaines en raison de problèmes techniques.",
}


def _clear_caches() -> None:
    languages.languages.cache_clear()
    analysis.analysis.cache_clear()
    i18n.texts.cache_clear()
    i18n._translations.cache_clear()
    own_case_data.wordings.cache_clear()


@pytest.fixture
def with_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    locales = tmp_path / "locales"
    shutil.copytree(languages.LOCALES_DIR, locales)
    (locales / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "fr" / "language.toml").write_text(FRENCH, encoding="utf-8")
    (locales / "fr" / "LC_MESSAGES" / "policybot.po").write_text(FRENCH_PO, encoding="utf-8")
    (locales / "fr" / "own_case_words.toml").write_text(FRENCH_OWN_CASE_WORDS, encoding="utf-8")
    (locales / "fr" / "own_case_rules.toml").write_text(FRENCH_OWN_CASE_RULES, encoding="utf-8")
    monkeypatch.setattr(languages, "LOCALES_DIR", locales)
    monkeypatch.setattr(i18n, "LOCALES_DIR", locales)
    _clear_caches()
    yield
    _clear_caches()


def test_a_french_folder_adds_french(with_french: None, entries: list[dict[str, Any]]) -> None:
    assert list(languages.languages()) == ["en", "es", "fr"]
    assert languages.language_for_locale("fr") == "fr"
    data = copy.deepcopy(entries[0])
    data["translations"] = {"fr": ENROLLED_FR}
    entry = Entry.model_validate(data)  # the same model and check, French month names included
    wrong = copy.deepcopy(data)
    wrong["translations"]["fr"]["answer"] = ENROLLED_FR["answer"].replace("45", "46")
    with pytest.raises(ValueError, match=r"translations\.fr\.answer: numbers"):
        Entry.model_validate(wrong)
    matcher = Matcher([entry], language="fr")
    assert matcher.match("combien de migrants inscrits dans l'application").tier is Tier.CONFIDENT
    assert detect_language("Combien de migrants se sont inscrits ?").code == "fr"
    words = i18n.texts("fr")
    assert words.date(dt.date(2024, 7, 12)) == "12 juillet 2024"
    assert words.gettext("Public record") == "Document public"
    assert words.gettext("Disputed") == "Disputed"  # untranslated: English, never empty


def test_a_french_own_case_file_gives_french_questions_the_notice(with_french: None) -> None:
    found = detect_own_case("J'ai ma convocation à l'ICE demain, je dois y aller ?")
    assert found is not None and found.language == "fr"
    assert detect_own_case("Qui a publié l'article sur l'application ?") is None
    english = detect_own_case("my check-in is tomorrow, should I go?")
    assert english is not None and english.language == "en"
