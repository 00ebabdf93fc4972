"""The store: migrations, append-only revisions, atomic writes, the question log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.core.backends import open_store
from bot.core.knowledge import load_directory
from bot.core.matcher import Tier
from bot.core.sqlite_connection import MIGRATIONS, translated
from bot.core.sqlite_store import SQLiteStore
from bot.core.store import (
    DatabaseBusy,
    DatabaseFull,
    Delete,
    QuestionState,
    RevisionConflict,
    StoreError,
    Upsert,
)
from bot.settings import Settings


async def test_a_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    async with await SQLiteStore.open(tmp_path / "new" / "db.sqlite3") as store:
        assert await store.schema_version() == len(MIGRATIONS)
        assert await store.is_empty()
    with sqlite3.connect(tmp_path / "new" / "db.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with await SQLiteStore.open(path):
        pass
    async with await SQLiteStore.open(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)


async def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable policybot database"):
        await SQLiteStore.open(path)


async def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer policybot"):
        await SQLiteStore.open(path)


async def test_changes_append_revisions_and_never_overwrite(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    seed = load_directory(knowledge_dir)
    original = seed.entries["enrolled-45"].entry
    edited = original.model_copy(update={"question": "How many were enrolled?"})
    async with await SQLiteStore.open(tmp_path / "db.sqlite3") as store:
        await store.apply([Upsert(original, "t", 0)], author="seed", reason="seed")
        await store.apply([Upsert(edited, "t", 0)], author="mod", reason="wording")
        await store.apply([Delete("enrolled-45")], author="mod", reason="gone")
        history = await store.history("enrolled-45")
        assert [(r.number, r.author, r.reason) for r in history] == [
            (1, "seed", "seed"),
            (2, "mod", "wording"),
            (3, "mod", "gone"),
        ]
        assert history[0].entry == original
        assert history[1].entry == edited
        assert history[2].entry is None
        assert "enrolled-45" not in (await store.current()).entries


async def test_a_failing_change_rolls_back_the_whole_batch(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    entry = load_directory(knowledge_dir).entries["enrolled-45"].entry
    async with await SQLiteStore.open(tmp_path / "db.sqlite3") as store:
        with pytest.raises(KeyError):
            await store.apply(
                [Upsert(entry, "t", 0), Delete("never-existed")],
                author="mod",
                reason="batch",
                topics={"t": "T"},
            )
        assert await store.is_empty()
        assert (await store.current()).topics == {}


async def test_a_change_based_on_an_old_revision_writes_nothing(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    entry = load_directory(knowledge_dir).entries["enrolled-45"].entry
    path = tmp_path / "db.sqlite3"
    async with await SQLiteStore.open(path) as mine, await SQLiteStore.open(path) as theirs:
        await mine.apply([Upsert(entry, "t", 0)], author="seed", reason="seed", expected={})
        theirs_edit = entry.model_copy(update={"question": "How many were enrolled?"})
        await theirs.apply([Upsert(theirs_edit, "t", 0)], author="b", reason="b", expected={})
        mine_edit = entry.model_copy(update={"question": "How many signed up?"})
        with pytest.raises(RevisionConflict) as raised:
            await mine.apply(
                [Upsert(mine_edit, "t", 0)], author="a", reason="a", expected={"enrolled-45": 1}
            )
        assert (raised.value.expected, raised.value.latest) == (1, 2)
        with pytest.raises(RevisionConflict):  # "new" entry that someone else added meanwhile
            await mine.apply(
                [Upsert(mine_edit, "t", 0)], author="a", reason="a", expected={"enrolled-45": 0}
            )
        history = await mine.history("enrolled-45")
        assert [r.author for r in history] == ["seed", "b"]


async def test_unanswered_queue_and_one_vote_per_member(tmp_path: Path) -> None:
    async with await SQLiteStore.open(tmp_path / "db.sqlite3") as store:
        answered = await store.log_question(
            text="how many enrolled",
            tier=Tier.CONFIDENT,
            entry_id="e",
            score=90,
            asker="1",
            channel="cli",
        )
        missed = await store.log_question(
            text="weather?", tier=Tier.NONE, entry_id=None, score=0, asker="2", channel="cli"
        )
        assert [q.id for q in await store.unanswered()] == [missed]
        assert await store.count_unanswered() == 1
        assert await store.record_feedback(answered, "member-1", helpful=True)
        assert not await store.record_feedback(answered, "member-1", helpful=False)
        assert await store.record_feedback(answered, "member-2", helpful=False)
        assert await store.usage() == [("e", 1, 1, 1)]
        assert await store.close_question(missed, state=QuestionState.DISMISSED, by="mod")
        assert await store.unanswered() == []


async def test_a_question_logged_during_a_failing_edit_is_kept(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    import asyncio

    entry = load_directory(knowledge_dir).entries["enrolled-45"].entry
    async with await SQLiteStore.open(tmp_path / "db.sqlite3") as store:

        async def failing_edit() -> None:
            await store.apply(
                [Upsert(entry, "t", 0), Delete("never-existed")], author="m", reason=""
            )

        async def ask() -> int:
            return await store.log_question(
                text="q", tier=Tier.NONE, entry_id=None, score=0, asker=None, channel="cli"
            )

        edit, logged = await asyncio.gather(failing_edit(), ask(), return_exceptions=True)
        assert isinstance(edit, KeyError)
        assert await store.question(int(logged)) is not None  # type: ignore[call-overload]
        assert await store.is_empty()


async def test_the_database_is_named_by_a_path_or_a_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for database in ("plain.sqlite3", "sqlite:///relative.sqlite3", f"sqlite:///{tmp_path}/a.db"):
        store = await open_store(database)
        await store.close()
    assert {p.name for p in tmp_path.iterdir()} >= {"plain.sqlite3", "relative.sqlite3", "a.db"}
    with pytest.raises(StoreError, match="only SQLite is supported"):
        await open_store("postgresql://policybot@localhost/policybot")


async def test_a_database_of_the_first_schema_is_migrated_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    async with await SQLiteStore.open(path) as store:
        assert await store.schema_version() == len(MIGRATIONS) >= 2
    with sqlite3.connect(path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    assert "meta" not in tables and "revisions" in tables


def test_settings_name_the_database_by_its_new_or_old_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLICYBOT_DB", "old-name.sqlite3")
    assert Settings(_env_file=None).database == "old-name.sqlite3"  # type: ignore[call-arg]
    monkeypatch.setenv("POLICYBOT_DATABASE", "sqlite:///new-name.sqlite3")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database == "sqlite:///new-name.sqlite3" and settings.state_dir == Path(".")


def test_a_locked_or_full_database_is_named_in_english_and_in_the_readers_language() -> None:
    path = Path("policybot.sqlite3")
    locked = translated(sqlite3.OperationalError("database is locked"), path)
    full = translated(sqlite3.OperationalError("database or disk is full"), path)
    assert isinstance(locked, DatabaseBusy) and isinstance(full, DatabaseFull)
    assert str(locked).startswith("the database policybot.sqlite3 is locked by another program")
    assert locked.said("en") == str(locked)
    assert locked.said("es").startswith(
        "la base de datos policybot.sqlite3 está bloqueada por otro programa"
    )
    assert full.said("es").startswith("el disco donde está la base de datos policybot.sqlite3")
    assert "no se cambió nada" in full.said("es")
    other = translated(sqlite3.OperationalError("no such table: x"), path)
    assert not isinstance(other, StoreError)  # anything else stays what it was
    # A message for operators only is not marked for translation: the same in any language.
    assert StoreError("cannot open {braces}").said("es") == "cannot open {braces}"
