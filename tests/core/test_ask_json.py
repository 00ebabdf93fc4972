"""`policybot ask --json`: exactly one valid JSON object per input line, whatever it holds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .test_cli import fresh_process_env

HOSTILE_LINES = [
    "how many migrants were enrolled?",
    "",
    "two\u2028lines to splitlines()",
    "para\u2029graph",
    "next\x85line",
    "form\x0cfeed and vertical\x0btab",
    "group\x1dseparator",
    "nul\x00byte",
    "x" * 5000,
    '{"matched": true}',
    "\ud83d\ude00 emoji 😀 and rtl \u202e",
]


def run_ask(tmp_path: Path, knowledge_dir: Path, *args: bytes, stdin: bytes = b"") -> list[bytes]:
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"bot", b"ask", b"--json", *args],
        input=stdin,
        capture_output=True,
        env=fresh_process_env(knowledge_dir, tmp_path / "ask.sqlite3"),
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    if not done.stdout:
        return []
    assert done.stdout.endswith(b"\n")
    return done.stdout[:-1].split(b"\n")


def objects(lines: list[bytes]) -> list[dict[str, object]]:
    parsed = [json.loads(line) for line in lines]
    assert all(isinstance(p, dict) for p in parsed)
    # Readers that split on every Unicode line break see the same lines.
    assert b"\n".join(lines).decode().splitlines() == [line.decode() for line in lines]
    return parsed


def test_one_object_per_stdin_line_whatever_it_holds(tmp_path: Path, knowledge_dir: Path) -> None:
    data = (
        "\n".join(HOSTILE_LINES)
        .encode("utf-8", "surrogatepass")
        .replace("\ud83d\ude00".encode("utf-8", "surrogatepass"), b"\xff\xfe\xed\xa0\x80")
    )
    lines = run_ask(tmp_path, knowledge_dir, stdin=data + b"\r\nlast line without newline")
    answers = objects(lines)
    assert len(answers) == len(HOSTILE_LINES) + 1
    assert answers[0]["matched"] is True
    assert answers[2]["question"] == "two\u2028lines to splitlines()"


@pytest.mark.parametrize("argument", [b"\xff\xfe not utf-8", b"enrolled\xc3", b"\xed\xa0\x80"])
def test_invalid_utf8_in_the_argument_is_one_object(
    tmp_path: Path, knowledge_dir: Path, argument: bytes
) -> None:
    (answer,) = objects(run_ask(tmp_path, knowledge_dir, argument))
    assert "\ufffd" in str(answer["question"])


def test_no_input_no_output(tmp_path: Path, knowledge_dir: Path) -> None:
    assert run_ask(tmp_path, knowledge_dir, stdin=b"") == []
