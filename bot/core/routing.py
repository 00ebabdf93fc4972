"""Which language's index a question is matched in, and which language the reply is in.

A question whose language is clear is matched in that language's index and answered in it. A
question too short or mixed to tell ("pilot program ciudades?") is answered in the asker's
preferred language (or the best guess), but when that index finds no confident answer, the
other indexes are tried: a confident match there is the same entry, said in the reply language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.language_detect import Detected, detect_language
from bot.core.matcher import Matcher, MatchResult, Tier


@dataclass(frozen=True)
class Routed:
    language: str  # the reply's language
    matcher: Matcher  # the index that gave `result`
    result: MatchResult


def route(
    matchers: Mapping[str, Matcher],
    text: str,
    preferred: str | None = None,
    *,
    detected: Detected | None = None,
) -> Routed:
    """Match cleaned `text` in the right index; see the module docstring. `detected`: its
    language, when the caller has detected it already (else detected here)."""
    if detected is None:
        detected = detect_language(text, preferred)
    matcher = matchers[detected.code]
    result = matcher.match(text)
    if detected.ambiguous and result.tier is not Tier.CONFIDENT:
        for code, other in matchers.items():
            if code == detected.code:
                continue
            tried = other.match(text)
            if tried.tier is Tier.CONFIDENT:
                return Routed(detected.code, other, tried)
    return Routed(detected.code, matcher, result)
