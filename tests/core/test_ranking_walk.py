"""Ranking walks only the postings that can still change its best candidates (entry_index.py,
`_accumulate` with `keep`): the best are those of a full walk, sums included."""

from __future__ import annotations

import heapq
import random
from operator import itemgetter

from benchmarks.synthetic import generate
from bot.core.matcher import Matcher
from bot.core.ranking import CANDIDATE_ENTRIES
from testkit.perturb import perturb


def test_the_best_sums_are_those_of_a_full_walk() -> None:
    base = generate(3000)
    matcher = Matcher(base.entries)
    questions = [q for q, _ in random.Random(7).sample(base.queries, 300)]
    smaller = 0
    for question in [*questions, *map(perturb, questions)]:
        plain, context = matcher._read(question)
        weights, _, _ = matcher._weighted_tokens(plain, context)
        full = matcher._accumulate(dict(weights), scan_limit=None)
        kept = matcher._accumulate(dict(weights), scan_limit=None, keep=CANDIDATE_ENTRIES)
        best = heapq.nlargest(CANDIDATE_ENTRIES, full.items(), key=itemgetter(1))
        assert heapq.nlargest(CANDIDATE_ENTRIES, kept.items(), key=itemgetter(1)) == best
        smaller += len(kept) < len(full)
    assert smaller > 100  # the walk was cut short for many questions
