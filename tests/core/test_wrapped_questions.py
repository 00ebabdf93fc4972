"""A question wrapped in conversation (issues 9 and 11, round 16): a condition said before it
("…, if he did it through this app, what would…"), who it is asked for ("asking for my brother
who has an iphone — can he…"), what someone said told with a question mark before it ("someone
said X?? is that true"), where a claim was seen ("I saw a headline that X"), and the talk
around it ("sorry if this was asked already", "back after a few months away", "if I understood
this right", "¿me ayudas a explicarle?"). The question inside is answered as if asked alone;
the wrapping never turns a question the knowledge base does not cover into an answer."""

from __future__ import annotations

import pytest

from bot.core.chatter import indirect_question, strip_chatter
from bot.core.languages import languages
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words
from bot.core.own_case import detect
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    entries = shipped_entries()
    return {code: Matcher(entries, language=code) for code in languages()}


@pytest.mark.parametrize(
    ("message", "language", "left"),
    [
        ("sorry if this was asked already, what is atd", "en", "what is atd"),
        ("apologies if it s been asked before but what is atd", "en", "what is atd"),
        ("back after a few months away lol whats new with the app", "en", "whats new with the app"),
        ("im back after a while, whats new with the app", "en", "whats new with the app"),
        ("so if i understood this right people use a phone", "en", "people use a phone"),
        ("morning", "en", ""),
        ("me ayudas a explicarle", "es", ""),
        ("mi papa me pregunto como se reporta uno", "es", "mi papa como se reporta uno"),
    ],
)
def test_talk_around_the_question_is_dropped(message: str, language: str, left: str) -> None:
    assert strip_chatter(plain_words(message), language) == left


@pytest.mark.parametrize(
    ("message", "language", "starts"),
    [
        (
            "my aunt has her check-in next month — if she did it through this app, what would "
            "the process look like for her?",
            "en",
            "if she did it through this app what would",
        ),
        (
            "mi tía tiene su cita el otro mes, si lo hace por la aplicación, ¿cómo sería el "
            "proceso para ella?",
            "es",
            "si lo hace por la aplicacion como",
        ),
    ],
)
def test_a_condition_is_the_questions_not_the_backstorys(
    matchers: dict[str, Matcher], message: str, language: str, starts: str
) -> None:
    clauses = matchers[language]._clauses(message)
    assert clauses[-1][1] and clauses[-1][0].startswith(starts)
    assert not clauses[0][1]


def test_a_condition_that_ends_its_sentence_stays_with_what_came_before(
    matchers: dict[str, Matcher],
) -> None:
    # No question after it in its sentence: it goes on the clause before, as said.
    clauses = matchers["en"]._clauses("my uncle uses the app, if that matters. is it free?")
    assert clauses[0] == ("my uncle uses the app if that matters", False)


def test_hearsay_told_with_a_question_mark_is_the_claim_asked_about(
    matchers: dict[str, Matcher],
) -> None:
    message = (
        "someone in another server said the NYC ICE office is booked up for years?? is that true"
    )
    clauses = matchers["en"]._clauses(message)
    assert [asks for _, asks in clauses] == [False, True]
    read, _ = matchers["en"]._read(message)
    # who said it and where is not what is asked; the claim is
    assert "server" not in read.split() and "booked" in read.split()


def test_where_a_claim_was_seen_is_not_the_claim(matchers: dict[str, Matcher]) -> None:
    read, _ = matchers["en"]._read(
        "I saw a headline that ICE check-ins are going digital. what's that about?"
    )
    assert "headline" not in read.split() and "digital" in read.split()
    read, _ = matchers["es"]._read(
        "mi prima vio una publicación en facebook que decía que la app se cayó, ¿es cierto?"
    )
    assert "facebook" not in read.split() and "publicacion" not in read.split()


@pytest.mark.parametrize(
    ("message", "language", "entry"),
    [
        (
            "asking for my sister who has an android — can she get the app on the play store?",
            "en",
            "apple-store",
        ),
        (
            "asking for my aunt who lives in houston, is houston one of the pilot cities?",
            "en",
            "pilot-cities-unknown",
        ),
        (
            "ok so my aunt has her check-in next month — if she did it through this app, what "
            "would the process look like for her?",
            "en",
            "app-how-it-works",
        ),
        (
            "I have my check-in next month — if I did it through this app, what would the "
            "process look like for me?",
            "en",
            "app-how-it-works",
        ),
        (
            "back after a few months away lol — what's the latest with the ICE app?",
            "en",
            "where-things-stand",
        ),
        (
            "Morning! before I share this with my family, is any of it actually confirmed?",
            "en",
            "is-it-confirmed",
        ),
    ],
)
def test_the_question_inside_is_answered(
    matchers: dict[str, Matcher], message: str, language: str, entry: str
) -> None:
    result = matchers[language].match(message)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == entry


@pytest.mark.parametrize(
    "message",
    [
        "my cousin is a lawyer, how do I become one",
        "my uncle got a ticket, how does he pay it",
        "my uncle got a parking ticket — if he pays it online, how long does it take to clear?",
        "asking for my brother who has an iphone — how does he reset his password?",
        "sorry if this was asked already, what's the capital of france?",
        "back after a few months away lol — who won the super bowl?",
        "so if I understood this right, the moon is made of cheese?",
        "I saw a headline that the stock market crashed. what's that about?",
        "i read a post saying eggs got expensive, is that right?",
        "my friend said taylor swift is touring again?? is that true",
    ],
)
def test_the_wrapping_answers_no_question_out_of_scope(
    matchers: dict[str, Matcher], message: str
) -> None:
    assert matchers["en"].match(message).tier is not Tier.CONFIDENT


def test_the_own_case_notice_still_shows_for_a_wrapped_own_case() -> None:
    own = (
        "I have my check-in next month — if I did it through this app, what would the process "
        "look like for me?"
    )
    assert detect(own) is not None
    assert (
        detect("Tengo mi cita con ICE el mes que viene, si lo hago por la app, ¿cómo sería?")
        is not None
    )


def test_a_question_someone_asked_the_asker_is_asked() -> None:
    assert indirect_question("soy voluntaria y la gente me pregunta si la app es gratis", "es") == [
        ("soy voluntaria y la gente", False),
        ("si la app es gratis", True),
    ]
    # nothing told before it, or nothing asked after it: no split
    assert indirect_question("me pregunto si la app es gratis", "es") == [
        ("me pregunto si la app es gratis", False)
    ]


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        (
            "trabajo en una iglesia y la gente me pregunta si cualquiera puede usar la app o "
            "solo algunos",
            "app-who-can-use",
        ),
        (
            "ayudo en un comedor y me preguntan si la app va a empezar como prueba en algunas "
            "ciudades nada más",
            "pilot-select-cities",
        ),
    ],
)
def test_the_question_someone_asked_is_answered(
    matchers: dict[str, Matcher], message: str, entry: str
) -> None:
    result = matchers["es"].match(message)
    assert result.tier is Tier.CONFIDENT and result.best is not None
    assert result.best.entry_id == entry


@pytest.mark.parametrize(
    "message",
    [
        "soy voluntaria y la gente me pregunta si va a llover mañana",
        "trabajo en una iglesia y me preguntan cómo se saca la licencia de manejo",
    ],
)
def test_a_question_someone_asked_out_of_scope_is_not_answered(
    matchers: dict[str, Matcher], message: str
) -> None:
    assert matchers["es"].match(message).tier is not Tier.CONFIDENT
