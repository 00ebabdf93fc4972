"""The bot as the subject of a question (bot_subject.py; round 14, issues 9 and 11): "are you
free to use", "how old are you", "eres gratis" are answered confidently only by an entry about
the bot that has every word asked of it, never by an entry about something else through one
shared word ("how old is the ATD program", "free legal help"), nor by an entry about the bot
through the word for the bot alone ("are you down right now")."""

from __future__ import annotations

import pytest

from bot.core.bot_subject import bot_is_subject
from bot.core.matcher import Matcher, Tier


def confident(matcher: Matcher, question: str) -> str | None:
    result = matcher.match(question)
    return result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None


@pytest.mark.parametrize(
    "question",
    [
        # the audit's look-alikes
        "how old are you",
        "are you going to vote",
        "are you free to use",
        "are you down right now",
        "are you open source",
        # more of the kind
        "are you free",
        "are you safe to use",
        "do you vote",
        "is this bot free",
        "are you legal?",
        "hey bot, are you online",
        "r u working rn",
        "are you going to vote for trump",
        "how long have you been around",
        "do you cost anything",
        "is the bot down",
        "are you new",
    ],
)
def test_english_questions_about_the_bot_are_not_answered_by_another_entry(
    english: Matcher, question: str
) -> None:
    assert confident(english, question) is None


@pytest.mark.parametrize(
    "question",
    [
        "eres gratis",
        "¿tú eres gratis?",
        "eres confiable?",
        "eres seguro",
        "¿cuántos años tienes?",
        "¿este bot es gratis?",
        "eres del gobierno",
        "eres real",
        "¿eres falso?",
    ],
)
def test_spanish_questions_about_the_bot_are_not_answered_by_another_entry(
    spanish: Matcher, question: str
) -> None:
    assert confident(spanish, question) is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("are you biased", "bot-neutral"),
        ("what can you answer", "about-this-bot"),
        ("is this legal advice", "legal-advice"),
        ("are you a lawyer", "legal-advice"),
        ("are you an ai", "about-this-bot"),
        ("is this bot biased", "bot-neutral"),
        ("are you going to answer my questions", "about-this-bot"),
        ("can you tell me who reported it", "who-reported"),
        ("can you tell me who can use the app", "app-who-can-use"),
        ("do you know how many people are on atd", "atd-numbers"),
        ("are you going to be detained at your check in", "check-in-arrests-2025"),
    ],
)
def test_english_questions_the_bot_answers_stay_answered(
    english: Matcher, question: str, entry: str
) -> None:
    assert confident(english, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("eres neutral", "bot-neutral"),
        ("¿eres imparcial?", "bot-neutral"),
        ("eres abogado", "legal-advice"),
        ("eres un robot", "about-this-bot"),
        ("¿me puedes decir quién lo reportó?", "who-reported"),
    ],
)
def test_spanish_questions_the_bot_answers_stay_answered(
    spanish: Matcher, question: str, entry: str
) -> None:
    assert confident(spanish, question) == entry


@pytest.mark.parametrize(
    ("question", "language", "subject"),
    [
        ("are you free to use", "en", True),
        ("how old are you", "en", True),
        ("hey bot are you down right now", "en", True),
        ("are you required to check in", "en", False),
        ("are you free to leave during a check in", "en", False),
        ("are you going to be detained", "en", False),
        ("are you on atd", "en", False),
        ("can you tell me who reported it", "en", False),
        ("do you have to use the app", "en", False),
        ("eres gratis", "es", True),
        ("cuantos anos tienes", "es", True),
        ("eres elegible para daca", "es", False),
        ("si eres indocumentado puedes usar la app", "es", False),
        ("me puedes decir quien lo reporto", "es", False),
    ],
)
def test_which_questions_have_the_bot_as_subject(
    question: str, language: str, subject: bool
) -> None:
    assert bot_is_subject(question, language) is subject
