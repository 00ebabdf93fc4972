"""What a matcher answers confidently, for tests that check an answer or its absence."""

from __future__ import annotations

from bot.core.matcher import Matcher, Tier


def confident_entry(matcher: Matcher, question: str) -> str | None:
    """The entry answered confidently, or None for "did you mean" and no answer."""
    result = matcher.match(question)
    return result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None
