"""A question that offers an alternative (alternatives.py, one_question._asked_before_alternative;
round 20, issue 9): what it asks is said before "or"; when the whole question already singles
out one entry and was held only for what the alternative adds, that entry answers. Questions
are new phrasings of the kind, not rows of any set."""

from __future__ import annotations

import pytest

from bot.core.alternatives import split_alternative
from bot.core.matcher import Matcher, Tier


def test_the_question_is_said_before_the_alternative() -> None:
    assert split_alternative("is it sourced, or is that spin?", "en") == (
        "is it sourced",
        "is that spin?",
    )
    assert split_alternative("¿es oficial o puro chisme?", "es") == ("¿es oficial", "puro chisme?")
    assert split_alternative("is it official", "en") is None
    assert split_alternative("or is it", "en") is None  # nothing asked before it
    assert split_alternative("is it in oregon", "en") is None  # "or" inside a word
    # the message goes on past the alternative: a second question, not an alternative
    two = "¿La app funciona con la cara o cómo? y otra cosa, ¿cuánto cuesta renovar el DACA?"
    assert split_alternative(two, "es") is None
    assert split_alternative("is it real or fake? also who wrote it", "en") is None


def test_a_doubted_claim_read_without_its_doubt_is_read_as_it_is(spanish: Matcher) -> None:
    # Doubt about one claim is matched again without its doubt words (one_question.py);
    # that reading is not split at its alternative (it had answered the app's entry).
    question = (
        "lo de las oficinas de ICE 'hundidas' lo dijo alguien de verdad o es un invento del "
        "periódico?"
    )
    result = spanish.match(question)
    assert result.tier is not Tier.CONFIDENT or (
        result.best is not None and result.best.entry_id != "app-replaces-in-person"
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "is the underwater offices part from a source or is the writer just saying that",
            "ice-offices-underwater",
        ),
        (
            "are the fiscal year encounter totals official or from a random website",
            "fy-encounters",
        ),
    ],
)
def test_what_is_asked_before_the_alternative_is_answered(
    shipped: Matcher, question: str, entry: str
) -> None:
    # held as a whole (the case the rule is for)…
    assert shipped._match_ruled(question, 3).tier is not Tier.CONFIDENT
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


def test_an_alternative_asking_of_its_own_is_a_second_question(shipped: Matcher) -> None:
    # (and doubt, "was this confirmed … or …", is doubt.py's to read: not split here)
    best = shipped.rank("was this confirmed by ice or who said it", limit=1)[0]
    assert (
        shipped._asked_before_alternative(
            "was this confirmed by ice or who said it", best.entry_id, frozenset()
        )
        is None
    )
    assert (
        shipped._asked_before_alternative(
            "are the fiscal year encounter totals official or from a random website",
            "fy-encounters",
            frozenset(),
        )
        == "are the fiscal year encounter totals official"
    )


@pytest.mark.parametrize(
    "question",
    [
        "is the app available in spanish or only english",
        "is the app paid for by taxpayers or by a contractor",
        "is the ny post owned by murdoch or someone else",
        "are check-in arrests legal or unconstitutional",
    ],
)
def test_a_neighbouring_question_with_an_alternative_is_still_held(
    shipped: Matcher, question: str
) -> None:
    assert shipped.match(question).tier is not Tier.CONFIDENT
