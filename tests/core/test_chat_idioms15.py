"""Chat spellings, reactions, intensifiers and idioms around a clear question (issue 9, round
15): said plainly or dropped by the `chatter` and `rewrites` of bot/locales/en/language.toml, so
the bare question is what is matched; what only looks alike is left as typed. A string that is
no word is read as the far commoner of two words it is nearly as likely a slip of
(commonness.spelling)."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter
from bot.core.commonness import spelling
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def read(text: str) -> str:
    return strip_chatter(plain_words(text), "en")


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        # chat spellings
        ("is ice rly doing that", "is ice really doing that"),
        ("what number do crossings gotta drop to", "what number do crossings have to drop to"),
        ("whats the cutoff to lift em", "whats the cutoff to lift them"),
        ("how do i tell whoever runs this", "how do i tell who runs this"),
        # a tag or a reaction beside the question
        ("u just log in on ur phone or wut", "u just log in on ur phone"),
        ("wow ok so how many enrolled", "how many enrolled"),
        ("ngl sounds wild", ""),
        ("this app thing sounds kinda crazy", "this app thing"),
        ("thats wild", ""),
        ("sorry if dumb q but why two numbers", "why two numbers"),
        # intensifiers that only stress
        ("the disclaimer every single time", "the disclaimer every time"),
        ("is this whole app story propaganda", "is this app story propaganda"),
        ("a lot of your replies flag it", "many bot replies flag it"),
        ("is that happening alot", "is that happening much"),
        ("are the sources named anywhere", "are the sources named"),
        ("is there anywhere we can find a lawyer", "where we can find a lawyer"),
        # idioms
        ("whos footing the bill for it", "whos paying for it"),
        ("did the ban get taken to court", "did the ban get challenged in court"),
        (
            "did the aclu drag the asylum ban to court",
            "did the aclu challenge the asylum ban in court",
        ),
        ("or did that fizzle out", "or did that fail"),
        ("will they get in trouble if they skip", "will they face consequences if they skip"),
        ("is it a pilot or a full rollout", "is it a pilot or a nationwide rollout"),
        ("are kids traveling alone exempt", "are unaccompanied kids exempt"),
        ("the media is hyping it up", "the media is exaggerated"),
        ("or is that a stretch", "or is exaggerated"),
        ("has apple ok'd the app", "has apple approved the app"),
    ],
)
def test_chat_is_read_plainly(typed: str, as_read: str) -> None:
    assert read(typed) == as_read


@pytest.mark.parametrize(
    "typed",
    [
        "is the 2500 limit counted across the whole border",  # what a rule covers
        "should i take my papers to court",  # the asker's own case
        "how certain are they",
        "does the app sound fake",  # doubt, which the knowledge base answers
        "is the hype about the app justified",  # hype asked about, not dismissed
    ],
)
def test_lookalikes_are_left_as_typed(typed: str) -> None:
    assert read(typed) == plain_words(typed)


def test_a_far_commoner_word_nearly_as_likely_is_meant() -> None:
    # "rubble" is one struck key away, "trouble" two cheap slips, and ten times as used
    assert spelling("trubble") == "trouble"
    assert spelling("puxhed") == "pushed"  # the cheapest still wins where none is near


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("will they get in trubble if they dont check in", "no-enforcement-quote"),
        ("did biden's asylum ban get taken to court or nah", "eo-litigation"),
        ("is it just a pilot rn or full rollout", "pilot-select-cities"),
        (
            "ngl this app thing sounds wild, ice rly lettin ppl check in from their phone now??",
            "app-replaces-in-person",
        ),
    ],
)
def test_chatty_questions_are_answered(shipped: Matcher, question: str, entry_id: str) -> None:
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry_id
