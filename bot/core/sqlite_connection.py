"""The SQLite store's connections: opening and migrating the file, and the two connections
every query goes through.

Two connections, each on its own thread: writes go through one, reads through the other, so
a read never waits behind a write that is waiting for another program's lock (WAL lets readers
go on). A locked or full database raises DatabaseBusy or DatabaseFull, which name the problem.
The base of SQLiteStore (bot/core/sqlite_store.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from types import TracebackType
from typing import Self

import aiosqlite

from bot.core.i18n import N_
from bot.core.migrations import migrations
from bot.core.store import DatabaseBusy, DatabaseFull, StoreError

MIGRATIONS = migrations("sqlite")

BUSY_TIMEOUT_MS = 5000
# What members and moderators are told (bot/discord/errors.py), in their language.
LOCKED = N_(
    "the database {name} is locked by another program (a long import, a backup, an open "
    "sqlite3 shell?); nothing was changed — try again in a moment"
)
FULL = N_(
    "the disk holding the database {name} is full; nothing was changed — free some space (or "
    "raise the quota) and try again"
)


def translated(error: sqlite3.Error, path: Path) -> Exception:
    """A locked or full database as an error that says so (in the reader's language, through
    `StoreError.said`); anything else as it was."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(LOCKED, name=path.name)
    if "full" in text or getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return DatabaseFull(FULL, name=path.name)
    return error


class SQLiteConnection:
    def __init__(
        self, connection: aiosqlite.Connection, path: Path, reader: aiosqlite.Connection
    ) -> None:
        self._db = connection
        self._reader = reader
        self.path = path
        # One connection writes; a write must not land inside another's open transaction.
        self._writing = asyncio.Lock()
        self._snapshot = asyncio.Lock()  # one read transaction at a time on the reader

    @classmethod
    async def open(cls, path: Path) -> Self:
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
        await SQLiteConnection._migrate(db, path)

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

    async def __aenter__(self) -> Self:
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
