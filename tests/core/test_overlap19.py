"""Look-alikes of round 19 (issue 9: wrong confident answers from overlapping entries). None is
from a benchmark set. Each list is one kind of question, beside its neighbours' own questions
that must stay answered by the neighbour:

- Apple's store named as such ("the apple store part") is Apple's store, one name of its own
  (vocabulary.py), not any app store: doubt about it is doubt about the Apple-store claim,
  while the ICE app's listing "in the app store" stays the ICE app's;
- which-app-is-it asks whether this app is another one: its keywords say sameness, never a word
  of the apps it compares ("app", "smartlink", "cbp one", "called");
- the CHNV parole program asked about on its own is not the 1.8 million figure it is a part of;
- "who runs X" asks who operates X ("run" is not framing there), "who ran the story" who
  published it;
- "in person" is one thing: "a named person" asks nothing about in-person check-ins.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

ANSWERED = [
    # Apple's store
    ("that apple store claim sounds fake", "apple-store"),
    ("is the ice app on the apple store or not", "apple-store"),
    ("has the apple store approved it yet", "apple-store"),
    ("the app store thing, legit?", "apple-store"),
    ("what does the ice check-in listing in the app store say", "ice-check-in-app"),
    # which app it is, and the apps themselves
    ("is this the same app as smartlink", "which-app-is-it"),
    ("is this app cbp one rebranded", "which-app-is-it"),
    ("is the ice app a new app or just smartlink renamed", "which-app-is-it"),
    ("whats the difference between smartlink and the new app", "which-app-is-it"),
    ("what is cbp one", "cbp-one"),
    ("who makes the smartlink app", "smartlink"),
    ("does the smartlink app use gps", "smartlink"),
    # the 1.8 million figure and its CHNV part
    ("does the 1.8 million include chnv", "post-1-8-million"),
    ("the chnv parole part of the 1.8 million, where is that from", "post-1-8-million"),
    ("what is the 1.8 million made of", "post-1-8-million"),
    # who runs, who ran
    ("who runs smartlink", "smartlink"),
    ("what is smartlink used for and who runs it", "smartlink"),
    ("who ran the story about the ice check in app", "who-reported"),
    ("who reported this, newsmax?", "who-reported"),
    # in person
    ("no more in-person check ins?", "app-replaces-in-person"),
    ("is ice replacing in person check ins with an app", "app-replaces-in-person"),
    ("is every person eligible for the app", "app-who-can-use"),
    ("has a named person said anyone really used the ice app", "attorney-pilot-clients"),
    ("what happens to a person who misses a check in", "no-enforcement-quote"),
    # who can use the app (a bare "everyone" paraphrase pulled in greetings: not added)
    ("is it for every migrant or only certain ones", "app-who-can-use"),
]

NOT_ANSWERED = [
    ("did the apple app store go down today?", None),
    ("is the apple store open on sunday", None),
    ("is the apple app store down right now", None),
    ("does the apple store sell android phones", None),
    ("whats the deal w the app rn", "which-app-is-it"),
    ("my friend says cbp one isnt even called that anymore, what was cbp one", "which-app-is-it"),
    ("did the chnv parole program get cancelled", "post-1-8-million"),
    ("is chnv parole still open", "post-1-8-million"),
    ("is the chnv parole program still taking new applications", "post-1-8-million"),
    ("who runs newsmax", "who-reported"),
    ("who runs the new york post", "who-reported"),
    ("did any named person say people used the app", "app-replaces-in-person"),
    ("can one person check in for the whole family", "app-replaces-in-person"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERED)
def test_each_question_is_answered_by_its_own_entry(
    shipped: Matcher, question: str, expected: str
) -> None:
    assert confident_entry(shipped, question) == expected


@pytest.mark.parametrize(("question", "wrong"), NOT_ANSWERED)
def test_the_overlapping_entry_does_not_answer(
    shipped: Matcher, question: str, wrong: str | None
) -> None:
    answered = confident_entry(shipped, question)
    assert answered != wrong if wrong is not None else answered is None
