"""Doubt about one claim said in other words (round 16): an alternative dismissing a claim
after "actually", "really", "happen", "exist" (dismissal.py's second pattern), suspicion said
as "misleading", "a myth", "out of thin air", "fearmongering" (doubt tokens), and what stays
unanswered beside them."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher, Tier
from testkit.answers import confident_entry


def read(question: str, code: str = "en") -> str:
    text = analysis(code)
    return text.strip_chatter(text.plain_words(question))


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("did the nyc launch actually happen or was that hype", "nyc launch actually happen"),
        ("are they really arresting people or is it all fearmongering", "arresting people"),
        ("does the glitch report exist or is that a myth", "does the glitch report exist"),
        # "an actual thing" asks whether it is true, as "a thing" does: a belittled alternative
        # after it goes too.
        ("is the ghost mode an actual thing or just a talking point", "is the ghost mode an"),
    ],
)
def test_an_alternative_dismissing_what_actually_happened_is_dropped(
    question: str, read_as: str
) -> None:
    plain = read(question)
    assert plain.startswith(read_as) or read_as in plain
    assert " or " not in plain, plain


@pytest.mark.parametrize(
    "question",
    [
        "is it really in houston or only in nyc",  # a belittled alternative asks where
        "does it exist in every city or just some of them",
        "did it actually happen in 2024 or in 2023",
    ],
)
def test_after_actually_or_really_a_belittled_alternative_is_kept(question: str) -> None:
    assert " or " in read(question)


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("¿de veras pasó lo de las fallas o es puro invento?", "de veras paso lo de las fallas"),
        ("¿existe la app de ICE o es un invento?", "existe la app de ice"),
    ],
)
def test_spanish_drops_such_an_alternative_too(question: str, read_as: str) -> None:
    assert read(question, "es") == read_as


def test_spanish_keeps_a_belittled_alternative_after_existe() -> None:
    assert " o " in read("¿existe en todas las ciudades o solo en nueva york?", "es")


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        (
            "are arrests at check-ins actually happening or is that fearmongering",
            {"check-in-arrests-2025"},
        ),
        ("did the post pull the 1.8 million figure out of thin air", {"post-1-8-million"}),
        ("is the ghost mode an actual thing or just a talking point", {"ghost-mode-criticism"}),
        # "refuse" says what "reject" does (equivalents.toml).
        ("did apple actually refuse the app", {"apple-store"}),
    ],
)
def test_doubt_about_one_claim_is_answered_by_its_entry(
    english: Matcher, question: str, entries: set[str]
) -> None:
    assert confident_entry(english, question) in entries


@pytest.mark.parametrize(
    "question",
    [
        "is the moon landing a myth",
        "did the moon landing actually happen or is that a myth",
        "is CNN propaganda",
        "is cnn misleading",
        "did Trump make up the border wall numbers",
        "did trump pull the border wall numbers out of thin air",
        "is climate change just fearmongering",
        # A verdict on the agency, not on the report (doubt.toml's "trust" words).
        "is ice just fearmongering",
        "is ice misleading people",
        "is it confirmed? and why hasn't anyone said anything about the moon landing?",
    ],
)
def test_doubt_about_what_the_knowledge_base_never_names_stays_unanswered(
    english: Matcher, question: str
) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT


def test_doubt_beside_who_could_confirm_it_is_doubt_about_the_story(english: Matcher) -> None:
    # "it" points at the story, not at what the second question names: ICE saying so publicly
    # is what would confirm it.
    question = "is it confirmed? and why hasn't ICE said anything publicly?"
    assert confident_entry(english, question) == "is-it-confirmed"


def test_doubt_said_of_oneself_in_spanish_is_doubt(spanish: Matcher) -> None:
    assert "hoax" in spanish.query_tokens("yo no me creo nada hasta verlo")
    # …not "no creo" alone, which says what one thinks.
    assert "hoax" not in spanish.query_tokens("no creo que pueda ir a la cita")


def test_misleading_doubts_the_claim_it_is_said_of(english: Matcher) -> None:
    assert "mislead" in english.query_tokens("is the 2,500 a day figure misleading")
    assert english.match("is the 2,500 a day figure misleading").best is not None
    assert confident_entry(english, "is the 2,500 a day figure misleading") != "is-it-confirmed"


def test_a_name_equal_to_what_asks_what_it_is(english: Matcher) -> None:
    text = analysis("en")
    assert text.definition_subject(text.plain_words("smartlink app = what exactly"))
    assert confident_entry(english, "smartlink app = what exactly") == "smartlink"
    # …not "then what", which asks what happens next.
    assert not text.definition_subject("after the check in then what exactly")
