"""A near tie between entries asked the same kind of question ("who …") goes to the one whose
best-matching question asks the question's own kind (confidence._matched_alike, issue 9): "who
told the post about the app" to the entry that matched with "who told the nypost this", not to
the one that matched with "when was the story published"; when it covers the whole question,
explains all of it and scores within the margin of the best of all candidates."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.confidence import Candidate, Thresholds, close_call_choice
from bot.core.matcher import Matcher
from testkit.answers import confident_entry


def _asked(entry_id: str, score: float, matched_form: str, form: str = "who") -> Candidate:
    return Candidate(
        entry_id,
        entry_id,
        score,
        "",
        form=form,
        matched_form=matched_form,
        alike=True,
        asks_kind=True,
    )


def test_a_near_tie_goes_to_the_one_matched_with_the_questions_kind() -> None:
    limits = Thresholds()
    who = _asked("asked-who", 81.0, "who")
    when = _asked("asked-when", 82.0, "when")
    assert close_call_choice([when, who], limits) == who
    # …not when both matched with it, nor when the one leaves part of the question uncovered
    # or unexplained;
    assert close_call_choice([when, dataclasses.replace(who, entry_id="x"), who], limits) is None
    partly = [dataclasses.replace(c, coverage=0.95) for c in (when, who)]
    assert close_call_choice(partly, limits) is None
    assert close_call_choice([when, dataclasses.replace(who, missing=0.3)], limits) is None
    # …nor for a question of no kind, nor for one asked yes/no (_asked_alike's).
    assert close_call_choice([when, dataclasses.replace(who, form="")], limits) is None


def test_the_one_matched_alike_scores_near_the_best_of_all() -> None:
    """Asked who, the entries asked who stand in for a best that is not; one of them far under
    that best ("who runs the new york post": "run" of a trial run) is no near tie's winner."""
    limits = Thresholds()
    unasked = dataclasses.replace(_asked("trial-run", 70.0, ""), alike=False, coverage=0.0)
    who = dataclasses.replace(_asked("asked-who", 61.0, "who"))
    when = dataclasses.replace(_asked("asked-when", 58.0, "when"))
    assert close_call_choice([unasked, who, when], limits) is None
    near = dataclasses.replace(unasked, score=64.0)
    assert close_call_choice([near, who, when], limits) == who


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("who told the post about the app", "who-are-the-sources"),
        ("how many of the people caught at the border are repeat crossers", "unique-people"),
    ],
)
def test_matched_with_the_kind_is_answered(english: Matcher, question: str, entry: str) -> None:
    assert confident_entry(english, question) == entry


@pytest.mark.parametrize(
    "question",
    ["who runs the new york post", "who owns the new york post", "who founded newsmax"],
)
def test_neighbouring_who_questions_stay_unanswered(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) is None
