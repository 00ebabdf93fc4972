"""Two questions in one message (issues 9 and 11, round 11): the question asked first is the
one answered when an entry answers it; one part's words never win the message for an entry the
part asked first does not offer; in English and Spanish by the same rule, on the shipped
knowledge base, words only. Messages that only look like two questions keep their answer."""

from __future__ import annotations

import pytest

from bot.core.clauses import statements
from bot.core.matcher import Matcher, Tier
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    entries = shipped_entries()
    return {code: Matcher(entries, language=code) for code in ("en", "es")}


@pytest.mark.parametrize(
    ("language", "question", "first", "later"),
    [
        # The first part has entries to offer, none for sure; the second is answered alone
        # by an entry the first does not offer: answering it would answer what was not asked
        # first, without a word that the first question went unanswered.
        (
            "en",
            # ("in person" is one word since round 19, so "is ice dropping in person check ins"
            # alone is answered for sure: no longer the case this test needs.)
            "is ice getting rid of office check ins, and how many people have signed up so far",
            "app-replaces-in-person",
            "enrolled-45",
        ),
        # A question asked after "¿" asks, whatever its first word.
        (
            "es",
            "¿de qué trata este bot? ¿y me ayuda con mi caso de asilo?",
            "about-this-bot",
            "legal-advice",
        ),
    ],
)
def test_a_later_part_does_not_win_over_the_question_asked_first(
    matchers: dict[str, Matcher], language: str, question: str, first: str, later: str
) -> None:
    matcher = matchers[language]
    first_part, later_part = matcher._text.clauses(question)
    assert matcher.match(first_part).tier is Tier.CLOSE, "the case: the first part may be answered"
    alone = matcher.match(later_part)
    assert alone.tier is Tier.CONFIDENT and alone.best and alone.best.entry_id == later
    result = matcher.match(question)
    assert result.tier is Tier.CLOSE
    offered = [c.entry_id for c in result.candidates]
    assert offered[0] == first and later in offered


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # The first part names one thing ("smartlink") and is answered alone; the second's
        # words outweigh it in the whole message.
        ("en", "what does smartlink do, and is it the same thing as the new app", "smartlink"),
        (
            "en",
            "what can this bot do, and why does it keep warning about anonymous sources",
            "about-this-bot",
        ),
        # "y cuánta gente…" starts a second question as "y cuántos…" does (language data).
        ("es", "¿qué es el ATD y cuánta gente hay en ese programa?", "atd-what-is"),
        # The threshold of "Biden's order" is eo-threshold's question (round 17: the entry is
        # asked it as members name the order), answered first, not when the order lifts.
        (
            "es",
            "¿cuál es el umbral real de la orden de Biden y cuándo se levanta?",
            "eo-threshold",
        ),
    ],
)
def test_the_question_asked_first_is_answered(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # One question in two clauses, or a question beside what the asker tells or thanks for.
        ("en", "is it true that the app launched in nyc and when", "nyc-rollout"),
        ("en", "my cousin is on ATD. when does the app launch?", "launch-postponed"),
        (
            "en",
            "thanks for answering! are you neutral or do you take a political side?",
            "bot-neutral",
        ),
        (
            "es",
            "gracias por responder! ¿ustedes son neutrales o están de algún lado político?",
            "bot-neutral",
        ),
        ("en", "how many people were enrolled and did the app have glitches", "enrolled-45"),
        ("es", "¿cuántos se inscribieron y la app tuvo fallas?", "enrolled-45"),
        ("es", "¿es cierto que la app ya llegó a Nueva York y desde cuándo?", "nyc-rollout"),
        ("es", "mi primo está en ATD. ¿cuándo sale la app?", "launch-postponed"),
        (
            "es",
            "soy voluntaria en un albergue. ¿cuántas personas se inscribieron en la app?",
            "enrolled-45",
        ),
        (
            "en",
            "not sure if you'd know this but how many people are in alternatives to detention",
            "atd-numbers",
        ),
    ],
)
def test_what_only_looks_like_two_questions_keeps_its_answer(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


def test_sentences_said_not_asked() -> None:
    said = statements("gracias por responder! was reading this on my break. who reported it? ok")
    assert said == ["gracias por responder", " was reading this on my break"]


@pytest.mark.parametrize(
    ("language", "question", "alone"),
    [
        # An either/or asks one thing: the first part is not a question of its own.
        (
            "en",
            "does the check-in app really work or is it broken",
            "does the check in app really work",
        ),
        ("es", "¿la app funciona o es pura propaganda?", "la app funciona"),
        # Said, not asked.
        (
            "en",
            "was reading this on my break. did the app have bugs?",
            "was reading this on my break",
        ),
        (
            "es",
            "estaba leyendo esto en el descanso! ¿ustedes son neutrales?",
            "estaba leyendo esto en el descanso",
        ),
    ],
)
def test_parts_that_ask_nothing_alone(
    matchers: dict[str, Matcher], language: str, question: str, alone: str
) -> None:
    assert matchers[language]._said(question) == {alone}


def test_thanks_for_answering_is_chatter_not_a_part_said(matchers: dict[str, Matcher]) -> None:
    # "gracias por responder" is dropped whole as chatter (round 14): no part is left to say
    assert not matchers["es"]._said("gracias por responder! ¿ustedes son neutrales?")


def test_two_real_questions_ask_each_alone(matchers: dict[str, Matcher]) -> None:
    assert not matchers["en"]._said("what does smartlink do and is it the same as the new app")


@pytest.mark.parametrize(
    ("language", "question"),
    [
        # "press" is now a word members ask launch-postponed with (taught_words.py): "why did
        # they cancel the press thing" is answered on its own; "call off" it is not.
        # ("a lot" is now "much", a function word: "often" keeps the first part covered in
        # part only.)
        ("en", "did the app crash often, and why did they call off the press thing"),
        (
            "es",
            # "arranca como piloto" is now one of pilot-select-cities' questions (wrong12):
            # "comienza" keeps the first part covered in part only.
            "¿la aplicación comienza como prueba piloto en algunas ciudades? "
            "¿y se necesita abogado para inscribirse?",
        ),
    ],
)
def test_the_first_question_answered_alone_answers_beside_one_the_entries_may_answer(
    matchers: dict[str, Matcher], language: str, question: str
) -> None:
    """The first part is answered alone through an entry covering part of it; the second has
    entries to offer, none for sure: the message is about the knowledge base, and is answered
    as its first question alone is."""
    matcher = matchers[language]
    first, second = matcher._text.clauses(question)
    alone = matcher.match(first)
    assert alone.tier is Tier.CONFIDENT and alone.best and alone.best.coverage < 1.0
    assert matcher.match(second).tier is Tier.CLOSE
    result = matcher.match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == alone.best.entry_id


@pytest.mark.parametrize(
    "question",
    [
        "does the app need a smartphone, or can i use a computer",
        "does the app require a smartphone or can i use a computer",
    ],
)
def test_the_first_half_of_an_either_or_offers_nothing_of_its_own(
    matchers: dict[str, Matcher], question: str
) -> None:
    """One question between two answers (review11): its first half is not a question asked
    first whose entries win over the half an entry answers."""
    matcher = matchers["en"]
    first_half, _ = matcher._text.clauses(question)
    assert first_half in matcher._either_or(question), "the case: an either/or"
    assert matcher.match(first_half).tier is Tier.CLOSE, "the case: the first half may be answered"
    result = matcher.match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == "app-how-it-works"


# Backstory, greetings or thanks before the one question (chatter12): the question answered as
# surely alone is what is asked; the backstory's words ("ATD", "check-in") pull no other entry.
@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        ("en", "my brother is on ATD. who reported this?", "who-reported"),
        ("en", "i was reading about this on my break. who are the sources?", "who-are-the-sources"),
        ("en", "was reading about this on my break. who are the sources?", "who-are-the-sources"),
        (
            "en",
            "hi bot, my group chat is freaking out about this, is it actually true?",
            "is-it-confirmed",
        ),
        (
            "es",
            "buenas noches, tengo miedo porque mi cuñado tiene check-in la otra semana, "
            "¿es cierto que están arrestando gente cuando va a reportarse?",
            "check-in-arrests-2025",
        ),
    ],
)
def test_the_question_after_backstory_is_answered(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # The question leans on the backstory (alone it is answered by no entry for sure).
        ("en", "my uncle has to use smartlink. what even is that?", "smartlink"),
        # The backstory reports a claim: the question asks about it, not about the report.
        ("en", "my roommate says apple never okayed the app. is that right?", "apple-store"),
    ],
)
def test_a_question_leaning_on_its_backstory_still_reads_it(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    matcher = matchers[language]
    assert matcher._past_backstory(question) is None or (
        matcher.match(matcher._past_backstory(question) or "").tier is not Tier.CONFIDENT
    )
    result = matcher.match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


def test_the_question_past_its_backstory() -> None:
    english = Matcher(shipped_entries(), language="en")
    assert english._past_backstory("my brother is on ATD. who reported this?") == (
        " who reported this?"
    )
    # A message that opens with its question, or whose opening is what is asked about.
    assert english._past_backstory("who reported this? my brother is on ATD") is None
    assert english._past_backstory("what is ATD. how many are on it?") is None
    assert english._past_backstory("ICE app in NYC, when does it start?") is None
    # A question said after a full stop is still the first question unless it tells of the asker.
    assert english._past_backstory("was reading about this on my break. who are the sources?")
    # A topic set out first is what the question asks about, not the asker's backstory.
    assert (
        english._past_backstory("encounters vs apprehensions vs actual ppl, whats the diff") is None
    )


@pytest.mark.parametrize(
    ("language", "question"),
    [
        # The question points at the person the backstory tells of.
        ("en", "my cousin got arrested last year. is he eligible for the app?"),
        ("es", "mi niño tiene calentura, ¿qué le puedo dar?"),
        ("en", "i live in new york, did the app ever come here"),
        # The backstory names what no entry speaks of.
        ("en", "my laptop keeps crashing every 5 min, how do i fix it"),
        # A question naming nothing of its own, beside a backstory naming something.
        ("en", "my friend used cbp one to get an appointment, what is that app exactly"),
        ("en", "my friend swears biden closes the border when it gets too busy. is that accurate?"),
    ],
)
def test_a_question_read_with_its_backstory_is_not_answered_alone(
    matchers: dict[str, Matcher], language: str, question: str
) -> None:
    assert matchers[language]._past_backstory(question) is None


def test_an_opening_question_mark_says_where_the_question_starts() -> None:
    spanish = Matcher(shipped_entries(), language="es")
    # "porque" inside the clause before "¿" is "because", not "why".
    assert spanish._clauses("tengo miedo porque mi primo tiene cita, ¿es cierto que arrestan?") == [
        ("tengo miedo porque mi primo tiene cita", False),
        ("es cierto que arrestan", True),
    ]


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # "what is that" asks what the backstory named, by a name proper to the knowledge base.
        ("en", "my aunt keeps talking about smartlink, what is that?", "smartlink"),
        ("en", "my lawyer has to use some portal called isap. what is it?", "atd-what-is"),
        ("es", "a mi primo le dieron algo que se llama smartlink, ¿qué es eso?", "smartlink"),
    ],
)
def test_what_is_that_asks_what_the_backstory_named(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    "question",
    [
        # Only words any app is spoken of with: no name proper to the knowledge base.
        "my friend downloaded some app called the ice check in app, what is it?",
        # The question names its own subject.
        "my aunt uses smartlink, what is the ice portal",
    ],
)
def test_what_is_that_needs_a_proper_name_in_the_backstory(
    matchers: dict[str, Matcher], question: str
) -> None:
    assert matchers["en"]._defined_in_backstory(question, 3) is None
