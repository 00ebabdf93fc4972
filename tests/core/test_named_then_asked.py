"""Round 12 (issues 9 and 11): causes of wrong confident answers found by listing every one on
the tuning sets, each fixed by a general rule or by giving each question to one entry. The
questions here are new, not from those sets; words only, on the shipped knowledge base."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier


def _defines(matcher: Matcher, question: str) -> dict[str, bool]:
    return {c.entry_id: c.defines for c in matcher.rank(question, limit=8)}


@pytest.mark.parametrize(
    ("question", "defining", "not_defining"),
    [
        # "something called X, what is it?" asks what X is, as "what is X" does: an entry that
        # only mentions X (its app-store status, what the app is called) does not answer it.
        (
            "a guy at church said to download something called the ice check-in app, what is it?",
            "ice-check-in-app",
            "apple-store",
        ),
        (
            "i keep hearing about a program called atd, what is it exactly?",
            "atd-what-is",
            "which-app-is-it",
        ),
    ],
)
def test_what_is_it_after_a_name_asks_what_the_named_thing_is(
    english: Matcher, question: str, defining: str, not_defining: str
) -> None:
    defines = _defines(english, question)
    assert defines[defining] is True
    assert defines[not_defining] is False
    result = english.match(question)
    assert result.tier is not Tier.CONFIDENT or result.candidates[0].entry_id == defining


def test_what_is_it_alone_or_without_a_name_before_is_not_read_as_a_definition(
    english: Matcher,
) -> None:
    assert english.match("what is it").tier is not Tier.CONFIDENT
    # A question that is not "what is it" at its end keeps every entry's candidacy.
    assert all(_defines(english, "did apple approve the ice check in app").values())


@pytest.mark.parametrize(
    ("matcher_name", "question", "expected"),
    [
        # Which cities (not known) and whether it starts as a pilot in a few cities (the claim)
        # are two entries: "starting", "arranca" ask the second, "which cities" the first.
        ("english", "does the pilot start in just a handful of cities?", {"pilot-select-cities"}),
        ("english", "which cities will get the pilot?", {"pilot-cities-unknown"}),
        ("spanish", "¿el piloto arranca en pocas ciudades nomás?", {"pilot-select-cities"}),
        ("spanish", "¿en qué ciudades es el piloto?", {"pilot-cities-unknown"}),
        # A cutoff is the threshold's question, not the order's.
        ("english", "what is the cutoff in the june 2024 border rule", {"eo-threshold"}),
        # Whether the story is old news asks where things stand, not how old a program is.
        ("english", "is the story old news by now?", {"where-things-stand"}),
        # What the app-store listing says the app does is the app's entry, not the store's.
        ("english", "what does the ice check-in app listing say", {"ice-check-in-app"}),
    ],
)
def test_each_question_belongs_to_one_entry(
    request: pytest.FixtureRequest, matcher_name: str, question: str, expected: set[str]
) -> None:
    matcher: Matcher = request.getfixturevalue(matcher_name)
    result = matcher.match(question)
    if result.tier is Tier.CONFIDENT:
        assert result.candidates[0].entry_id in expected
    else:
        assert result.candidates and result.candidates[0].entry_id in expected
