"""Backups of the live database, and restoring one, without ever leaving a half-written file.

`backup` copies through SQLite's online backup API on its own connection: one read transaction
sees a consistent snapshot (committed WAL content included), and in WAL mode it does not block
the bot's writers. `restore` checks the file first, refuses while anything else has the database
open, keeps the current database aside, and swaps the new one in with one atomic rename.
Questions the old database would not take (its spill file, bot.core.question_spill) go aside with
it: their ids were reserved there, and the restored database may hand the same ids out again.

Everything here is synchronous and Discord-free; callers run it in a thread when a loop is busy.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.core import question_spill
from bot.core.atomic_file import fsync_directory, write_whole
from bot.core.migrations import migrations

SCHEDULED_NAME = re.compile(r"^policybot-\d{8}T\d{6}Z\.sqlite3$")
REQUIRED_TABLES = frozenset({"revisions", "topics", "questions", "feedback"})
SCHEMA = len(migrations("sqlite"))  # the schema this version writes


class BackupError(RuntimeError):
    """A backup or restore could not be done; nothing was changed. The message says why."""


class NewerSchema(BackupError):
    """The file was written by a newer policybot."""


def sqlite_file(database: str | Path) -> Path:
    """The file behind a database setting (a path, or sqlite:///relative, sqlite:////absolute,
    as bot.core.store.open_store reads it); backups are of SQLite files only."""
    text = str(database)
    scheme, separator, rest = text.partition("://")
    if not separator:
        return Path(text)
    if scheme == "sqlite" and rest.startswith("/") and len(rest) > 1:
        return Path(rest[1:])
    raise BackupError(f"backups are of SQLite databases; {text!r} is not one")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    schema: int
    entries: int
    questions: int
    size: int


def backup(db: Path, target: Path) -> BackupInfo:
    """Write a consistent copy of `db` to `target` (replaced atomically if it exists)."""
    if not db.is_file():
        raise BackupError(f"there is no database at {db}")
    if target.resolve() == db.resolve():
        raise BackupError("the backup file must not be the database itself")
    if target.is_dir():
        raise BackupError(
            f"{target} is a folder; name the backup file, e.g. {target / 'x.sqlite3'}"
        )
    try:
        source = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"cannot open {db}: {error}") from None
    try:
        source.execute("PRAGMA busy_timeout = 5000")
        return _write_copy(source, target, what=f"backup of {db}")
    finally:
        source.close()


def check_backup(path: Path) -> BackupInfo:
    """The file is a complete policybot database this version can open, or BackupError."""
    if not path.is_file():
        raise BackupError(f"there is no file at {path}")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"cannot open {path}: {error}") from None
    try:
        return _inspect(connection, path)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database ({error})") from None
    finally:
        connection.close()


def _inspect(connection: sqlite3.Connection, path: Path) -> BackupInfo:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(f"{path} fails SQLite's integrity check: {'; '.join(problems[:5])}")
    schema = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if schema > SCHEMA:
        raise NewerSchema(
            f"{path} was written by a newer policybot (schema {schema}, this one knows "
            f"{SCHEMA}); upgrade policybot before using it"
        )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if schema == 0 or not tables >= REQUIRED_TABLES:
        raise BackupError(f"{path} is a SQLite file but not a policybot database")
    entries = connection.execute("SELECT COUNT(DISTINCT entry_id) FROM revisions").fetchone()[0]
    questions = connection.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    return BackupInfo(path, schema, int(entries), int(questions), path.stat().st_size)


def restore(source: Path, db: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Replace `db` with the backup `source`; returns where the old database was kept (None if
    there was none). The bot must be stopped: a database open elsewhere is refused."""
    if db.exists() and source.resolve() == db.resolve():
        raise BackupError(f"{source} is the database itself; name a backup file")
    check_backup(source)
    db.parent.mkdir(parents=True, exist_ok=True)
    aside = _aside_path(db, now or dt.datetime.now(dt.UTC)) if db.exists() else None
    live = _lock_live(db) if db.exists() else None
    try:
        if aside is not None:
            # Under the exclusive lock a rollback-journal database is one consistent file; an
            # unreadable one is kept with its WAL so nothing is lost that could be recovered.
            _copy_file(db, aside)
            wal = db.with_name(db.name + "-wal")
            if live is None and wal.exists():
                _copy_file(wal, aside.with_name(aside.name + "-wal"))
        incoming = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _write_copy(incoming, db, what=f"restore of {source}")
        finally:
            incoming.close()
        _spill_aside(db, aside or _aside_path(db, now or dt.datetime.now(dt.UTC)))
    finally:
        if live is not None:
            live.close()
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            db.with_name(db.name + suffix).unlink()
    return aside


def _spill_aside(db: Path, aside: Path) -> None:
    """Keep the replaced database's unsaved questions beside its copy, not beside the restored
    one: replayed there, a spilled id the restored database hands out again would drop one of
    the two questions (the insert skips an id that is taken). Renumbering them instead would
    point the vote buttons already posted at other questions."""
    spill = question_spill.beside(db)
    if spill.exists():
        os.replace(spill, question_spill.beside(aside))
        fsync_directory(db.parent)


def _aside_path(db: Path, now: dt.datetime) -> Path:
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db.with_name(f"{db.name}.before-restore-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = db.with_name(f"{db.name}.before-restore-{stamp}-{number}")
    return aside


def _lock_live(db: Path) -> sqlite3.Connection | None:
    """Take the live database out of WAL mode and hold it exclusively: this fails while any
    other connection (a running bot) has it open, which is what we want. None: the file is not
    a readable database at all (nothing can be running on it), so it is simply replaced."""
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout = 2000")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError("database is locked")
        connection.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as error:
        connection.close()
        if "locked" in str(error) or "busy" in str(error):
            raise BackupError(
                f"{db} is in use (is the bot running?). Stop it, then restore again"
            ) from None
        raise BackupError(f"cannot open {db}: {error}") from None
    except sqlite3.DatabaseError:
        connection.close()
        return None
    return connection


def _write_copy(source: sqlite3.Connection, target: Path, *, what: str) -> BackupInfo:
    """Copy `source` into a temporary file beside `target`, check and fsync it, then rename it
    over `target`: a reader sees the old file or the whole new one, never a part."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(temporary, isolation_level=None)
        try:
            source.backup(destination)
            # A standalone copy: no WAL file to lose beside it.
            destination.execute("PRAGMA journal_mode = DELETE")
            info = _inspect(destination, temporary)
        finally:
            destination.close()
        _fsync(temporary)
        os.replace(temporary, target)
        fsync_directory(target.parent)
    except sqlite3.Error as error:
        temporary.unlink(missing_ok=True)
        raise BackupError(f"{what} failed: {error}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return BackupInfo(target, info.schema, info.entries, info.questions, target.stat().st_size)


def _copy_file(source: Path, target: Path) -> None:
    with source.open("rb") as reader:
        write_whole(target, lambda writer: shutil.copyfileobj(reader, writer))


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


# -- scheduled backups ---------------------------------------------------------------------------


def scheduled_name(now: dt.datetime) -> str:
    return f"policybot-{now.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}.sqlite3"


def scheduled_backups(directory: Path) -> list[Path]:
    """The scheduled backups in `directory`, oldest first (the names sort by time)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if SCHEDULED_NAME.match(p.name))


def backup_and_prune(
    db: Path, directory: Path, keep: int, *, now: dt.datetime | None = None
) -> tuple[BackupInfo, list[Path]]:
    """One scheduled backup, then delete the oldest scheduled ones beyond `keep`. Files with
    other names in the folder are never touched."""
    info = backup(db, directory / scheduled_name(now or dt.datetime.now(dt.UTC)))
    existing = scheduled_backups(directory)
    removed = existing[: max(0, len(existing) - keep)]
    for old in removed:
        old.unlink(missing_ok=True)
    return info, removed
