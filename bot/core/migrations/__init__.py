"""Versioned database schemas: numbered SQL files per dialect (`sqlite/0001_initial.sql`, …).

Add a step as the next number; never edit a step that has shipped. A store records how many
steps it has applied (SQLite: `PRAGMA user_version`) and applies the rest in order.
"""

from __future__ import annotations

import re
from importlib import resources

STEP = re.compile(r"(?P<number>\d{4})_[a-z0-9_]+\.sql")


def migrations(dialect: str) -> list[str]:
    """The SQL scripts of a dialect, in order; the numbering must run 0001, 0002, … unbroken."""
    folder = resources.files(__package__).joinpath(dialect)
    steps = sorted(
        (int(match["number"]), item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if (match := STEP.fullmatch(item.name))
    )
    numbers = [number for number, _ in steps]
    if numbers != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"{dialect} migrations are not numbered 1..{len(steps)}: {numbers}")
    return [script for _, script in steps]
