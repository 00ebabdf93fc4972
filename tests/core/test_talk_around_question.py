"""Talk around a clear question that used to push it under the bar (issue 9, round 18): a
relative clause on the asker's own people read as a question ("my friend who's a law student
says…"), a reader introducing themselves ("long time lurker"), a hedge trailing "though",
doubt said as "believable", and doubt about the whole report said with the topic's words ("can I
trust this ice app story"). Words only, on the shipped knowledge base; every sentence here is
this file's own, not any set's. Plain questions of each kind keep their answer."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter, without_relative
from bot.core.doubt import Doubt, DoubtWords, read_doubt
from bot.core.matcher import Matcher
from bot.core.normalize import plain_words
from testkit.answers import confident_entry
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(shipped_entries())


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("my friend who is a nurse says", "my friend is a nurse says"),
        ("our neighbor whos on atd told me", "our neighbor on atd told me"),
        # not after the asker's own people: a question word still asks
        ("chat who reported this", "chat who reported this"),
        ("my question is who reported this", "my question is who reported this"),
        ("ask my lawyer who handles it", "ask my lawyer handles it"),
    ],
)
def test_a_relative_clause_on_the_askers_people_asks_nothing(words: str, kept: str) -> None:
    assert " ".join(without_relative(words.split())) == kept


def test_spanish_relatives_too() -> None:
    assert without_relative("mi primo que vive en houston".split(), "es") == (
        "mi primo vive en houston".split()
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # someone told of with a relative clause, then a claim, then "is that right?"
        (
            "my cousin who works at a shelter says only 45 people signed up for the app. "
            "is that true?",
            "enrolled-45",
        ),
        (
            "my lawyer who handles asylum cases says the border order has exceptions for "
            "kids. is that right?",
            "eo-exceptions",
        ),
        (
            "our neighbor who follows the news said apple approved the app. true?",
            "apple-store",
        ),
        (
            "my brother whos in law school says the june 2024 asylum rule was taken to court. "
            "is that correct?",
            "eo-litigation",
        ),
        # the same claims asked plainly keep their answer
        ("did only 45 people sign up for the app?", "enrolled-45"),
        ("was the june 2024 asylum rule challenged in court?", "eo-litigation"),
        # a question word after other words still asks
        ("my friend asked me who reported this, do you know?", "who-reported"),
    ],
)
def test_the_claim_told_is_what_is_asked(matcher: Matcher, question: str, entry: str) -> None:
    assert confident_entry(matcher, question) == entry


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("long time lurker. who reported this?", "who reported this"),
        ("longtime reader, first time poster: what is smartlink", "what is smartlink"),
        ("lurker here, how many signed up", "how many signed up"),
        ("im curious though, who are the sources", "who are the sources"),
        ("i was curious tho whether the app launched", "the app launched"),
        # a reader of the report is no chatter
        ("do readers of the post know who the sources are", None),
    ],
)
def test_introductions_and_trailing_hedges_are_chatter(typed: str, question: str | None) -> None:
    plain = plain_words(typed)
    assert strip_chatter(plain) == (question if question is not None else plain)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # doubt about a claim named in its own words: that claim's entry
        ("is the 45 enrolled figure even believable?", "enrolled-45"),
        ("is it plausible that the app replaces in person check-ins", "app-replaces-in-person"),
        (
            "they claim millions of migrants are going to use the app, is that believable or "
            "just hype?",
            "app-who-can-use",
        ),
        (
            "apparently millions of migrants will be on this app. is that plausible?",
            "app-who-can-use",
        ),
        ("how do we know the post's sources aren't just invented", "who-are-the-sources"),
        # doubt about the whole report: whether it is confirmed
        ("is this story believable", "is-it-confirmed"),
        ("can I even trust this ice app story", "is-it-confirmed"),
        ("is the ice check-in app story legit", "is-it-confirmed"),
        # asking whether to believe: what is believed, or the report when the outlet says it
        ("why would anyone believe stuff from anonymous sources", "anonymous-warning"),
        ("can we even believe what newsmax says here", "is-it-confirmed"),
        ("can i trust what the post wrote", "is-it-confirmed"),
    ],
)
def test_doubt_goes_to_what_it_doubts(matcher: Matcher, question: str, entry: str) -> None:
    assert confident_entry(matcher, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        "can i trust the app",  # the app, not the report: no entry says whether to trust it
        "is ICE legit",  # a verdict on the agency
    ],
)
def test_doubt_about_a_thing_not_the_report_is_not_answered(
    matcher: Matcher, question: str
) -> None:
    assert confident_entry(matcher, question) is None


def test_what_an_outlet_says_is_the_report() -> None:
    words = DoubtWords(
        marks=frozenset({"true"}),
        core=frozenset({"true"}),
        whole=frozenset({"story"}),
        around=frozenset({"nypost"}),
        trust=frozenset({"true"}),
    )
    # "can i trust the post": the outlet; "can i trust what the post says": the report
    assert read_doubt(["true", "nypost"], words, frozenset(), lambda t: False, False)[0] is (
        Doubt.CLAIM
    )
    assert read_doubt(["true", "nypost"], words, frozenset(), lambda t: False, False, True)[0] is (
        Doubt.WHOLE
    )
    # …unless it names a claim of its own: "can i trust what the post says about the glitches"
    assert read_doubt(
        ["true", "nypost", "glitch"], words, frozenset(), lambda t: False, False, True
    )[0] is (Doubt.CLAIM)
