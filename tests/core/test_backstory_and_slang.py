"""Conversation as members write it: backstory told after the question, slang said plainly
(`rewrites` in bot/locales/<code>/language.toml), greetings to everyone, and "you" read as the
bot only in the language it is written in and only when the sentence is not about the asker."""

from __future__ import annotations

import re

import pytest

from bot.core.chatter import rewrite, strip_chatter
from bot.core.languages import languages
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def read(text: str, language: str = "en") -> str:
    return strip_chatter(plain_words(text), language)


# -- the rewrites, on their own ------------------------------------------------------------


def test_rewrites_apply_in_order_between_word_boundaries() -> None:
    rules = (("foo", "bar"), ("bar baz", "qux"))
    assert rewrite("foo baz", rules) == "qux"
    assert rewrite("food baz", rules) == "food baz"  # not inside a word
    assert rewrite("x foo", (("foo", ""),)) == "x"  # spaces left behind are closed


def test_each_english_rewrite_is_a_regular_expression_with_a_replacement() -> None:
    rules = languages()["en"].rewrites
    assert rules
    for pattern, replacement in rules:
        re.compile(pattern)
        assert isinstance(replacement, str)


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        ("whats the deal with the ice portal", "what is the ice portal"),
        ("whats the 411 on bi incorporated", "what is bi incorporated"),
        ("ice portal, whats the deal w it", "what is ice portal"),
        ("is the portal live yet", "has the portal launched yet"),
        ("whats the word, is it live or what", "whats the word has it launched"),
        ("did the app go live in chicago", "did the app launch in chicago"),
        ("can people lie to the officer", "can people misreport to the officer"),
        ("when will the curfew rules go away", "when will the curfew rules lift"),
        ("does the order ever switch off", "does the order ever lift"),
        ("when does the ban stop applying", "when does the ban lift"),
        ("what if she doesnt bother to show up", "what if she doesnt show up"),
        ("is ice ending face to face check ins", "is ice ending in person check ins"),
        ("did anybody who isnt anonymous say so", "did anybody on the record say so"),
        ("did the nyc rollout go ahead", "did the nyc rollout happen"),
        ("before the restrictions are switched off", "before the restrictions are lift"),
        ("is the shutdown going to be turned off", "is the shutdown going to be lift"),
    ],
)
def test_english_slang_is_said_plainly(typed: str, as_read: str) -> None:
    assert read(typed) == as_read


@pytest.mark.parametrize(
    "typed",
    [
        "what is the deal that the administration made",
        "where do you live",
        "do migrants live in anonymity",
        "is this thing a lie",
        "did they lie",
        "did the app go away",
        "does it bother you",
        "should i stop applying for asylum if i use the app",
        "did they lie about the 1 8 million figure",
        "did she lie to the reporter",
        "where is it safe to live",
        "are they allowed to live",
        "does the app scan your face",
        "go ahead and ask",
        "how far ahead is the office booked",
        "are the sources not anonymous",
    ],
)
def test_words_the_rewrites_name_keep_their_other_meanings(typed: str) -> None:
    assert read(typed) == plain_words(typed)


def test_the_rewrites_of_one_language_are_not_read_in_another() -> None:
    assert "what is" not in read("whats the deal with la app", "es")


# -- chatter --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "language", "as_read"),
    [
        ("curious how the portal works", "en", "how the portal works"),
        ("ok bot", "en", ""),
        ("kinda wondering if the pilot started", "en", "the pilot started"),
        ("buenos días a todos, qué es ATD", "es", "que es atd"),
        ("buenas tardes gente como funciona el portal", "es", "como funciona el portal"),
        ("qué era el programa exactamente", "es", "que era el programa"),
        ("se reporta con foto o como", "es", "se reporta con foto"),
        ("vi en tiktok que cancelaron el piloto", "es", "cancelaron el piloto"),
        ("perdón que moleste, qué es ATD", "es", "que es atd"),
    ],
)
def test_openings_and_tags_around_a_question_are_chatter(
    typed: str, language: str, as_read: str
) -> None:
    assert read(typed, language) == as_read


# -- "you" ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "are you required to show up in person",
        "are you allowed to work while you wait",
        "are you eligible for the app if you have a hearing",
        "are you on atd if they gave you a phone",
        "do you lie on the form if you moved",
        "can you lie to ice about your address",
    ],
)
def test_you_in_the_askers_own_situation_is_not_the_bot(typed: str) -> None:
    assert "bot" not in read(typed).split()


@pytest.mark.parametrize(
    "typed",
    [
        "my lawyer said you got the date wrong",
        "my sister thinks you made a mistake about the pilot",
        "are you a person or a program",
    ],
)
def test_you_that_is_the_bot_is_still_read_so(typed: str) -> None:
    assert "bot" in read(typed).split()


def test_english_you_is_not_read_in_a_spanish_message(spanish: Matcher) -> None:
    # English chatter mixed in is still dropped ("thanks"); its "you" is left as typed.
    assert spanish._text.strip_chatter("thanks who made you") == "who made you"
    assert read("thanks who made you") == "who made bot"


# -- backstory after the question -------------------------------------------------------------


def test_backstory_after_the_question_is_a_clause_of_its_own(english: Matcher) -> None:
    clauses = english._clauses("what is the ice portal, my uncle signed up for it in 2022")
    assert clauses == [
        ("what is the ice portal", True),
        ("my uncle signed up for it in 2022", False),
    ]
    # …even when the message ends with a question mark.
    clauses = english._clauses("what is smartlink, my aunt has it on her phone?")
    assert clauses[-1] == ("my aunt has it on her phone", False)
    # One that goes on asking is not backstory, whoever it names ("someone named or not").
    clauses = english._clauses("who said it, someone named or just anonymous people?")
    assert clauses == [("who said it someone named or just anonymous people", True)]
    # A clause that goes on with no one in it still belongs to the question.
    clauses = english._clauses("how many enrolled, in total?")
    assert clauses == [("how many enrolled in total", True)]


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("what is atd, i need to know how many people are on it", "en"),
        ("how does it work, i mean does it track your location", "en"),
        ("what is the portal, i want to know whether it replaces the office", "en"),
        ("qué es atd, mi pregunta es si rastrea la ubicación", "es"),
        ("qué es smartlink, yo quiero saber cuántos lo usan", "es"),
    ],
)
def test_a_first_person_clause_that_asks_within_goes_on_asking(
    english: Matcher, spanish: Matcher, message: str, language: str
) -> None:
    # The asker's "I" opens it, but what follows is the question: not backstory.
    matcher = english if language == "en" else spanish
    clauses = matcher._clauses(message)
    assert all(asks for _, asks in clauses)


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_language_says_which_words_ask_within_a_clause(language: str) -> None:
    data = languages()[language]
    assert data.asks_within
    # None of them is a word that opens a told clause, nor one that only joins one.
    assert data.asks_within.isdisjoint(data.first_person)
    assert data.asks_within.isdisjoint({"que", "como", "cuando", "and", "but", "so", "y"})


def test_a_year_in_backstory_after_the_question_weighs_as_context(english: Matcher) -> None:
    _, context = english._read("hello, what's smartlink again, my uncle got put on it in 2021")
    assert "2021" in context and "smartlink" not in context


@pytest.mark.parametrize(
    ("question", "language", "entry"),
    [
        ("hello, what's smartlink again, my uncle got put on it in 2021", "en", "smartlink"),
        ("yo what is atd, my roommate says he's on it", "en", "atd-what-is"),
        ("the ice check in app, whats the deal with it", "en", "ice-check-in-app"),
        ("buenos días a todos, ¿qué es SmartLINK?", "es", "smartlink"),
        ("Hola, ¿qué es CBP One? mi primo la usó en 2022", "es", "cbp-one"),
    ],
)
def test_clear_questions_with_talk_around_them_are_answered(
    english: Matcher, spanish: Matcher, question: str, language: str, entry: str
) -> None:
    result = (english if language == "en" else spanish).match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry
