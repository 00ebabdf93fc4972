"""A deterministic, noisier copy of a question set: what members really type.

Each question gets two or three perturbations drawn with a generator seeded from the question
itself, so the copy is the same on every run and every machine.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable

SEED = 20240712
KEYBOARD_NEIGHBOURS = {
    "a": "qwsz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc",
    "g": "ftyhbv", "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop",
    "m": "njk", "n": "bhjm", "o": "iklp", "p": "ol", "q": "wa", "r": "edft", "s": "awedxz",
    "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase", "x": "zsdc", "y": "tghu", "z": "asx",
}  # fmt: skip
CHATTER_BEFORE = (
    "hey guys quick question,",
    "ok so",
    "serious question:",
    "can someone explain",
    "lol wait",
    "my cousin keeps saying stuff about this,",
    "@bot",
)
CHATTER_AFTER = ("thanks!", "??", "lol", "asking for a friend", "anyone know?", "🙏", "pls")
EMOJI = ("🤔", "😂", "🇺🇸", "🔥", "<:thonk:123456789012345678>")


def _typo(words: list[str], rng: random.Random) -> list[str]:
    positions = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not positions:
        return words
    i = rng.choice(positions)
    word = words[i]
    j = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:  # swapped neighbours
        word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    elif kind == 1:  # dropped letter
        word = word[:j] + word[j + 1 :]
    elif kind == 2:  # doubled letter
        word = word[:j] + word[j] + word[j:]
    else:  # neighbouring key
        near = KEYBOARD_NEIGHBOURS.get(word[j].lower(), word[j])
        word = word[:j] + rng.choice(near) + word[j + 1 :]
    return [*words[:i], word, *words[i + 1 :]]


def _drop_word(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 4:
        return words
    i = rng.randrange(len(words))
    return words[:i] + words[i + 1 :]


def _swap_words(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 3:
        return words
    i = rng.randrange(len(words) - 1)
    return [*words[:i], words[i + 1], words[i], *words[i + 2 :]]


def _all_caps(words: list[str], rng: random.Random) -> list[str]:
    return [w.upper() for w in words]


def _markup(words: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(len(words))
    marked = [*words[:i], f"**{words[i]}**", *words[i + 1 :]]
    prefix = rng.choice(("<@123456789012345678>", "<@!42>", "<#1>", "<@&987>"))
    return [prefix, *marked, rng.choice(EMOJI)]


def _chatter(words: list[str], rng: random.Random) -> list[str]:
    return [rng.choice(CHATTER_BEFORE), *words, rng.choice(CHATTER_AFTER)]


PERTURBATIONS: dict[str, Callable[[list[str], random.Random], list[str]]] = {
    "typo": _typo,
    "drop": _drop_word,
    "swap": _swap_words,
    "caps": _all_caps,
    "markup": _markup,
    "chatter": _chatter,
}


def perturb(question: str, seed: int = SEED) -> str:
    """The same question as a hurried member might type it."""
    rng = random.Random(seed ^ zlib.crc32(question.encode("utf-8")))
    words = question.split()
    if not words:
        return question
    kinds = rng.sample(sorted(PERTURBATIONS), rng.choice((2, 2, 3)))
    if "typo" not in kinds and rng.random() < 0.5:
        kinds.append("typo")
    # Word-level edits first, so markup and chatter stay intact.
    order = ("drop", "swap", "typo", "caps", "markup", "chatter")
    for kind in sorted(kinds, key=order.index):
        words = PERTURBATIONS[kind](words, rng)
    return " ".join(words)
