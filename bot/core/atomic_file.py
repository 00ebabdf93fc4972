"""Write a file whole or not at all: into a temporary file beside it, flushed to the disk, then
renamed over it, so that a reader (or the next start after a crash) sees the old file or the
whole new one, never a part. Used for backups' side copies and the question spill file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_whole(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """`write` the content to a temporary file beside `target`, then rename it over `target`.
    On any error the temporary file is removed, `target` is as it was, and the error raised."""
    temporary = target.with_name(f".{target.name}.partial")
    try:
        with temporary.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (where the platform can)."""
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
