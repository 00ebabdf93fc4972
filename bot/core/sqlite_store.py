"""The SQLite store: the live knowledge base and question log in one file (aiosqlite, WAL).

It implements bot.core.store.Store; the schema is migrations/sqlite/*.sql, and the number of
steps applied is kept in `PRAGMA user_version`. This module holds the knowledge as revisions;
the connections (opening, migrating, locked or full database) are bot.core.sqlite_connection,
the question log, votes, stats and watches bot.core.sqlite_questions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

import aiosqlite

from bot.core.knowledge import KnowledgeSet, PlacedEntry
from bot.core.models import Entry
from bot.core.sqlite_questions import SQLiteQuestionLog
from bot.core.store import (
    Change,
    KnowledgeMark,
    Revision,
    RevisionConflict,
    Upsert,
    utc_now,
)


def _entry_json(entry: Entry) -> str:
    return entry.model_dump_json(exclude={"anonymous_sourcing"}, exclude_none=True)


_CURRENT = """
    SELECT r.* FROM revisions r
    JOIN (SELECT entry_id, MAX(number) AS number FROM revisions GROUP BY entry_id) newest
      ON r.entry_id = newest.entry_id AND r.number = newest.number
    WHERE r.data IS NOT NULL
    ORDER BY r.file, r.position, r.entry_id
"""


class SQLiteStore(SQLiteQuestionLog):
    def __init__(
        self, connection: aiosqlite.Connection, path: Path, reader: aiosqlite.Connection
    ) -> None:
        super().__init__(connection, path, reader)
        # What `knowledge_mark` last saw, looked up again only when data_version moves.
        self._data_version: int | None = None
        self._mark: KnowledgeMark | None = None

    async def is_empty(self) -> bool:
        async with self._reader.execute("SELECT 1 FROM revisions LIMIT 1") as cursor:
            return await cursor.fetchone() is None

    async def current(self) -> KnowledgeSet:
        async with self._snapshot:
            if self._reader is self._db:  # in memory: one connection, and writes hold it
                async with self._writing:
                    return await self._read_current()
            await self._reader.execute("BEGIN")  # one snapshot for topics and entries
            try:
                return await self._read_current()
            finally:
                await self._reader.execute("COMMIT")

    async def _read_current(self) -> KnowledgeSet:
        knowledge = KnowledgeSet()
        async with self._reader.execute("SELECT file, title FROM topics") as cursor:
            knowledge.topics = {row["file"]: row["title"] async for row in cursor}
        async with self._reader.execute(_CURRENT) as cursor:
            async for row in cursor:
                entry = Entry.model_validate_json(row["data"])
                knowledge.entries[entry.id] = PlacedEntry(entry, row["file"], row["position"])
        return knowledge

    async def knowledge_mark(self) -> KnowledgeMark:
        """The newest revision and the topic titles, looked up again only when SQLite's
        data_version says another connection (this process's writer, or another process)
        has committed since the last look."""
        async with self._reader.execute("PRAGMA data_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version != self._data_version or self._mark is None:
            async with self._reader.execute(
                "SELECT (SELECT MAX(rev) FROM revisions),"
                " (SELECT group_concat(file || '=' || title, char(10)) FROM topics)"
            ) as cursor:
                marked = await cursor.fetchone()
            self._mark = (
                KnowledgeMark(marked[0], marked[1]) if marked else KnowledgeMark(None, None)
            )
            self._data_version = version
        return self._mark

    async def apply(
        self,
        changes: Sequence[Change],
        *,
        author: str,
        reason: str,
        topics: dict[str, str] | None = None,
        announced: bool = False,
        expected: Mapping[str, int] | None = None,
    ) -> list[Revision]:
        """Append one revision per change, all or nothing."""
        now = utc_now()
        written: list[Revision] = []
        async with self._write() as db:
            for entry_id, number in (expected or {}).items():
                async with db.execute(
                    "SELECT MAX(number) FROM revisions WHERE entry_id = ?", (entry_id,)
                ) as cursor:
                    row = await cursor.fetchone()
                latest = int(row[0]) if row and row[0] is not None else 0
                if latest != number:
                    raise RevisionConflict(entry_id, number, latest)
            for file, title in (topics or {}).items():
                await db.execute(
                    "INSERT INTO topics (file, title) VALUES (?, ?) "
                    "ON CONFLICT (file) DO UPDATE SET title = excluded.title",
                    (file, title),
                )
            for change in changes:
                written.append(await self._append(change, author, reason, now, announced))
        return written

    async def take_unannounced(self) -> list[Revision]:
        async with self._reader.execute(
            "SELECT 1 FROM revisions WHERE announced = 0 LIMIT 1"
        ) as cursor:
            if await cursor.fetchone() is None:
                return []  # the usual case: no write transaction for nothing
        async with self._write() as db:  # one write transaction: no other bot takes the same
            async with db.execute(
                "SELECT * FROM revisions WHERE announced = 0 ORDER BY rev"
            ) as cursor:
                taken = [_revision(row) async for row in cursor]
            if taken:
                await db.execute(
                    "UPDATE revisions SET announced = 1 WHERE announced = 0 AND rev <= ?",
                    (taken[-1].rev,),
                )
        return taken

    async def _append(
        self, change: Change, author: str, reason: str, now: str, announced: bool
    ) -> Revision:
        entry_id = change.entry.id if isinstance(change, Upsert) else change.entry_id
        async with self._db.execute(
            "SELECT number, file, position FROM revisions WHERE entry_id = ? "
            "ORDER BY number DESC LIMIT 1",
            (entry_id,),
        ) as cursor:
            last = await cursor.fetchone()
        number = (last["number"] if last else 0) + 1
        if isinstance(change, Upsert):
            file, position, data = change.file, change.position, _entry_json(change.entry)
            entry: Entry | None = change.entry
        else:
            if last is None:
                raise KeyError(entry_id)
            file, position, data, entry = last["file"], last["position"], None, None
        cursor = await self._db.execute(
            "INSERT INTO revisions (entry_id, number, file, position, data, author, reason,"
            " created_at, announced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_id, number, file, position, data, author, reason, now, int(announced)),
        )
        rev = cursor.lastrowid or 0
        return Revision(rev, entry_id, number, file, position, entry, author, reason, now)

    async def history(self, entry_id: str) -> list[Revision]:
        async with self._reader.execute(
            "SELECT * FROM revisions WHERE entry_id = ? ORDER BY number", (entry_id,)
        ) as cursor:
            return [_revision(row) async for row in cursor]

    async def latest_revision(self, entry_id: str) -> int:
        """The newest revision number of an entry, 0 if it never existed."""
        async with self._reader.execute(
            "SELECT MAX(number) FROM revisions WHERE entry_id = ?", (entry_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    async def revision(self, entry_id: str, number: int) -> Revision | None:
        async with self._reader.execute(
            "SELECT * FROM revisions WHERE entry_id = ? AND number = ?", (entry_id, number)
        ) as cursor:
            row = await cursor.fetchone()
        return _revision(row) if row else None


def _revision(row: sqlite3.Row) -> Revision:
    entry = Entry.model_validate_json(row["data"]) if row["data"] is not None else None
    return Revision(
        rev=row["rev"],
        entry_id=row["entry_id"],
        number=row["number"],
        file=row["file"],
        position=row["position"],
        entry=entry,
        author=row["author"],
        reason=row["reason"],
        created_at=row["created_at"],
    )
