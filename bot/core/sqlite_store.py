"""The SQLite store: the live knowledge base and question log in one file (aiosqlite, WAL).

It implements bot.core.store.Store; the schema is migrations/sqlite/*.sql, and the number of
steps applied is kept in `PRAGMA user_version`.

Two connections, each on its own thread: writes go through one, reads through the other, so
a read never waits behind a write that is waiting for another program's lock (WAL lets readers
go on). A locked or full database raises DatabaseBusy or DatabaseFull, which name the problem.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from types import TracebackType

import aiosqlite

from bot.core.knowledge import KnowledgeSet, PlacedEntry
from bot.core.matcher import Tier
from bot.core.migrations import migrations
from bot.core.models import Entry
from bot.core.question_log import NewQuestion
from bot.core.store import (
    UNANSWERED_SQL,
    Change,
    DatabaseBusy,
    DatabaseFull,
    KnowledgeMark,
    LoggedQuestion,
    PeriodStats,
    QuestionState,
    Revision,
    StoreError,
    Upsert,
    Watch,
    utc_now,
)

MIGRATIONS = migrations("sqlite")


def _entry_json(entry: Entry) -> str:
    return entry.model_dump_json(exclude={"anonymous_sourcing"}, exclude_none=True)


_CURRENT = """
    SELECT r.* FROM revisions r
    JOIN (SELECT entry_id, MAX(number) AS number FROM revisions GROUP BY entry_id) newest
      ON r.entry_id = newest.entry_id AND r.number = newest.number
    WHERE r.data IS NOT NULL
    ORDER BY r.file, r.position, r.entry_id
"""


BUSY_TIMEOUT_MS = 5000


def translated(error: sqlite3.Error, path: Path) -> Exception:
    """A locked or full database as an error that says so; anything else as it was."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            f"the database {path.name} is locked by another program (a long import, a backup, "
            "an open sqlite3 shell?); nothing was changed — try again in a moment"
        )
    if "full" in text or getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return DatabaseFull(
            f"the disk holding the database {path.name} is full; nothing was changed — free "
            "some space (or raise the quota) and try again"
        )
    return error


class SQLiteStore:
    def __init__(
        self, connection: aiosqlite.Connection, path: Path, reader: aiosqlite.Connection
    ) -> None:
        self._db = connection
        self._reader = reader
        self.path = path
        # One connection writes; a write must not land inside another's open transaction.
        self._writing = asyncio.Lock()
        self._snapshot = asyncio.Lock()  # one read transaction at a time on the reader
        self._data_version: int | None = None
        self._mark: KnowledgeMark | None = None

    @classmethod
    async def open(cls, path: Path) -> SQLiteStore:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the database folder {path.parent}: {error}") from None
        try:
            connection = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the database {path}: {error}") from None
        connection.row_factory = aiosqlite.Row
        reader: aiosqlite.Connection | None = None
        try:
            await cls._prepare(connection, path)
            if str(path) == ":memory:":  # a second connection would open another database
                return cls(connection, path, connection)
            reader = await aiosqlite.connect(path, isolation_level=None)
            reader.row_factory = aiosqlite.Row
            await reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await reader.execute("PRAGMA query_only = ON")
        except sqlite3.DatabaseError as error:
            for opened in (connection, reader):
                if opened is not None:
                    await opened.close()
            problem = translated(error, path)
            if isinstance(problem, StoreError):
                raise problem from None
            raise StoreError(
                f"{path} is not a usable policybot database ({error}). Restore a backup, or move "
                "the file aside to start again from the curated knowledge files."
            ) from None
        except BaseException:
            for opened in (connection, reader):
                if opened is not None:
                    await opened.close()
            raise
        return cls(connection, path, reader)

    @staticmethod
    async def _prepare(db: aiosqlite.Connection, path: Path) -> None:
        await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA synchronous = NORMAL")
        async with db.execute("PRAGMA quick_check") as cursor:
            row = await cursor.fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {row[0] if row else '?'}")
        await SQLiteStore._migrate(db, path)

    @staticmethod
    async def _migrate(db: aiosqlite.Connection, path: Path) -> None:
        async with db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{path} was written by a newer policybot (schema {version}); upgrade first"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    async def close(self) -> None:
        if self._reader is not self._db:
            await self._reader.close()
        await self._db.close()

    @contextlib.asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction on the writer connection, all or nothing."""
        async with self._writing:
            try:
                await self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise translated(error, self.path) from None
            try:
                yield self._db
                await self._db.execute("COMMIT")
            except sqlite3.Error as error:
                await self._rollback()
                raise translated(error, self.path) from None
            except BaseException:
                await self._rollback()
                raise

    async def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):  # a failed COMMIT may have ended it already
            await self._db.execute("ROLLBACK")

    async def __aenter__(self) -> SQLiteStore:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def schema_version(self) -> int:
        async with self._reader.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    # -- knowledge -------------------------------------------------------------------------

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
    ) -> list[Revision]:
        """Append one revision per change, all or nothing."""
        now = utc_now()
        written: list[Revision] = []
        async with self._write() as db:
            for file, title in (topics or {}).items():
                await db.execute(
                    "INSERT INTO topics (file, title) VALUES (?, ?) "
                    "ON CONFLICT (file) DO UPDATE SET title = excluded.title",
                    (file, title),
                )
            for change in changes:
                written.append(await self._append(change, author, reason, now))
        return written

    async def _append(self, change: Change, author: str, reason: str, now: str) -> Revision:
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
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_id, number, file, position, data, author, reason, now),
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

    # -- questions and feedback ---------------------------------------------------------------

    async def log_question(
        self,
        *,
        text: str,
        tier: Tier,
        entry_id: str | None,
        score: float,
        asker: str | None,
        channel: str,
        language: str = "en",
    ) -> int:
        async with self._write() as db:
            cursor = await db.execute(
                "INSERT INTO questions"
                " (asked_at, asker, channel, text, tier, entry_id, score, language)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (utc_now(), asker, channel, text, tier.value, entry_id, score, language),
            )
        return cursor.lastrowid or 0

    async def reserve_question_ids(self, count: int) -> range:
        """Move the questions table's AUTOINCREMENT counter on by `count`: every writer, in
        any process, numbers its questions past it, so the ids below are ours alone."""
        async with self._write() as db:
            async with db.execute(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'questions'),"
                " 0), COALESCE((SELECT MAX(id) FROM questions), 0))"
            ) as cursor:
                row = await cursor.fetchone()
            start = int(row[0]) if row else 0
            updated = await db.execute(
                "UPDATE sqlite_sequence SET seq = ? WHERE name = 'questions'", (start + count,)
            )
            if updated.rowcount == 0:
                await db.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES ('questions', ?)",
                    (start + count,),
                )
        return range(start + 1, start + count + 1)

    async def log_questions(self, batch: Sequence[NewQuestion]) -> None:
        """One multi-row INSERT: atomic on its own, one trip to the database thread, and its
        parameters bound at once (not a GIL hand-off per row as with executemany)."""
        if not batch:
            return
        rows = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(batch))
        values = [
            value
            for q in batch
            for value in (
                *(q.id, q.asked_at, q.asker, q.channel, q.text),
                *(q.tier.value, q.entry_id, q.score, int(q.picked), q.language),
            )
        ]
        async with self._writing:
            try:
                await self._db.execute(
                    "INSERT INTO questions"
                    " (id, asked_at, asker, channel, text, tier, entry_id, score, picked, language)"
                    f" VALUES {rows}",
                    values,
                )
            except sqlite3.Error as error:
                raise translated(error, self.path) from None

    async def question(self, question_id: int) -> LoggedQuestion | None:
        async with self._reader.execute(
            "SELECT * FROM questions WHERE id = ?", (question_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return _question(row) if row else None

    async def unanswered(self, limit: int = 20) -> list[LoggedQuestion]:
        async with self._reader.execute(
            f"SELECT * FROM questions WHERE {UNANSWERED_SQL} ORDER BY id DESC LIMIT ?",
            (limit,),
        ) as cursor:
            return [_question(row) async for row in cursor]

    async def count_unanswered(self) -> int:
        async with self._reader.execute(
            f"SELECT COUNT(*) FROM questions WHERE {UNANSWERED_SQL}"
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def close_question(self, question_id: int, *, state: QuestionState, by: str) -> bool:
        async with self._write() as db:
            cursor = await db.execute(
                "UPDATE questions SET state = ?, resolved_by = ?, resolved_at = ?"
                " WHERE id = ? AND state = 'open'",
                (state.value, by, utc_now(), question_id),
            )
        return cursor.rowcount == 1

    async def record_feedback(self, question_id: int, voter: str, helpful: bool) -> bool:
        """One vote per voter per answer; False when this voter already voted."""
        try:
            async with self._write() as db:
                await db.execute(
                    "INSERT INTO feedback (question_id, voter, helpful, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (question_id, voter, int(helpful), utc_now()),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    async def usage(self, limit: int = 10) -> list[tuple[str, int, int, int]]:
        """(entry id, times answered, helpful votes, unhelpful votes), most asked first."""
        async with self._reader.execute(
            "SELECT q.entry_id, COUNT(DISTINCT q.id) AS asked,"
            " COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id"
            f" WHERE q.tier = '{Tier.CONFIDENT.value}' AND q.picked = 0"
            " GROUP BY q.entry_id ORDER BY asked DESC LIMIT ?",
            (limit,),
        ) as cursor:
            return [(r["entry_id"], r["asked"], r["yes"], r["no"]) async for r in cursor]

    async def period_stats(self, since: str | None, limit: int = 10) -> PeriodStats:
        # Entries opened from a button (picked) are not questions asked: they do not count.
        where, args = (
            ("WHERE q.picked = 0 AND q.asked_at >= ?", (since,))
            if since
            else ("WHERE q.picked = 0", ())
        )
        async with self._db.execute(
            "SELECT q.tier, COUNT(*) AS n FROM questions q " + where + " GROUP BY q.tier", args
        ) as cursor:
            tiers = {r["tier"]: r["n"] async for r in cursor}
        async with self._db.execute(
            "SELECT COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM feedback f JOIN questions q ON q.id = f.question_id " + where,
            args,
        ) as cursor:
            votes = await cursor.fetchone()
        confident = f"q.tier = '{Tier.CONFIDENT.value}'"
        async with self._db.execute(
            "SELECT q.entry_id, COUNT(DISTINCT q.id) AS asked,"
            " COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id"
            f" {where + ' AND' if where else 'WHERE'} {confident}"
            " GROUP BY q.entry_id ORDER BY asked DESC, q.entry_id LIMIT ?",
            (*args, limit),
        ) as cursor:
            top = tuple([(r["entry_id"], r["asked"], r["yes"], r["no"]) async for r in cursor])
        async with self._db.execute(
            "SELECT q.language, COUNT(DISTINCT q.id) AS asked,"
            f" COUNT(DISTINCT CASE WHEN {confident} THEN q.id END) AS answered,"
            " COALESCE(SUM(f.helpful = 1), 0) AS yes, COALESCE(SUM(f.helpful = 0), 0) AS no"
            " FROM questions q LEFT JOIN feedback f ON f.question_id = q.id "
            + where
            + " GROUP BY q.language ORDER BY asked DESC, q.language",
            args,
        ) as cursor:
            by_language = tuple(
                [
                    (r["language"], r["asked"], r["answered"], r["yes"], r["no"])
                    async for r in cursor
                ]
            )
        return PeriodStats(
            by_language=by_language,
            since=since,
            asked=sum(tiers.values()),
            confident=tiers.get(Tier.CONFIDENT.value, 0),
            close=tiers.get(Tier.CLOSE.value, 0),
            unknown=tiers.get(Tier.NONE.value, 0),
            helpful=int(votes["yes"]) if votes else 0,
            unhelpful=int(votes["no"]) if votes else 0,
            top=top,
        )

    async def add_watch(self, question_id: int, member: str) -> bool:
        try:
            async with self._writing:
                await self._db.execute(
                    "INSERT INTO watches (question_id, member, requested_at) VALUES (?, ?, ?)",
                    (question_id, member, utc_now()),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    async def drop_watch(self, question_id: int, member: str) -> bool:
        async with self._writing:
            cursor = await self._db.execute(
                "DELETE FROM watches WHERE question_id = ? AND member = ?", (question_id, member)
            )
        return cursor.rowcount == 1

    async def watches(self, question_id: int | None = None) -> list[Watch]:
        where = "WHERE w.question_id = ?" if question_id is not None else ""
        async with self._db.execute(
            "SELECT w.question_id, w.member, q.text FROM watches w"
            f" JOIN questions q ON q.id = w.question_id {where} ORDER BY w.rowid",
            (question_id,) if question_id is not None else (),
        ) as cursor:
            return [Watch(r["question_id"], r["member"], r["text"]) async for r in cursor]


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


def _question(row: sqlite3.Row) -> LoggedQuestion:
    return LoggedQuestion(
        id=row["id"],
        asked_at=row["asked_at"],
        asker=row["asker"],
        channel=row["channel"],
        text=row["text"],
        tier=Tier(row["tier"]),
        entry_id=row["entry_id"],
        score=row["score"],
        state=QuestionState(row["state"]),
        language=row["language"],
    )
