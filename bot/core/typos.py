"""Correcting a mistyped word to a word the knowledge base uses, without scanning them all.

Words are bucketed by first letter and length. A typo rarely touches the first letter, and a
dropped, doubled or swapped first letter puts the intended first letter second, so looking in
the buckets of the typed word's first two letters, at lengths within the allowed edits, finds
nearly every typo while comparing against a small share of the vocabulary. Edits are counted
as optimal string alignment distance, so a swap of two neighbours is one edit.

Of the words within reach, the one the typing most likely came from wins (typing_cost): a
dropped vowel or doubled letter, a swap or a neighbouring key are how fingers slip, so "portl"
is "portal" rather than "port", "lawer" "lawyer" rather than "later", and "procces", two slips
of the commonest kind, is still "process". A language spelt as it sounds also prices writing a
word as it is heard as a cheap slip (sound_slips.py: "aplicasion" is "aplicacion").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.sound_slips import SOUND_SLIP, Slips, first_letters, sound_steps

MIN_LENGTH = 4
LONG_WORD = 8  # from this length on, two edits are allowed; below it, one
# From this length on, a shorter word may also be two slips away if both are cheap ones
# (their typing_cost adds up to at most one edit): "procces", "enroled" -> "enrolled".
TWO_SLIPS = 5
CACHE_SIZE = 50_000

# What each slip costs, in edits (typing_cost). Measured on the typo rows of the tuning sets
# (benchmarks/README.md, round 12); the order is what matters: a letter left out is the
# commonest slip, a vowel or a doubled letter most of all; a key struck beside the right one
# comes next; an extra key or a substitution far from the right one costs a whole edit.
DROPPED_SOFT = 0.4  # a vowel ("portl") or one of a doubled letter ("wil") left out
DROPPED = 0.5  # any other letter left out ("lifed")
DOUBLED = 0.4  # a letter typed twice ("procces")
SWAPPED = 0.5  # two neighbours swapped ("reprot")
NEIGHBOUR_KEY = 0.6  # a key beside the right one ("boarder" is not this: o-a are apart)
EXTRA_NEIGHBOUR = 0.7  # a key beside a typed letter struck as well
VOWEL_FOR_VOWEL = 0.7  # one vowel written for another, as it sounds ("seperate")
FULL_EDIT = 1.0
CHEAP = 0.5  # a correction at most this costly is one slip of the likeliest kinds

_VOWELS = frozenset("aeiouy")
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    """Each key's neighbours on a QWERTY keyboard: beside it on its row, and the two keys it
    sits between on the rows above and below (each row sits half a key right of the one above:
    "i" touches "8", "9", "u", "o", "j" and "k")."""
    found: dict[str, set[str]] = {}
    for row, keys in enumerate(_ROWS):
        for column, key in enumerate(keys):
            near = found.setdefault(key, set())
            touching = [(row, column - 1), (row, column + 1)]
            touching += [(row - 1, column), (row - 1, column + 1)]
            touching += [(row + 1, column - 1), (row + 1, column)]
            for other_row, other_column in touching:
                if 0 <= other_row < len(_ROWS) and 0 <= other_column < len(_ROWS[other_row]):
                    near.add(_ROWS[other_row][other_column])
    return {key: frozenset(near) for key, near in found.items()}


_NEAR = _neighbours()
_NO_KEYS: frozenset[str] = frozenset()


def allowed_edits(word: str) -> int:
    return 2 if len(word) >= LONG_WORD else 1


def _dropped(word: str, at: int) -> float:
    letter = word[at]
    doubled = word[at - 1 : at] == letter or word[at + 1 : at + 2] == letter
    return DROPPED_SOFT if letter in _VOWELS or doubled else DROPPED


def _extra(typed: str, at: int) -> float:
    letter = typed[at]
    if typed[at - 1 : at] == letter or typed[at + 1 : at + 2] == letter:
        return DOUBLED
    beside = typed[at - 1 : at] + typed[at + 1 : at + 2]
    return FULL_EDIT if _NEAR.get(letter, _NO_KEYS).isdisjoint(beside) else EXTRA_NEIGHBOUR


@lru_cache(maxsize=CACHE_SIZE)  # a pair of letters: asked once per cell of typing_cost
def _substituted(meant: str, typed: str) -> float:
    if typed in _NEAR.get(meant, ()):
        return NEIGHBOUR_KEY
    return VOWEL_FOR_VOWEL if meant in _VOWELS and typed in _VOWELS else FULL_EDIT


def _by_ear(
    cost: list[list[float]], meant: str, typed: str, i: int, j: int, sounds: Slips, best: float
) -> float:
    """`best`, or less when meant[:i] typed as typed[:j] ends in a spelling written by ear."""
    for back, typed_back in sound_steps(meant, typed, i, j, sounds):
        best = min(best, cost[back][typed_back] + SOUND_SLIP)
    return best


@lru_cache(maxsize=CACHE_SIZE)
def typing_cost(typed: str, meant: str, sounds: Slips = ()) -> float:
    """How unlikely it is that someone meaning `meant` typed `typed`: the cheapest sequence of
    slips (the costs above; an optimal string alignment, so a swap is one slip). `sounds`: the
    language's spellings that sound alike (sound_slips.py), each a slip of SOUND_SLIP."""
    rows, columns = len(meant), len(typed)
    # What leaving out each letter meant and striking each letter typed cost, once each.
    dropped = [_dropped(meant, i) for i in range(rows)]
    extra = [_extra(typed, j) for j in range(columns)]
    cost = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        best = cost[i - 1][0] + dropped[i - 1]
        cost[i][0] = _by_ear(cost, meant, typed, i, 0, sounds, best) if sounds else best
    for j in range(1, columns + 1):
        best = cost[0][j - 1] + extra[j - 1]
        cost[0][j] = _by_ear(cost, meant, typed, 0, j, sounds, best) if sounds else best
    for i in range(1, rows + 1):
        above, row, letter, drop = cost[i - 1], cost[i], meant[i - 1], dropped[i - 1]
        for j in range(1, columns + 1):
            struck = typed[j - 1]
            same = letter == struck
            best = min(
                above[j - 1] + (0.0 if same else _substituted(letter, struck)),
                above[j] + drop,
                row[j - 1] + extra[j - 1],
            )
            if i > 1 and j > 1 and letter == typed[j - 2] and meant[i - 2] == struck and not same:
                best = min(best, cost[i - 2][j - 2] + SWAPPED)
            row[j] = _by_ear(cost, meant, typed, i, j, sounds, best) if sounds else best
    return cost[rows][columns]


class TypoCorrector:
    def __init__(self, frequency: Mapping[str, int], sounds: Slips = ()) -> None:
        """`frequency`: each known word and how often the knowledge base uses it; `sounds`: the
        language's spellings that sound alike, priced as cheap slips (sound_slips.py)."""
        self._known = frequency
        self._sounds = sounds
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in sorted(frequency, key=lambda w: (-frequency[w], w)):
            if len(word) >= MIN_LENGTH - 2 and word.isalpha():
                buckets.setdefault((word[0], len(word)), []).append(word)
        self._buckets = buckets  # most used words first, so ties go to the common word
        self._cache: dict[tuple[str, int], tuple[tuple[str, float], ...]] = {}

    @property
    def by_ear(self) -> bool:
        """Whether the language is spelt as it sounds (it has spellings that sound alike)."""
        return bool(self._sounds)

    def cost(self, typed: str, meant: str) -> float:
        """typing_cost, with this corrector's language's spellings that sound alike."""
        return typing_cost(typed, meant, self._sounds)

    def knows(self, word: str) -> bool:
        """Whether `word` is one of the known words, as written."""
        return word in self._known

    def correct(self, word: str, shortest: int = MIN_LENGTH) -> str | None:
        """The known word `word` was probably meant to be, or None. Strings shorter than
        `shortest` are never corrected."""
        found = self.correction(word, shortest)
        return None if found is None else found[0]

    def correction(self, word: str, shortest: int = MIN_LENGTH) -> tuple[str, float] | None:
        """(the known word `word` was probably meant to be, its typing_cost), or None."""
        found = self.candidates(word, shortest)
        return found[0] if found else None

    def candidates(self, word: str, shortest: int = MIN_LENGTH) -> tuple[tuple[str, float], ...]:
        """(known word, typing_cost) of every known word `word` may be a typo of, the likeliest
        first (ties: the most used first)."""
        if word in self._known or len(word) < shortest or not word.isalpha():
            return ()
        # One lookup, never `in` then `[]`: autocomplete on the event loop and a match in the
        # worker thread (engine_answering.py) may use the cache at once, and either may clear it.
        key = (word, shortest)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        budget = allowed_edits(word)
        edits = 2 if len(word) >= TWO_SLIPS else budget
        found: list[tuple[float, int, str]] = []  # (cost, -frequency, word)
        for first in dict.fromkeys(word[:2] + first_letters(word, self._sounds)):
            for length in range(len(word) - edits, len(word) + edits + 1):
                bucket = self._buckets.get((first, length))
                if not bucket:
                    continue
                near = process.extract(
                    word, bucket, scorer=OSA.distance, score_cutoff=edits, limit=None
                )
                for known, _distance, _ in near:
                    cost = self.cost(word, known)
                    if cost <= budget:
                        found.append((cost, -self._known[known], known))
        ranked = tuple((known, cost) for cost, _, known in sorted(set(found)))
        self._cache[key] = ranked
        return ranked
