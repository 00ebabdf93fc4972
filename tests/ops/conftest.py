"""Fixtures for the operator tests: a real database file with a little in it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.core.matcher import Tier
from bot.core.sqlite_store import SQLiteStore as Store


@pytest.fixture
async def live_db(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "policybot.sqlite3"
    store = await Store.open(db)
    try:
        for number in range(3):
            await store.log_question(
                text=f"question {number}",
                tier=Tier.NONE,
                entry_id=None,
                score=0.0,
                asker="test",
                channel="cli",
            )
    finally:
        await store.close()
    return db


def read_only(db: Path, sql: str) -> list[Any]:
    """The first column of `sql`'s rows, read without writing to the file."""
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return [row[0] for row in connection.execute(sql)]


def questions(db: Path) -> list[str]:
    return read_only(db, "SELECT text FROM questions ORDER BY id")
