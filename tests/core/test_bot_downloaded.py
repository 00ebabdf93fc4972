"""The bot downloaded, installed, tried or added (round 16, issue 9): "are you free to download"
asks whether the bot is free to download, as "are you free to use" asks whether it is free to
use; the `bot_subject` data (bot/locales/en/language.toml) read only "to use" as the bot's, so
the question went to the entry about the ICE app in the App Store. Only an entry about the bot
answers such a question now, and none is asked it: "did you mean" at most. A "you" that means
anyone stays so ("are you required to download the app"). None of these is from a benchmark set.
"""

from __future__ import annotations

import pytest

from bot.core.bot_subject import bot_is_subject
from bot.core.matcher import Matcher
from testkit.answers import confident_entry

BOT_USED = [
    "are you free to download",
    "are u free to download",
    "are you free to download on android",
    "are you free to download or do i pay",
    "are you available to download",
    "are you ok to download on a phone",
    "are you free to install",
    "are you safe to download",
    "are you safe to install",
    "are you easy to install",
    "are you easy to download",
    "are you free to try",
    "are you free to add to my server",
    "are you free to access",
    "are you hard to download",
    "are you legal to download",
    "r u safe to install",
    "were you free to download before",
    "are you difficult to install",
    "are you quick to download",
]


@pytest.mark.parametrize("question", BOT_USED)
def test_the_bot_downloaded_or_installed_is_the_bot_as_subject(
    english: Matcher, question: str
) -> None:
    assert bot_is_subject(english._text.plain_words(question), "en")
    assert confident_entry(english, question) is None


@pytest.mark.parametrize(
    "question",
    [
        "are you required to download the app",
        "are you supposed to install the app",
        "are you allowed to download the app",
        "are you able to download the ice app",
        "are you free to leave during a check in",
    ],
)
def test_a_you_that_means_anyone_is_not_the_bot(english: Matcher, question: str) -> None:
    assert not bot_is_subject(english._text.plain_words(question), "en")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("are you able to download the ice app", "apple-store"),
        ("is the app free to download", "apple-store"),
        ("are you biased", "bot-neutral"),
    ],
)
def test_the_app_downloaded_stays_answered(english: Matcher, question: str, entry: str) -> None:
    assert confident_entry(english, question) == entry
