"""Ranking walks only the postings that can still change its best candidates (entry_index.py,
`_accumulate` with `keep`): the best are those of a full walk, sums included."""

from __future__ import annotations

import heapq
import random
from operator import itemgetter

from bot.core.matcher import Matcher
from bot.core.ranking import CANDIDATE_ENTRIES
from testkit.labelled import shipped_entries
from testkit.perturb import perturb


def test_the_best_sums_are_those_of_a_full_walk() -> None:
    shipped = shipped_entries()
    # Many entries sharing words, so that postings are long: the shipped ones, 30 times over.
    entries = [e.model_copy(update={"id": f"{e.id}-{n}"}) for n in range(30) for e in shipped]
    matcher = Matcher(entries)
    texts = [text for e in shipped for text in (e.question, *e.paraphrases)]
    questions = random.Random(7).sample(texts, min(300, len(texts)))
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
