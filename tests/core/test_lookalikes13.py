"""Look-alikes of round 13's reading rules (issues 9 and 11): questions that share a rule's
surface words but mean something else, which the rule must leave as they were read before.

A program that costs too much is no asker who cannot pay for a lawyer; "tú qué sabes de X" asks
about X and "usted qué hace si…" is anyone's situation, not the bot; and "¿qué sabes hacer?",
said with nothing else once "chido el bot" is dropped as a compliment, is still the bot's."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def read(text: str, language: str = "en") -> str:
    return strip_chatter(plain_words(text), language)


def test_a_program_too_expensive_is_no_asker_who_cannot_pay() -> None:
    assert "afford" not in read("was the program too expensive for ICE").split()
    assert read("lawyers are way too expensive") == "cant afford lawyers"
    assert read("its too expensive for us, where can we get help") == (
        "its cant afford where can we get help"
    )


def test_a_program_too_expensive_is_not_answered_with_legal_help(english: Matcher) -> None:
    result = english.match("was the program too expensive for ICE")
    assert result.tier is not Tier.CONFIDENT or (
        result.best is not None and result.best.entry_id != "legal-help"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "tú qué sabes de la app de ICE",
        "y usted qué hace si no tiene teléfono",
        "tú qué haces si se te descompone el celular",
    ],
)
def test_spanish_you_asked_about_a_topic_or_a_situation_stays(typed: str) -> None:
    assert "bot" not in read(typed, "es").split()


def test_what_you_know_of_a_topic_is_answered_by_the_topic(spanish: Matcher) -> None:
    result = spanish.match("tú qué sabes de la app de ICE")
    assert result.best is not None and result.best.entry_id != "about-this-bot"


@pytest.mark.parametrize(
    "question", ["chido el bot, ¿qué sabes hacer?", "¿qué sabes hacer?", "q puedes hacer o q"]
)
def test_what_you_can_do_said_alone_is_the_bot(spanish: Matcher, question: str) -> None:
    result = spanish.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "about-this-bot"


def test_what_you_can_do_in_a_situation_is_not_the_bot(spanish: Matcher) -> None:
    result = spanish.match("¿qué puedes hacer si te llega una cita de ICE?")
    assert result.tier is not Tier.CONFIDENT or (
        result.best is not None and result.best.entry_id != "about-this-bot"
    )


def test_what_to_tell_them_is_not_about_the_bot(spanish: Matcher) -> None:
    # Its one content word, "pregunten", the bot's entry says only in "qué preguntas contestas",
    # beside "contestas": the word carries the whole match (asked_request.py, round 15).
    result = spanish.match("¿qué les digo cuando me pregunten? díganme")
    assert result.tier is not Tier.CONFIDENT


def test_chatter_spelt_by_ear_is_chatter(spanish: Matcher) -> None:
    typed, spelt = spanish.match("kiero saber de la app"), spanish.match("quiero saber de la app")
    assert typed.tier is spelt.tier


@pytest.mark.parametrize("question", ["te equivocaste", "oye, te equivocaste en la fecha"])
def test_you_got_it_wrong_keeps_the_mistake(spanish: Matcher, question: str) -> None:
    # "te equivocaste" read as the bot, its mistake kept ("bot equivocaste"), not as "te bot".
    result = spanish.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "report-error"


def test_if_you_got_it_wrong_is_the_asker() -> None:
    assert "bot" not in read("si te equivocaste de fecha en la cita, ¿qué pasa?", "es").split()
