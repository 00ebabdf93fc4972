"""Finding the part of a message that a "Check this claim" should answer.

A message can be long and say several things; each sentence is matched on its own and the
best-matching one is the claim checked (and quoted back to the member).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.answers import Answer
from bot.core.matcher import Tier

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
MAX_PARTS = 12
MAX_PART_CHARS = 500
TIER_RANK = {Tier.CONFIDENT: 3, Tier.CLOSE: 2, Tier.NONE: 1, Tier.REFUSED: 0}


@dataclass(frozen=True)
class CheckedClaim:
    claim: str  # the part of the message that was answered
    answer: Answer


def candidate_parts(text: str) -> list[str]:
    """The whole text (when short enough) and each of its first sentences."""
    parts = [p.strip() for p in SENTENCE_BREAK.split(text) if p and p.strip()]
    whole = text.strip()
    candidates = [whole] if whole and len(whole) <= MAX_PART_CHARS else []
    for part in parts[:MAX_PARTS]:
        clipped = part[:MAX_PART_CHARS]
        if clipped not in candidates:
            candidates.append(clipped)
    return candidates


def best_claim(answered: Iterable[tuple[str, Answer]]) -> CheckedClaim | None:
    """The part whose answer ranks best (tier first, then score); the first wins a tie."""
    best: tuple[tuple[int, float], CheckedClaim] | None = None
    for part, answer in answered:
        rank = (TIER_RANK[answer.tier], answer.score)
        if best is None or rank > best[0]:
            best = (rank, CheckedClaim(part, answer))
    return best[1] if best else None
