"""Hostile knowledge files: too big, too deep, badly named, or not files at all, are refused
with a clear message before they are parsed."""

from __future__ import annotations

import os
import tomllib
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from bot.core import bounded_toml
from bot.core.knowledge import KnowledgeError, load_documents, load_paths

from .test_cli import cli  # noqa: F401  (fixture)

GOOD = b'topic = "A topic"\n'


def refusal(documents: dict[str, bytes]) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_documents(documents)
    return str(caught.value)


def test_deeply_dotted_keys_are_refused_before_parsing() -> None:
    # tomllib's memory grows with the square of a key's depth: this 40 KB file alone took
    # about 1.5 GB and 8 s to parse before the limit.
    hostile = GOOD + b"\n".join(b".".join([b"k%d" % n] * 2000) + b" = 1" for n in range(4))
    tracemalloc.start()
    try:
        message = refusal({"deep.toml": hostile})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "dotted parts" in message
    assert peak < 20 * 1024 * 1024


@pytest.mark.parametrize("opener, closer", [(b"[", b"]"), (b"{a=", b"}")])
def test_deep_nesting_is_refused_not_a_recursion_error(opener: bytes, closer: bytes) -> None:
    hostile = GOOD + b"x = " + opener * 5000 + b"1" + closer * 5000 + b"\n"
    assert "nested more than" in refusal({"nested.toml": hostile})


def test_an_oversized_document_is_refused() -> None:
    big = GOOD + b"# " + b"x" * bounded_toml.MAX_FILE_BYTES + b"\n"
    assert "at most" in refusal({"big.toml": big})


def test_dots_and_brackets_inside_strings_and_comments_do_not_count() -> None:
    many = ".".join("abcdefghijklmnopqrstuvwxyz")
    text = (
        f'topic = "{many} [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["  # {many} {"[" * 40}\n'
        f"note = '{many}'\n"
        f'block = """\n{many}\n\\""" {many}\n"""\n'
        f"raw = '''{many} {'{' * 40}'''\n"
    )
    assert bounded_toml.shape_problem("ok.toml", text) is None
    assert tomllib.loads(text)["raw"].startswith("a.b.c")  # and it is valid TOML


@pytest.mark.parametrize(
    "name", ["..toml", "a\\..\\b.toml", ".hidden.toml", "spaces here.toml", "ü.toml", "-x.toml"]
)
def test_names_that_are_not_plain_are_refused(name: str) -> None:
    message = refusal({name: GOOD})
    assert "letters, digits" in message


def test_a_plain_name_is_a_topic() -> None:
    assert set(load_documents({"border_stats-2.toml": GOOD}).topics) == {"border_stats-2"}


def test_a_device_or_a_huge_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not a regular file"):
        load_paths([Path("/dev/zero")])
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as sparse:
        sparse.truncate(bounded_toml.MAX_FILE_BYTES + 1)
    with pytest.raises(KnowledgeError, match="at most"):
        load_paths([huge])
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(KnowledgeError, match="not a regular file"):
        load_paths([fifo])  # opening a pipe with no writer would block forever


def test_cli_refuses_a_device_clearly(cli: Any) -> None:  # noqa: F811
    code, _, err = cli("kb", "validate", "/dev/zero")
    assert code == 1
    assert "not a regular file" in err and "Traceback" not in err
