"""The console killed at its prompt (SIGKILL, power loss, a closed terminal) keeps the questions
asked before: they are in the database before it prompts again, not only once it leaves."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from bot.core.store import UNANSWERED_SQL

from .conftest import questions, read_only

ROOT = Path(__file__).resolve().parents[2]
PATIENCE = 120.0  # seconds: generous on a loaded machine; only a hang should reach it
PROMPT = "you> "
ANSWERED = "How many migrants were enrolled in the app?"
NOT_ANSWERED = "what is the capital of France?"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


class Console:
    """`policybot chat` in a process of its own, typed to through a pipe."""

    def __init__(self, database: Path, cwd: Path) -> None:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("POLICYBOT_")}
        environment.pop("DISCORD_TOKEN", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--database", str(database), "chat"],
            cwd=cwd,  # no .env of the developer's
            env=environment
            | {"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "POLICYBOT_SEMANTIC": "false"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.output: queue.Queue[str] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(target=_read, args=(self.process.stdout, self.output), daemon=True).start()
        self.said = ""

    def wait_for_prompt(self, times: int) -> None:
        """Until the console has prompted `times` times: it is then blocked reading stdin."""
        deadline = time.monotonic() + PATIENCE
        while self.said.count(PROMPT) < times:
            try:
                self.said += self.output.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"no prompt #{times}; it said: {self.said}")

    def type(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(PATIENCE) == -signal.SIGKILL


def _read(stream: IO[bytes], output: queue.Queue[str]) -> None:
    while chunk := os.read(stream.fileno(), 4096):
        output.put(chunk.decode("utf-8", "replace"))


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Console]:
    (tmp_path / "data").mkdir()
    running = Console(tmp_path / "data" / "policybot.sqlite3", tmp_path)
    try:
        yield running
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()


def test_questions_asked_before_a_kill_at_the_prompt_are_in_the_database(
    console: Console, tmp_path: Path
) -> None:
    database = tmp_path / "data" / "policybot.sqlite3"
    console.wait_for_prompt(1)
    console.type(ANSWERED)
    console.wait_for_prompt(2)
    console.type(NOT_ANSWERED)
    console.wait_for_prompt(3)  # answered both; now waiting for a third line
    console.kill()  # nothing the console does after this point can write anything
    assert "45" in console.said  # the first was answered, not refused
    assert questions(database) == [ANSWERED, NOT_ANSWERED]
    unanswered = read_only(database, f"SELECT text FROM questions WHERE {UNANSWERED_SQL}")
    assert unanswered == [NOT_ANSWERED]
