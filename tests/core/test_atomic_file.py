"""bot.core.atomic_file: a file is replaced whole or left as it was."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from bot.core.atomic_file import write_whole


def test_a_write_that_fails_leaves_the_old_file_and_no_part_of_the_new(tmp_path: Path) -> None:
    target = tmp_path / "kept.jsonl"
    target.write_bytes(b"old\n")

    def half(handle: BinaryIO) -> None:
        handle.write(b"new, half")
        raise OSError("No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_whole(target, half)
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.jsonl"]

    write_whole(target, lambda handle: handle.write(b"new\n"))
    assert target.read_bytes() == b"new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.jsonl"]
