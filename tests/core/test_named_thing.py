"""Round 13 (issues 9 and 11): a question asking what one named thing is, or what it is for,
is answered by the entry whose own questions ask what it is, not by an entry that only
mentions it (where the app is listed, which app the story means). The questions here are new,
not from the tuning sets; words only, on the shipped knowledge base."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    entries = shipped_entries()
    return {code: Matcher(entries, language=code) for code in ("en", "es")}


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # "what is X that …": the clause describes X; the entry on where X is listed does not
        # answer what X is.
        ("en", "what's the ice check-in app that people see in the app store", "ice-check-in-app"),
        ("en", "what is the ice check-in app that is on the app store", "ice-check-in-app"),
        (
            "es",
            "¿qué es la ICE Check-In App que sale en la tienda de aplicaciones?",
            "ice-check-in-app",
        ),
        # "X is what exactly"
        ("en", "cbp one app is what exactly", "cbp-one"),
        # What it is for: "para qué sirve X", "qué es X y para qué sirve".
        ("es", "¿para qué sirve la app SmartLINK?", "smartlink"),
        ("es", "qué es smartlink y para qué sirve", "smartlink"),
        # The subject left unsaid ("¿qué es?") or only pointed at ("that website") asks what
        # was named before it in the message.
        ("es", "la ICE Check-In App que salió en la tienda de apps, ¿qué es?", "ice-check-in-app"),
        (
            "en",
            "my neighbor changed her address online with ice, what's that website",
            "ice-portal",
        ),
    ],
)
def test_what_a_named_thing_is_is_answered_by_its_own_entry(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # Not a question of what the thing is: the entries that only mention it answer them.
        ("en", "which app is it, cbp one or something new?", "which-app-is-it"),
        ("en", "is the ice check-in app in the app store", "apple-store"),
        ("en", "how does the ice check-in app work", "app-how-it-works"),
        ("es", "¿está la app de ICE en la tienda de Apple?", "apple-store"),
        ("en", "what is the app called", "which-app-is-it"),
    ],
)
def test_other_questions_naming_the_thing_keep_their_entry(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    result = matchers[language].match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected


@pytest.mark.parametrize(
    ("language", "question"),
    [
        # Nothing named: "what is it" alone asks nothing the knowledge base can tell.
        ("en", "what is it"),
        ("es", "¿qué es?"),
        ("es", "¿qué es exactamente?"),
        # Named, but asked about something its entry does not say.
        ("en", "what is the cbp one stock price"),
        # An app described only by where it is used: not one named thing.
        ("es", "¿qué es la app que usan en ATD?"),
    ],
)
def test_no_named_thing_no_confident_answer(
    matchers: dict[str, Matcher], language: str, question: str
) -> None:
    assert matchers[language].match(question).tier is not Tier.CONFIDENT


def test_pointing_back_needs_only_pointing_words(matchers: dict[str, Matcher]) -> None:
    english, spanish = matchers["en"], matchers["es"]
    assert english._refers(["that", "site"]) and english._refers(["it", "exactly"])
    assert spanish._refers([]) and spanish._refers(["exactamente"])
    assert not english._refers(["that", "ice", "portal"])
    assert not english._refers(["app"])  # "what is the app" names an app of its own
