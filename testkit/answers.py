"""What a matcher answers confidently, and the words it reads, for tests that check an answer or
its absence."""

from __future__ import annotations

from bot.core.matcher import Matcher, Tier


def confident_entry(matcher: Matcher, question: str) -> str | None:
    """The entry answered confidently, or None for "did you mean" and no answer."""
    result = matcher.match(question)
    return result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None


def read_words(matcher: Matcher, text: str) -> list[str]:
    """The question's words as the matcher reads them, after typo correction."""
    words, _, _ = matcher._corrected(text)
    return words
