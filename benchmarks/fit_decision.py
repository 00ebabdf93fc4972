"""The learned decision layer (testkit/decision_layer.py), fitted and validated
leave-one-set-out on every labelled tuning set (round 9; not shipped: benchmarks/README.md).

    python -m benchmarks.decision_data        # once: the rows (~6 min with the embedding)
    python -m benchmarks.fit_decision         # the LOSO tables and the verdict (~2 min)
    python -m benchmarks.fit_decision --write /tmp/decision.json   # …and the best model

A logistic regression (L2, Newton's method, numpy) estimates whether answering one candidate
of a question's whole-question match is right, from `decision_layer.features`. Leave-one-set-
out: for each tuning set, fit on all the others and decide that set's questions with the layer
itself (`decision_layer.learned_choice`). ONE probability bar, the same for every set, is
chosen per variant on the pooled held-out outcomes: the most in-scope questions answered right
with no more wrong confident answers and no fewer neighbouring or unrelated questions rejected
than the rules and the embedding alone. Variants: the candidate weighed (the first lexical one,
or the closest in meaning); (a) answer what they refused (fitted on the questions they refused,
where it acts), or (a+b) also refuse their confident answer below the bar (fitted on all). It
would ship only if the best variant also raised in-scope accuracy on most held-out sets.

The outcome of a question whose first match is not the bot's last word (a two-in-one whose
parts were matched, a doubted claim, another language's index tried) is the recorded one,
unless the layer changes the first match: then an answer the layer adds is the answer, and an
answer it takes back leaves none (counted as "approximate" in the tables).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from benchmarks.decision_data import ROWS
from benchmarks.semantic_eval import Pooled
from testkit.decision_fit import (
    VARIANTS,
    Example,
    Variant,
    data_file,
    decided,
    examples,
    fit,
    model_of,
)
from testkit.decision_layer import DecisionModel

BARS = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # 0.30 … 0.95
SHOWN = BARS[::2]  # the bars printed
ByBar = dict[float, dict[str, "Tally"]]  # per bar, per held-out set


class Labelled(Protocol):
    """What a tally reads of a question (decision_fit.Example, signal10.Example)."""

    @property
    def in_scope(self) -> bool: ...

    @property
    def expected(self) -> tuple[str, ...]: ...

    @property
    def kind(self) -> str: ...


@dataclass
class Tally(Pooled):
    """The counts of one or more held-out sets, and how many outcomes were approximate."""

    approximate: int = 0

    def add(self, example: Labelled, answer: str | None, approximate: bool) -> None:
        self.approximate += approximate
        if example.in_scope:
            self.in_scope += 1
            self.right += answer in example.expected
            self.wrong += answer is not None and answer not in example.expected
        elif example.kind == "neighbouring":
            self.neighbouring += 1
            self.neighbouring_rejected += answer is None
        else:
            self.unrelated += 1
            self.unrelated_rejected += answer is None

    def merge(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def cells(self) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part / whole:.1%}" if whole else "–"

        return (
            f"{share(self.right, self.in_scope)} | {share(self.wrong, self.in_scope)} "
            f"({self.wrong}) | {share(self.unrelated_rejected, self.unrelated)} "
            f"| {share(self.neighbouring_rejected, self.neighbouring)}"
        )


def tally(held: Sequence[Example], model: DecisionModel | None) -> Tally:
    result = Tally()
    for example in held:
        result.add(example, *decided(example, model))
    return result


def acceptable(candidate: Tally, baseline: Tally) -> bool:
    return (
        candidate.wrong <= baseline.wrong
        and candidate.neighbouring_rejected >= baseline.neighbouring_rejected
        and candidate.unrelated_rejected >= baseline.unrelated_rejected
    )


def loso(found: Sequence[Example], variant: Variant) -> tuple[float | None, ByBar]:
    """Per bar, each held-out set's tally with the layer fitted on the other sets; the bar
    chosen on the pooled tallies (None: no bar keeps the wrong answers and rejections)."""
    names = list(dict.fromkeys(e.set for e in found))
    by_bar: ByBar = {bar: {} for bar in BARS}
    for name in names:
        held = [e for e in found if e.set == name]
        fitted = fit(variant.fitted_on([e for e in found if e.set != name]), variant.picks)
        for bar in BARS:
            by_bar[bar][name] = tally(held, model_of(fitted, bar, variant))
    baseline = pooled({name: tally([e for e in found if e.set == name], None) for name in names})
    best: tuple[int, float] | None = None
    for bar in BARS:
        total = pooled(by_bar[bar])
        if acceptable(total, baseline) and (best is None or total.right > best[0]):
            best = (total.right, bar)
    return (None if best is None else best[1]), by_bar


def pooled(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for one in tallies.values():
        total.merge(one)
    return total


def curve(found: Sequence[Example], variant: Variant, bar: float | None, by_bar: ByBar) -> str:
    """Pooled over the held-out sets, per bar: what changes against today."""
    names = list(dict.fromkeys(e.set for e in found))
    today = {name: tally([e for e in found if e.set == name], None) for name in names}
    base = pooled(today)
    lines = [
        f"### {variant.name}: bar chosen {bar if bar is not None else '(none acceptable)'}",
        "",
        "| bar | in-scope right (change) | wrong confident (change) | unrelated rejected "
        "| neighbouring rejected | held-out sets up / down |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| today | {base.right} | {base.wrong} | {base.unrelated_rejected}/{base.unrelated} "
        f"| {base.neighbouring_rejected}/{base.neighbouring} | |",
    ]
    for shown in sorted({*SHOWN, *([bar] if bar is not None else [])}):
        t = pooled(by_bar[shown])
        ups = sum(by_bar[shown][n].right > today[n].right for n in names)
        downs = sum(by_bar[shown][n].right < today[n].right for n in names)
        lines.append(
            f"| {shown:.3f} | {t.right} ({t.right - base.right:+d}) | {t.wrong} "
            f"({t.wrong - base.wrong:+d}) | {t.unrelated_rejected}/{t.unrelated} "
            f"| {t.neighbouring_rejected}/{t.neighbouring} | {ups} / {downs} |"
        )
    return "\n".join(lines)


def per_set(found: Sequence[Example], bar: float, by_bar: ByBar) -> tuple[str, int, int]:
    """The per-set table at `bar`, and on how many sets in-scope accuracy rose and fell."""
    names = list(dict.fromkeys(e.set for e in found))
    baseline = {name: tally([e for e in found if e.set == name], None) for name in names}
    lines = [
        "| held-out set | today: in-scope right | wrong conf. | unrelated rej. | neighb. rej. "
        "| learned: in-scope right | wrong conf. | unrelated rej. | neighb. rej. |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ups = downs = 0
    for name in names:
        today, learned = baseline[name], by_bar[bar][name]
        ups += learned.right > today.right
        downs += learned.right < today.right
        lines.append(f"| {name} | {today.cells()} | {learned.cells()} |")
    total_today, total_learned = pooled(baseline), pooled(by_bar[bar])
    lines += [
        f"| **pooled** | {total_today.cells()} | {total_learned.cells()} |",
        "",
        f"(wrong confident: of in-scope questions, count in brackets; "
        f"{total_learned.approximate} outcomes approximate)",
    ]
    return "\n".join(lines), ups, downs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, default=ROWS, help="from benchmarks.decision_data")
    parser.add_argument("--write", type=Path, help="write the best variant's model here")
    args = parser.parse_args(argv)
    if not args.rows.exists():
        parser.error(f"{args.rows} does not exist: run python -m benchmarks.decision_data")
    found = examples(json.loads(args.rows.read_text(encoding="utf-8")))
    sets = list(dict.fromkeys(e.set for e in found))
    print(f"{len(found)} questions in {len(sets)} sets, each held out in turn\n")
    best: tuple[int, int, float, ByBar] | None = None
    for number, variant in enumerate(VARIANTS):
        bar, by_bar = loso(found, variant)
        print(curve(found, variant, bar, by_bar) + "\n")
        right = pooled(by_bar[bar]).right if bar is not None else -1
        if bar is not None and (best is None or right > best[0]):
            best = (right, number, bar, by_bar)
    if best is None:
        print("No variant keeps the wrong answers and rejections at any bar: it does not ship.")
        return 0
    _, number, bar, by_bar = best
    variant = VARIANTS[number]
    table, ups, downs = per_set(found, bar, by_bar)
    print(f"### Best: {variant.name}, bar {bar}, per held-out set\n\n{table}\n")
    ships = ups > len(sets) / 2
    print(
        f"In-scope accuracy up on {ups} of {len(sets)} held-out sets, down on {downs}: "
        + ("it ships." if ships else "not most of them, so it does not ship.")
    )
    if args.write:
        chosen = fit(variant.fitted_on(found), variant.picks)
        args.write.write_text(
            json.dumps(data_file(found, chosen, variant, bar), indent=1) + "\n", encoding="utf-8"
        )
        print(f"-> {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
