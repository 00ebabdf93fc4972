"""Fitting the learned decision layer (decision_layer.py) and deciding recorded questions
with it: shared by benchmarks/fit_decision.py (the leave-one-set-out validation) and its tests.
The rows come from benchmarks/decision_data.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot.core.confidence import Candidate, Thresholds
from testkit.decision_layer import FEATURES, DecisionModel, features, learned_choice, picked

RIDGE = 1.0  # L2 penalty on the standardised weights
LIMITS = Thresholds()
# Weights, bias, means and scales (per feature).
Fitted = tuple[dict[str, float], float, dict[str, float], dict[str, float]]


@dataclass(frozen=True)
class Example:
    """One question: its whole-question match, label and what the bot answered."""

    set: str
    kind: str
    expected: tuple[str, ...]
    answer: str | None
    calls: int
    candidates: tuple[Candidate, ...]
    cosines: tuple[float, ...]
    ruled: Candidate | None
    opinion: Candidate | None
    words: int

    @property
    def in_scope(self) -> bool:
        return bool(self.expected)

    def values(self, picks: str) -> dict[str, float]:
        at = picked(self.candidates, self.cosines, picks)
        return features(self.candidates, self.cosines, self.ruled, self.opinion, self.words, at)

    def right(self, picks: str) -> bool:
        """Whether answering the candidate the layer weighs would be right."""
        at = picked(self.candidates, self.cosines, picks)
        return bool(self.candidates) and self.candidates[at].entry_id in self.expected


def examples(rows: Sequence[dict[str, Any]]) -> list[Example]:
    found = []
    for row in rows:
        first = row["calls"][0] if row["calls"] else None
        candidates = tuple(Candidate(**c) for c in first["candidates"]) if first else ()
        by_id = {c.entry_id: c for c in candidates}
        found.append(
            Example(
                set=row["set"],
                kind=row["kind"],
                expected=tuple(row["expected"]),
                answer=row["answer"],
                calls=len(row["calls"]),
                candidates=candidates,
                cosines=tuple(first["cosines"]) if first else (),
                ruled=by_id.get(first["ruled"]) if first and first["ruled"] else None,
                opinion=by_id.get(first["opinion"]) if first and first["opinion"] else None,
                words=row["words"],
            )
        )
    return found


def fit(train: Sequence[Example], picks: str) -> Fitted:
    """Weights, bias, means and scales of a logistic regression of `right(picks)`."""
    usable = [e for e in train if e.candidates]
    x = np.array([[e.values(picks)[name] for name in FEATURES] for e in usable])
    y = np.array([float(e.right(picks)) for e in usable])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * RIDGE
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return (
        {name: float(v) for name, v in zip(FEATURES, w[1:], strict=True)},
        float(w[0]),
        {name: float(v) for name, v in zip(FEATURES, mean, strict=True)},
        {name: float(v) for name, v in zip(FEATURES, scale, strict=True)},
    )


@dataclass(frozen=True)
class Variant:
    name: str
    picks: str  # the candidate weighed (decision_layer.picked)
    doubt: bool  # also refuse the rules' confident answer below the bar

    def fitted_on(self, train: Sequence[Example]) -> list[Example]:
        """(a) acts only where the rules and the embedding refused: it learns from those."""
        return list(train) if self.doubt else [e for e in train if e.opinion is None]


VARIANTS = (
    Variant("(a) first lexical candidate, answer what they refused", "lexical", False),
    Variant("(a) closest-in-meaning candidate, answer what they refused", "cosine", False),
    Variant("(a+b) first lexical candidate, also refuse below the bar", "lexical", True),
    Variant("(a+b) closest-in-meaning candidate, also refuse below the bar", "cosine", True),
)


def model_of(fitted: Fitted, bar: float, variant: Variant) -> DecisionModel:
    weights, bias, mean, scale = fitted
    return DecisionModel(
        weights, bias, mean, scale, answer_at=bar, doubt=variant.doubt, picks=variant.picks
    )


def decided(example: Example, model: DecisionModel | None) -> tuple[str | None, bool]:
    """What the bot answers with `model` as its layer (None: as recorded), and whether that
    outcome is approximate (see the module docstring)."""
    if model is None or not example.candidates:
        return example.answer, False
    chosen = learned_choice(
        example.candidates,
        example.cosines,
        example.opinion,
        LIMITS,
        example.words,
        example.ruled,
        model,
    )
    if chosen is example.opinion:
        return example.answer, False
    return (None if chosen is None else chosen.entry_id), example.calls > 1


def data_file(
    found: Sequence[Example], fitted: Fitted, variant: Variant, bar: float
) -> dict[str, Any]:
    """A model file (for decision_layer.load) of a model fitted on `found`."""
    weights, bias, mean, scale = fitted
    return {
        "about": "written by python -m benchmarks.fit_decision; see testkit/decision_layer.py",
        "fitted_on": list(dict.fromkeys(e.set for e in found)),
        "questions": len(found),
        "variant": variant.name,
        "picks": variant.picks,
        "answer_at": bar,
        "doubt": variant.doubt,
        "bias": round(bias, 6),
        "weights": {k: round(v, 6) for k, v in weights.items()},
        "mean": {k: round(v, 6) for k, v in mean.items()},
        "scale": {k: round(v, 6) for k, v in scale.items()},
    }
