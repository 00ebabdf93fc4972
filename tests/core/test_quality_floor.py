"""A regression guard: our matcher on the held-out question set must stay above a floor.

The floors sit a little below the figures measured when the matcher was last tuned (see
benchmarks/README.md), so a change that makes answers worse fails CI. Nothing is timed.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.labelled import (
    QUESTIONS,
    Decision,
    Ours,
    check_labels,
    evaluate,
    load_set,
    shipped_entries,
)

HELDOUT = QUESTIONS / "heldout.tsv"
# Measured (benchmarks/README.md): rejection 91.7%, recall 89.2%, precision 95.0%, top 3 93.9%.
MIN_REJECTION = 0.875
MIN_RECALL = 0.80
MIN_PRECISION = 0.90
MIN_FOUND_IN_THREE = 0.90


@pytest.fixture(scope="module")
def heldout_figures():  # type: ignore[no-untyped-def]
    entries = shipped_entries()
    items = load_set(HELDOUT)
    check_labels(items, entries, HELDOUT.name)
    return evaluate(Ours(entries), items)


def test_out_of_scope_questions_are_rejected(heldout_figures) -> None:  # type: ignore[no-untyped-def]
    assert heldout_figures.rejection >= MIN_REJECTION


def test_in_scope_questions_are_answered(heldout_figures) -> None:  # type: ignore[no-untyped-def]
    assert heldout_figures.recall >= MIN_RECALL


def test_confident_answers_are_right(heldout_figures) -> None:  # type: ignore[no-untyped-def]
    assert heldout_figures.precision >= MIN_PRECISION


def test_the_right_entry_is_within_reach(heldout_figures) -> None:  # type: ignore[no-untyped-def]
    assert heldout_figures.found_in_three >= MIN_FOUND_IN_THREE


def test_the_floor_catches_a_matcher_that_answers_everything() -> None:
    matcher = Matcher(shipped_entries())

    def reckless(question: str) -> Decision:  # answers whatever ranks first
        ranked = matcher.rank(question, 1)
        return Decision(ranked[0].entry_id if ranked else None)

    figures = evaluate(reckless, load_set(HELDOUT))
    assert figures.rejection < MIN_REJECTION
    assert figures.precision < MIN_PRECISION


def test_the_tune_set_is_labelled_with_real_entries() -> None:
    check_labels(load_set(QUESTIONS / "tune.tsv"), shipped_entries(), "tune.tsv")
