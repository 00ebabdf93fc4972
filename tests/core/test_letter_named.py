"""A thing named with a letter, asked what it is beside a question about it (round 16, issue 9):
"¿Qué es la visa U y quién la puede pedir?" went to the entry on the border order's exceptions
(people with a valid visa). Read as a word ("u": "or", "you"), the letter was no token, so the
thing read as "visa", which that entry speaks of; and the whole message, matched at once, was
answered though its first question is about a thing no entry names (several_questions.py). None of
these questions is from a benchmark set.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from bot.core.several_questions import _letter_named
from testkit.answers import confident_entry

LETTER_NAMED_EN = [
    "what is the U visa and who can apply for it",
    "what is the u visa? who can apply for it?",
    "what's a U visa and who qualifies for one",
    "what is the U visa and how long does it take",
    "what is a u visa and how do i get one",
    "what is the U visa and can i apply from mexico",
    "what's the u visa and is it hard to get",
    "what is the U visa and who is eligible",
    "what is the T visa and who can get it",
    "what is the t visa and how long does it take",
    "what is plan b and who can get it",
    "what is the U visa, and does it lead to a green card",
    "what is the u visa and does it protect from deportation",
    "what is the U visa and how many are given each year",
    "what is the U visa and who can get it",
    "what is the U visa and who can ask for it",
    "what's the u visa and who can apply for it",
    "what is a U visa and who can apply for one",
    "what is the T visa and who can apply for it",
    "what is daca and who can apply for it",
    "what is tps and who can apply for it",
    "what is the i-130 and who can file it",
    "what is parole in place and who can apply for it",
    "what is the diversity lottery and who can apply for it",
    "what is vawa and who can apply for it",
    "what is sijs and who can apply for it",
    "what is the u visa? who can get it?",
    "what's a t visa? who can ask for one?",
]

LETTER_NAMED_ES = [
    "¿Qué es la visa U y quién la puede pedir?",
    "¿qué es la visa U? ¿quién la puede pedir?",
    "que es la visa u y quien califica",
    "qué es la visa U y cuánto tarda",
    "qué es la visa U y cómo la pido",
    "qué es la visa u y quién puede solicitarla",
    "¿qué es la visa U y sirve para sacar la residencia?",
    "qué es la visa U y es difícil de conseguir",
    "¿qué es la visa T y quién la puede pedir?",
    "qué es la visa t y cuánto tarda",
    "¿Qué es la visa U y cuántas dan al año?",
    "qué es la visa u y me protege de la deportación",
    "¿qué es la visa U? ¿y la puedo pedir desde México?",
    "que es la visa U y donde la pido",
    "¿qué es la visa U y quién la puede solicitar?",
    "¿qué es la visa U y quién puede pedirla?",
    "qué es la visa u y quién la puede sacar",
    "¿qué es la visa T y quién la puede solicitar?",
    "qué es el DACA y quién lo puede pedir",
    "qué es el TPS y quién lo puede pedir",
    "qué es el parole in place y quién lo puede pedir",
    "qué es la VAWA y quién la puede pedir",
    "qué es la lotería de visas y quién la puede pedir",
    "qué es la visa u? quién la puede pedir?",
    "¿que es la visa U y quien la pide?",
    "qué es la visa U y quiénes la pueden pedir",
    "qué es la visa U y quién la consigue",
]


@pytest.mark.parametrize("question", LETTER_NAMED_EN)
def test_english_a_thing_named_with_a_letter_is_not_answered(
    english: Matcher, question: str
) -> None:
    assert confident_entry(english, question) is None


@pytest.mark.parametrize("question", LETTER_NAMED_ES)
def test_spanish_a_thing_named_with_a_letter_is_not_answered(
    spanish: Matcher, question: str
) -> None:
    assert confident_entry(spanish, question) is None


@pytest.mark.parametrize(
    ("question", "language", "entry"),
    [
        ("what is the ice portal and who can use it", "en", "ice-portal"),
        ("what's ATD and how many people are in it", "en", "atd-what-is"),
        ("what is atd and how many are in it", "en", "atd-what-is"),
        ("what is smartlink and who runs it", "en", "smartlink"),
        ("¿qué es el ICE Portal y quién lo puede usar?", "es", "ice-portal"),
        ("qué es ATD y cuántas personas hay", "es", "atd-what-is"),
    ],
)
def test_a_thing_entries_name_stays_answered(
    english: Matcher, spanish: Matcher, question: str, language: str, entry: str
) -> None:
    assert confident_entry(english if language == "en" else spanish, question) == entry


def test_a_name_with_a_letter_is_read() -> None:
    assert _letter_named("u visa".split())
    assert _letter_named("visa u".split())
    assert _letter_named("plan b".split())
    assert not _letter_named("u s border policy".split())  # the U.S.
    assert not _letter_named("visa".split())
    assert not _letter_named("ice portal".split())
