"""Of two overlapping entries, the one named by a word of the question the other lacks
(confidence._named_by_lacking, round 16, issue 9): synthetic candidates for the rule, and the
shipped knowledge base for the questions it is about (new phrasings, not from any set)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.confidence import EARLIER_CALL, Candidate, Thresholds, confident_choice
from bot.core.matcher import Matcher, Tier

LIMITS = Thresholds()

# "¿alguien demandó la orden que cerró la frontera?": the closing of the border scores more
# points, but the entry about it never says "demand", which names the lawsuit entry.
CLOSING = Candidate(
    "eo-2500-claim",
    "Did Biden order the border shut?",
    72.0,
    "biden cerro la frontera",
    coverage=0.70,
    missing=0.6,
    informative=3.5,
    lacks=frozenset({"demand"}),
    keyed=frozenset({"fronter"}),
)
LAWSUIT = Candidate(
    "eo-litigation",
    "Was the rule challenged in court?",
    61.0,
    "un juez bloqueo la orden de la frontera",
    coverage=0.76,
    missing_beyond=0.6,
    informative=3.5,
    lacks=frozenset({"cerr"}),
    keyed=frozenset({"demand"}),
)


def test_the_entry_named_by_the_word_the_best_lacks_answers() -> None:
    chosen = confident_choice([CLOSING, LAWSUIT], LIMITS)
    assert chosen is not None and chosen.entry_id == "eo-litigation"


@pytest.mark.parametrize(
    ("rival", "why"),
    [
        (replace(LAWSUIT, keyed=frozenset({"fronter"})), "the lacking word names no rival"),
        (replace(LAWSUIT, coverage=0.70), "the rival covers no more of the question"),
        (replace(LAWSUIT, score=CLOSING.score - EARLIER_CALL - 1), "the rival scores too little"),
        (replace(LAWSUIT, coverage=0.45), "the rival covers too little to be answered"),
        (replace(LAWSUIT, missing_beyond=2.0), "the rival leaves too much unexplained"),
    ],
)
def test_the_best_answers_when(rival: Candidate, why: str) -> None:
    chosen = confident_choice([CLOSING, rival], LIMITS)
    assert chosen is not None and chosen.entry_id == "eo-2500-claim", why


def test_a_best_that_lacks_nothing_so_informative_answers() -> None:
    best = replace(CLOSING, lacks=frozenset(), missing=0.3)
    chosen = confident_choice([best, LAWSUIT], LIMITS)
    assert chosen is not None and chosen.entry_id == "eo-2500-claim"


@pytest.fixture(scope="module")
def shipped_es() -> Matcher:
    from testkit.labelled import shipped_entries

    return Matcher(shipped_entries(), language="es")


@pytest.fixture(scope="module")
def shipped_en() -> Matcher:
    from testkit.labelled import shipped_entries

    return Matcher(shipped_entries())


def test_a_lawsuit_against_the_order_that_closed_the_border_is_the_lawsuit(
    shipped_es: Matcher,
) -> None:
    question = "¿alguien puso una demanda contra la orden de Biden que cerró la frontera?"
    ranked = shipped_es.rank(question, limit=3)
    assert ranked[0].entry_id == "eo-2500-claim", "the case: the closing scores more points"
    result = shipped_es.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "eo-litigation"


def test_a_rival_covering_less_of_the_question_does_not_take_it(shipped_en: Matcher) -> None:
    # "allow" names who may use the app; the question asks about living anonymously.
    result = shipped_en.match("will this app allow migrants to live anonymously in the country")
    assert result.best is None or result.best.entry_id != "app-who-can-use"
