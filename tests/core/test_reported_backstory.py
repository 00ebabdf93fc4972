"""A question that leans on a backstory reporting what someone said, heard or read ("my roommate
works at a clinic and says …, is that true?"): the claim after the reporting word is what is
asked; who told, where and when is not (`reporting` in bot/locales/<code>/language.toml)."""

from __future__ import annotations

import pytest

from bot.core.languages import languages
from bot.core.matcher import Matcher, Tier
from testkit.labelled import shipped_entries

# One backstory clause per language: a teller, what they do, a reporting word, a claim.
TEMPLATES = {
    "en": "my neighbour works at a bakery and {word} the offices are full, is that right?",
    "es": "mi vecina trabaja en una panaderia y {word} que las oficinas estan llenas, ¿es cierto?",
}
TELLING, CLAIMED = {"en": "works", "es": "trabaja"}, {"en": "offices", "es": "oficinas"}


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    entries = shipped_entries()
    return {code: Matcher(entries, language=code) for code in TEMPLATES}


@pytest.mark.parametrize("language", sorted(TEMPLATES))
def test_each_reporting_word_starts_the_claim(matchers: dict[str, Matcher], language: str) -> None:
    data = languages()[language]
    assert data.reporting
    # Reporting words are plain words, and none of them makes a clause ask or tell of a person.
    assert all(word.isascii() and word.isalpha() and word.islower() for word in data.reporting)
    assert data.reporting.isdisjoint(data.asks_within | data.backstory | data.first_person)
    matcher = matchers[language]
    for word in sorted(data.reporting):
        read, _ = matcher._read(TEMPLATES[language].format(word=word))
        # "works" is a word entries use ("how does the app work"), but here it only says who
        # told: it is dropped, and the claim stays.
        assert TELLING[language] not in read.split(), word
        assert CLAIMED[language] in read.split(), word


def test_names_before_the_reporting_word_still_say_where(matchers: dict[str, Matcher]) -> None:
    read, _ = matchers["es"]._read(
        "mi cuñado vive en Houston y trabaja de noche y dice que allá ya salió la app, ¿es verdad?"
    )
    assert "houston" in read.split() and "trabaja" not in read.split()


@pytest.mark.parametrize(
    ("question", "language", "entry"),
    [
        (
            "i was scrolling tiktok last night and saw ice cancelled a press conference, "
            "what happened",
            "en",
            "launch-postponed",
        ),
        (
            "my bf works nights at a warehouse and says the post made the whole thing up, "
            "is that right?",
            "en",
            "is-it-confirmed",
        ),
        (
            "buenas, mi tío maneja un camión y leyó que solo unas pocas ciudades van a probar "
            "la app primero, ¿es cierto eso?",
            "es",
            "pilot-select-cities",
        ),
    ],
)
def test_a_reported_claim_is_answered_whoever_told_it(
    matchers: dict[str, Matcher], question: str, language: str, entry: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # A claim in words no entry uses is no entry's, whatever it shares ("app", "start").
        ("they'll start doing driver's license renewals by app, is that true?", "en"),
        (
            "my coworker works at the dmv and says they'll start doing driver's license "
            "renewals by app, is that true?",
            "en",
        ),
        (
            "mi vecina trabaja en el consulado y dice que ya se puede renovar el pasaporte por "
            "una app, ¿es cierto?",
            "es",
        ),
        (
            "mi suegro maneja un taxi y dice que ICE ya lanzó una app para pagar multas de "
            "tránsito, ¿es cierto?",
            "es",
        ),
    ],
)
def test_a_reported_claim_no_entry_covers_is_not_answered(
    matchers: dict[str, Matcher], question: str, language: str
) -> None:
    assert matchers[language].match(question).tier is not Tier.CONFIDENT


# Review of conv10 (review10a): what a reporting word does not split.
@pytest.mark.parametrize(
    ("question", "language", "entry"),
    [
        # The claim stands before the reporting word, which ends the clause: nothing is
        # claimed after it, so the clause is read as a backstory that reports nothing.
        (
            "the press conference thing my aunt told me about, is that true?",
            "en",
            "launch-postponed",
        ),
        (
            "eso de que la aplicación tuvo fallas me lo dijo mi cuñada, ¿es verdad?",
            "es",
            "app-glitches",
        ),
    ],
)
def test_a_claim_before_the_reporting_word_is_still_read(
    matchers: dict[str, Matcher], question: str, language: str, entry: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # The people a claim is about are part of it: "everyone" is no entry's word, so a
        # claim that the app is for everyone is not "is this confirmed?".
        ("my brother says the app is for everyone, is that true?", "en"),
        ("my roommate says the app is only for some people, is that right?", "en"),
        ("mi hermano dice que la app es para todos, ¿es cierto?", "es"),
    ],
)
def test_the_people_a_claim_is_about_stay_in_it(
    matchers: dict[str, Matcher], question: str, language: str
) -> None:
    assert matchers[language].match(question).tier is not Tier.CONFIDENT


# Was xfail (trust10): one_question._doubted_claim counted words the claim is about ("kids",
# "alone") as judging. "kids traveling alone" now reads "unaccompanied kids" (round 15's
# rewrites), a word the entry has, and the claim is answered.
def test_a_claim_told_in_one_clause_is_answered(matchers: dict[str, Matcher]) -> None:
    result = matchers["en"].match("my nephew said that kids traveling alone are exempt, true?")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "eo-exceptions"
