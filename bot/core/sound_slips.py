"""Spellings by ear, priced as cheap slips (typos.typing_cost) for a language spelt as it sounds.

A Spanish speaker who misspells mostly writes a word as it sounds: "aplicasion" (c for s),
"bienen" (v for b), "yamar" (ll for y), "ablar" (h left out), "jente" (g for j), "kiero"
(qu for k). To the keyboard those are substitutions far from the right key, a whole edit each;
to the ear they are no change at all. A language's `sound_slips` (its language.toml: the
spelling meant, the spelling typed, the letters the spelling meant must come before and the
letters neither may come after, if any) make each such change a cheap slip, either way round.
English has none, and its prices are unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from bot.core.languages import languages

# What writing one spelling of a sound for another costs, in edits: less than any slip of the
# fingers (typos.DROPPED_SOFT, 0.4), since the word is written as it is heard.
SOUND_SLIP = 0.2

# (spelling meant, spelling typed, letters that must follow the spelling meant, letters that
# must not come before either spelling: "" for none)
Slip = tuple[str, str, str, str]
Slips = tuple[Slip, ...]


def slips_of(pairs: Iterable[Slip]) -> Slips:
    """Every pair of spellings as a slip both ways round ("c" typed for "s" and "s" for "c"),
    keeping a pair's conditions on what follows and what comes before for either spelling."""
    found: dict[Slip, None] = {}
    for one, other, before, not_after in pairs:
        found[(one, other, before, not_after)] = None
        found[(other, one, before, not_after)] = None
    return tuple(found)


@functools.cache
def language_slips(code: str) -> Slips:
    """The slips of the language `code`'s `sound_slips` (none for a language without)."""
    data = languages().get(code)
    return () if data is None else slips_of(data.sound_slips)


def first_letters(word: str, slips: Slips) -> str:
    """The letters a word typed as `word` may open with when its opening was written by ear
    ("kiero" may be "quiero", "ablar" "hablar", "jente" "gente")."""
    found = dict.fromkeys(spelt[:1] for spelt, written, *_ in slips if word.startswith(written))
    return "".join(letter for letter in found if letter)


def sound_steps(meant: str, typed: str, i: int, j: int, slips: Slips) -> Iterator[tuple[int, int]]:
    """For the alignment of meant[:i] with typed[:j], each (i', j') from which one slip of
    `slips` reaches it: meant[i':i] was written as typed[j':j] because they sound alike."""
    for spelt, written, before, not_after in slips:
        start, typed_start = i - len(spelt), j - len(written)
        if start < 0 or typed_start < 0 or (start == i and typed_start == j):
            continue
        if meant[start:i] != spelt or typed[typed_start:j] != written:
            continue
        following = meant[i : i + 1]
        if before and (not following or following not in before):
            continue
        preceding = meant[start - 1 : start] + typed[typed_start - 1 : typed_start]
        if not_after and any(letter in not_after for letter in preceding):
            continue  # "chido" is no "sido" with an h added: "ch" is one sound
        yield start, typed_start
