"""Round 12 (taught12): the taught questions' answering uses retried on 28 labelled sets, with
variants that answer only when the examples leave little doubt. Leave-one-set-out and nested
exactly as signal11 (benchmarks/README.md, "Round 12: taught questions from 28 sets"). Nothing
here runs in the bot.

    python -m benchmarks.decision_data --out /tmp/taught12-cache/rows.json
    python -m benchmarks.signal12 --rows /tmp/taught12-cache/rows.json \\
        --vectors /tmp/taught12-cache/vectors.pkl      # signal11's uses, then these

Each variant answers a question the bot refuses with a lexical candidate E (lexical score at
least 30, passing the meaning checks, as signal11's knn) only when the K nearest examples all
ask E, and, with the veto at M on every answer (the veto ships; M None: without it):
- knn-clear: E's nearest example is closer than the nearest out-of-scope example by D;
- knn-agree: E is also the candidate the second opinion finds nearest (its best cosine);
- knn-agree-clear: both.
Each is judged against today's bot (signal11's rule) and against the shipped bot (the veto at
M 0.02): a use that ships on top of the veto must add no wrong answer to it either.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import signal11
from benchmarks.signal11 import (
    OUT,
    Decided,
    Near,
    Row,
    Rule,
    Setting,
    Taught,
    first,
    loso,
    make_rules,
    out_of_scope_nearest,
)
from testkit.decision_layer import passes_meaning_checks

CACHE = Path("/tmp/taught12-cache")
CLEAR = (0.0, 0.03, 0.06)
SHIPPED_VETO = 0.02  # bot/core/taught.MARGIN


def unanimous(near: Near, bank: Sequence[Taught], ok: Callable[[int], bool], k: int) -> str:
    """The one label of the K nearest usable examples ('' when they disagree or ask two)."""
    labels: set[str] = set()
    for i, _ in itertools.islice(((i, c) for i, c in near.nearest if ok(i)), k):
        labels.add("|".join(bank[i].labels) or OUT)
    return labels.pop() if len(labels) == 1 and "|" not in next(iter(labels)) else ""


def trusted_knn(bank: Sequence[Taught], agree: bool, clear: bool) -> Rule:
    def support(near: Near, entry_id: str, ok: Callable[[int], bool]) -> float:
        return max(near.own[entry_id], first(near.of_entry[entry_id], ok))

    def rule(e: Row, near: Near, ok: Callable[[int], bool], s: Setting) -> Decided:
        k, gap, margin = s
        answer, approximate = e.answer, False
        if k is not None and e.answer is None and e.opinion is None and e.candidates:
            voted = unanimous(near, bank, ok, int(k))
            best = max(zip(e.cosines, e.candidates, strict=True), key=lambda p: p[0])[1]
            outside = out_of_scope_nearest(near, bank, ok)
            for candidate in e.candidates:
                if (
                    candidate.entry_id == voted
                    and candidate.score >= 30
                    and passes_meaning_checks(candidate)
                    and (not agree or best.entry_id == voted)
                    and (
                        not clear or first(near.of_entry[voted], ok) - outside >= float(gap or 0.0)
                    )
                ):
                    answer, approximate = voted, e.calls > 1
                    break
        vetoed = (
            answer is not None
            and margin is not None
            and out_of_scope_nearest(near, bank, ok) - support(near, answer, ok) >= margin
        )
        return (None if vetoed else answer), approximate

    return rule


def new_rules(bank: Sequence[Taught]) -> dict[str, tuple[Rule, tuple[Setting, ...]]]:
    margins = (None, SHIPPED_VETO)
    off: Setting = (None, None, None)
    return {
        "knn-clear": (
            trusted_knn(bank, agree=False, clear=True),
            (off, *itertools.product(signal11.KS, CLEAR, margins)),
        ),
        "knn-agree": (
            trusted_knn(bank, agree=True, clear=False),
            (off, *itertools.product(signal11.KS, (None,), margins)),
        ),
        "knn-agree-clear": (
            trusted_knn(bank, agree=True, clear=True),
            (off, *itertools.product(signal11.KS, CLEAR, margins)),
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, default=CACHE / "rows.json")
    parser.add_argument("--vectors", type=Path, default=CACHE / "vectors.pkl")
    parser.add_argument("--rule", action="append", help="default: every one")
    parser.add_argument("--grid", action="store_true", help="also every setting, pooled")
    args = parser.parse_args(argv)
    found, bank, near = signal11.prepared(args.rows, args.vectors, signal11.VECTORS)
    rules = make_rules(bank)
    shipped = (rules["veto"][0], (SHIPPED_VETO,))
    rules.update(new_rules(bank))
    verdicts = {}
    for name, (rule, settings) in rules.items():
        if args.rule and name not in args.rule:
            continue
        for against, baseline in (("today", None), ("the veto at M 0.02", shipped)):
            if name in ("veto", "join", "knn") and baseline is not None:
                continue  # these leave the veto out: they are not the shipped bot's alternatives
            text, verdicts[name, against] = loso(found, near, bank, rule, settings, baseline)
            print(f"\n### {name}, each set held out, against {against}\n\n{text}", flush=True)
        if args.grid:
            print("\n" + signal11.every_setting(found, near, bank, rule, settings), flush=True)
    print(
        "\nQualifying: "
        + (", ".join(f"{k} ({a})" for (k, a), v in verdicts.items() if v) or "none")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
