"""Comparisons of two things (round 19, issue 9): "what's the difference between X and Y" is
answered only by an entry asked about both X and Y (asked_request._compared_pair). The entry on
encounters and apprehensions tells those two apart, the entry on which app it is the ICE app
from CBP One or SmartLINK; neither tells ICE from border patrol, nor the ICE app from WhatsApp.
None of these is from a set.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier

# Each of these was answered confidently before the rule, with an entry about one of the pair.
HELD_BY_THE_RULE = [
    "what's the difference between ice and the border patrol",
    "whats the difference between the ice app and whatsapp",
    "what's the difference between the ice app and an e-verify check",
    "difference between an ankle monitor and a fitbit",
    "whats the difference between cbp one and cbp home",
    "what's the difference between the executive order and title 42",
    "whats the difference between the ice app and signal",
    "whats the difference between the ice check in app and uber",
    "what's the difference between a check-in and a court hearing",
]
# Pairs of which the knowledge base knows one thing at most: never a confident answer.
OTHER_PAIRS = [
    "whats the difference between ice and the marshals",
    "difference between ice and the national guard",
    "what's the difference between ice agents and cops",
    "difference between the ice app and google maps",
    "difference between smartlink and life360",
    "what's the difference between an ankle monitor and an apple watch",
    "what's the difference between the executive order and the wall",
    "what's the difference between encounters and visas",
    "whats the difference between apprehensions and green cards",
    "what's the difference between newsmax and cnn",
    "whats the difference between the new york post and the new yorker",
    "whats the difference between atd and probation",
    "whats the difference between ice and the dea",
]
# Pairs an entry is asked about: still answered, with that entry.
COUNTS = "encounters-vs-apprehensions"
ANSWERED = [
    ("difference between an encounter and an apprehension", COUNTS),
    ("what is the difference between encounters and apprehensions exactly", COUNTS),
    ("what's the difference between encounters and apprehensions at the southern border", COUNTS),
    ("difference between apprehensions and encounters", COUNTS),
    ("whats the difference between cbp one and the ice app", "which-app-is-it"),
    ("what's the difference between the ice app and smartlink", "which-app-is-it"),
    ("difference between ice check in app and smartlink", "which-app-is-it"),
    ("difference between the ice app and the cbp one app", "which-app-is-it"),
]  # fmt: skip


@pytest.mark.parametrize("question", HELD_BY_THE_RULE + OTHER_PAIRS)
def test_a_pair_an_entry_is_not_asked_about_both_of_is_not_answered(
    english: Matcher, question: str
) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(("question", "entry"), ANSWERED)
def test_a_pair_an_entry_is_asked_about_is_answered(
    english: Matcher, question: str, entry: str
) -> None:
    result = english.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


def test_a_pair_needs_both_of_its_things(english: Matcher) -> None:
    # one side alone ("between them") compares nothing the rule can judge
    assert english._compared_pair("whats the difference between them", {}) == []
