"""The form a question is asked in (question_form.py) and the near tie it settles between two
overlapping entries (confidence._asked_alike, issue 9): the best-scoring entry wins when only
its best-matching question is asked the way the question is."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.analysis import analysis
from bot.core.confidence import Candidate, Thresholds, close_call_choice
from bot.core.matcher import Matcher, Tier
from bot.core.question_form import question_form
from bot.core.question_shapes import WHAT_IS, WHICH, YES_NO
from testkit.labelled import shipped_entries


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("which cities are in the pilot", WHICH),
        ("what cities is the app being tested in", WHICH),  # "what" before a noun
        ("is the app starting as a pilot program", YES_NO),
        ("isnt this just cbpone", YES_NO),
        ("its just a pilot right now", YES_NO),
        ("who told the nypost this", "who"),
        ("where exactly is the pilot happening", "where"),
        ("what is the ice checkin app", WHAT_IS),  # asks what something is
        ("whats smartlink", WHAT_IS),
        ("what exactly is the ice portal", WHAT_IS),
        ("what does the ice app in the appstore actually do", WHAT_IS),  # …or what it does
        ("what does the post say about the pilot", ""),  # …not what someone says
        ("what happens if a migrant skips an app checkin", ""),
        ("pilot program", ""),
    ],
)
def test_the_form_of_an_english_question(question: str, form: str) -> None:
    assert question_form(analysis("en"), question.split()) == form


def _candidate(entry_id: str, score: float, matched_form: str, form: str = YES_NO) -> Candidate:
    return Candidate(entry_id, entry_id, score, "", form=form, matched_form=matched_form)


def test_a_near_tie_goes_to_the_best_when_only_it_is_asked_the_questions_way() -> None:
    limits = Thresholds()
    best = _candidate("asked-yes-no", 84.0, YES_NO)
    tied = [best, _candidate("asked-which", 83.0, WHICH)]
    assert close_call_choice(tied, limits) == best
    # …not when the rival is asked the same way, asks something of no form, or asks who;
    for matched in (YES_NO, "", "who"):
        rival = _candidate("rival", 83.0, matched)
        assert close_call_choice([best, rival], limits) is None
    # …nor when the best leaves informative words unexplained.
    assert close_call_choice([dataclasses.replace(best, missing=1.0), tied[1]], limits) is None
    # "which cities …" against a rival that matched with "where …" asks the same thing.
    which = _candidate("asked-which", 84.0, WHICH, form=WHICH)
    assert close_call_choice([which, _candidate("r", 83.0, "where", form=WHICH)], limits) is None
    assert close_call_choice([which, _candidate("r", 83.0, YES_NO, form=WHICH)], limits) == which
    # "what is X" against a rival that matched with "is X …", and the other way round.
    what = _candidate("asked-what", 84.0, WHAT_IS, form=WHAT_IS)
    assert close_call_choice([what, _candidate("r", 83.0, YES_NO, form=WHAT_IS)], limits) == what
    assert close_call_choice([what, _candidate("r", 83.0, WHAT_IS, form=WHAT_IS)], limits) is None
    assert close_call_choice([best, _candidate("r", 83.0, WHAT_IS)], limits) == best


def test_a_near_tie_goes_to_the_runner_up_when_only_it_is_asked_the_questions_way() -> None:
    """A point of score between two entries that both cover the question says less than the
    form of the question each matched with (_asked_alike_below)."""
    limits = Thresholds()
    rival = _candidate("asked-which", 84.0, WHICH)
    asked = _candidate("asked-yes-no", 82.0, YES_NO)
    assert close_call_choice([rival, asked], limits) == asked
    which = _candidate("asked-which", 83.0, WHICH, form=WHICH)
    assert close_call_choice([_candidate("r", 84.0, YES_NO, form=WHICH), which], limits) == which
    # …not when a third asks something of no form or who (a third asked the same way:
    # _asked_alike_among, test_of_several_asked_alike_the_best_answers);
    for matched in ("", "who"):
        third = _candidate("third", 81.0, matched)
        assert close_call_choice([rival, asked, third], limits) is None
    # …nor when it covers less of the question than the best, or leaves a word unexplained.
    less = dataclasses.replace(asked, coverage=0.95)
    assert close_call_choice([rival, less], limits) is None
    assert close_call_choice([rival, dataclasses.replace(asked, missing=0.3)], limits) is None
    # "where …" asks what "which …" does: no rival asked another way, no choice.
    assert close_call_choice([_candidate("r", 84.0, "where", form=WHICH), which], limits) is None


def test_of_several_asked_alike_the_best_answers() -> None:
    """Entries matched with a question asked another way drop out of a near tie; of several
    left asked the question's way, the one covering most, then scoring best, answers
    (_asked_alike_among)."""
    limits = Thresholds()
    rival = _candidate("asked-where", 84.0, "where")
    asked = _candidate("asked-yes-no", 82.0, YES_NO)
    other = _candidate("also-yes-no", 81.0, YES_NO)
    assert close_call_choice([rival, asked, other], limits) == asked
    assert close_call_choice([rival, other, asked], limits) == asked
    # …the one covering more of the question, whatever it scores;
    less = dataclasses.replace(asked, coverage=0.95)
    assert close_call_choice([rival, less, other], limits) == other
    # …not when it leaves a word unexplained, or one asked another way covers more;
    unexplained = dataclasses.replace(asked, missing=0.3)
    assert close_call_choice([rival, unexplained, other], limits) is None
    narrower = dataclasses.replace(other, coverage=0.95)
    assert close_call_choice([rival, less, narrower], limits) is None  # the rival covers 1.0
    # …nor when none is asked another way (nothing drops out: a near tie of two asked alike),
    # or one left matched with a question of no form.
    assert close_call_choice([asked, other], limits) is None
    blank = _candidate("no-form", 83.0, "")
    assert close_call_choice([rival, blank, asked, other], limits) is None


@pytest.mark.parametrize(
    "question",
    [
        "is it only a pilot for now?",
        "its just a pilot thing rn right?",
        "lowkey is this just a pilot thing for now",
        "so its a pilot rn or what",
    ],
)
def test_a_pilot_asked_yes_or_no_is_the_pilot_entry(shipped: Matcher, question: str) -> None:
    """Asked yes or no whether it is a pilot: the entry asked "is it a pilot program", though
    the one asked where the pilot is and the one asked whether migrants used the app in the
    pilot score within the margin of it (_asked_alike_among)."""
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "pilot-select-cities"


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher(shipped_entries())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # The pilot pair: one entry asks whether it is a pilot, the other which cities it is in;
        # both cover each of these questions whole and score within the margin of each other.
        ("is the app a pilot program in some cities", "pilot-select-cities"),
        ("is the pilot program even real?", "pilot-select-cities"),
        ("what cities is the app being tested in", "pilot-cities-unknown"),
        # …and when the entry asked the other way scores a point more (_asked_alike_below).
        ("what cities is the check-in app being tested in?", "pilot-cities-unknown"),
        ("is the check-in app being tested only in some cities?", "pilot-select-cities"),
    ],
)
def test_a_near_tie_between_overlapping_entries_is_settled_by_the_form(
    shipped: Matcher, question: str, expected: str
) -> None:
    ranked = shipped.rank(question, limit=3)
    assert ranked[0].score - ranked[1].score < shipped.thresholds.margin  # a near tie
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Asked what the app listed in the app store is or does: the entry asked what the ICE
        # Check-In App is (its answer is that listing), not the one asked whether Apple
        # approved it; asked whether it is in the store, the other way round (issue 9).
        ("what's this ICE Check-In App I saw on the app store", "ice-check-in-app"),
        ("what does the ice app in the app store actually do", "ice-check-in-app"),
        ("saw an ice check in app on the app store, what is it", "ice-check-in-app"),
        ("is the ICE Check-In App in the app store", "apple-store"),
        ("can I find the ice check in app on the app store", "apple-store"),
        ("is the ice check-in app available on the app store yet", "apple-store"),
        ("was the ice check-in app approved for the app store", "apple-store"),
        # Asked whether the named app exists: the entry asked what it is, not the one asked
        # whether it still exists, nor the claim that ICE replaces check-ins.
        ("does the ICE Check-In App really exist", "ice-check-in-app"),
        ("does the check-in app still exist", "where-things-stand"),
        ("does the ice app still exist", "where-things-stand"),
        ("is the ice app story real", "is-it-confirmed"),
        ("is it true ice is replacing check ins with an app", "app-replaces-in-person"),
        # Doubt about the Apple store claim: the entry on that claim, not the one whose
        # answer is the app's listing in the store, nor the whole report's.
        ("is it true the app isn't on the app store", "apple-store"),
        ("the apple store story, true or not?", "apple-store"),
    ],
)
def test_what_a_named_app_is_against_whether_it_is_somewhere(
    shipped: Matcher, question: str, expected: str
) -> None:
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected
