"""Limits a knowledge file must meet before it is read or parsed.

tomllib's cost grows with the square of a key's depth (every dotted prefix is remembered), and
deep array or inline-table nesting recurses until RecursionError: a 40 KB hostile file can
take seconds and gigabytes. So size, key depth and nesting are checked by a linear scan first,
and a file's name must be a plain name before it becomes a topic (and, on export, a file name).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

MAX_FILE_BYTES = 1024 * 1024
MAX_KEY_PARTS = 16  # a.b.c … (the shipped files use 2: [[entry.sources]])
MAX_NESTING = 32  # [ and { open at once
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.toml")

_OPENERS, _CLOSERS = "[{", "]}"
# Outside strings, a key's parts are separated by dots; these end a key (or a value).
_SEPARATORS = "=,\n[]{}"


def name_problem(name: str) -> str | None:
    """Why a file name cannot name a topic, or None."""
    if NAME.fullmatch(name):
        return None
    shown = name.encode("unicode_escape").decode("ascii")[:80]
    return (
        f"{shown}: a knowledge file's name must be letters, digits, '-' or '_' "
        "(at most 64) followed by .toml"
    )


def size_problem(name: str, size: int) -> str | None:
    if size <= MAX_FILE_BYTES:
        return None
    return f"{name}: {size:,} bytes; a knowledge file may be at most {MAX_FILE_BYTES:,} bytes"


def shape_problem(name: str, text: str) -> str | None:
    """Why `text` is too deep to parse safely (a linear scan that skips strings), or None."""
    depth = dots = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "\"'":
            i = _skip_string(text, i)
            continue
        if char == "#":
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if char == ".":
            dots += 1
            if dots >= MAX_KEY_PARTS:
                return f"{name}: a key has more than {MAX_KEY_PARTS} dotted parts"
        elif char in _SEPARATORS:
            dots = 0
            if char in _OPENERS:
                depth += 1
                if depth > MAX_NESTING:
                    return f"{name}: arrays or tables nested more than {MAX_NESTING} deep"
            elif char in _CLOSERS:
                depth = max(0, depth - 1)
        i += 1
    return None


def _skip_string(text: str, start: int) -> int:
    """The index just past the string that opens at `start` (or the end, if unterminated)."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        end = text.find(quote * 3, start + 3)
        while end >= 0 and quote == '"' and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        return len(text) if end < 0 else end + 3
    i = start + 1
    while i < len(text) and text[i] != "\n":
        if text[i] == "\\" and quote == '"':
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return i


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def read_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a knowledge file (a device, a pipe, too big), or None."""
    try:
        info = path.stat()
    except OSError as error:
        return f"{path.name}: cannot read: {error.strerror}"
    if not stat.S_ISREG(info.st_mode):
        return f"{path}: not a regular file"
    return size_problem(path.name, info.st_size)
