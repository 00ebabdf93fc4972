"""The methods compared: our matcher and the two things a bot author would reach for instead."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process, utils

from bot.core.models import Entry
from testkit.labelled import Decision, Labelled

RAPIDFUZZ_CUTOFF = 60.0


class RapidfuzzWRatio:
    """Red-DiscordBot custom-command style: extractOne with WRatio over every question, one
    cutoff; the only "did you mean" is the top 3 by WRatio."""

    name = f"rapidfuzz WRatio, cutoff {RAPIDFUZZ_CUTOFF:.0f}"

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.texts = [text for entry in entries for text in entry.all_questions]
        self.owners = [entry.id for entry in entries for _ in entry.all_questions]

    def __call__(self, question: str) -> Decision:
        found = process.extractOne(
            question,
            self.texts,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=RAPIDFUZZ_CUTOFF,
        )
        if found is not None:
            return Decision(self.owners[found[2]])
        ranked = process.extract(
            question, self.texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=40
        )
        return Decision(None, _first_distinct((self.owners[i] for _, _, i in ranked), 3))


class BM25:
    """bm25s over each entry's questions, paraphrases and answer, with a cutoff on the score."""

    name = "BM25 (bm25s), tuned cutoff"

    def __init__(self, entries: Sequence[Entry]) -> None:
        import bm25s  # the `bench` extra; imported here so the quality-floor test needs only ours

        self._bm25s = bm25s
        self.ids = [entry.id for entry in entries]
        corpus = [" ".join([*entry.all_questions, entry.answer]) for entry in entries]
        self.retriever = bm25s.BM25()
        self.retriever.index(
            bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False
        )
        self.cutoff = 0.0

    def ranked(self, question: str) -> list[tuple[str, float]]:
        tokens = self._bm25s.tokenize([question], stopwords="en", show_progress=False)
        if not any(tokens.ids[0]):
            return []
        k = min(3, len(self.ids))
        try:
            documents, scores = self.retriever.retrieve(tokens, k=k, show_progress=False)
        except (ValueError, KeyError):  # no query word is in the corpus
            return []
        return [
            (self.ids[int(d)], float(s))
            for d, s in zip(documents[0], scores[0], strict=True)
            if s > 0
        ]

    def __call__(self, question: str) -> Decision:
        ranked = self.ranked(question)
        if ranked and ranked[0][1] >= self.cutoff:
            return Decision(ranked[0][0])
        return Decision(None, tuple(entry_id for entry_id, _ in ranked))

    def tune(self, items: Sequence[Labelled]) -> float:
        """Pick the cutoff that maximises in-scope recall + out-of-scope rejection."""
        tops = [(self.ranked(item.question)[:1] or [("", 0.0)])[0] for item in items]
        candidates = sorted({score for _, score in tops} | {0.0})
        in_scope = max(sum(item.in_scope for item in items), 1)
        out_scope = max(len(items) - in_scope, 1)

        def balance(cutoff: float) -> float:
            hits = sum(
                entry_id in item.expected and score >= cutoff
                for item, (entry_id, score) in zip(items, tops, strict=True)
            )
            rejected = sum(
                not item.in_scope and score < cutoff
                for item, (_, score) in zip(items, tops, strict=True)
            )
            return hits / in_scope + rejected / out_scope

        best = max(candidates, key=balance)
        # The midpoint to the next score down keeps the same split and generalises better.
        below = [c for c in candidates if c < best]
        self.cutoff = (below[-1] + best) / 2 if below else best
        return self.cutoff


def _first_distinct(ids: Iterable[str], limit: int) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for entry_id in ids:
        seen.setdefault(entry_id, None)
        if len(seen) == limit:
            break
    return tuple(seen)
