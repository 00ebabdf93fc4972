"""A learned confidence gate: whether to answer with one of the best few candidates, from a
small logistic regression over what the matcher measures about each.

The coefficients are fitted offline on the labelled question sets (`python -m
benchmarks.calibrate --write`, which validates them set by set) and stored in
confidence_model.json beside this module; here they are only evaluated, in pure Python. For
each of the best three candidates the gate computes the probability that it is the right
entry, and answers with the most probable one when that probability reaches the stored
threshold and its score reaches the operator's `Thresholds.confident` floor. The rule stack
in confidence.py (`confident_choice`) stays the fallback when no model is stored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from bot.core.confidence import Candidate, Thresholds, confident_choice

MODEL_FILE = "confidence_model.json"
CONSIDERED = 3  # the gate chooses among the best this many candidates

Gate = Callable[[Sequence[Candidate], Thresholds], Candidate | None]


def features(
    candidate: Candidate, candidates: Sequence[Candidate], ruled: Candidate | None = None
) -> dict[str, float]:
    """What the model reads about one candidate, among the others ranked for the question;
    `ruled`: the candidate the rules of confidence.py would answer with, if any."""
    others = [c for c in candidates[:CONSIDERED] if c is not candidate]
    rival = max((c.score for c in others), default=0.0)
    rival_cover = max((c.coverage for c in others), default=0.0)
    share = candidate.missing / candidate.informative if candidate.informative else 0.0
    return {
        "score": candidate.score / 100,
        "margin": max(-3.0, min(3.0, (candidate.score - rival) / 10)),
        "coverage": candidate.coverage,
        "cover_lead": candidate.coverage - rival_cover,
        "missing": min(candidate.missing, 3.0),
        "missing_share": min(share, 1.0),
        "unexplained": float(not candidate.explains),
        "kind_mismatch": float((candidate.counting or candidate.asks_kind) and not candidate.alike),
        "counting": float(candidate.counting),
        "asks_kind": float(candidate.asks_kind),
        "alike": float(candidate.alike),
        "undefined": float(not candidate.defines),
        "keyword_named": float(candidate.defines and not candidate.named),
        "words": math.log1p(candidate.words),
        "unknown": candidate.unknown,
        "corrected": float(min(candidate.corrected, 3)),
        "spanish": float(candidate.language != "en"),
        "first": float(bool(candidates) and candidate is candidates[0]),
        "ruled": float(candidate is ruled),
        "ruled_other": float(ruled is not None and candidate is not ruled),
    }


@dataclass(frozen=True)
class LearnedGate:
    """Logistic regression coefficients (per feature name), intercept and answer threshold;
    `vetoes`: yes/no features that rule a candidate out whatever it scores (the meaning rules
    of confidence.py worth keeping: a "what is X" question answered by an entry never asked
    what X is, "how many" by an entry never asked for a number)."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    vetoes: tuple[str, ...] = ()
    # Set: the rules' answer stands unless the model gives it less than this, and the model
    # decides only the questions the rules reject. None: the model alone decides.
    rule_floor: float | None = None

    def probability(self, found: dict[str, float]) -> float:
        z = self.intercept + sum(w * found[name] for name, w in self.weights.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def __call__(self, candidates: Sequence[Candidate], limits: Thresholds) -> Candidate | None:
        if not candidates:
            return None
        ruled = confident_choice(candidates, limits)
        read = [(c, features(c, candidates, ruled)) for c in candidates[:CONSIDERED]]
        if ruled is not None and self.rule_floor is not None:
            kept = next((found for c, found in read if c is ruled), None)
            return ruled if kept is None or self.probability(kept) >= self.rule_floor else None
        best, found = max(read, key=lambda pair: self.probability(pair[1]))
        if best.score < limits.confident or any(found[name] for name in self.vetoes):
            return None
        return best if self.probability(found) >= self.threshold else None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LearnedGate:
        vetoes = tuple(str(name) for name in data.get("vetoes", ()))
        unknown = {*data["weights"], *vetoes} - set(features(Candidate("", "", 0.0, ""), ()))
        if unknown:
            raise ValueError(f"the confidence model names unknown features: {sorted(unknown)}")
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            vetoes=vetoes,
            rule_floor=None if data.get("rule_floor") is None else float(data["rule_floor"]),
        )


@cache
def stored_gate() -> Gate:
    """The gate the matcher uses by default: the stored model if it is adopted, else the rules.
    The file always ships (package data), so a missing one is an error, not a quiet fallback."""
    path = resources.files("bot.core").joinpath(MODEL_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("adopted", False):
        return confident_choice
    return LearnedGate.from_json(data)
