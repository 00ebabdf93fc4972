"""How the matcher's thresholds trade recall against rejection, on the tune set only.

    python -m benchmarks.sweep

This is how the defaults in `Thresholds` were chosen; it never reads the held-out set.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from bot.core.matcher import Thresholds
from testkit.labelled import QUESTIONS, Ours, evaluate, load_set, perturbed, shipped_entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margin", type=float, default=Thresholds().margin)
    args = parser.parse_args(argv)
    entries = shipped_entries()
    tune = load_set(QUESTIONS / "tune.tsv")
    noisy = perturbed(tune)
    defaults = Thresholds()
    print(f"margin {args.margin:g}, suggest {defaults.suggest:g}; tune set, clean | perturbed\n")
    print(
        "| confident | precision | recall@1 | top 3 | rejection | precision | recall@1 | top 3 "
        "| rejection |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for confident in sorted({*range(40, 82, 3), round(defaults.confident)}):
        thresholds = replace(
            defaults,
            confident=float(confident),
            margin=args.margin,
            suggest=min(defaults.suggest, float(confident)),
        )
        ours = Ours(entries, thresholds)
        cells = []
        for items in (tune, noisy):
            f = evaluate(ours, items)
            cells += [f.precision, f.recall, f.found_in_three, f.rejection]
        mark = " ←" if thresholds == defaults else ""
        print(f"| {confident}{mark} | " + " | ".join(f"{c:.1%}" for c in cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
