"""The embedding cache on a difficult disk (bot/core/embedding_cache.py): a file or folder the
bot may not write is still read, with one line in the log; rows a busy file did not take wait in
memory, are read from there, and are written later — nothing is embedded twice."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")

from bot.core import embedding_cache as cache_module  # noqa: E402
from bot.core import semantic  # noqa: E402
from bot.core.embedding_cache import EmbeddingCache  # noqa: E402
from bot.core.semantic import BundledMeaning  # noqa: E402
from tests.core.test_embedding_cache import QUESTIONS, StandInModel, rows  # noqa: E402

NOBODY = 65534  # a user who may not write what the test made read-only (root writes anything)


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def starts(cache: Path) -> dict[str, object]:
    """A bot's start: the warm-up (one text kept, one new), then a question."""
    lines = Lines()
    logging.getLogger("policybot.semantic").addHandler(lines)
    model = StandInModel()
    meaning = BundledMeaning(model, EmbeddingCache(cache, "m"))
    meaning.warm([QUESTIONS[0], "Who wrote the report?"])
    cosines = meaning.cosines("is this bot biased", [QUESTIONS[:1], QUESTIONS[1:]])
    meaning.close()
    return {"embedded": model.embedded, "answered": len(cosines), "log": lines.lines}


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own are private to the user running it)."""
    folder = Path(tempfile.mkdtemp(prefix="policybot-cache-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def start_without_write_access(cache: Path) -> tuple[dict[str, object], list[str]]:
    """`starts` in a process that may not write `cache`'s folder or file as the test left
    them (forked: as root, it gives its rights up first); what it embedded, its log lines."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        status = 1
        try:
            os.close(reading)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            os.write(writing, json.dumps(starts(cache)).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        told = pipe.read()
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    ran = json.loads(told)
    return ran, ran.pop("log")


def filled(folder: Path) -> Path:
    cache = folder / "bot.embeddings.sqlite3"
    meaning = BundledMeaning(StandInModel(), EmbeddingCache(cache, "m"))
    meaning.warm(QUESTIONS)
    meaning.close()
    return cache


def test_a_read_only_folder_is_read_and_not_written(shared_folder: Path) -> None:
    cache = filled(shared_folder)
    cache.chmod(0o444)
    shared_folder.chmod(0o555)  # SQLite cannot make the files a reader of a WAL file needs

    ran, log_lines = start_without_write_access(cache)

    assert ran == {"embedded": ["Who wrote the report?"], "answered": 2}
    assert len(log_lines) == 1 and "cannot be written" in log_lines[0], log_lines
    assert not [p.name for p in shared_folder.iterdir() if p != cache]  # nothing written
    shared_folder.chmod(0o755)  # read back here too when the tests themselves run unprivileged
    assert rows(cache) == {("m", text) for text in QUESTIONS}


def test_a_read_only_file_in_a_writable_folder_is_read_after_a_failed_write(
    shared_folder: Path,
) -> None:
    cache = filled(shared_folder)
    cache.chmod(0o444)
    if os.geteuid() == 0:
        os.chown(shared_folder, NOBODY, NOBODY)  # the folder is the bot's; the file is not

    ran, log_lines = start_without_write_access(cache)

    # The new text's write failed; the question's texts were still read from the file.
    assert ran == {"embedded": ["Who wrote the report?"], "answered": 2}
    assert len(log_lines) == 1 and "cannot be written" in log_lines[0], log_lines
    assert rows(cache) == {("m", text) for text in QUESTIONS}


def test_embeddings_a_busy_file_did_not_take_wait_and_are_written_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semantic, "PASSAGES_KEPT", 2)  # the last two go to the file alone
    monkeypatch.setattr(cache_module, "BUSY_PAUSE_SECONDS", 0.0)  # the next write tries again
    texts = [*QUESTIONS, "Is this legal advice?", "Who wrote the report?"]
    path = tmp_path / "bot.embeddings.sqlite3"
    made = EmbeddingCache(path, "m")
    made.get(["make the file"])
    made.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock at every write

    model = StandInModel()
    cache = EmbeddingCache(path, "m")
    meaning = BundledMeaning(model, cache)
    meaning.warm(texts)
    meaning.cosines("who wrote it", [texts[2:]])  # texts only the file was to keep
    assert model.embedded == texts  # each embedded once, none again
    assert cache.on

    other.execute("ROLLBACK")
    other.close()
    meaning.cosines("is the app real", [["Is the check-in app real?"]])  # the next write
    assert rows(path) == {("m", text) for text in [*texts, "Is the check-in app real?"]}
    meaning.close()


def test_after_a_busy_write_rows_wait_a_while_are_read_and_get_one_more_try_at_close(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    cache = EmbeddingCache(path, "m")
    cache.get(["make the file"])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    cache.put({"Is this bot biased?": np.ones(2, dtype=np.float32)})  # busy
    tried: list[str] = []
    assert cache._connection is not None
    cache._connection.set_trace_callback(tried.append)
    cache.put({"Who wrote the report?": np.ones(2, dtype=np.float32)})
    assert not [statement for statement in tried if "INSERT" in statement]  # not tried now
    assert set(cache.get(["Is this bot biased?", "Who wrote the report?"])) == {
        "Is this bot biased?",
        "Who wrote the report?",
    }
    other.execute("ROLLBACK")
    other.close()
    cache.close()  # one more try
    assert rows(path) == {("m", "Is this bot biased?"), ("m", "Who wrote the report?")}
