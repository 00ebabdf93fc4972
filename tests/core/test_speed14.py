"""Round 14's speed-ups change no decision (issue 9: speed at 10k/100k): the question's words
sorted once for every entry's questions, the postings merged a list at a time, and a question
read once per ask. Each is checked against the way it was done before."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import pytest
from rapidfuzz import fuzz

from bot.core import entry_index, typos
from bot.core.commonness import common_words
from bot.core.entry_index import ANSWER_FACTOR
from bot.core.matcher import Matcher
from bot.core.remembered import REMEMBERED, remembered
from bot.core.sound_slips import Slips, language_slips
from testkit.labelled import shipped_entries

QUESTIONS = [
    "how many migrants were enrolled in the ice app?",
    "my cousin uses smartlink, whats the deal w it",
    "is it true the app had glitches. who reported this?",
    "wat is atd",
    "how mny ppl signed up for the chek in app",
    "what is the population of houston",
]


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher(shipped_entries())


@pytest.fixture(scope="module")
def crowded() -> tuple[Matcher, list[str]]:
    """The shipped entries, indexed as if a token in more than 8 of them were too common to walk
    (entry_index.COMMON_POSTINGS, 2,000 entries, only reached by a large knowledge base)."""
    entries = shipped_entries()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(entry_index, "COMMON_POSTINGS", 8)
        matcher = Matcher(entries)
    questions = [q for entry in entries[::3] for q in (entry.question, *entry.paraphrases[:1])]
    return matcher, [*QUESTIONS, *questions]


def _accumulated_one_at_a_time(
    matcher: Any, weights: dict[str, float], scan_limit: int | None
) -> dict[int, float]:
    """EntryIndex._accumulate as it was before round 14: each posting added on its own."""
    lists = sorted(
        (
            (postings, weight * factor, common.get(token))
            for token, weight in weights.items()
            for source, common, factor in (
                (matcher._postings, matcher._common, 1.0),
                (matcher._answer_postings, matcher._common_answers, ANSWER_FACTOR),
            )
            if (postings := source.get(token)) is not None
        ),
        key=lambda item: len(item[0]),
    )
    found: dict[int, float] = {}
    for postings, weight, members in lists:
        if members is not None and found:
            for index in found:
                if index in members:
                    found[index] += weight
            continue
        for index in postings[:scan_limit] if members is not None else postings:
            found[index] = found.get(index, 0.0) + weight
    return found


def test_postings_merged_a_list_at_a_time_sum_alike_in_the_same_order(
    crowded: tuple[Matcher, list[str]],
) -> None:
    matcher, questions = crowded
    assert matcher._common, "no token common enough: the test would not reach that branch"
    reached_common = False
    for question in questions:
        plain, context = matcher._read(question)
        weights = matcher._weighted_tokens(plain, context)[0]
        reached_common |= any(token in matcher._common for token in weights)
        for limit in (None, 8, 3):
            found = matcher._accumulate(weights, limit)
            # same entries, same sums, in the same order (ties in the ranking keep it)
            assert list(found.items()) == list(
                _accumulated_one_at_a_time(matcher, weights, limit).items()
            )
    assert reached_common


def _each_compared_alone(matcher: Any, normalized: str, indices: Sequence[int]) -> list[float]:
    starts, texts = matcher._starts, matcher._texts
    return [
        max(
            [0.0]
            + [
                fuzz.token_sort_ratio(normalized, texts[position])
                for position in range(starts[index], starts[index + 1])
            ]
        )
        for index in indices
    ]


def test_similarities_in_one_call_are_those_of_each_question_alone(shipped: Matcher) -> None:
    indices = list(range(len(shipped._ids)))
    for question in [*QUESTIONS, shipped._texts[0], ""]:
        normalized = shipped._text.join_phrases(shipped._read(question)[0])
        assert shipped._similarities(normalized, indices) == _each_compared_alone(
            shipped, normalized, indices
        )
    assert shipped._similarities("anything", []) == []


def test_the_weighted_tokens_are_the_callers_own_to_change(shipped: Matcher) -> None:
    plain, context = shipped._read(QUESTIONS[0])
    weights, typed, read = shipped._weighted_tokens(plain, context)
    expected = (dict(weights), dict(typed), read)
    weights.clear()
    typed["x"] = "y"
    assert shipped._weighted_tokens(plain, context) == expected
    # ranking leaving words out (rank's leave_out deletes from its weights) changes no later ask
    before = shipped.rank(QUESTIONS[0], 3)
    shipped.rank(QUESTIONS[0], 3, leave_out=frozenset(expected[0]))
    assert shipped.rank(QUESTIONS[0], 3) == before


def test_a_question_read_again_is_read_as_by_a_fresh_index() -> None:
    entries = shipped_entries()
    used, fresh = Matcher(entries), Matcher(entries)
    for question in QUESTIONS:  # read once, then more: the reading remembered
        used.match(question)
    for question in reversed(QUESTIONS):
        assert used.match(question) == fresh.match(question)
        assert used.query_tokens(question) == fresh.query_tokens(question)


class _Counting:
    def __init__(self) -> None:
        self.calls = 0

    @remembered
    def double(self, text: str, times: int = 2) -> str:
        self.calls += 1
        return text * times


def test_remembered_runs_a_method_once_per_arguments_per_instance() -> None:
    one, other = _Counting(), _Counting()
    assert one.double("ab") == one.double("ab") == "abab"
    assert one.calls == 1
    assert one.double("ab", times=3) == "ababab"
    assert one.calls == 2
    assert other.double("ab") == "abab"
    assert other.calls == 1


def test_remembered_keeps_only_the_last_few() -> None:
    counting = _Counting()
    for number in range(REMEMBERED * 3):
        assert counting.double(str(number)) == str(number) * 2
    store = vars(counting)["_remembered_double"]
    assert 0 < len(store) <= REMEMBERED
    assert counting.calls == REMEMBERED * 3


def _cost_cell_by_cell(typed: str, meant: str, sounds: Slips) -> float:
    """typos.typing_cost as it was before round 14: each slip priced in every cell."""
    rows, columns = len(meant), len(typed)
    cost = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        best = cost[i - 1][0] + typos._dropped(meant, i - 1)
        cost[i][0] = typos._by_ear(cost, meant, typed, i, 0, sounds, best)
    for j in range(1, columns + 1):
        best = cost[0][j - 1] + typos._extra(typed, j - 1)
        cost[0][j] = typos._by_ear(cost, meant, typed, 0, j, sounds, best)
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            same = meant[i - 1] == typed[j - 1]
            best = min(
                cost[i - 1][j - 1]
                + (0.0 if same else typos._substituted(meant[i - 1], typed[j - 1])),
                cost[i - 1][j] + typos._dropped(meant, i - 1),
                cost[i][j - 1] + typos._extra(typed, j - 1),
            )
            if (
                i > 1
                and j > 1
                and meant[i - 1] == typed[j - 2]
                and meant[i - 2] == typed[j - 1]
                and not same
            ):
                best = min(best, cost[i - 2][j - 2] + typos.SWAPPED)
            cost[i][j] = typos._by_ear(cost, meant, typed, i, j, sounds, best)
    return cost[rows][columns]


def _slipped(word: str, rng: random.Random) -> str:
    at = rng.randrange(len(word))
    near = sorted(typos._NEAR.get(word[at], "q"))
    edit = rng.choice(("drop", "double", "swap", "near", "extra", "ear"))
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    if edit == "double":
        return word[: at + 1] + word[at:]
    if edit == "swap" and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if edit == "near":
        return word[:at] + rng.choice(near) + word[at + 1 :]
    if edit == "extra":
        return word[:at] + rng.choice(near) + word[at:]
    for meant, written in (("c", "s"), ("v", "b"), ("ll", "y"), ("h", ""), ("qu", "k")):
        if meant in word:
            return word.replace(meant, written, 1)
    return "h" + word


@pytest.mark.parametrize("language", ["en", "es"])
def test_typing_cost_prices_every_alignment_as_before(language: str) -> None:
    sounds = language_slips(language)
    words = [w for w in common_words(language)[:3000] if w.isalpha() and len(w) >= 3]
    rng = random.Random(14)
    pairs = [(_slipped(w, rng), w) for w in rng.sample(words, 300)]
    pairs += [(rng.choice(words), rng.choice(words)) for _ in range(300)]
    pairs += [("", "a"), ("a", ""), ("hablar", "ablar"), ("ablar", "hablar"), ("herror", "error")]
    for typed, meant in pairs:
        assert typos.typing_cost(typed, meant, sounds) == _cost_cell_by_cell(typed, meant, sounds)
