"""Choosing the storage backend from the `database` setting (a path or a URL)."""

from __future__ import annotations

from pathlib import Path

from bot.core.sqlite_store import SQLiteStore
from bot.core.store import Store, StoreError


async def open_store(database: str | Path) -> Store:
    """Open the database named by a path or URL: `data/policybot.sqlite3`,
    `sqlite:///data/policybot.sqlite3` (relative) or `sqlite:////srv/policybot.sqlite3`."""
    return await SQLiteStore.open(database_file(database))


def database_file(database: str | Path) -> Path:
    """The file a database path or URL names (see `open_store`)."""
    text = str(database)
    scheme, separator, rest = text.partition("://")
    if not separator:
        return Path(text)
    if scheme == "sqlite" and rest.startswith("/") and len(rest) > 1:
        return Path(rest[1:])
    raise StoreError(
        f"cannot open the database {text!r}: only SQLite is supported (a file path, or "
        "sqlite:///relative/path, sqlite:////absolute/path); see README → Where things go "
        "for adding another backend"
    )
