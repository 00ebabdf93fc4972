"""Real words read as typed when the knowledge-base word they would be corrected to is a whole
edit away (round 19, issue 9: "never 'correct' a real word into a knowledge-base word").

A string the word list has at least misspellings.FAR_SLIP_ZIPF often is a word of its own when
its correction needs a costly slip (a letter struck far from the right one, an extra key nowhere
near it): "pitot" is no "pilot", "vole" no "vote". Misspellings written that often are slips of
the likeliest kinds (a letter dropped, doubled or swapped, a vowel for a vowel) and are still
corrected; so are rarer costly ones ("critisism", "sinse"). None of these is from a set.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from testkit.answers import read_words

# Each was corrected into a knowledge-base word before (in brackets) and is a word of its own.
RARE_REAL_WORDS = [
    "pitot",  # pilot
    "vole",  # vote
    "dolt",  # dont
    "frag",  # flag
    "voile",  # voice
    "tenting",  # testing
    "chalking",  # calling
    "recanted",  # related
    "coverlet",  # covered
    "blanching",  # launching
    "scarfing",  # starting
    "cackling",  # calling
    "catalysis",  # analysis
    "intruding",  # including
    "misusing",  # missing
    "phoney",  # phone
    "straying",  # starting
    "cabling",  # calling
    "evermore",  # everyone
    "prescient",  # president
    "retorted",  # reported
    "decried",  # described
    "officiate",  # officials
    "scalding",  # calling
    "gaffe",  # gave
]
# Misspellings of knowledge-base words, each still read as the word meant.
TYPOS = [
    ("goverment", "government"),
    ("lauch", "launch"),
    ("stroy", "story"),
    ("offical", "official"),
    ("somthing", "something"),
    ("dissapear", "disappear"),
    ("appel", "apple"),
    ("chek", "check"),
    ("cort", "court"),
    ("milion", "million"),
    ("imigration", "immigration"),
    ("anonymus", "anonymous"),
    ("diffrence", "difference"),
    ("progam", "program"),
    ("aproved", "approved"),
    ("peple", "people"),
    ("insted", "instead"),
    ("threshhold", "threshold"),
    ("lawer", "lawyer"),
    ("efect", "effect"),
    ("elegible", "eligible"),
    ("confrence", "conference"),
    ("boder", "border"),
    ("critisism", "criticism"),
    ("sinse", "since"),
    ("beleive", "believe"),
]


@pytest.mark.parametrize("word", RARE_REAL_WORDS)
def test_a_rare_real_word_a_whole_edit_from_a_known_word_is_read_as_typed(
    english: Matcher, word: str
) -> None:
    assert read_words(english, f"is this a {word} of the ice app")[3] == word


@pytest.mark.parametrize(("typo", "meant"), TYPOS)
def test_a_misspelling_of_a_known_word_is_still_corrected(
    english: Matcher, typo: str, meant: str
) -> None:
    assert read_words(english, f"what about the {typo} thing")[3] == meant


@pytest.mark.parametrize(
    "question",
    [
        "which cities are in the pitot",  # was the pilot cities' entry
        "how did people vole in 2024",  # the election's
        "is the frag on the app",  # the anonymous-source flag's
        "who was the phoney",  # who can use the app
        "is the phoney app real",  # the Apple store's
        "what did the reporter retorted",  # who the sources are
    ],
)
def test_a_question_about_a_rare_real_word_is_not_answered_as_the_known_word(
    english: Matcher, question: str
) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT
