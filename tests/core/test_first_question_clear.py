"""Two questions in one whose first is clear (issue 9, round 15): the first question, answered
as surely as if asked alone, answers the message beside a second about nothing in the
knowledge base, with a note that the rest is not in it; doubt about "this" beside a question
that points back too is doubt about the story; a full stop after a closing quote ends a
sentence. The guards: a first question about nothing in the knowledge base, or a doubt whose
"this" the other question names, leaves the message unanswered."""

from __future__ import annotations

import pytest

from bot.core.clauses import statements
from bot.core.matcher import Matcher, Tier


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("is the app in the play store yet, and what time is it in tokyo", "apple-store"),
        ("is the app on the app store yet, and what does the weather look like", "apple-store"),
    ],
)
def test_the_clear_first_question_answers_beside_one_about_nothing_here(
    english: Matcher, question: str, first: str
) -> None:
    one, other = english._text.clauses(question)
    alone = english.match(one)
    assert alone.tier is Tier.CONFIDENT and alone.best and alone.best.entry_id == first
    assert english.match(other).tier is Tier.NONE
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT and result.best and result.best.entry_id == first
    assert result.unanswered == 1  # the answer says the second part is not in the knowledge base


@pytest.mark.parametrize(
    "question",
    [
        "what is the weather today, and is the app on the app store yet",
        "is this true? and who won the game last night",
        "is this true? is the student loan pause over?",
        "is this confirmed? and why is nobody talking about the student loan pause?",
    ],
)
def test_a_first_question_about_nothing_here_is_not_answered(
    english: Matcher, question: str
) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    "question",
    [
        "is this confirmed? and why is nobody else covering it",
        "is this confirmed, and why is nobody else talking about it?",
    ],
)
def test_doubt_about_this_beside_a_question_pointing_back_is_about_the_story(
    english: Matcher, question: str
) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == "is-it-confirmed"


def test_a_full_stop_after_a_closing_quote_ends_the_sentence() -> None:
    said = statements("I keep seeing 'ghost mode'. what is it? they said \u201cpilot\u201d. ok")
    assert [s.strip().rstrip("'\u201d") for s in said] == [
        "I keep seeing 'ghost mode",
        "they said \u201cpilot",
    ]


def test_a_question_after_a_quoted_backstory_sentence_is_read_alone(english: Matcher) -> None:
    question = "I noticed a lot of your replies flag 'anonymous sources'. Why do you do that?"
    asks = [asks for _, asks in english._clauses(question)]
    assert asks == [False, True]
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == "anonymous-warning"
