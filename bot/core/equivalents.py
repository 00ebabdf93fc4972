"""Words questions are asked with that say the same as another word (general-language synonymy,
as a thesaurus gives it: "eligible" / "qualify", "title" / "headline", "swap" / "replace"), read
from `bot/locales/<code>/equivalents.toml`, for the rules that decide whether an entry explains
a question (ranking.py: its coverage, the informative words it leaves unexplained), never for
ranking nor to choose between entries.

A clear question whose right entry ranks first is often held at "did you mean" because one of
its informative words is in none of the entry's questions or keywords although it means what one
of them says: "what kinds of questions can this bot handle" of an entry asked what the bot can
answer. A question word counts as the entry's, for those two rules, when one of its equivalents
is a word the entry is asked with (ranking.py gives it EQUIVALENT_FACTOR of a word's weight).
Each group is one sense of general language, never words picked for one entry; a word that
often means something else in this domain ("report": the article, or telling the maintainers;
"bar") is left out. Never a number (a number or year the entry does not say still counts
against it), nor doubt ("myth", "hoax": doubt.py reads it).
"""

from __future__ import annotations

import functools
import logging
import tomllib
from collections.abc import Iterable

from bot.core.analysis import TextAnalysis, analysis
from bot.core.languages import LOCALES_DIR

log = logging.getLogger("policybot.equivalents")

FILE = "equivalents.toml"
# A word said in the question as one of an entry's equivalents covers this much of what a word
# of the entry's own questions covers (as a taught word does, taught_words.py).
EQUIVALENT_FACTOR = 0.7


def read_groups(groups: Iterable[str], text: TextAnalysis) -> dict[str, frozenset[str]]:
    """Token -> the tokens said the same, of groups of words (one sense a line): each word read
    into its token with the language's analysis; a word that reads as no token, as several, as
    a number or as doubt is left out."""
    found: dict[str, set[str]] = {}
    for group in groups:
        tokens = set()
        for word in group.split():
            read = text.tokens_of(text.word_list(word))
            if len(read) != 1 or any(c.isdigit() for c in read[0]):
                continue
            if read[0] in text.doubt_tokens:
                continue
            tokens.add(read[0])
        for token in tokens:
            found.setdefault(token, set()).update(tokens - {token})
    return {token: frozenset(others) for token, others in found.items() if others}


@functools.cache
def equivalents(code: str) -> dict[str, frozenset[str]]:
    """The language's equivalents (read_groups); none when it has no file or it is unreadable."""
    path = LOCALES_DIR / code / FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        log.warning("%s could not be read (%s): no equivalents", path, error)
        return {}
    groups = raw.get("groups", [])
    if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
        log.warning("%s: groups must be a list of strings: no equivalents", path)
        return {}
    return read_groups(groups, analysis(code))
