"""Topic titles in Spanish: data in the language's folder (`[topics]` in language.toml, by the
topic file's stem), validated when read, shown where the reader is Spanish, English where a
title is not translated yet, and listed by `kb validate` until it is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.core import languages
from bot.core.engine import Engine
from bot.core.knowledge import load_paths, missing_topic_titles
from bot.core.languages import LanguageDataError, language, topic_title, translation_languages
from bot.site.build import collect
from bot.site.pages import index_topics

from .test_cli import cli  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "knowledge").glob("*.toml"))


@pytest.mark.parametrize("code", [lang.code for lang in translation_languages()])
def test_every_shipped_topic_has_a_title_in_every_language_and_no_title_is_stray(
    code: str,
) -> None:
    knowledge = load_paths(SHIPPED)
    assert missing_topic_titles(knowledge)[code] == []
    titles = language(code).topics
    assert set(titles) == set(knowledge.topics), "a title for a topic file that does not exist"
    for stem, english in knowledge.topics.items():
        assert titles[stem] != english, f"{stem}: the {code} title is the English one"


def test_spanish_titles_are_spanish_and_keep_the_names_and_dates() -> None:
    knowledge = load_paths(SHIPPED)
    spanish = language("es").topics
    assert spanish["unknowns"] == "Lo que no se sabe"
    for stem, english in knowledge.topics.items():
        # Proper names and years stay as the English title writes them.
        for kept in re.findall(r"\b(?:CBP One|CBP Home|ICE|SmartLINK|\d{4})\b", english):
            assert kept in spanish[stem], (stem, kept)


@pytest.mark.parametrize(
    ("topics", "problem"),
    [
        ('"x"', "must be a table"),
        ('{ "../etc" = "Título" }', "not a topic file's stem"),
        ('{ unknowns = "" }', "one line of text"),
        ('{ unknowns = "dos\\nlíneas" }', "one line of text"),
        ("{ unknowns = 3 }", "one line of text"),
        ("{ unknowns = '" + "a" * 101 + "' }", "over 100 characters"),
    ],
)
def test_bad_topic_titles_are_refused_with_the_problem_named(
    tmp_path: Path, topics: str, problem: str
) -> None:
    folder = tmp_path / "es"
    folder.mkdir()
    data = (languages.LOCALES_DIR / "es" / "language.toml").read_text(encoding="utf-8")
    data = data[: data.index("[topics]")]  # the shipped data without its titles table
    path = folder / "language.toml"
    path.write_text(f"topics = {topics}\n" + data, encoding="utf-8")
    with pytest.raises(LanguageDataError, match=re.escape(problem)):
        languages._load(path)


def test_an_untranslated_topic_falls_back_to_its_english_title() -> None:
    assert topic_title("unknowns", "What is not known", "es") == "Lo que no se sabe"
    assert topic_title("unknowns", "What is not known", "en") == "What is not known"
    assert topic_title("moderators", "Added from Discord", "es") == "Added from Discord"
    assert topic_title("unknowns", "What is not known", "xx") == "What is not known"


async def test_the_engine_and_the_site_give_titles_in_the_readers_language(
    tmp_path: Path,
) -> None:
    async with Engine.open(tmp_path / "db.sqlite3", ROOT / "knowledge") as engine:
        assert "Lo que no se sabe" in engine.topics("es")
        assert "What is not known" in engine.topics()
        assert "What is not known" not in engine.topics("es")
        records = await collect(engine)
    spanish = {t["key"]: t for t in index_topics(records, "es")}
    english = {t["key"]: t for t in index_topics(records, "en")}
    assert spanish["unknowns"]["title"] == "Lo que no se sabe"
    assert spanish["unknowns"]["lang"] is None  # in the page's own language
    assert english["unknowns"]["title"] == "What is not known"


def test_kb_validate_lists_topics_without_a_title(cli: Any, tmp_path: Path) -> None:  # noqa: F811
    for path in SHIPPED:
        (tmp_path / "kb").mkdir(exist_ok=True)
        (tmp_path / "kb" / path.name).write_bytes(path.read_bytes())
    shipped = tmp_path / "kb" / "unknowns.toml"
    shipped.rename(tmp_path / "kb" / "open-questions.toml")  # a topic with no Spanish title
    code, out, _ = cli("kb", "validate", str(tmp_path / "kb"))
    assert code == 0
    assert "topic titles not yet translated (es" in out and "open-questions" in out
    assert "about-this-bot" not in out.split("topic titles")[1]
