"""Factcheck 19: "who runs X" (the `operate` token) must not lean to smartlink for any X."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "question",
    ["who runs ice now?", "who is running ice?", "who runs the ice check-in app?"],
)
def test_who_runs_something_else_is_not_smartlink(shipped: Matcher, question: str) -> None:
    assert confident_entry(shipped, question) != "smartlink"


@pytest.mark.parametrize("question", ["who runs smartlink", "who runs the atd program?"])
def test_who_runs_smartlink_or_atd_is_smartlink(shipped: Matcher, question: str) -> None:
    assert confident_entry(shipped, question) == "smartlink"
