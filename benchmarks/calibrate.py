"""Fit the learned confidence gate (bot/core/calibrated.py) and validate it set by set.

    python -m benchmarks.calibrate            # leave-one-set-out table, rules vs learned
    python -m benchmarks.calibrate --write    # …and store the model fitted on every set

Every call the matcher makes to its gate on the labelled sets (the whole question, its parts,
a doubted claim; each question routed to its language's index as the engine does) gives one
row per candidate among the best three: the features calibrated.py reads, and whether that
candidate is an expected entry. A logistic regression (scikit-learn, used here only; the
bot evaluates the stored coefficients in pure Python) is fitted on all sets but one and the
engine's whole path is run on the one left out, for a grid of answer thresholds, beside the
rules of confidence.py on the same questions. The threshold is the one whose pooled held-out
figures keep wrong confident answers at most MAX_WRONG of in-scope questions and reject at
least MIN_NEIGHBOURING of neighbouring questions, answering the most in-scope questions right.
The model is stored as adopted only when, at that threshold, it answers more in-scope
questions right than the rules without more wrong confident answers. When no setting is
within the limits (the rules themselves may not be), the setting that answers the most while
no worse than the rules on wrong answers and neighbouring rejection is the one considered.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.core.calibrated import CONSIDERED, MODEL_FILE, Gate, LearnedGate, features
from bot.core.confidence import Candidate, Thresholds, confident_choice
from bot.core.languages import languages
from bot.core.matcher import Matcher
from bot.core.normalize import clean
from bot.core.routing import route
from testkit.labelled import (
    QUESTIONS,
    Figures,
    Labelled,
    _decided,
    evaluate,
    load_set,
    shipped_entries,
    split_unknown,
)

ENGLISH = (
    *("tune", "heldout", "extra", "extra2"),
    *("blind-2026", "blind2-en", "blind3-en", "blind4-en"),
)
SPANISH = ("tune-es", "blind-es", "blind2-es", "blind3-es", "blind4-es")
MODEL_PATH = Path(__file__).resolve().parent.parent / "bot" / "core" / MODEL_FILE
MAX_WRONG = 0.01
MIN_NEIGHBOURING = 0.95
THRESHOLDS = tuple(round(0.30 + 0.05 * step, 2) for step in range(13))  # 0.30 … 0.90
REGULARISATION = 1.0  # scikit-learn's C, on standardised features
# Answers the model may never give, whatever it scores: a "what is X" question answered by an
# entry never asked what X is; "how many"/"who"/"when" answered by one never asked that kind.
VETOES = ("undefined", "kind_mismatch")
# How the model and the rules combine: None, the model alone decides; 0.0, the rules' answer
# stands and the model decides only what they reject. (Floors of 0.2 and 0.4, dropping a
# rules' answer the model doubts, changed nothing: the model trusts the rules' choices.)
RULE_FLOORS: tuple[float | None, ...] = (None, 0.0)


class Recording:
    """A gate that answers nothing and keeps every list of candidates it was shown."""

    def __init__(self) -> None:
        self.calls: list[Sequence[Candidate]] = []
        self._seen: set[tuple[int, ...]] = set()

    def __call__(self, candidates: Sequence[Candidate], limits: Thresholds) -> Candidate | None:
        key = tuple(id(c) for c in candidates)
        if key not in self._seen:
            self._seen.add(key)
            self.calls.append(candidates)
        return None


class CachedMatcher(Matcher):
    """Ranks each question once: only the gate changes between runs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ranked: dict[tuple[str, int, frozenset[str]], list[Candidate]] = {}

    def rank(
        self, question: str, limit: int = 3, leave_out: frozenset[str] = frozenset()
    ) -> list[Candidate]:
        key = (question, limit, leave_out)
        if key not in self._ranked:
            self._ranked[key] = super().rank(question, limit, leave_out)
        return list(self._ranked[key])


@dataclass
class Fold:
    name: str
    items: list[Labelled]
    rows: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)


def load_folds(entries: Sequence[Any]) -> list[Fold]:
    folds = []
    for name in (*ENGLISH, *SPANISH):
        items, _missing = split_unknown(load_set(QUESTIONS / f"{name}.tsv"), entries)
        folds.append(Fold(name, items))
    return folds


def run(matchers: dict[str, Matcher], gate: Gate, items: Sequence[Labelled]) -> Figures:
    for matcher in matchers.values():
        matcher.gate = gate
    return evaluate(lambda q: _decided(route(matchers, clean(q)).result), items)


def record(matchers: dict[str, Matcher], fold: Fold, limits: Thresholds) -> None:
    for item in fold.items:
        recording = Recording()
        run(matchers, recording, [item])
        for candidates in recording.calls:
            if not candidates or candidates[0].score < limits.suggest:
                continue  # never reaches the gate
            ruled = confident_choice(candidates, limits)
            for candidate in candidates[:CONSIDERED]:
                fold.rows.append(features(candidate, candidates, ruled))
                fold.labels.append(int(candidate.entry_id in item.expected))


def fit(
    rows: list[dict[str, float]],
    labels: list[int],
    threshold: float,
    vetoes: tuple[str, ...] = VETOES,
) -> LearnedGate:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    names = sorted(rows[0])
    x = np.array([[row[n] for n in names] for row in rows])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit((x - scaler.mean_) / scale, np.array(labels))
    # Back to the raw features: w·(x - mean)/scale + b = (w/scale)·x + (b - w·mean/scale).
    raw = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - raw @ scaler.mean_)
    weights = {n: round(float(w), 5) for n, w in zip(names, raw, strict=True)}
    return LearnedGate(weights, round(intercept, 5), threshold, vetoes)


@dataclass
class Pooled:
    in_scope: int = 0
    right: int = 0
    wrong: int = 0
    reached: int = 0
    unrelated: int = 0
    unrelated_rejected: int = 0
    neighbouring: int = 0
    neighbouring_rejected: int = 0

    def add(self, f: Figures) -> None:
        self.in_scope += f.in_scope
        self.right += round(f.recall * f.in_scope)
        self.wrong += round(f.wrong_confident * f.in_scope)
        self.reached += round(f.found_in_three * f.in_scope)
        unrelated = f.out_of_scope - f.neighbouring
        self.unrelated += unrelated
        self.unrelated_rejected += round(f.rejection_unrelated * unrelated)
        self.neighbouring += f.neighbouring
        self.neighbouring_rejected += round((f.rejection_neighbouring or 0.0) * f.neighbouring)

    def row(self, name: str) -> str:
        return _row(
            name,
            self.in_scope,
            self.right / self.in_scope,
            self.wrong / self.in_scope,
            self.reached / self.in_scope,
            _share(self.unrelated_rejected, self.unrelated),
            _share(self.neighbouring_rejected, self.neighbouring),
        )

    @property
    def safe(self) -> bool:
        return (
            self.wrong <= MAX_WRONG * self.in_scope
            and self.neighbouring_rejected >= MIN_NEIGHBOURING * self.neighbouring
        )


def _label(floor: float | None, threshold: float) -> str:
    if floor is None:
        return f"learned alone, p ≥ {threshold:.2f}"
    return f"rules kept at p ≥ {floor:.1f}, else learned at p ≥ {threshold:.2f}"


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _row(name: str, n: int, *values: float | None) -> str:
    return f"| {name} | {n} | " + " | ".join(_cell(v) for v in values) + " |"


HEADER = (
    "| set (held out) | in scope | in-scope right | wrong confident | right in top 3 "
    "| rejected, unrelated | rejected, neighbouring |\n|---|---:|---:|---:|---:|---:|---:|"
)


def figures_row(name: str, f: Figures) -> str:
    unrelated = f.out_of_scope - f.neighbouring
    return _row(
        name,
        f.in_scope,
        f.recall,
        f.wrong_confident,
        f.found_in_three,
        f.rejection_unrelated if unrelated else None,
        f.rejection_neighbouring,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"store the model in {MODEL_PATH}")
    parser.add_argument(
        "--no-vetoes", action="store_true", help=f"let the model weigh {', '.join(VETOES)} too"
    )
    args = parser.parse_args(argv)
    vetoes = () if args.no_vetoes else VETOES

    entries = shipped_entries()
    limits = Thresholds()
    matchers: dict[str, Matcher] = {
        code: CachedMatcher(entries, limits, language=code) for code in languages()
    }
    folds = load_folds(entries)
    for fold in folds:
        record(matchers, fold, limits)
    print(f"{sum(len(f.rows) for f in folds)} candidate rows from {len(folds)} sets\n")

    rules = {fold.name: run(matchers, confident_choice, fold.items) for fold in folds}
    settings = [(floor, t) for floor in RULE_FLOORS for t in THRESHOLDS]
    learned: dict[tuple[float | None, float], dict[str, Figures]] = {s: {} for s in settings}
    for fold in folds:
        rows = [r for other in folds if other is not fold for r in other.rows]
        labels = [y for other in folds if other is not fold for y in other.labels]
        model = fit(rows, labels, 0.5, vetoes)
        for floor, threshold in settings:
            gate = replace(model, threshold=threshold, rule_floor=floor)
            learned[floor, threshold][fold.name] = run(matchers, gate, fold.items)

    pooled_rules = Pooled()
    for f in rules.values():
        pooled_rules.add(f)
    print("Pooled over the held-out folds, by threshold:\n")
    print(HEADER)
    print(pooled_rules.row("rules (confidence.py)"))
    pooled = {}
    for setting in settings:
        pooled[setting] = Pooled()
        for f in learned[setting].values():
            pooled[setting].add(f)
        print(pooled[setting].row(_label(*setting)))
    no_worse = [
        s
        for s in settings
        if pooled[s].wrong <= pooled_rules.wrong
        and pooled[s].neighbouring_rejected >= pooled_rules.neighbouring_rejected
    ]
    top = None
    if no_worse:
        top = max(no_worse, key=lambda s: pooled[s].right)
        print(
            f"\nBest setting no worse than the rules on wrong answers and neighbouring "
            f"rejection: {_label(*top)}, {pooled[top].right - pooled_rules.right:+d} in-scope "
            f"questions right of {pooled_rules.in_scope}, wrong {pooled[top].wrong} "
            f"(rules {pooled_rules.wrong})."
        )
    safe = [s for s in settings if pooled[s].safe]
    if safe:
        chosen = max(safe, key=lambda s: (pooled[s].right, -pooled[s].wrong, s[1]))
    elif top is not None:
        # The rules themselves are outside the limits: a setting no worse than them on wrong
        # answers and neighbouring rejection that answers more is still an improvement.
        print("\nNo setting keeps the held-out figures within the limits; the best no worse.")
        chosen = top
    else:
        print("\nNo setting keeps the held-out figures within the limits: nothing adopted.")
        chosen = min(settings, key=lambda s: (pooled[s].wrong, -pooled[s].right))
    best = pooled[chosen]
    adopted = (
        (bool(safe) or chosen == top)
        and best.right > pooled_rules.right
        and best.wrong <= pooled_rules.wrong
    )
    print(f"\nChosen: {_label(*chosen)}: {best.right} of {best.in_scope} right ")
    print(f"(rules {pooled_rules.right}), wrong {best.wrong} (rules {pooled_rules.wrong}).")
    print(f"Adopted: {'yes' if adopted else 'no, the rules stay'}\n")

    shown = [("learned", chosen)]
    if top is not None and top != chosen:
        shown.append(("no worse", top))
    print("Per held-out set: rules, then " + "; ".join(f"{n}: {_label(*s)}" for n, s in shown))
    print("\n" + HEADER)
    for fold in folds:
        print(figures_row(f"{fold.name}, rules", rules[fold.name]))
        for name, setting in shown:
            print(figures_row(f"{fold.name}, {name}", learned[setting][fold.name]))

    every_row = [r for f in folds for r in f.rows]
    final = replace(
        fit(every_row, [y for f in folds for y in f.labels], chosen[1], vetoes),
        rule_floor=chosen[0],
    )
    print("\nFitted on every set (raw-feature coefficients):\n")
    for name, weight in sorted(final.weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:14} {weight:+.3f}")
    print(f"  {'(intercept)':14} {final.intercept:+.3f}")
    if args.write:
        data = {
            "about": "Learned confidence gate (bot/core/calibrated.py); written by "
            "`python -m benchmarks.calibrate --write`. Do not edit by hand.",
            "adopted": adopted,
            "sets": [fold.name for fold in folds],
            "weights": final.weights,
            "intercept": final.intercept,
            "threshold": final.threshold,
            "rule_floor": final.rule_floor,
            "vetoes": list(final.vetoes),
        }
        MODEL_PATH.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
