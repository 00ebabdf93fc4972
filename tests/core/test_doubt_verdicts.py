"""Doubt said as a verdict (round 13, issues 9 and 11): "is this just right wing propaganda",
"is the X part a fact or the writer's opinion", "where this came from". The verdict is set
aside, so the claim it doubts is matched, or the report when it names no claim."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher, Tier
from bot.core.normalize import content_tokens, normalize
from testkit.answers import confident_entry


def read(question: str, code: str = "en") -> str:
    text = analysis(code)
    return text.strip_chatter(text.plain_words(question))


@pytest.mark.parametrize(
    ("typed", "tokens"),
    [
        ("where the numbers came from", ["com"]),
        # "came out" is not "from": it was published (round 17), not where it comes from
        ("the glitches came out later", ["glitch", "publish", "later"]),
    ],
)
def test_came_from_is_come_from(typed: str, tokens: list[str]) -> None:
    assert [t for t in content_tokens(normalize(typed)) if t != "number"] == tokens


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        # What kind of rumor a verdict on the report names is no claim of the report.
        ("is this all just left wing propaganda", "rumor"),
        ("isnt this just midterm season fearmongering", "rumor"),
        # A fact, or someone's opinion: whose word it is doubts the claim.
        ("is the glitch thing a fact or the reporter's opinion", "glitch thing a fact rumor"),
        ("is the 45 enrolled bit an actual fact or just their opinion", "45 enrolled bit"),
    ],
)
def test_a_verdict_on_the_report_or_a_claim_is_read_as_doubt(question: str, read_as: str) -> None:
    assert read_as in read(question)
    assert "opinion" not in read(question)


@pytest.mark.parametrize(
    "question",
    [
        "is it just a pilot in two cities",  # no verdict: a question of its own
        "is the app just for people on atd or everyone",
        "is the election part just the article's opinion",  # no fact asked: the opinion is asked
    ],
)
def test_no_verdict_keeps_the_question(question: str) -> None:
    # (`read` is strip_chatter itself: compared with it, the test could not fail.)
    assert "rumor" not in read(question).split()
    assert read(question).split()[-1] == analysis("en").plain_words(question).split()[-1]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is this all just left wing propaganda", "is-it-confirmed"),
        ("isnt this just midterm season fearmongering", "is-it-confirmed"),
        ("is the life of anonymity bit a fact or the reporter's opinion", "anonymity-claim"),
        ("is the new york post really where this came from", "who-reported"),
    ],
)
def test_a_doubted_claim_or_report_is_answered(english: Matcher, question: str, entry: str) -> None:
    assert confident_entry(english, question) == entry


@pytest.mark.parametrize(
    "question",
    ["is ICE legit or just hype", "is ICE legit or just rage bait", "is ice just fearmongering"],
)
def test_a_verdict_on_the_agency_is_no_doubt_about_the_report(
    english: Matcher, question: str
) -> None:
    assert english.match(question).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("esto es pura propaganda de los republicanos o que", "is-it-confirmed"),
        ("lo de las fallas de la app es verdad o es la opinion del periodista?", "app-glitches"),
    ],
)
def test_spanish_reads_verdicts_the_same_way(spanish: Matcher, question: str, entry: str) -> None:
    assert confident_entry(spanish, question) == entry


def test_a_bot_said_to_be_propaganda_is_not_the_report_doubted(spanish: Matcher) -> None:
    # "este bot es propaganda" speaks of the bot, not of the report: no verdict on "esto".
    assert (
        confident_entry(spanish, "este bot es pura propaganda del gobierno?") != "is-it-confirmed"
    )
