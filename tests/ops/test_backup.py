"""policybot backup / restore on files: what is refused, what is kept aside, retention."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import backup as backups
from bot.core import question_spill
from bot.core.backup import SCHEMA, BackupError, backup, backup_and_prune, check_backup, restore
from bot.core.matcher import Tier
from bot.core.question_log import NewQuestion, QuestionLog
from bot.core.sqlite_store import SQLiteStore as Store

from .conftest import questions


def test_backup_is_a_standalone_checked_copy(live_db: Path, tmp_path: Path) -> None:
    info = backup(live_db, tmp_path / "out" / "copy.sqlite3")
    assert info.schema == SCHEMA and info.questions == 3
    assert questions(info.path) == questions(live_db)
    # No WAL to lose: the copy is a single file in rollback-journal mode.
    connection = sqlite3.connect(info.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    assert sorted(p.name for p in info.path.parent.iterdir()) == ["copy.sqlite3"]


def test_backup_of_nothing_or_onto_itself_is_refused(live_db: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database"):
        backup(tmp_path / "missing.sqlite3", tmp_path / "out.sqlite3")
    with pytest.raises(BackupError, match="must not be the database"):
        backup(live_db, live_db)
    with pytest.raises(BackupError, match="is a folder"):
        backup(live_db, tmp_path)


async def test_restore_round_trip_keeps_the_current_database_aside(
    live_db: Path, tmp_path: Path
) -> None:
    saved = backup(live_db, tmp_path / "saved.sqlite3").path
    store = await Store.open(live_db)
    await store.log_question(
        text="after the backup", tier=Tier.NONE, entry_id=None, score=0, asker=None, channel="cli"
    )
    await store.close()

    aside = restore(saved, live_db)
    assert aside is not None and aside.name.startswith("policybot.sqlite3.before-restore-")
    assert questions(live_db) == ["question 0", "question 1", "question 2"]
    assert questions(aside)[-1] == "after the backup"
    assert [p.name for p in live_db.parent.iterdir() if "partial" in p.name] == []
    again = restore(saved, live_db)  # a second restore in the same second keeps both
    assert again is not None and again != aside and again.exists() and aside.exists()


def _unchanged(db: Path) -> tuple[bytes, list[str]]:
    return db.read_bytes(), sorted(p.name for p in db.parent.iterdir())


def test_a_damaged_backup_is_refused_and_nothing_changes(live_db: Path, tmp_path: Path) -> None:
    damaged = backup(live_db, tmp_path / "damaged.sqlite3").path
    connection = sqlite3.connect(damaged)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'questions'"
    ).fetchone()[0]
    connection.close()
    data = bytearray(damaged.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\x0d" + os.urandom(page_size - 1)  # a garbled leaf
    damaged.write_bytes(bytes(data))
    before = _unchanged(live_db)
    with pytest.raises(BackupError, match=r"integrity|not a usable"):
        restore(damaged, live_db)
    assert _unchanged(live_db) == before


def test_a_file_from_a_newer_policybot_is_refused(live_db: Path, tmp_path: Path) -> None:
    newer = backup(live_db, tmp_path / "newer.sqlite3").path
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {SCHEMA + 1}")
    connection.close()
    before = _unchanged(live_db)
    with pytest.raises(BackupError, match="newer policybot"):
        restore(newer, live_db)
    assert _unchanged(live_db) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"just some text, not a database" * 200, "not a usable"), (None, "not a policybot")],
)
def test_other_files_are_refused(
    live_db: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    other = tmp_path / "other.sqlite3"
    if content is None:
        connection = sqlite3.connect(other)
        connection.execute("CREATE TABLE unrelated (x)")
        connection.close()
    else:
        other.write_bytes(content)
    before = _unchanged(live_db)
    with pytest.raises(BackupError, match=message):
        restore(other, live_db)
    with pytest.raises(BackupError, match="no file"):
        restore(tmp_path / "absent.sqlite3", live_db)
    with pytest.raises(BackupError, match="the database itself"):
        restore(live_db, live_db)
    assert _unchanged(live_db) == before


def test_a_failed_swap_leaves_the_old_database_whole(
    live_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup(live_db, tmp_path / "saved.sqlite3").path
    before = questions(live_db)

    real_replace = os.replace

    def fail_onto_live(source: Path, target: Path) -> None:
        if Path(target) == live_db:
            raise OSError("disk full")
        real_replace(source, target)

    monkeypatch.setattr(backups.os, "replace", fail_onto_live)
    with pytest.raises(OSError, match="disk full"):
        restore(saved, live_db)
    assert questions(live_db) == before
    assert [p.name for p in live_db.parent.iterdir() if "partial" in p.name] == []


def test_restore_over_a_damaged_database_keeps_it_aside(live_db: Path, tmp_path: Path) -> None:
    saved = backup(live_db, tmp_path / "saved.sqlite3").path
    live_db.write_bytes(b"\0" * 8192)
    aside = restore(saved, live_db)
    assert aside is not None and aside.read_bytes() == b"\0" * 8192
    assert check_backup(live_db).questions == 3


def test_restore_into_a_new_place(live_db: Path, tmp_path: Path) -> None:
    saved = backup(live_db, tmp_path / "saved.sqlite3").path
    fresh = tmp_path / "elsewhere" / "policybot.sqlite3"
    assert restore(saved, fresh) is None
    assert questions(fresh) == questions(live_db)


def test_scheduled_backups_keep_the_newest(live_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "mine.sqlite3").write_text("not ours to delete")
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for hour in range(5):
        _, removed = backup_and_prune(live_db, folder, 3, now=start + dt.timedelta(hours=hour))
    assert [p.name for p in removed] == ["policybot-20260101T010000Z.sqlite3"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "mine.sqlite3",
        "policybot-20260101T020000Z.sqlite3",
        "policybot-20260101T030000Z.sqlite3",
        "policybot-20260101T040000Z.sqlite3",
    ]
    assert all(check_backup(p).questions == 3 for p in backups.scheduled_backups(folder))


async def test_restore_keeps_the_unsaved_questions_with_the_database_they_were_numbered_in(
    live_db: Path, tmp_path: Path
) -> None:
    """A spill file's ids were reserved in the database being replaced: replayed into the
    restored one, which hands the same ids out again, one of two questions would be dropped."""
    saved = backup(live_db, tmp_path / "saved.sqlite3").path  # ids up to 3 handed out
    unsaved = NewQuestion(
        id=4, asked_at="2026-01-01T00:00:00Z", asker="a", channel="cli",
        text="kept at the last stop", tier=Tier.NONE, entry_id=None, score=0.0,
    )  # fmt: skip
    question_spill.save(question_spill.beside(live_db), [unsaved.as_fields()])

    aside = restore(saved, live_db)
    store = await Store.open(live_db)
    log = QuestionLog(store, spill=question_spill.beside(live_db))
    await log.start()
    log.record(replace(unsaved, id=None, text="asked after the restore"))
    await log.close()
    await store.close()

    assert questions(live_db)[-1] == "asked after the restore"
    assert aside is not None
    kept = question_spill.load(question_spill.beside(aside))
    assert [fields["text"] for fields in kept] == ["kept at the last stop"]
    assert not question_spill.beside(live_db).exists()
