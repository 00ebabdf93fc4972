"""The bot asked about as "you": "what even are you", "who made you", "are you biased" ask about
the bot itself (chatter.py reads that "you" as the word for the bot); a "you" that means anyone
is left alone."""

from __future__ import annotations

import pytest

from bot.core.chatter import read_addressed, strip_chatter
from bot.core.languages import LanguageDataError, _addressed
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import plain_words


def read(text: str) -> str:
    return strip_chatter(plain_words(text))


@pytest.mark.parametrize(
    ("typed", "as_read"),
    [
        ("what even are you", "what even are bot"),
        ("hey, who are you exactly?", "who are bot exactly"),
        ("who made you", "who made bot"),
        ("who set your politics", "who set bot politics"),
        ("are you a real person?", "are bot a real person"),
        ("r u biased", "r bot biased"),
        ("what exactly do you do here", "what exactly do bot do here"),
        ("why do you keep flagging the sources", "why do bot keep flagging the sources"),
        ("do you take sides", "do bot take sides"),
        ("you told my friend the wrong date", "bot told my friend the wrong date"),
        ("i think you got something wrong earlier", "bot got something wrong earlier"),
        ("one of your answers was off", "one of bot answers was wrong"),
        ("whats ur deal", "whats bot deal"),
    ],
)
def test_you_asked_about_is_the_bot(typed: str, as_read: str) -> None:
    assert read(typed) == as_read


@pytest.mark.parametrize(
    "typed",
    [
        "what happens if you skip a check in",
        "can you get it on an iphone yet",
        "what can you do on the ice portal",
        "how does it work on the app like what do you do",
        "are you sure the app is approved",
        "what are you supposed to bring to a check in",
        "what if you told ice you moved",
        "do you have to go in person",
        "is your info shared with ice",
        "will you lose your job if you use the app",
        "what do you do if the app says you failed",
        "what do you say at a check in",
    ],
)
def test_you_meaning_anyone_is_left_alone(typed: str) -> None:
    assert "bot" not in read(typed).split()


def test_asking_to_be_told_is_chatter_not_the_bot() -> None:
    assert read("can you tell me who reported it") == "who reported it"
    assert read("do you know if the app is approved") == "the app is approved"


def test_a_language_without_the_data_reads_you_as_typed() -> None:
    assert read_addressed("quien eres tu", language="xx") == "quien eres tu"


def test_the_data_must_name_the_words_that_mean_the_bot() -> None:
    assert _addressed(["^who are (?P<bot>you)"], "bot") == ("^who are (?P<bot>you)",)
    with pytest.raises(LanguageDataError, match="group"):
        _addressed(["^who are you"], "bot")
    with pytest.raises(LanguageDataError, match="bot_word"):
        _addressed(["^who are (?P<bot>you)"], "")


@pytest.mark.parametrize(
    "question",
    [
        "what even are you",
        "hey bot what are you actually for",
        "what exactly do you do here?",
    ],
)
def test_a_question_about_the_bot_with_no_other_word_is_answered(
    shipped: Matcher, question: str
) -> None:
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "about-this-bot"


def test_what_it_told_someone_reaches_the_entry_on_reporting_errors(shipped: Matcher) -> None:
    result = shipped.match("hey, I think you got the date wrong earlier, who do I tell?")
    assert result.best is not None and result.best.entry_id == "report-error"


def test_a_question_about_the_bot_as_you_is_not_read_as_the_topic(shipped: Matcher) -> None:
    # "person" alone would be the in-person check-ins; asked of "you" it is about the bot.
    result = shipped.match("are you a real person")
    assert result.best is not None and result.best.entry_id == "about-this-bot"


def test_an_answer_the_bot_got_wrong_reaches_the_entry_on_reporting_errors(
    shipped: Matcher,
) -> None:
    result = shipped.match("hmm bot, I'm fairly sure you messed up the date, who do I tell?")
    assert result.best is not None and result.best.entry_id == "report-error"


def test_who_sets_its_politics_asks_whether_it_is_neutral(shipped: Matcher) -> None:
    result = shipped.match("no offense, but what are your politics? do you take sides?")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "bot-neutral"


@pytest.mark.parametrize(
    "question",
    [
        "what do you do if the app says you failed",
        "what do you say at a check in",
        "who runs your check ins",
        "who made your appointment",
        "they said you gave up your rights by using the app, is that true",
    ],
)
def test_someones_own_case_is_not_answered_with_the_bot(shipped: Matcher, question: str) -> None:
    result = shipped.match(question)
    assert result.best is None or result.best.entry_id != "about-this-bot"
