"""Answers meet doubt with who said what, never with the bot's own bare yes or no (round 20).

A member asking "did a real person confirm this?" reads "Yes, at least one named person." as
the bot vouching for a report; "No, they are different tools." as the bot settling which app
the unnamed July app is. No answer about a claim not on the public record opens with a bare
yes or no, in any language. And a member asking how the app works is served whichever of the
two entries answers: the July report's description, and ICE's own listing, each attributed.
Words only, on the shipped knowledge base; the questions are this file's own."""

from __future__ import annotations

import re

import pytest

from bot.core.matcher import Matcher
from bot.core.models import Entry, Status
from testkit.answers import confident_entry
from testkit.labelled import shipped_entries

BARE = re.compile(r"^(?:yes|no|sí|si)[.,;:!]", re.IGNORECASE)
LISTING = "https://apktume.com/iphone/in/app/6473753293"


def _answers(entry: Entry) -> list[str]:
    return [entry.answer, *(t.answer for t in entry.translations.values())]


def test_no_answer_about_a_claim_opens_with_a_bare_yes_or_no() -> None:
    doubted = [e for e in shipped_entries() if e.status is not Status.PUBLIC_RECORD]
    assert doubted
    opening = {e.id: a[:40] for e in doubted for a in _answers(e) if BARE.match(a)}
    assert opening == {}


def test_which_app_it_is_is_not_settled_in_the_bots_voice() -> None:
    entry = next(e for e in shipped_entries() if e.id == "which-app-is-it")
    assert not any(BARE.match(a) for a in _answers(entry))


def test_how_the_app_works_says_both_what_the_report_and_what_the_listing_describe() -> None:
    entries = {e.id: e for e in shipped_entries()}
    how, listing = entries["app-how-it-works"], entries["ice-check-in-app"]
    # The listing's description, with the listing's own source and its undated caveat.
    assert LISTING in {str(s.url) for s in how.sources} & {str(s.url) for s in listing.sources}
    assert "computer or phone" in how.answer and "facial verification" in how.answer
    assert "undated" in how.answer and "nothing links it" in how.answer
    spanish = how.translations["es"].answer
    assert "computadora" in spanish and "verificación facial" in spanish
    assert "sin fecha" in spanish and "nada la vincula" in spanish


@pytest.mark.parametrize(
    "question",
    [
        "does the app use face id",
        "does the app scan faces",
        "how does the check in app know your location",
        "does the app check where you are during the check-in",
    ],
)
def test_face_and_location_questions_are_answered_by_an_entry_on_how_it_works(
    english: Matcher, question: str
) -> None:
    assert confident_entry(english, question) in ("ice-check-in-app", "app-how-it-works")


@pytest.mark.parametrize(
    "question",
    [
        "what did the post say about how the app works",
        "how did the report describe the app working",
    ],
)
def test_what_the_report_said_of_how_it_works_is_the_reports_entry(
    english: Matcher, question: str
) -> None:
    assert confident_entry(english, question) == "app-how-it-works"
