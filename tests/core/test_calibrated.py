"""The learned confidence gate (bot/core/calibrated.py) and the model stored for it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources

import pytest

from bot.core.calibrated import MODEL_FILE, LearnedGate, features, stored_gate
from bot.core.confidence import Candidate, Thresholds, Tier, confident_choice
from bot.core.matcher import Matcher
from testkit.labelled import shipped_entries

LIMITS = Thresholds()


def _stored() -> dict[str, object]:
    text = resources.files("bot.core").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def _forced_on() -> LearnedGate:
    return LearnedGate.from_json(_stored())


def test_the_stored_model_loads_with_known_features_and_a_probability_threshold() -> None:
    gate = _forced_on()
    assert set(gate.weights) <= set(features(Candidate("x", "x", 90.0, "x"), ()))
    assert gate.weights  # fitted, not empty
    assert 0.0 < gate.threshold < 1.0


def test_the_matcher_uses_the_stored_decision() -> None:
    matcher = Matcher(shipped_entries())
    assert matcher.gate is stored_gate()
    if _stored()["adopted"]:
        assert isinstance(matcher.gate, LearnedGate)
    else:
        assert matcher.gate is confident_choice  # not adopted: the rules decide


def test_a_model_naming_an_unknown_feature_is_refused() -> None:
    data = {**_stored(), "weights": {"score": 1.0, "shoe_size": 2.0}}
    with pytest.raises(ValueError, match="shoe_size"):
        LearnedGate.from_json(data)


def test_the_fitted_model_answers_a_plain_question_and_not_an_unrelated_one() -> None:
    matcher = Matcher(shipped_entries(), gate=_forced_on())
    plain = matcher.match("How many migrants were enrolled in the app?")
    assert plain.tier is Tier.CONFIDENT
    assert plain.best is not None and plain.best.entry_id == "enrolled-45"
    assert matcher.match("what is the best pizza topping").tier is not Tier.CONFIDENT


def test_a_rejected_question_that_ranks_plausibly_still_gets_did_you_mean() -> None:
    def never(candidates: Sequence[Candidate], limits: Thresholds) -> Candidate | None:
        return None

    result = Matcher(shipped_entries(), gate=never).match("How many migrants were enrolled?")
    assert result.tier is Tier.CLOSE
    assert "enrolled-45" in [c.entry_id for c in result.candidates]


def _candidate(entry_id: str, score: float, **kw: object) -> Candidate:
    return Candidate(entry_id, entry_id, score, entry_id, **kw)  # type: ignore[arg-type]


def test_the_probability_follows_the_weights() -> None:
    gate = LearnedGate({"score": 10.0, "coverage": 5.0}, -10.0, 0.5)
    strong = _candidate("strong", 90.0, coverage=1.0)
    weak = _candidate("weak", 55.0, coverage=0.3)
    assert gate([strong, weak], LIMITS) is strong
    assert gate([weak], LIMITS) is None  # 10 * 0.55 + 5 * 0.3 - 10 < 0: p < 0.5


def test_a_veto_rules_a_candidate_out_whatever_it_scores() -> None:
    gate = LearnedGate({"score": 10.0}, 0.0, 0.5, vetoes=("undefined",))
    assert gate([_candidate("named", 90.0)], LIMITS) is not None
    assert gate([_candidate("mentions", 90.0, defines=False)], LIMITS) is None


def test_the_operators_confident_floor_still_holds() -> None:
    gate = LearnedGate({"score": 10.0}, 0.0, 0.5)
    assert gate([_candidate("low", 45.0)], LIMITS) is None  # p is high, the score is not
    assert gate([_candidate("low", 45.0)], Thresholds(confident=40, suggest=30)) is not None


def test_rules_kept_the_model_only_decides_what_they_reject() -> None:
    kept = LearnedGate({"score": -10.0}, 0.0, 0.5, rule_floor=0.0)
    answered = _candidate("answered", 90.0)
    assert confident_choice([answered], LIMITS) is answered
    assert kept([answered], LIMITS) is answered  # the model would say no; the rules stand


def test_the_features_say_which_candidate_the_rules_choose() -> None:
    best, other = _candidate("best", 90.0), _candidate("other", 60.0)
    ruled = confident_choice([best, other], LIMITS)
    assert ruled is best
    assert features(best, [best, other], ruled)["ruled"] == 1.0
    assert features(other, [best, other], ruled)["ruled_other"] == 1.0
    assert features(best, [best, other], ruled)["margin"] == pytest.approx(3.0)
