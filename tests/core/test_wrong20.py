"""Look-alikes of round 20 (issue 9: wrong confident answers). None is from a benchmark set. Each
list is one kind of question, beside its neighbours' own questions that must stay answered by the
neighbour:

- doubt about the whole report that names who would confirm it only as someone ("did a real
  person confirm this", "has anyone named confirmed the story"): those words are around the
  report (bot/locales/en/doubt.toml), as "official" is, and name no claim; the entry asked
  whether the report is confirmed answers, not the named attorney's ("Yes, at least one named
  person"), whose own questions name what was confirmed (the pilot, clients using the app);
- which cities a "trial" is in is the unknown list of pilot cities; whether it is a trial at all
  is the pilot entry (each entry has a trial question asked its way: question_form.py).
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

ANSWERED = [
    # the whole report, confirmed by someone
    ("did a real person confirm this?", "is-it-confirmed"),
    ("did any named person confirm this?", "is-it-confirmed"),
    ("has anyone named confirmed the story", "is-it-confirmed"),
    ("did a named person confirm it", "is-it-confirmed"),
    ("is this confirmed by anybody with a name", "is-it-confirmed"),
    ("did an actual human confirm any of this", "is-it-confirmed"),
    # …and the attorney's own questions: what was confirmed is named
    ("did anyone confirm the pilot happened", "attorney-pilot-clients"),
    ("is the pilot confirmed by anyone named", "attorney-pilot-clients"),
    ("did a lawyer confirm the pilot", "attorney-pilot-clients"),
    ("has any real person said their clients used the ice app", "attorney-pilot-clients"),
    ("did any named person say people really used the ICE app?", "attorney-pilot-clients"),
    # which cities the trial is in
    ("which towns are in the trial", "pilot-cities-unknown"),
    ("what cities were picked for the trial", "pilot-cities-unknown"),
    ("which cities have the trial", "pilot-cities-unknown"),
    # …and whether it is a trial
    ("is it a trial in a few cities first", "pilot-select-cities"),
    ("is this only a trial", "pilot-select-cities"),
    ("is it just a trial run", "pilot-select-cities"),
    ("is the app on trial in some cities", "pilot-select-cities"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERED)
def test_each_question_is_answered_by_its_own_entry(
    shipped: Matcher, question: str, expected: str
) -> None:
    assert confident_entry(shipped, question) == expected
