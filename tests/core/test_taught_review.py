"""Questions the taught questions' veto (bot/core/taught.py, round 11) turned from a right
answer into "did you mean" (review11's own messages, not from a benchmark set). The veto's
MARGIN and the shipped examples are not changed here; each is a strict xfail to flip when the
veto is narrowed (taught11b)."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier
from bot.core.semantic import BundledMeaning
from testkit.labelled import shipped_entries


@pytest.mark.xfail(
    strict=True,
    reason="the taught veto finds these nearer an out-of-scope example than the entry's own",
)
@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        ("es", "¿esto sigue en 2025 o trump lo paró?", "where-things-stand"),
        (
            "en",
            "what's the parole program the post mentions and how many come through it",
            "post-1-8-million",
        ),
    ],
)
def test_answered_with_the_embedding_as_with_words_alone(
    bundled: BundledMeaning, language: str, question: str, expected: str
) -> None:
    entries = shipped_entries()
    words = Matcher(entries, language=language).match(question)
    assert words.tier is Tier.CONFIDENT and words.best and words.best.entry_id == expected
    result = Matcher(entries, language=language, meaning=bundled).match(question)
    assert result.tier is Tier.CONFIDENT and result.best
    assert result.best.entry_id == expected
