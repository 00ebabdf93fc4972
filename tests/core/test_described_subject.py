"""A "what is X" question whose X is described by a clause of its own ("the ICE Check-In App
that shows up in the app store") asks what X is: only an entry asked that answers it, not the
entry the clause's words point to (round 7: the app-store entry answered it)."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher, Tier


@pytest.mark.parametrize(
    ("plain", "subject"),
    [
        ("what is the ice check in app that shows up in the app store", "ice check in app"),
        ("whats the ice portal which they told me about", "ice portal"),
        ("what is smartlink", "smartlink"),
    ],
)
def test_the_subject_is_the_thing_before_its_describing_clause(plain: str, subject: str) -> None:
    assert analysis("en").definition_subject(plain) == subject


@pytest.mark.parametrize(
    "message",
    [
        "What is the 'ICE Check-In App' that shows up in the app store?",
        "yo bot hello, what's the ice check-in app that shows up in the app store",
    ],
)
def test_the_describing_clause_does_not_pick_the_entry(english: Matcher, message: str) -> None:
    result = english.match(message)
    assert not (
        result.tier is Tier.CONFIDENT and result.best and result.best.entry_id == "apple-store"
    )
