"""Factcheck 17: "trust" is no word of the anonymous-sources warning alone: asked whether the
bot can be trusted, the bot does not answer with what its anonymous-sources flag means."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize("message", ["can you trust this bot", "can you trust this answer"])
def test_trusting_the_bot_is_not_the_anonymous_sources_warning(
    english: Matcher, message: str
) -> None:
    assert confident_entry(english, message) != "anonymous-warning"
