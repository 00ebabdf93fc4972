"""The built index kept on disk (index_cache.py): loaded when it was built from the same
entries, code and language, rebuilt when not, and never trusted when damaged or foreign."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.core.entry_index import EntryIndex
from bot.core.index_cache import IndexCache
from bot.core.matcher import Matcher
from bot.core.models import Entry
from testkit.labelled import shipped_entries

QUESTIONS = [
    "how many migrants were enrolled?",
    "is the ice app on the apple store",
    "who reported this",
    "¿cuántos migrantes se inscribieron?",
    "wat is smart link",
    "i heard the app was approved, true?",
]


def answers(matcher: Matcher) -> list[Any]:
    return [
        (r.tier, [(c.entry_id, c.score, c.coverage) for c in r.candidates])
        for r in map(matcher.match, QUESTIONS)
    ]


@pytest.fixture
def cache(tmp_path: Path) -> IndexCache:
    folder = tmp_path / "db"
    folder.mkdir(mode=0o700)
    return IndexCache.beside(folder / "test.sqlite3")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages of the indexes built (not loaded) from now on."""
    built: list[str] = []
    build = EntryIndex._build

    def counted(self: EntryIndex, entries: Any) -> None:
        built.append(self.language)
        build(self, entries)

    monkeypatch.setattr(EntryIndex, "_build", counted)
    return built


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_warm_start_answers_as_a_cold_one(
    cache: IndexCache, builds: list[str], language: str
) -> None:
    entries = shipped_entries()
    plain = Matcher(entries, language=language)
    cold = Matcher(entries, language=language, index_cache=cache)
    assert builds == [language, language]
    warm = Matcher(entries, language=language, index_cache=cache)
    assert builds == [language, language]  # loaded, not built
    assert warm._state() == cold._state() == plain._state()
    assert answers(warm) == answers(cold) == answers(plain)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a crash while copying, a full disk)
        lambda data: data[:-100] + bytes(100),  # the content changed under its hash
        lambda data: b"not an index at all",
        lambda data: b"",
    ],
)
def test_a_damaged_file_is_ignored_and_rebuilt(
    cache: IndexCache,
    builds: list[str],
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[bytes], bytes],
) -> None:
    entries = shipped_entries()
    cold = Matcher(entries, index_cache=cache)
    path = cache.path("en")
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="policybot.index"):
        rebuilt = Matcher(entries, index_cache=cache)
    assert builds == ["en", "en"]
    assert "index cache" in caplog.text
    assert answers(rebuilt) == answers(cold)
    Matcher(entries, index_cache=cache)  # the file was written again, whole: loaded
    assert builds == ["en", "en"]


def test_a_knowledge_edit_invalidates_it(cache: IndexCache, builds: list[str]) -> None:
    entries = shipped_entries()
    Matcher(entries, index_cache=cache)
    first = entries[0]
    edited = first.model_copy(
        update={"paraphrases": [*first.paraphrases, "zorblax quintessence of the ledger"]}
    )
    changed: list[Entry] = [edited, *entries[1:]]
    matcher = Matcher(changed, index_cache=cache)
    assert builds == ["en", "en"]
    assert "zorblax" in matcher._postings  # the edit is in the index used
    assert matcher.rank("zorblax quintessence of the ledger", 1)[0].entry_id == first.id
    Matcher(entries, index_cache=cache)  # and the old entries are not taken for the new
    assert builds == ["en", "en", "en"]


def test_a_file_others_may_write_is_not_read(
    cache: IndexCache, builds: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    entries = shipped_entries()
    Matcher(entries, index_cache=cache)
    cache.path("en").chmod(0o666)
    with caplog.at_level(logging.WARNING, logger="policybot.index"):
        Matcher(entries, index_cache=cache)
    assert builds == ["en", "en"]
    assert "not this user's own" in caplog.text


def test_an_unwritable_place_only_costs_the_build(tmp_path: Path, builds: list[str]) -> None:
    cache = IndexCache.beside(tmp_path / "missing" / "test.sqlite3")  # no such folder
    entries = shipped_entries()
    assert answers(Matcher(entries, index_cache=cache)) == answers(Matcher(entries))
    assert builds == ["en", "en"]


async def test_the_engine_keeps_its_indexes_beside_the_database(
    open_engine: Callable[[], Any], tmp_path: Path
) -> None:
    async with open_engine() as engine:
        first = engine.answer("how many migrants were enrolled in the app?")
    kept = sorted(p.name for p in (tmp_path / "db").glob("test.sqlite3.index-*"))
    assert kept == ["test.sqlite3.index-en", "test.sqlite3.index-es"]
    async with open_engine() as engine:
        again = engine.answer("how many migrants were enrolled in the app?")
    assert again.entry_id == first.entry_id is not None
