"""Backups taken while other processes write to the same file, then a restore: every write
acknowledged before a backup started is in that backup, and every file passes integrity_check."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.core.backup import BackupError, backup, check_backup, restore
from bot.core.sqlite_store import SQLiteStore as Store

from .conftest import read_only

PROJECT = Path(__file__).resolve().parents[2]
WRITERS = 3


def acknowledged(ack_files: list[Path]) -> set[str]:
    """Writes whose commit had returned; a line still being written is not counted."""
    done: set[str] = set()
    for path in ack_files:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        done.update(text.split("\n")[:-1])
    return done


def texts_in(db: Path) -> set[str]:
    return set(read_only(db, "SELECT text FROM questions"))


def integrity(db: Path) -> list[str]:
    return read_only(db, "PRAGMA integrity_check")


async def wait_for_writes(ack_files: list[Path], at_least: int) -> None:
    """Until every writer has written and there are `at_least` writes in all."""
    deadline = time.monotonic() + 30
    while len(acknowledged(ack_files)) < at_least or not all(
        acknowledged([path]) for path in ack_files
    ):
        assert time.monotonic() < deadline, "the writers wrote nothing"
        await asyncio.sleep(0.05)


async def test_backups_and_restore_while_writes_are_in_flight(tmp_path: Path) -> None:
    db = tmp_path / "data" / "policybot.sqlite3"
    await (await Store.open(db)).close()
    stop = tmp_path / "stop"
    ack_files = [tmp_path / f"acks-{n}.txt" for n in range(WRITERS)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.ops.writer", str(db), str(ack), str(stop), f"w{n}"],
            cwd=PROJECT,
        )
        for n, ack in enumerate(ack_files)
    ]
    try:
        await wait_for_writes(ack_files, 50)
        taken: list[tuple[Path, set[str]]] = []
        for number in range(5):
            before = acknowledged(ack_files)
            target = tmp_path / "backups" / f"backup-{number}.sqlite3"
            info = await asyncio.to_thread(backup, db, target)
            assert integrity(target) == ["ok"]
            in_backup = texts_in(target)
            assert before <= in_backup, f"acknowledged writes missing: {before - in_backup}"
            assert info.questions == len(in_backup)
            taken.append((target, before))
            await wait_for_writes(ack_files, len(before) + 20)
        # The writers are still running: a restore now must refuse and change nothing.
        with pytest.raises(BackupError, match="in use"):
            restore(taken[0][0], db)
        assert not list(db.parent.glob("*.before-restore-*"))
    finally:
        stop.touch()
        codes = [writer.wait(30) for writer in writers]
    assert codes == [0] * WRITERS
    everything = acknowledged(ack_files)
    assert len(everything) > 100 and everything <= texts_in(db)
    assert len({text.split("-")[0] for text in everything}) == WRITERS

    target, before = taken[-1]
    aside = restore(target, db)
    assert aside is not None
    assert integrity(db) == ["ok"] and integrity(aside) == ["ok"]
    assert before <= texts_in(db) <= everything
    assert everything <= texts_in(aside), "the database kept aside lost writes"
    assert check_backup(db).questions == len(texts_in(db))
    # The restored file is a working database again.
    store = await Store.open(db)
    try:
        assert await store.schema_version() == check_backup(target).schema
    finally:
        await store.close()
