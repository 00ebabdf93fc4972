"""A question that offers an alternative ("is the underwater line sourced, or is that the
writer's spin?", "is the 2,500 a single day or like a rolling avg", "would someone like him be
able to use this app or is it only certain people?"): what it asks is said before the
alternative; the alternative says what the member suspects or the other answer they expect,
in words an entry asked the question need not say.

dismissal.py drops an alternative said in words of doubt the language lists ("or just spin");
this reads the shape, whatever the words: the part before the alternative word (the language's
`[dismissal] alternative`, "or", "o"), when what follows it asks nothing of its own ("or who
made it" asks who: a second question). one_question.py answers with it only when the whole
question already singles out the same entry (it leads the runner-up by the margin) and was held
for what the alternative adds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.languages import languages


@lru_cache(maxsize=8)
def _alternative_at(language: str) -> re.Pattern[str] | None:
    data = languages().get(language)
    if data is None or data.dismissal is None or not data.dismissal.alternative:
        return None
    word = re.escape(data.dismissal.alternative)
    return re.compile(rf"(?:\s*,\s*|\s+){word}\s+(?=\S)", re.IGNORECASE)


def split_alternative(question: str, language: str) -> tuple[str, str] | None:
    """(what is asked, the alternative offered) of a question with the language's alternative
    word ("or") between words; the first one splits. None without one, or when the message
    goes on past the alternative's sentence: the alternative is then no longer what ends it."""
    pattern = _alternative_at(language)
    found = pattern.search(question) if pattern is not None else None
    if found is None or not question[: found.start()].strip():
        return None
    offered = question[found.end() :]
    if _SAID_AFTER.search(offered):
        return None  # "¿funciona con la cara o cómo? y otra cosa, ¿cuánto…?": more is asked
    return question[: found.start()], offered


# A sentence ended inside the alternative with more said after it, or a question opened in it.
_SAID_AFTER = re.compile(r"[?!]+\s*\S|\u00bf")
