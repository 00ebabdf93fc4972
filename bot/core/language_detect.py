"""Which language a question is in, per question: short, mixed English/Spanish, often unaccented.

Each word votes for the language where it is more common, by how much (wordfreq's Zipf
frequencies, bundled with the package: no download), except the English words another language
borrows (its `loanwords`: "app", "check in"), and letters only one language uses (ñ, ¿,
á …, from the language's data) add to its side. A question whose lead is too small — a bare
name like "CBP One?", "SmartLINK" — is ambiguous and follows the asker's preference (their
Discord locale), when there is one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wordfreq import zipf_frequency

from bot.core.languages import SOURCE_LANGUAGE, languages

# A lead below this many Zipf units (about "one clearly Spanish word") is ambiguous.
AMBIGUOUS_LEAD = 3.0
LETTER_VOTE = 2.0  # what one language-only letter (ñ, ¿ …) counts for
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Detected:
    code: str
    lead: float  # how far ahead of the next language; 0 with a single language
    ambiguous: bool  # too close to call: `code` came from the fallback (or the best guess)


@functools.cache
def _borrowed() -> frozenset[str]:
    """The English words the other languages borrow ("app", "check", "online"): said in either
    language, they vote for neither ("check in por app?" is Spanish)."""
    return frozenset(word for data in languages().values() for word in data.loanwords)


def _votes(text: str) -> dict[str, float]:
    codes = list(languages())
    votes = dict.fromkeys(codes, 0.0)
    lowered = text.casefold()
    borrowed = _borrowed()
    for word in _WORD.findall(lowered):
        if word in borrowed:
            continue
        frequency = {code: zipf_frequency(word, code) for code in codes}
        for code in codes:
            others = max((f for c, f in frequency.items() if c != code), default=0.0)
            votes[code] += max(0.0, frequency[code] - others)
    for code, data in languages().items():
        votes[code] += LETTER_VOTE * sum(lowered.count(letter) for letter in data.letters)
    return votes


def detect_language(text: str, fallback: str | None = None) -> Detected:
    """The language of `text`; when too close to call, `fallback` if it is a language we have."""
    votes = _votes(text)
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0] != SOURCE_LANGUAGE))
    best, score = ranked[0]
    lead = score - ranked[1][1] if len(ranked) > 1 else 0.0
    if lead >= AMBIGUOUS_LEAD or len(ranked) == 1:
        return Detected(best, lead, ambiguous=False)
    if fallback in votes:
        return Detected(fallback, lead, ambiguous=True)
    return Detected(best if lead > 0 else SOURCE_LANGUAGE, lead, ambiguous=True)
