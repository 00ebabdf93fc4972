"""A regression guard: our matcher on the held-out question set must stay above a floor.

The floors sit a little below the figures measured when the matcher was last tuned (see
benchmarks/README.md), so a change that makes answers worse fails CI. Nothing is timed.
"""

from __future__ import annotations

import pytest

from benchmarks.labelled import QUESTIONS, check_labels, evaluate, load_set, shipped_entries
from benchmarks.methods import Ours

HELDOUT = QUESTIONS / "heldout.tsv"
MIN_REJECTION = 0.85
MIN_RECALL = 0.75
MIN_PRECISION = 0.85
MIN_FOUND_IN_THREE = 0.85


@pytest.fixture(scope="module")
def heldout_figures():  # type: ignore[no-untyped-def]
    if not HELDOUT.exists():
        pytest.skip("benchmarks/questions/heldout.tsv has not been written yet")
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


def test_the_tune_set_is_labelled_with_real_entries() -> None:
    check_labels(load_set(QUESTIONS / "tune.tsv"), shipped_entries(), "tune.tsv")
