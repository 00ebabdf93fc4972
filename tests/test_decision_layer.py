"""The learned decision layer tried in round 9 (testkit/decision_layer.py, not shipped): the
limits on what it may answer, its fit, and the model file fit_decision writes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("numpy")  # the fit's only need beyond the bot's

from bot.core.confidence import Candidate, Thresholds
from testkit.decision_fit import VARIANTS, Example, data_file, decided, fit
from testkit.decision_layer import FEATURES, DecisionModel, features, learned_choice, load

TOP = Candidate("a", "Question A?", 48.0, "question a", coverage=0.8, alike=True)
SECOND = Candidate("b", "Question B?", 44.0, "question b", coverage=0.6)
LIMITS = Thresholds()
COSINES = (0.90, 0.86)


def example(i: int) -> Example:
    """On a grid of lexical scores and cosines: right when both are high, give or take."""
    score, cosine = 42.0 + 5 * (i % 8), 0.87 + 0.015 * (i // 8)
    right = (score - 42) / 35 + (cosine - 0.87) / 0.105 > 1.0
    return Example(
        set=f"set{i % 3}",
        kind="",
        expected=("a",) if right != (i % 7 == 0) else ("c",),
        answer=None,
        calls=1,
        candidates=(replace(TOP, score=score), SECOND),
        cosines=(cosine, 0.86),
        ruled=None,
        opinion=None,
        words=5 + i % 4,
    )


EXAMPLES = [example(i) for i in range(64)]


def model(bar: float, doubt: bool = False, picks: str = "lexical") -> DecisionModel:
    weights, bias, mean, scale = fit(EXAMPLES, picks)
    return DecisionModel(weights, bias, mean, scale, answer_at=bar, doubt=doubt, picks=picks)


def probability(top: Candidate, cosines: tuple[float, float] = COSINES) -> float:
    return model(0.5).probability(features((top, SECOND), cosines, None, None, 8))


def test_the_fitted_probability_rises_with_the_lexical_score_and_the_cosine() -> None:
    scores = [probability(replace(TOP, score=s)) for s in (45.0, 55.0, 65.0, 80.0)]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    cosines = [probability(TOP, (c, 0.86)) for c in (0.87, 0.90, 0.93, 0.96)]
    assert cosines == sorted(cosines) and cosines[0] < cosines[-1]


def test_a_refused_question_is_answered_with_the_candidate_at_or_above_the_bar() -> None:
    p = probability(TOP)
    assert learned_choice((TOP, SECOND), COSINES, None, LIMITS, 8, None, model(p)) is TOP
    assert learned_choice((TOP, SECOND), COSINES, None, LIMITS, 8, None, model(p + 0.01)) is None


def test_it_never_answers_outside_the_lexical_candidates_nor_below_the_suggestion_bar() -> None:
    always = model(0.0)
    assert learned_choice((), (), None, LIMITS, 8, None, always) is None
    assert learned_choice((TOP, SECOND), (0.80, 0.97), None, LIMITS, 8, None, always) is TOP
    closest = model(0.0, picks="cosine")
    assert learned_choice((TOP, SECOND), (0.80, 0.97), None, LIMITS, 8, None, closest) is SECOND
    low = replace(TOP, score=LIMITS.suggest - 1)
    assert learned_choice((low, SECOND), COSINES, None, LIMITS, 8, None, always) is None


@pytest.mark.parametrize(
    "unfit",
    [
        replace(TOP, defines=False),  # "what is X": the entry is not asked what X is
        replace(TOP, one_common_word=True),  # "source?"
        replace(TOP, counting=True, alike=False),  # "how many": never asked for a number
        replace(TOP, asks_kind=True, alike=False),  # "who": never asked who
    ],
)
def test_an_answer_it_adds_passes_the_meaning_checks(unfit: Candidate) -> None:
    assert learned_choice((unfit, SECOND), COSINES, None, LIMITS, 8, None, model(0.0)) is None


def test_the_rules_answer_stands_unless_the_model_doubts_it() -> None:
    never = model(1.01)
    assert learned_choice((TOP, SECOND), COSINES, TOP, LIMITS, 8, TOP, never) is TOP
    doubting = model(1.01, doubt=True)
    assert learned_choice((TOP, SECOND), COSINES, TOP, LIMITS, 8, TOP, doubting) is None
    # Doubt only reaches an answer with the candidate it has a probability for.
    assert learned_choice((TOP, SECOND), COSINES, SECOND, LIMITS, 8, SECOND, doubting) is SECOND


def test_the_benchmark_decides_with_the_layer_and_keeps_what_it_leaves_alone() -> None:
    refused = EXAMPLES[63]
    assert decided(refused, model(0.0)) == ("a", False)
    assert decided(refused, model(1.01)) == (None, False)
    assert decided(replace(refused, answer="b"), None) == ("b", False)


def test_fit_decision_writes_a_model_file_the_layer_loads(tmp_path: Path) -> None:
    written = data_file(EXAMPLES, fit(EXAMPLES, "lexical"), VARIANTS[0], 0.6)
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(written), encoding="utf-8")
    loaded = load(path)
    assert loaded.answer_at == 0.6 and not loaded.doubt and set(loaded.weights) == set(FEATURES)
    del written["weights"]["cosine"]
    with pytest.raises(ValueError, match="every feature"):
        DecisionModel.from_json(written)
