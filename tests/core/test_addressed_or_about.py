"""Questions ABOUT the bot and questions merely addressed TO it (issues 9 and 11, round 13).

Words addressing the bot ("bot, …", "can you help", "tú") are chatter unless what is asked is
the bot itself: its sides, what it is and knows, its mistakes. "You" as the subject of leaning,
being programmed or getting something wrong is the bot, in English and in Spanish, where the
verb says "you" as often as the pronoun ("me diste un dato mal")."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def read(text: str, language: str = "en") -> str:
    return strip_chatter(plain_words(text), language)


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        ("do u lean to the left on border stuff", "do bot lean to the left on border stuff"),
        ("are you designed to favor one party", "are bot designed to favor one party"),
        ("curious whether you're programmed with a slant", "bot programmed with a slant"),
        ("does whoever made you vote republican", "does who made bot vote republican"),
    ],
)
def test_you_leaning_or_made_to_lean_is_the_bot(typed: str, as_read: str) -> None:
    assert read(typed) == as_read


@pytest.mark.parametrize(
    "typed",
    [
        "are you made to wear an ankle monitor on atd",
        "are you required to check in on the app",
        "do you lie on the app if you moved",
    ],
)
def test_you_as_the_asker_stays_you(typed: str) -> None:
    assert "bot" not in read(typed).split()


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        ("¿y usted qué sabe hacer?", "bot que sabe hacer"),
        ("¿tú eres neutral?", "bot eres neutral"),
        ("eres de derecha?", "bot de derecha"),
        ("ayer me dijiste una fecha mala", "ayer me bot una fecha mala"),
        ("lo que respondiste no cuadra", "lo que bot no cuadra"),
    ],
)
def test_spanish_tu_asked_about_is_the_bot(typed: str, as_read: str) -> None:
    assert read(typed, "es") == as_read


@pytest.mark.parametrize(
    "typed",
    [
        "¿cómo sabe la app que eres tú?",
        "si tú faltas a la cita qué pasa",
        "¿qué le dijiste a ICE en la cita?",
    ],
)
def test_spanish_tu_meaning_the_asker_stays(typed: str) -> None:
    assert "bot" not in read(typed, "es").split()


def test_asking_for_help_after_the_question_is_chatter() -> None:
    assert (
        read("i need how many people enrolled, could you help") == "i need how many people enrolled"
    )
    assert read("for my school essay, who reported the app") == "who reported the app"


def test_the_bot_named_before_whats_is_chatter() -> None:
    assert read("bot, whats smartlink") == "whats smartlink"


def test_an_answer_that_looks_off_looks_wrong() -> None:
    assert read("that reply seemed a bit off") == "that reply is a bit wrong"
    assert read("the office was off limits") == "the office was off limits"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("do you lean one way on the border?", "bot-neutral"),
        ("are you programmed to favor a party?", "bot-neutral"),
        ("is this bot just pushing propaganda", "bot-neutral"),
        ("hi! one of your answers seemed off, who do i tell?", "report-error"),
    ],
)
def test_questions_about_the_bot_as_you_are_answered(
    english: Matcher, question: str, entry: str
) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("¿usted de qué lado está?", "bot-neutral"),
        ("el bot nos da pura propaganda, ¿no?", "bot-neutral"),
        ("oiga, me diste un dato equivocado, ¿a quién le aviso?", "report-error"),
    ],
)
def test_spanish_questions_about_the_bot_are_answered(
    spanish: Matcher, question: str, entry: str
) -> None:
    result = spanish.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


@pytest.mark.parametrize(
    "question",
    [
        "hey, for my college paper i need the yearly border encounter totals, can you help",
        "bot, what's the latest, is the ice app still in use?",
    ],
)
def test_a_request_addressed_to_the_bot_is_not_about_it(english: Matcher, question: str) -> None:
    result = english.match(question)
    assert result.tier is not Tier.CONFIDENT or (
        result.best is not None and result.best.entry_id != "about-this-bot"
    )


@pytest.mark.parametrize(
    "question",
    ["is the whole story right wing propaganda", "¿es propaganda de derecha lo de la app?"],
)
def test_propaganda_said_of_the_story_is_not_the_bots_bias(
    shipped: Matcher, spanish: Matcher, question: str
) -> None:
    for matcher in (shipped, spanish):
        result = matcher.match(question)
        assert (
            result.best is None
            or result.tier is not Tier.CONFIDENT
            or (result.best.entry_id != "bot-neutral")
        )
