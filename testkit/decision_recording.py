"""Recording every decision of the embedding's second opinion as the matcher makes it: the
rows benchmarks/decision_data.py writes (calib9, signal10) and its test."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any
from unittest import mock

from bot.core import semantic
from bot.core.confidence import Candidate, MatchResult, Thresholds
from bot.core.one_question import OneQuestion


@contextmanager
def recording() -> Iterator[list[dict[str, Any]]]:
    """While open, every call of the embedding's second opinion in the matcher is appended to
    the list yielded (the first is the whole question's match)."""
    calls: list[dict[str, Any]] = []
    real = semantic.second_opinion
    real_match_one = OneQuestion._match_one
    reading: list[dict[str, Any]] = []  # what the match being decided reads, set by _match_one

    def match_one(
        self: OneQuestion, question: str, limit: int, leave_out: frozenset[str] = frozenset()
    ) -> MatchResult:
        reading.append(
            {
                "text": question,
                "language": self.language,
                "read": self._read(question)[0],
                "asking": [plain for plain, asks in self._clauses(question) if asks],
            }
        )
        try:
            return real_match_one(self, question, limit, leave_out)
        finally:
            reading.pop()

    def second_opinion(
        candidates: Sequence[Candidate],
        cosines: Sequence[float],
        ruled: Candidate | None,
        limits: Thresholds,
        doubted: frozenset[str] = frozenset(),
    ) -> Candidate | None:
        chosen = real(candidates, cosines, ruled, limits, doubted)
        calls.append(
            {
                "candidates": [asdict(c) for c in candidates],
                "cosines": [round(c, 5) for c in cosines],
                "ruled": None if ruled is None else ruled.entry_id,
                "opinion": None if chosen is None else chosen.entry_id,
                "doubted": sorted(doubted),
                **(reading[-1] if reading else {}),
            }
        )
        return chosen

    with (
        mock.patch("bot.core.one_question.second_opinion", second_opinion),
        mock.patch.object(OneQuestion, "_match_one", match_one),
    ):
        yield calls
