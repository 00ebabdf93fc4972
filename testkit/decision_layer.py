"""The learned decision layer tried in round 9 (benchmarks/fit_decision.py): a logistic
regression over what the matcher and the embedding already measured, as the last word on
whether to answer. Not shipped: leave-one-set-out it gained too little (benchmarks/README.md,
"Round 9: a learned decision layer"); it is kept here, outside the bot, so the experiment reruns.

Where it would run (after semantic.second_opinion in Matcher._match_one) the rules and the
embedding have decided. The layer estimates the probability that answering one candidate is
right, the first lexical one or the one closest in meaning (`picks`), and at or above the bar
answers it when they refused; with `doubt` it also turns their confident answer with that
candidate into "did you mean" below the same bar. It only ever answers a lexical candidate
scoring at least the suggestion bar that passes the meaning checks the rules and the embedding
apply (a "what is X" question needs an entry asked what X is; "how many", "who", "when" an entry
asked that kind of question; a one-common-word question is never answered this way).
Arithmetic only: a dot product per question.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.confidence import Candidate, Thresholds

# What the model reads of the candidate it weighs, in this order (a model file's weights are
# keyed by these names; fit_decision writes them from `features` below).
FEATURES = (
    "score",  # lexical score, 0..1
    "lead",  # over the best other candidate's score (< 0 when another scores higher)
    "coverage",
    "missing",
    "informative",
    "explains",
    "alike",
    "counting",
    "defines",
    "named",
    "asks_kind",
    "one_common_word",
    "cosine",  # the embedding's cosine of the candidate
    "best_cosine",  # the highest cosine of any candidate
    "cosine_lead",  # the candidate's cosine over the closest other's (may be < 0)
    "agree",  # the candidate is both the first lexically and the closest in meaning
    "ruled",  # the rules answered with it
    "opinion",  # after the embedding's second opinion, it is the answer
    "words",  # the question's words, scaled (log)
)


def picked(candidates: Sequence[Candidate], cosines: Sequence[float], picks: str) -> int:
    """Which candidate the layer weighs: the first lexical one ("lexical") or the one closest
    in meaning ("cosine"; the first of equals)."""
    if picks == "lexical":
        return 0
    return max(range(len(cosines)), key=lambda i: (cosines[i], -i))


def features(
    candidates: Sequence[Candidate],
    cosines: Sequence[float],
    chosen_by_rules: Candidate | None,
    chosen: Candidate | None,
    words: int,
    at: int = 0,
) -> dict[str, float]:
    """What the model reads, for the candidate at `at` (candidates best lexical score first)."""
    top = candidates[at]
    rival = max((c.score for i, c in enumerate(candidates) if i != at), default=0.0)
    others = max((c for i, c in enumerate(cosines) if i != at), default=0.0)
    return {
        "score": top.score / 100,
        "lead": (top.score - rival) / 100,
        "coverage": top.coverage,
        "missing": top.missing,
        "informative": top.informative,
        "explains": float(top.explains),
        "alike": float(top.alike),
        "counting": float(top.counting),
        "defines": float(top.defines),
        "named": float(top.named),
        "asks_kind": float(top.asks_kind),
        "one_common_word": float(top.one_common_word),
        "cosine": cosines[at],
        "best_cosine": max(cosines),
        "cosine_lead": cosines[at] - others,
        "agree": float(at == 0 and cosines[0] >= others),
        "ruled": float(chosen_by_rules is not None and chosen_by_rules.entry_id == top.entry_id),
        "opinion": float(chosen is not None and chosen.entry_id == top.entry_id),
        "words": math.log1p(words),
    }


@dataclass(frozen=True)
class DecisionModel:
    """Standardised features' weights, and the probability bar."""

    weights: Mapping[str, float]
    bias: float
    mean: Mapping[str, float]
    scale: Mapping[str, float]
    answer_at: float  # answer the candidate at or above this probability
    doubt: bool = False  # also refuse the rules' confident answer below it
    picks: str = "lexical"  # the candidate weighed: see `picked`

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.bias + sum(
            self.weights[name] * (values[name] - self.mean[name]) / self.scale[name]
            for name in FEATURES
        )
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> DecisionModel:
        def numbers(key: str) -> dict[str, float]:
            table = data[key]
            if not isinstance(table, dict) or set(table) != set(FEATURES):
                raise ValueError(f"decision data: {key} must give every feature, no other")
            return {name: float(table[name]) for name in FEATURES}

        return cls(
            weights=numbers("weights"),
            bias=float(data["bias"]),  # type: ignore[arg-type]
            mean=numbers("mean"),
            scale=numbers("scale"),
            answer_at=float(data["answer_at"]),  # type: ignore[arg-type]
            doubt=bool(data.get("doubt", False)),
            picks=str(data.get("picks", "lexical")),
        )


def load(path: Path) -> DecisionModel:
    """A model file written by `python -m benchmarks.fit_decision --write PATH`."""
    return DecisionModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def passes_meaning_checks(candidate: Candidate) -> bool:
    """The checks every answer passes, whoever chose it (confidence.py, semantic.py)."""
    if not candidate.defines or candidate.one_common_word:
        return False
    return candidate.alike or not (candidate.counting or candidate.asks_kind)


def learned_choice(
    candidates: Sequence[Candidate],
    cosines: Sequence[float],
    chosen: Candidate | None,
    limits: Thresholds,
    words: int,
    chosen_by_rules: Candidate | None,
    model: DecisionModel,
) -> Candidate | None:
    """The candidate to answer with, given `chosen`, the rules' and the embedding's choice
    (None: they refused), `chosen_by_rules` the rules' own, and each candidate's cosine
    (candidates best lexical score first); `words`: the question's number of words."""
    if not candidates:
        return chosen
    at = picked(candidates, cosines, model.picks)
    top = candidates[at]
    if chosen is not None and not (model.doubt and chosen.entry_id == top.entry_id):
        return chosen
    p = model.probability(features(candidates, cosines, chosen_by_rules, chosen, words, at))
    if chosen is not None:
        return chosen if p >= model.answer_at else None
    if top.score < limits.suggest or not passes_meaning_checks(top):
        return None
    return top if p >= model.answer_at else None
