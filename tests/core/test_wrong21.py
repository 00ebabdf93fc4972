"""Look-alikes of round 21 (issue 9: wrong confident answers). None is from a benchmark set. Each
list is one kind of question, beside its neighbours' own questions that must stay answered by the
neighbour:

- how a person's identity is checked ("how does the app verify who you are", "can the app prove
  who you are"): "verify" and "confirm" said of a person are the app's identity check, one token
  of its own (vocabulary.py), not doubt about the report, which the entry asked "is this
  confirmed" answers ("can anyone verify this", "did dhs confirm the app");
- a place where they are "trying it out" is a pilot city (vocabulary.py): "is chicago one of the
  places they're trying it out" asks the unknown list of pilot cities, "are they trying it out
  in a few cities first" whether it is a pilot.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

ANSWERED = [
    # a person's identity, checked by the app
    ("how does the ice app confirm who people are", "ice-check-in-app"),
    ("can the app prove who you are", "ice-check-in-app"),
    ("does the app verify your identity with a face scan", "ice-check-in-app"),
    ("how would they check its really me checking in", "ice-check-in-app"),
    # …and doubt about the report, confirmed or verified
    ("can anyone verify this", "is-it-confirmed"),
    ("has anyone confirmed that", "is-it-confirmed"),
    ("did dhs confirm the app", "is-it-confirmed"),
    ("is any of this verified", "is-it-confirmed"),
    ("can someone confirm the story", "is-it-confirmed"),
    # where they are trying it out
    ("is chicago one of the places they're trying it out", "pilot-cities-unknown"),
    ("is my town one of the cities they are trying it out in", "pilot-cities-unknown"),
    ("which places are they trying the app out in", "pilot-cities-unknown"),
    # …and whether it is tried out first
    ("are they trying it out in a few cities first", "pilot-select-cities"),
    ("is the app being tested first", "pilot-select-cities"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERED)
def test_each_question_is_answered_by_its_own_entry(
    shipped: Matcher, question: str, expected: str
) -> None:
    assert confident_entry(shipped, question) == expected
