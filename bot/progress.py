"""Progress for long verbs, on the terminal only.

On a terminal it redraws one status line on stderr; anywhere else (a pipe, a log file, CI,
a container's log) it prints nothing, so scripted output stays exactly what it was.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
REDRAW_SECONDS = 0.1


class Progress:
    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self.label = label
        self.total = total
        self.done = 0
        self._drawn = 0.0
        self._width = 0

    def advance(self, count: int = 1, *, note: str = "") -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= REDRAW_SECONDS or self.done == self.total):
            self._drawn = now
            self._draw(note)

    def phase(self, label: str) -> None:
        """A new step whose length is unknown: shown until the next step or the end."""
        self.label, self.total, self.done = label, None, 0
        if self.enabled:
            self._draw("")

    def iterate(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            self.advance()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _draw(self, note: str) -> None:
        count = f"{self.done}/{self.total}" if self.total is not None else ""
        line = " ".join(part for part in (self.label, count, note) if part)
        padding = " " * max(0, self._width - len(line))
        self.stream.write("\r" + line + padding)
        self.stream.flush()
        self._width = len(line)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
