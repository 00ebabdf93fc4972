"""A regression guard for the bot as it runs by default: the matcher with the embedding's second
opinion (bot/core/semantic.py) on the newest blind sets must stay above a floor.

blind6-en/-es … blind22-en/-es, blind11b-en, blind12b-en, blind14b-en, blind15b-en,
blind16b-en, blind17b-en, blind18b-en, blind19b-en, blind20b-en, blind21b-en and blind22b-en
(300 and 130 questions each) were written blind to the knowledge files and the matcher, and the
embedding's four numbers were chosen before any of them was run with it (benchmarks/README.md);
all are tuning data now. The floors sit a little below the measured figures; the words-only
floors are in test_quality_floor.py. Nothing is timed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.core.semantic import BundledMeaning
from testkit.labelled import (
    QUESTIONS,
    Decision,
    Figures,
    Ours,
    OursDetecting,
    evaluate,
    load_set,
    shipped_entries,
    split_unknown,
)


@dataclass(frozen=True)
class Floor:
    in_scope: float
    wrong_confident: float  # at most
    rejection_unrelated: float
    rejection_neighbouring: float


# Measured (benchmarks/README.md, "The embedding's second opinion"): blind6-en in scope 80.0%,
# wrong confident 2.4%, unrelated 100%, neighbouring 96.9%; blind6-es (language detected per
# question) 83.0%, 1.1%, 100%, 96.7%. Round 7's "after" run: blind7-en 81.4%, 1.9%, 100%,
# 95.4%; blind7-es 87.5%, 4.5%, 100%, 96.7%. At round 8's end (after tuning work on those sets):
# blind6-en 86.2%, 1.9%, 100%, 96.9%; blind6-es 84.1%, 1.1%, 100%, 100%; blind7-en 86.7%, 1.0%,
# 100%, 95.4%; blind7-es 92.0%, 2.3%, 100%, 96.7%. Round 8's "after" run: blind8-en 81.0%, 4.3%,
# 100%, 96.9%; blind8-es 84.1%, 6.8%, 100%, 96.7%. At round 9's end (after tuning work on blind8):
# blind8-en 88.6%, 1.0%, 100%, 96.9%; blind8-es 87.5%, 3.4%, 100%, 96.7%. Round 9's "after" run:
# blind9-en 87.5%, 1.0%, 96.3%, 96.9%; blind9-es 79.5%, 3.4%, 100%, 96.7%. Round 10's "after"
# run: blind10-en 85.7%, 2.9%, 100%, 95.4%; blind10-es 94.3%, 3.4%, 100%, 90.0%. Round 11's
# "after" run (the taught questions leave the measured set's own rows out): blind11-en 83.2%,
# 2.4%, 100%, 100%; blind11b-en 84.8%, 1.4%, 100%, 96.9%; blind11-es 85.2%, 1.1%, 100%, 100%.
# Round 12's "after" run (the same way): blind12-en 86.2%, 1.0%, 100%, 98.5%; blind12b-en 85.2%,
# 1.4%, 100%, 98.5%; blind12-es 81.8%, 1.1%, 100%, 100%. Written at round 12's end, run before
# and after the backstory fix: blind13-en 82.9%, 3.3%, 100%, 100%; blind13-es 80.7%, 3.4%, 100%,
# 100%. Round 13's "after" run: blind14-en 87.6%, 3.8%, 100%, 98.5%; blind14b-en 94.3%, 0.0%,
# 100%, 100%; blind14-es 71.6%, 4.5%, 100%, 100%. Round 14's "after" run: blind15-en 86.7%,
# 1.9%, 100%, 98.5%; blind15b-en 87.6%, 2.4%, 100%, 100%; blind15-es 89.8%, 0.0%, 100%, 100%.
# Round 15's "after" run: blind16-en 90.0%, 1.9%, 100%, 100%; blind16b-en 90.5%, 1.0%, 100%,
# 100%; blind16-es 84.1%, 3.4%, 100%, 93.3%.
# Round 16's "after" run: blind17-en 87.1%, 1.4%, 100%, 98.5%; blind17b-en 83.3%, 5.2%, 100%,
# 100%; blind17-es 85.2%, 4.5%, 100%, 96.7%.
# Round 17's "after" run: blind18-en 91.9%, 1.9%, 100%, 98.5%; blind18b-en 87.6%, 4.8%, 100%,
# 96.9%; blind18-es 87.5%, 2.3%, 100%, 96.7%.
# Round 18's "after" run: blind19-en 91.0%, 1.9%, 100%, 100%; blind19b-en 95.7%, 1.4%, 100%,
# 100%; blind19-es 88.6%, 2.3%, 100%, 100%.
# Round 19's "after" run: blind20-en 89.5%, 1.4%, 100%, 100%; blind20b-en 88.6%, 1.4%, 100%,
# 100%; blind20-es 92.0%, 0.0%, 100%, 100%.
# Round 20's "after" run: blind21-en 93.3%, 1.9%, 100%, 100%; blind21b-en 87.6%, 3.3%, 100%,
# 100%; blind21-es 90.9%, 0.0%, 100%, 100%.
# Round 21's "after" run: blind22-en 90.0%, 1.0%, 100%, 100%; blind22b-en 92.4%, 1.4%, 100%,
# 100%; blind22-es 83.0%, 3.4%, 100%, 100%.
FLOORS = {
    "blind6-en.tsv": Floor(0.84, 0.03, 0.97, 0.95),
    "blind6-es.tsv": Floor(0.82, 0.025, 0.97, 0.95),
    "blind7-en.tsv": Floor(0.84, 0.02, 0.97, 0.93),
    "blind7-es.tsv": Floor(0.89, 0.04, 0.97, 0.93),
    "blind8-en.tsv": Floor(0.86, 0.02, 0.97, 0.95),
    "blind8-es.tsv": Floor(0.85, 0.045, 0.97, 0.93),
    "blind9-en.tsv": Floor(0.85, 0.02, 0.95, 0.95),
    "blind9-es.tsv": Floor(0.77, 0.045, 0.97, 0.93),
    "blind10-en.tsv": Floor(0.84, 0.035, 0.97, 0.93),
    "blind10-es.tsv": Floor(0.92, 0.045, 0.97, 0.88),
    "blind11-en.tsv": Floor(0.81, 0.035, 0.97, 0.97),
    "blind11b-en.tsv": Floor(0.82, 0.025, 0.97, 0.95),
    "blind11-es.tsv": Floor(0.83, 0.025, 0.97, 0.97),
    "blind12-en.tsv": Floor(0.84, 0.02, 0.97, 0.96),
    "blind12b-en.tsv": Floor(0.83, 0.025, 0.97, 0.96),
    "blind12-es.tsv": Floor(0.79, 0.025, 0.97, 0.97),
    "blind13-en.tsv": Floor(0.80, 0.045, 0.97, 0.97),
    "blind13-es.tsv": Floor(0.78, 0.045, 0.97, 0.97),
    "blind14-en.tsv": Floor(0.85, 0.05, 0.97, 0.97),
    "blind14b-en.tsv": Floor(0.92, 0.01, 0.97, 0.97),
    "blind14-es.tsv": Floor(0.69, 0.055, 0.97, 0.97),
    "blind15-en.tsv": Floor(0.84, 0.03, 0.97, 0.96),
    "blind15b-en.tsv": Floor(0.85, 0.035, 0.97, 0.97),
    "blind15-es.tsv": Floor(0.87, 0.015, 0.97, 0.97),
    "blind16-en.tsv": Floor(0.88, 0.03, 0.97, 0.97),
    "blind16b-en.tsv": Floor(0.88, 0.02, 0.97, 0.97),
    "blind16-es.tsv": Floor(0.82, 0.045, 0.97, 0.91),
    "blind17-en.tsv": Floor(0.85, 0.025, 0.97, 0.96),
    "blind17b-en.tsv": Floor(0.81, 0.065, 0.97, 0.97),
    "blind17-es.tsv": Floor(0.83, 0.055, 0.97, 0.93),
    "blind18-en.tsv": Floor(0.89, 0.03, 0.97, 0.96),
    "blind18b-en.tsv": Floor(0.85, 0.06, 0.97, 0.95),
    "blind18-es.tsv": Floor(0.85, 0.035, 0.97, 0.93),
    "blind19-en.tsv": Floor(0.89, 0.03, 0.97, 0.97),
    "blind19b-en.tsv": Floor(0.93, 0.025, 0.97, 0.97),
    "blind19-es.tsv": Floor(0.86, 0.035, 0.97, 0.97),
    "blind20-en.tsv": Floor(0.87, 0.025, 0.97, 0.97),
    "blind20b-en.tsv": Floor(0.86, 0.025, 0.97, 0.97),
    "blind20-es.tsv": Floor(0.89, 0.015, 0.97, 0.97),
    "blind21-en.tsv": Floor(0.91, 0.03, 0.97, 0.97),
    "blind21b-en.tsv": Floor(0.85, 0.045, 0.97, 0.97),
    "blind21-es.tsv": Floor(0.88, 0.015, 0.97, 0.97),
    "blind22-en.tsv": Floor(0.88, 0.02, 0.97, 0.97),
    "blind22b-en.tsv": Floor(0.90, 0.025, 0.97, 0.97),
    "blind22-es.tsv": Floor(0.81, 0.045, 0.97, 0.97),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def figures(request: pytest.FixtureRequest, bundled: BundledMeaning) -> tuple[Floor, Figures]:
    entries = shipped_entries()
    path = QUESTIONS / request.param
    questions, _missing = split_unknown(load_set(path), entries)
    # The taught questions (bot/core/taught.py) leave this set's own rows out: out of sample.
    meaning = bundled.leaving_out((q.question for q in questions), {path.stem})
    decide: Callable[[str], Decision]
    if request.param.endswith("-es.tsv"):
        decide = OursDetecting(entries, meaning=meaning)
    else:
        decide = Ours(entries, meaning=meaning)
    return FLOORS[request.param], evaluate(decide, questions, entries)


def test_in_scope_questions_are_answered(figures: tuple[Floor, Figures]) -> None:
    floor, found = figures
    assert found.recall >= floor.in_scope


def test_few_in_scope_questions_get_a_wrong_confident_answer(
    figures: tuple[Floor, Figures],
) -> None:
    floor, found = figures
    assert found.wrong_confident <= floor.wrong_confident


def test_out_of_scope_questions_are_rejected(figures: tuple[Floor, Figures]) -> None:
    floor, found = figures
    assert found.rejection_unrelated >= floor.rejection_unrelated
    assert found.rejection_neighbouring is not None
    assert found.rejection_neighbouring >= floor.rejection_neighbouring


def test_every_correct_answer_flags_anonymous_sourcing_right(
    figures: tuple[Floor, Figures],
) -> None:
    _floor, found = figures
    assert found.anonymous_flag == 1.0
