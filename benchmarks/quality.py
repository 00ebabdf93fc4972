"""Answer quality of our matcher against rapidfuzz WRatio and BM25 on labelled question sets.

    python -m benchmarks.quality --set tune --perturbed

The BM25 cutoff is always tuned on the tune set; the held-out set is only ever measured.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from benchmarks.labelled import (
    QUESTIONS,
    Decide,
    Figures,
    Labelled,
    check_labels,
    evaluate,
    load_set,
    perturbed,
    shipped_entries,
)
from benchmarks.methods import BM25, Ours, RapidfuzzWRatio
from bot.progress import Progress

SETS = {"tune": QUESTIONS / "tune.tsv", "heldout": QUESTIONS / "heldout.tsv"}


def table(title: str, rows: Sequence[tuple[str, Figures]]) -> str:
    first = rows[0][1]
    lines = [
        f"### {title} ({first.in_scope} in scope, {first.out_of_scope} out of scope)",
        "",
        "| method | confident precision | in-scope recall@1 | right entry in answer or "
        "did-you-mean top 3 | out-of-scope rejection |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, f in rows:
        lines.append(
            f"| {name} | {f.precision:.1%} | {f.recall:.1%} | {f.found_in_three:.1%} "
            f"| {f.rejection:.1%} |"
        )
    return "\n".join(lines)


def errors(figures: Figures, limit: int) -> str:
    lines = [f"first {limit} of {len(figures.wrong)} misses (question | expected | answered):"]
    for question, expected, answered in figures.wrong[:limit]:
        lines.append(f"  {question!r} | {expected or '-'} | {answered or 'no answer'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("tune", "heldout", "both"), default="tune")
    parser.add_argument("--perturbed", action="store_true", help="also the perturbed copy")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list our first N misses (tune only)"
    )
    args = parser.parse_args(argv)

    entries = shipped_entries()
    tune = load_set(SETS["tune"])
    check_labels(tune, entries, "tune.tsv")
    bm25 = BM25(entries)
    bm25.tune(tune)
    methods: list[tuple[str, Decide]] = [
        (Ours.name, Ours(entries)),
        (RapidfuzzWRatio.name, RapidfuzzWRatio(entries)),
        (f"{BM25.name} ({bm25.cutoff:.2f})", bm25),
    ]
    names = ("tune", "heldout") if args.set == "both" else (args.set,)
    print(f"knowledge: {len(entries)} entries\n")
    for name in names:
        if not SETS[name].exists():
            print(f"### {name}: {SETS[name].name} does not exist yet\n")
            continue
        items = load_set(SETS[name])
        check_labels(items, entries, SETS[name].name)
        variants: list[tuple[str, list[Labelled]]] = [(name, items)]
        if args.perturbed:
            variants.append((f"{name}, perturbed", perturbed(items)))
        for title, questions in variants:
            started = time.perf_counter()
            with Progress(title, len(methods)) as progress:
                rows = [
                    (label, evaluate(decide, questions))
                    for label, decide in progress.iterate(methods)
                ]
            print(table(title, rows))
            print(f"\n({time.perf_counter() - started:.1f} s)\n")
            if args.errors and name == "tune":
                print(errors(rows[0][1], args.errors) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
