"""The bot named in the third person or mid-message ("can the bot tell me who…", "… Bot, where
does that come from?") and thanks for the place asked in ("love this server") are talk, not
what is asked (bot/locales/en/language.toml, chatter). Words only, on the shipped knowledge
base; the questions are this file's own."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "appreciate the channel! can the bot tell me when the press conference was?",
            "launch-postponed",
        ),
        ("love this server. could the bot explain what smartlink is?", "smartlink"),
        ("i love this group. how many people enrolled?", "enrolled-45"),
        ("my aunt keeps asking about it. bot, how many people enrolled?", "enrolled-45"),
        ("would the bot tell me who reported this first", "who-reported"),
        # Asked what it can do for one's own case: as before, the entry on legal advice.
        ("can the bot tell me if i qualify for asylum", "legal-advice"),
    ],
)
def test_the_bot_named_and_thanks_leave_the_question(
    english: Matcher, question: str, entry: str
) -> None:
    assert confident_entry(english, question) == entry
