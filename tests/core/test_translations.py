"""Translations: the shape in the knowledge files and the machine check that guards them."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot.core.knowledge import load_directory, missing_translations, render_file, write_directory
from bot.core.languages import language, translation_languages
from bot.core.models import Entry
from bot.core.translation_rules import translation_problems

from .conftest import write_knowledge

ENROLLED_ES = {
    "question": "¿Cuántos migrantes se inscribieron en la aplicación?",
    "paraphrases": ["cuántas personas se registraron en la app"],
    "keywords": ["inscritos"],
    "answer": "El New York Post informó, citando una fuente anónima, que los funcionarios solo "
    "lograron inscribir a 45 migrantes de cientos por problemas técnicos.",
}
QUOTED_EN = (
    "The New York Post reported, citing an unnamed source, that only 45 migrants enrolled "
    '"out of hundreds" by 12 July 2024.'
)
QUOTED_ES = (
    "El New York Post informó, citando una fuente anónima, que solo se inscribieron 45 migrantes "
    '"out of hundreds" (traducción: «de cientos») al 12 de julio de 2024.'
)


def _with_spanish(entry: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(entry)
    data["translations"] = {"es": dict(ENROLLED_ES, **changes)}
    return data


def test_spanish_is_a_translation_language_read_from_data() -> None:
    spanish = language("es")
    assert "es" in [lang.code for lang in translation_languages()]
    assert spanish.discord_locales == ("es-ES", "es-419")
    assert spanish.month_names[6] == "julio"  # from Babel, not typed by us


def test_a_translated_entry_validates_and_exposes_each_language(
    entries: list[dict[str, Any]],
) -> None:
    entry = Entry.model_validate(_with_spanish(entries[0]))
    spanish = entry.in_language("es")
    assert spanish is not None and spanish.question == ENROLLED_ES["question"]
    english = entry.in_language("en")
    assert english is not None and english.answer == entry.answer
    assert entry.in_language("fr") is None


def test_translations_round_trip_byte_for_byte(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    entries[0] = _with_spanish(entries[0])
    write_knowledge(tmp_path / "in", entries)
    knowledge = load_directory(tmp_path / "in")
    (written,) = write_directory(knowledge, tmp_path / "out")
    again = load_directory(tmp_path / "out")
    (path,) = write_directory(again, tmp_path / "again")
    assert path.read_text() == written.read_text()
    assert "[entry.translations.es]" in written.read_text()
    assert again.entries["enrolled-45"].entry == knowledge.entries["enrolled-45"].entry


def test_an_entry_without_translations_writes_no_translation_table(
    entries: list[dict[str, Any]],
) -> None:
    text = render_file("Test", [Entry.model_validate(entries[1])])
    assert "translations" not in text


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"answer": "El New York Post informó, citando una fuente anónima, que 46 migrantes."},
            "numbers in the English answer but not the translation: ['45']",
        ),
        (
            {"answer": ENROLLED_ES["answer"] + " Hay 300 más."},
            "numbers in the translation but not the English answer: ['300']",
        ),
        (
            {"answer": "El New York Post informó que solo 45 migrantes se inscribieron."},
            "rests on anonymous sources",
        ),
    ],
)
def test_the_check_rejects_a_translation_that_changes_a_fact(
    entries: list[dict[str, Any]], changes: dict[str, str], problem: str
) -> None:
    with pytest.raises(ValidationError, match=r"translations\.es\.answer") as caught:
        Entry.model_validate(_with_spanish(entries[0], **changes))
    assert problem in str(caught.value)


def test_an_unknown_language_is_rejected(entries: list[dict[str, Any]]) -> None:
    data = copy.deepcopy(entries[0])
    data["translations"] = {"xx": ENROLLED_ES}
    with pytest.raises(ValidationError, match=r"translations\.xx: not a translation language"):
        Entry.model_validate(data)


def test_quotes_stay_in_english_with_a_marked_rendering() -> None:
    assert translation_problems(QUOTED_EN, QUOTED_ES, "es", anonymous=True) == []
    unmarked = QUOTED_ES.replace(" (traducción: «de cientos»)", "")
    translated_quote = QUOTED_ES.replace('"out of hundreds"', '"de cientos"')
    for bad in (unmarked, translated_quote):
        (problem,) = translation_problems(QUOTED_EN, bad, "es", anonymous=True)
        assert 'quote "out of hundreds" must stay as printed' in problem


def test_dates_need_the_month_in_the_translation_language() -> None:
    english_month = QUOTED_ES.replace("12 de julio de 2024", "12 July 2024")
    problems = translation_problems(QUOTED_EN, english_month, "es", anonymous=True)
    assert any("must say 'julio'" in p for p in problems)
    assert any("English month name 'july'" in p for p in problems)


def test_numbers_compare_by_digits_whatever_the_separator() -> None:
    english = "CBP counted almost 1.8 million encounters and 2,500 a day, citing unnamed sources."
    spanish = (
        "La CBP contó casi 1,8 millones de encuentros y 2.500 al día, citando fuentes anónimas."
    )
    assert translation_problems(english, spanish, "es", anonymous=True) == []


def test_validate_lists_entries_missing_a_translation(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    entries[0] = _with_spanish(entries[0])
    write_knowledge(tmp_path, entries)
    missing = missing_translations(load_directory(tmp_path))
    assert missing["es"] == ["apprehended-7m", "apple-store"]


def test_may_the_verb_is_not_a_month() -> None:
    english = "About 1,400 arrests in January 2025, may have happened at check-ins."
    spanish = "Unos 1,400 arrestos en enero de 2025 pudieron ocurrir en los check-ins."
    assert translation_problems(english, spanish, "es", anonymous=False) == []
    dated = "The rule took effect on 5 May 2024."
    assert translation_problems(
        dated, "La norma entró en vigor el 5 de 2024.", "es", anonymous=False
    )
