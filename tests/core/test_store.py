"""The store: migrations, append-only revisions, atomic writes, the question log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.core.knowledge import load_directory
from bot.core.migrations import MIGRATIONS
from bot.core.store import Delete, Store, StoreError, Upsert


async def test_a_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "new" / "db.sqlite3") as store:
        assert await store.schema_version() == len(MIGRATIONS)
        assert await store.is_empty()
    with sqlite3.connect(tmp_path / "new" / "db.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with await Store.open(path):
        pass
    async with await Store.open(path) as store:
        assert await store.schema_version() == len(MIGRATIONS)


async def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable policybot database"):
        await Store.open(path)


async def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer policybot"):
        await Store.open(path)


async def test_changes_append_revisions_and_never_overwrite(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    seed = load_directory(knowledge_dir)
    original = seed.entries["enrolled-45"].entry
    edited = original.model_copy(update={"question": "How many were enrolled?"})
    async with await Store.open(tmp_path / "db.sqlite3") as store:
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
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        with pytest.raises(KeyError):
            await store.apply(
                [Upsert(entry, "t", 0), Delete("never-existed")],
                author="mod",
                reason="batch",
                topics={"t": "T"},
            )
        assert await store.is_empty()
        assert (await store.current()).topics == {}


async def test_unanswered_queue_and_one_vote_per_member(tmp_path: Path) -> None:
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        answered = await store.log_question(
            text="how many enrolled",
            tier="confident",
            entry_id="e",
            score=90,
            asker="1",
            channel="cli",
        )
        missed = await store.log_question(
            text="weather?", tier="none", entry_id=None, score=0, asker="2", channel="cli"
        )
        assert [q.id for q in await store.unanswered()] == [missed]
        assert await store.count_unanswered() == 1
        assert await store.record_feedback(answered, "member-1", helpful=True)
        assert not await store.record_feedback(answered, "member-1", helpful=False)
        assert await store.record_feedback(answered, "member-2", helpful=False)
        assert await store.usage() == [("e", 1, 1, 1)]
        assert await store.close_question(missed, state="dismissed", by="mod")
        assert await store.unanswered() == []


async def test_a_question_logged_during_a_failing_edit_is_kept(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    import asyncio

    entry = load_directory(knowledge_dir).entries["enrolled-45"].entry
    async with await Store.open(tmp_path / "db.sqlite3") as store:

        async def failing_edit() -> None:
            await store.apply(
                [Upsert(entry, "t", 0), Delete("never-existed")], author="m", reason=""
            )

        async def ask() -> int:
            return await store.log_question(
                text="q", tier="none", entry_id=None, score=0, asker=None, channel="cli"
            )

        edit, logged = await asyncio.gather(failing_edit(), ask(), return_exceptions=True)
        assert isinstance(edit, KeyError)
        assert await store.question(int(logged)) is not None  # type: ignore[call-overload]
        assert await store.is_empty()
