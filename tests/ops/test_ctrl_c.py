"""Real Ctrl-Cs (SIGINT) to the console and the Discord runner, in a subprocess
(tests/ops/ctrl_c_child.py) whose question log is slow to write a question answered just before:
a second Ctrl-C while it closes says what it is saving and the question still reaches the
database; a third quits at once. Ctrl-C at the console's prompt leaves the console."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from tests.ops.ctrl_c_child import QUESTION

ROOT = Path(__file__).resolve().parents[2]
CHILD = "tests.ops.ctrl_c_child"
PATIENCE = 120.0
NUDGE_AFTER = 5.0  # seconds  # seconds: generous on a loaded machine; only a hang should reach it
HELD = "holding the question log"
FIRST = "Ctrl-C: shutting down"
SECOND = "still closing: saving 1 question — press Ctrl-C again to quit now"
THIRD = "Ctrl-C a third time: quitting now, 1 question not saved"
# The Discord runner has no asker: it speaks the terminal's locale.
SPANISH = {
    FIRST: "Ctrl-C: cerrando",
    SECOND: "cerrando todavía: guardando 1 pregunta — pulse Ctrl-C otra vez para salir ya",
    THIRD: "Ctrl-C por tercera vez: saliendo ya, 1 pregunta sin guardar",
}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@dataclass
class Child:
    process: subprocess.Popen[bytes]
    output: queue.Queue[str]  # what it writes to stdout and stderr, as it comes
    mode: str
    spanish: bool
    database: Path
    release: Path
    said: str = ""

    def wait_for(self, text: str, times: int = 1, patience: float = PATIENCE) -> bool:
        """Until the process has written `text` (`times` times); False after `patience`."""
        deadline = time.monotonic() + patience
        while self.said.count(text) < times:
            try:
                self.said += self.output.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return False
        return True

    def wait_until_said(self, text: str, times: int = 1) -> None:
        text = SPANISH.get(text, text) if self.spanish else text
        if not self.wait_for(text, times):
            pytest.fail(f"no {text!r} (x{times}); it said: {self.said}")

    def first_ctrl_c(self) -> None:
        self.ctrl_c()
        if self.mode == "console" and not self.wait_for(FIRST, patience=NUDGE_AFTER):
            # (the console runs in the C locale, so FIRST is in English)
            # The Ctrl-C came after the prompt was printed but before the console began to
            # read: Python runs its handler once the read returns, as when Enter is pressed.
            self.process.stdin.write(b"\n")  # type: ignore[union-attr]
            self.process.stdin.flush()  # type: ignore[union-attr]
        self.wait_until_said(FIRST)

    def wait_until_answered(self) -> None:
        if self.mode == "console":
            self.wait_until_said("you> ", times=2)  # the answer, then the prompt again
        else:
            self.wait_until_said(HELD)  # answered; its record waits for the database

    def ctrl_c(self) -> None:
        self.process.send_signal(signal.SIGINT)

    def exit_code(self) -> int:
        try:
            return self.process.wait(PATIENCE)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running; it said: {self.said}")

    def logged(self) -> list[tuple[str, str | None]]:
        with contextlib.closing(sqlite3.connect(self.database)) as db:
            return db.execute("SELECT text, entry_id FROM questions").fetchall()


def _read(stream: IO[bytes], output: queue.Queue[str]) -> None:
    while chunk := os.read(stream.fileno(), 4096):
        output.put(chunk.decode("utf-8", "replace"))


LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(params=["console", "discord", "discord-es"])
def child(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Child]:
    mode, spanish = request.param.removesuffix("-es"), request.param.endswith("-es")
    database, release = tmp_path / "data" / "policybot.sqlite3", tmp_path / "release"
    database.parent.mkdir()
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("POLICYBOT_") and k not in LOCALE_VARIABLES
    }
    environment.pop("DISCORD_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", CHILD, mode, str(database), str(release)],
        cwd=tmp_path,  # no .env of the developer's
        env=environment
        | {"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "PYTHONUTF8": "1"}
        | {"LANG": "es_MX.UTF-8" if spanish else "C.UTF-8"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    output: queue.Queue[str] = queue.Queue()
    for stream in (process.stdout, process.stderr):
        assert stream is not None
        threading.Thread(target=_read, args=(stream, output), daemon=True).start()
    if mode == "console":
        assert process.stdin is not None
        # The question log holds the question, so the console gives up waiting for it to be
        # written (bot/console.py: a few seconds) and prompts; it is still being written when
        # the console leaves.
        process.stdin.write(QUESTION.encode() + b"\n")
        process.stdin.flush()
    try:
        yield Child(process, output, mode, spanish, database, release)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_second_ctrl_c_while_closing_still_saves_the_question(child: Child) -> None:
    child.wait_until_answered()
    child.first_ctrl_c()  # (the console is at its prompt)
    child.wait_until_said(HELD)  # closing: the question log is writing it
    child.ctrl_c()
    child.wait_until_said(SECOND)
    child.release.touch()  # the database is quick again
    assert child.exit_code() == 0
    assert child.logged() == [(QUESTION, "enrolled-45")]


def test_a_third_ctrl_c_quits_at_once(child: Child) -> None:
    child.wait_until_answered()
    child.first_ctrl_c()
    child.wait_until_said(HELD)
    child.ctrl_c()
    child.wait_until_said(SECOND)
    child.ctrl_c()  # the question log would hold the question for minutes yet
    assert child.exit_code() == 130
    child.wait_until_said(THIRD)
