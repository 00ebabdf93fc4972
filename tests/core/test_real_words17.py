"""Real words read as typed (issue 9: "never 'correct' a real word into a knowledge-base
word"), phrasal verbs read by their particle, and shorthand question words (round 17).

A rare word the word list has, less than commonness.OWN_WORD_GAP rarer than the word it is one
or two edits from, is a word of its own ("knockoff" is no "knockout"); misspellings, written a
hundredth as often as their word at most, are still corrected. None of these is from a set.
"""

from __future__ import annotations

import pytest

from bot.core.commonness import own_word
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import normalize, question_kind
from testkit.answers import read_words

RARE_REAL_WORDS = [
    "knockoff",
    "absentia",
    "dunking",
    "octopuses",
    "recursion",
    "busing",
    "logistically",
    "carbonara",
    "misreading",
    "tacking",
    "hondurans",
    "overstaying",
    "grifter",
    "paywall",
]
TYPOS = [
    ("goverment", "government"),
    ("borer", "border"),
    ("lauch", "launch"),
    ("stroy", "story"),
    ("offical", "official"),
    ("somthing", "something"),
    ("tommorow", "tomorrow"),
    ("dissapear", "disappear"),
]


@pytest.mark.parametrize("word", RARE_REAL_WORDS)
def test_a_rare_real_word_is_read_as_typed(english: Matcher, word: str) -> None:
    assert read_words(english, f"is this a {word} of the ice app") == [
        "is", "this", "a", word, "of", "the", "ice", "app",
    ]  # fmt: skip


@pytest.mark.parametrize(("typo", "meant"), TYPOS)
def test_a_misspelling_is_still_corrected(english: Matcher, typo: str, meant: str) -> None:
    assert meant in read_words(english, f"what about the {typo} thing")
    assert not own_word(typo, meant)


def test_a_rare_word_near_a_function_word_is_still_that_word(english: Matcher) -> None:
    # contractions typed without their apostrophe ("how'd") stay function words
    assert read_words(english, "howd they get 1.8 mil")[0] == "hows"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("when did this story come out", "when did this story publish"),
        ("when does the next zelda come out", "when does the next zelda publish"),
        ("when did the ice app come out", "when did the ice app launch"),
        ("when did the apps come out", "when did the apps launch"),
        ("how many came in under biden", "how many came in under biden"),
        ("what came out of the lawsuit", "what came out of the lawsuit"),
        ("any news since this article came out", "any news since this article came out"),
        ("has anything changed since it came out", "has anything changed since it came out"),
    ],
)
def test_came_out_is_published_not_came_in(question: str, read: str) -> None:
    assert normalize(question) == read


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("wen is the next hearing", "when"),
        ("whn does it start", "when"),
        ("wher is the ice office", "where"),
        ("wich app is it", "which"),
    ],
)
def test_shorthand_question_words_ask_their_kind(question: str, kind: str) -> None:
    assert question_kind(question.split()) == kind


def test_a_when_question_in_shorthand_needs_an_entry_asked_when(english: Matcher) -> None:
    result = english.match("wen is electon day 2024")
    assert result.tier is not Tier.CONFIDENT
