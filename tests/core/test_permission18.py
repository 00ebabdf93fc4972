"""Look-alikes of round 18 (issue 9: a migrant's own rights are not the app's eligibility):
a question asking whether someone is allowed to do something ("am I allowed to work while I
wait for my asylum hearing") asks for that activity, as "how do I …" asks for its verb
(asked_request.py, AskedRequest._how_to_verb). The entry on who may use the check-in app is
asked "allowed to use", not "allowed to work", "travel" or "get married": its answer would
look like one and is not. None of these is from a benchmark set.

The rule holds each question's best candidate, so at most "did you mean" is answered; the
permission questions the entries do answer ("who's allowed to use this app", "are kids still
allowed to ask for asylum under the june rule") stay answered.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

# Permission for something no entry is asked: work, travel, a licence, a job, a marriage…
OWN_RIGHTS = [
    "am i allowed to work while i wait for my asylum hearing",
    "are asylum seekers allowed to work in the us",
    "are people on parole allowed to work",
    "is someone on ATD allowed to move to another city",
    "am i allowed to take off my ankle monitor to shower",
    "is a migrant allowed to get a drivers license in new york",
    "are asylum seekers allowed to travel to other states",
    "am i allowed to leave the country while my asylum case is pending",
    "are migrants on the app allowed to work legally",
    "are people in the pilot allowed to travel abroad",
    "am i allowed to get a job while on alternatives to detention",
    "are migrants with ankle monitors allowed to drive",
    "are asylum seekers allowed to rent an apartment",
    "is my cousin on atd allowed to visit mexico",
    "are people using the ice app allowed to change jobs",
    "am i permitted to work while my asylum case is open",
    "are undocumented migrants allowed to go to college",
    "are people waiting for asylum hearings allowed to get married",
    "am i allowed to fly domestically while on the check in app",
    "are migrants who use the app allowed to work",
    "is an asylum seeker allowed to open a business",
    "are migrants allowed to carry guns",
    "are migrants on smartlink allowed to travel out of state",
]


@pytest.mark.parametrize("question", OWN_RIGHTS)
def test_permission_for_what_no_entry_is_asked_is_not_answered(
    english: Matcher, question: str
) -> None:
    assert confident_entry(english, question) is None
    best = english.match(question).best
    if best is not None:  # the rule, not only the score, holds what would be answered
        assert english._request_unasked(question, best.entry_id)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("who's allowed to use this ice app", "app-who-can-use"),
        ("which migrants would be allowed to use the app", "app-who-can-use"),
        ("would he even be allowed to use the app", "app-who-can-use"),
        ("is everyone allowed to check in from their phone now", "app-who-can-use"),
        (
            "would someone waiting for an asylum hearing be allowed to use this app",
            "app-who-can-use",
        ),
        ("is my uncle allowed to use the ice app", "app-who-can-use"),
        ("are families allowed to use the check-in app", "app-who-can-use"),
        ("are migrants allowed to check in remotely", "app-who-can-use"),
        ("which people are allowed to use remote check ins", "app-who-can-use"),
        ("is my mom allowed to do her ice check in online now", "app-who-can-use"),
        ("are people allowed to get the app yet", "app-who-can-use"),
        ("are asylum seekers allowed to use the check in app", "app-who-can-use"),
        (
            "am i allowed to check in through the app instead of going in person",
            "app-replaces-in-person",
        ),
        (
            "are unaccompanied kids still allowed to ask for asylum under the june rule",
            "eo-exceptions",
        ),
    ],
)
def test_permission_an_entry_is_asked_is_still_answered(
    english: Matcher, question: str, entry: str
) -> None:
    assert confident_entry(english, question) == entry


def test_what_a_permission_is_asked_for(english: Matcher) -> None:
    """Past a function word ("get married": "married"), never a pronoun ("do her check in"),
    and nothing when it is a word of the topic ("get the app", "do her ICE check in")."""

    def asked(question: str) -> str | None:
        plain, context = english._read(question)
        _, typed, _ = english._weighted_tokens(plain, context)
        return english._how_to_verb(plain.split(), typed)

    assert asked("are people allowed to get married") == english._text.tokens_of(["married"])[0]
    assert asked("are people allowed to go to college") == english._text.tokens_of(["college"])[0]
    assert asked("am i allowed to work") == english._text.tokens_of(["work"])[0]
    assert asked("are people allowed to get the app") is None
    assert asked("is my mom allowed to do her ice check in online") is None
