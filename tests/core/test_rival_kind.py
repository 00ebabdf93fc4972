"""A rival never asked the kind of question a question asks ("how many …", "who …") makes no
close call against a best entry that is (confidence._rival_answers, issue 9): it could not be
answered with itself ("kind of question not asked"), so covering a word more of the question
("program") does not hold the count back."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.confidence import Candidate, Thresholds, confident_choice
from bot.core.matcher import Matcher, Tier
from testkit.labelled import shipped_entries


def _counted(entry_id: str, score: float, coverage: float, alike: bool) -> Candidate:
    return Candidate(entry_id, entry_id, score, "", coverage=coverage, counting=True, alike=alike)


def test_a_rival_never_asked_the_kind_makes_no_close_call() -> None:
    limits = Thresholds()
    count = _counted("asked-how-many", 86.0, 0.64, alike=True)
    what = _counted("asked-what-it-is", 84.0, 1.0, alike=False)
    assert confident_choice([count, what], limits) == count
    # …but a rival asked the kind too still makes one (and covering more, wins it), and so does
    # any rival of a best that is not asked it (the question is held either way), or of a
    # question asking no kind.
    asked = dataclasses.replace(what, alike=True)
    assert confident_choice([count, asked], limits) == asked
    unasked = dataclasses.replace(count, alike=False)
    assert confident_choice([unasked, what], limits) is None
    plain = [dataclasses.replace(c, counting=False) for c in (count, what)]
    assert confident_choice(plain, limits) == plain[1]  # the one covering the whole question
    # A who-question the same way.
    who = [dataclasses.replace(c, counting=False, asks_kind=True) for c in (count, what)]
    assert confident_choice(who, limits) == who[0]


@pytest.fixture(scope="module")
def english() -> Matcher:
    return Matcher(shipped_entries())


@pytest.mark.parametrize(
    "question",
    [
        "how many ppl are in the ATD programm",
        "how many people are in the atd program right now",
        "how many people are in the alternatives to detention program",
    ],
)
def test_how_many_are_in_a_program_is_the_count(english: Matcher, question: str) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "atd-numbers"


@pytest.mark.parametrize(
    "question",
    [
        "how many people are in the ice program",
        "how many programs does ice have",
        "how many people work at ice",
    ],
)
def test_a_count_the_knowledge_lacks_is_still_not_answered(english: Matcher, question: str) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT
