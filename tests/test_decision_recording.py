"""testkit/decision_recording.py records every decision of the embedding's second opinion, with
what was embedded and how the matcher read it (benchmarks/decision_data.py's rows, which calib9
and signal10 are measured on)."""

from __future__ import annotations

from collections.abc import Sequence

from testkit.decision_recording import recording
from testkit.labelled import Ours, shipped_entries


class Flat:
    """Every candidate equally close: the rules decide."""

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        return tuple(0.5 for _ in candidates)


def test_each_decision_is_recorded_with_the_text_embedded_and_the_clauses_that_ask() -> None:
    decide = Ours(shipped_entries(), meaning=Flat())
    question = "My aunt checks in with ICE every month. Can she do it through the app now?"
    with recording() as calls:
        decide(question)
    first = calls[0]
    assert first["text"] == question
    assert first["language"] == "en"
    assert first["candidates"] and len(first["cosines"]) == len(first["candidates"])
    assert [c for c in first["asking"] if "through the app" in c]
    assert "aunt" not in " ".join(first["asking"])
    assert "aunt" not in first["read"]


def test_nothing_is_recorded_once_closed() -> None:
    decide = Ours(shipped_entries(), meaning=Flat())
    with recording() as calls:
        pass
    decide("Can I check in with ICE through an app?")
    assert calls == []
