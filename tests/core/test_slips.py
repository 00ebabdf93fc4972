"""A slip read from the entry a question matched (slips.py, one_question._slip_read; round 20,
issue 9): a real word that is a hand's slip of the word the entry's best-matching question says
in the same place ("ap" for "app", "dose" for "does") no longer holds a clear question at "did
you mean"; a word said in its own right ("apt", "AP", "dose of a vaccine") still does. The
questions are new phrasings of the kind, not rows of any set."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from bot.core.slips import one_slip, slip_meant, with_word


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("ap", "app"), ("dose", "does"), ("fre", "free"), ("sing", "sign"), ("gett", "get")],
)
def test_a_hands_slip(typed: str, meant: str) -> None:
    assert one_slip(typed, meant)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("apt", "app"), ("cap", "app"), ("fee", "free"), ("pp", "app"), ("app", "app")],
)
def test_another_word_is_no_slip(typed: str, meant: str) -> None:
    assert not one_slip(typed, meant)


def test_the_slip_stands_where_the_entry_says_the_word() -> None:
    matched = "did the app have glitches".split()
    assert slip_meant("ap", "did the ap crash a lot".split(), matched) == "app"
    # beside no word the entry's "app" stands beside
    assert slip_meant("ap", "ap crash a lot".split(), matched) is None
    # the question says the word itself
    assert slip_meant("ap", "did the ap and the app crash".split(), matched) is None
    # numbers are never slips
    assert slip_meant("500", "at 500 a day".split(), "at 5000 a day".split()) is None


def test_a_name_in_capitals_is_not_a_slip() -> None:
    assert with_word("did the ap crash", "ap", "app") == "did the app crash"
    assert with_word("did the AP cover it", "ap", "app") == "did the AP cover it"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("did the ap crash a lot", "app-glitches"),
        ("did the ap have bugs", "app-glitches"),
        ("is the ap on iphone", "apple-store"),
    ],
)
def test_a_slip_of_the_entrys_word_is_answered(shipped: Matcher, question: str, entry: str) -> None:
    # held as typed (the case the rule is for)…
    assert shipped._match_ruled(question, 3).tier is not Tier.CONFIDENT
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


@pytest.mark.parametrize(
    "question",
    [
        "did the AP cover the glitches",  # the Associated Press
        "did the apt have glitches",  # another word, not a slip
        "what dose of the vaccine do i need",  # said in its own right
        "who did the AP interview",
    ],
)
def test_a_word_said_in_its_own_right_is_still_held(shipped: Matcher, question: str) -> None:
    assert shipped.match(question).tier is not Tier.CONFIDENT
