"""The close-call rule sees every candidate near the best, and a message of two questions each
answered on its own is answered (issue 9), on the shipped knowledge base, words only."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher(shipped_entries())


@pytest.mark.parametrize(
    "question",
    [
        # Reporting someone to ICE is not in the knowledge base; several entries about who used
        # the app cover "people" and "app" as well as the best does, one of them ranked fourth.
        "is there an app for reporting people to ICE?",
        "is there an app where you can report people to ice",
    ],
)
def test_a_rival_ranked_below_the_first_three_still_makes_a_close_call(
    shipped: Matcher, question: str
) -> None:
    ranked = shipped.rank(question, limit=8)
    best = ranked[0]
    beyond = [c for c in ranked[3:] if c.score > best.score - 6.0 and c.coverage >= 1.0]
    assert beyond, "the case this test is about: a full-cover rival beyond the first three"
    assert shipped.match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Each part is answered confidently when asked alone, through an entry that covers
        # most of it, not all: the message is answered through the first part asked.
        ("is the app on the app store yet, and does it still crash?", {"apple-store"}),
        ("is it in the app store yet, and does it still have bugs?", {"apple-store"}),
    ],
)
def test_two_questions_each_answered_alone_are_answered_together(
    shipped: Matcher, question: str, expected: set[str]
) -> None:
    parts = shipped._text.clauses(question)
    assert len(parts) == 2
    assert all(shipped.match(part).tier is Tier.CONFIDENT for part in parts)
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id in expected
    assert result.unanswered == 0


def test_a_part_covered_only_in_part_is_not_answered_when_the_other_is_unanswered(
    shipped: Matcher,
) -> None:
    """The part asked first asks what no entry answers: a later part must then be covered whole
    (a part that shares a word or two with an entry is no answer to the message). Asked first,
    the same part is answered as if alone (round 15: test_first_question_clear.py)."""
    result = shipped.match("what does the weather look like, and is the app on the app store yet")
    assert result.tier is not Tier.CONFIDENT or (
        result.best is not None and result.best.coverage >= 1.0
    )


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how many migrants signed up, and did the app have glitches?", "enrolled-45"),
        ("did the app have glitches, and how many migrants signed up?", "app-glitches"),
    ],
)
def test_of_two_questions_answered_the_first_asked_is_answered(
    shipped: Matcher, question: str, first: str
) -> None:
    """Both parts have an answer: the message is answered in the order it asks, not by whichever
    part happens to score higher."""
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == first
