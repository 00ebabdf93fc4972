"""A regression guard: our matcher on the blind held-out set must stay above a floor.

The set is benchmarks/questions/blind-2026.tsv, written for issue 9 by someone blind to the
knowledge files and the matcher; it is measured, never tuned on. The floors sit a little below
the figures of its final run (benchmarks/README.md), so a change that makes answers worse fails
CI. Questions whose expected entry is not in the shipped knowledge are left out. Nothing is
timed.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.labelled import (
    QUESTIONS,
    Decision,
    Figures,
    Labelled,
    Ours,
    check_labels,
    evaluate,
    load_set,
    shipped_entries,
    split_unknown,
)

BLIND = QUESTIONS / "blind-2026.tsv"
# Measured on the final run of issue 9 (benchmarks/README.md): in scope 76.0%, wrong confident
# 2.1%, unrelated rejected 100%, neighbouring rejected 90.0%, right entry within reach 94.0%.
MIN_IN_SCOPE = 0.74
MAX_WRONG_CONFIDENT = 0.03
MIN_REJECTION_UNRELATED = 0.97
MIN_REJECTION_NEIGHBOURING = 0.88
MIN_FOUND_IN_THREE = 0.92


@pytest.fixture(scope="module")
def blind() -> list[Labelled]:
    measured, _missing = split_unknown(load_set(BLIND), shipped_entries())
    return measured


@pytest.fixture(scope="module")
def figures(blind: list[Labelled]) -> Figures:
    entries = shipped_entries()
    return evaluate(Ours(entries), blind, entries)


def test_in_scope_questions_are_answered(figures: Figures) -> None:
    assert figures.recall >= MIN_IN_SCOPE


def test_few_in_scope_questions_get_a_wrong_confident_answer(figures: Figures) -> None:
    assert figures.wrong_confident <= MAX_WRONG_CONFIDENT


def test_unrelated_questions_are_rejected(figures: Figures) -> None:
    assert figures.rejection_unrelated >= MIN_REJECTION_UNRELATED


def test_neighbouring_questions_are_rejected(figures: Figures) -> None:
    assert figures.rejection_neighbouring is not None
    assert figures.rejection_neighbouring >= MIN_REJECTION_NEIGHBOURING


def test_the_right_entry_is_within_reach(figures: Figures) -> None:
    assert figures.found_in_three >= MIN_FOUND_IN_THREE


def test_every_correct_answer_flags_anonymous_sourcing_right(figures: Figures) -> None:
    assert figures.anonymous_flag == 1.0


def test_the_floor_catches_a_matcher_that_answers_whatever_ranks_first(
    blind: list[Labelled],
) -> None:
    matcher = Matcher(shipped_entries())

    def reckless(question: str) -> Decision:
        ranked = matcher.rank(question, 1)
        return Decision(ranked[0].entry_id if ranked else None)

    figures = evaluate(reckless, blind)
    assert figures.rejection_neighbouring is not None
    assert figures.rejection_neighbouring < MIN_REJECTION_NEIGHBOURING
    assert figures.wrong_confident > MAX_WRONG_CONFIDENT


def test_the_tuning_sets_are_labelled_with_real_entries() -> None:
    entries = shipped_entries()
    for name in ("tune.tsv", "heldout.tsv", "extra.tsv"):
        check_labels(load_set(QUESTIONS / name), entries, name)
