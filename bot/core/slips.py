"""A slip read from the entry a question matched: a word the question says where the entry's
best-matching question says a word one letter away ("did the ap have glitchs" / "did the app
have glitches", "how dose the app work" / "how does the app work", "were can i get fre legal
help" / "where can i get free legal help").

Spelling correction (misspellings.py) never turns a real word into a knowledge-base word ("ap",
"dose" and "fre" are words, "daca" is not "data"); so such a question is held for a word the
entry lacks. What says it is a slip is where it stands: beside the same word as the entry's
word does, in a question the entry otherwise answers. One_question.py reads the question again
with the entry's word in its place, and answers when that reading answers with the same entry.
"""

from __future__ import annotations

import re

SHORTEST = 2  # the slip, typed ("ap")
SHORTEST_MEANT = 3  # the word meant ("app")


def slip_meant(word: str, words: list[str], matched: list[str]) -> str | None:
    """The word of `matched` (the entry's best-matching question, its words as read) that
    `word` of the question (`words`, as read) is one slip from (one_slip), when a neighbour of
    it in the question is the same word's neighbour in `matched`; None when none is, or when
    several are, or when the question already says it. Numbers are never slips ("500" is not
    "2500")."""
    if len(word) < SHORTEST or any(c.isdigit() for c in word) or word not in words:
        return None
    meant = {
        other
        for at, other in enumerate(matched)
        if len(other) >= SHORTEST_MEANT
        and not any(c.isdigit() for c in other)
        and other not in words
        and one_slip(word, other)
        and _beside_alike(words, word, matched, at)
    }
    return meant.pop() if len(meant) == 1 else None


def one_slip(typed: str, meant: str) -> bool:
    """Whether `typed` is `meant` with two neighbouring letters swapped ("dose", "sing"), or
    with a doubled letter typed once ("ap", "fre") or a letter typed twice ("gett"): the slips
    of a hand, which rarely make another word that fits where the meant one stands. A letter
    changed or dropped alone is not one: "cap", "apt" and "fee" are other words than "app" and
    "free", said in their own right."""
    if len(typed) == len(meant):
        swapped = [at for at in range(len(typed)) if typed[at] != meant[at]]
        return (
            len(swapped) == 2
            and swapped[1] == swapped[0] + 1
            and typed[swapped[0]] == meant[swapped[1]]
            and typed[swapped[1]] == meant[swapped[0]]
        )
    short, long = sorted((typed, meant), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(
        long[at] == long[at + 1] and long[:at] + long[at + 1 :] == short
        for at in range(len(long) - 1)
    )


def _beside_alike(words: list[str], word: str, matched: list[str], at: int) -> bool:
    """Whether `word` stands, somewhere in `words`, beside the word that stands beside
    matched[at] on the same side."""
    before = matched[at - 1] if at else None
    after = matched[at + 1] if at + 1 < len(matched) else None
    for position, said in enumerate(words):
        if said != word:
            continue
        if before is not None and position and words[position - 1] == before:
            return True
        if after is not None and position + 1 < len(words) and words[position + 1] == after:
            return True
    return False


def with_word(question: str, slip: str, meant: str) -> str:
    """`question` with each `slip` said as a word of its own (any case) read as `meant`; as it
    is when the slip is written in capitals anywhere in it: "AP" is a name (the Associated
    Press), not a slip of "app"."""
    said = re.compile(rf"(?<!\w){re.escape(slip)}(?!\w)", flags=re.IGNORECASE)
    if any(found.group().isupper() for found in said.finditer(question)):
        return question
    return said.sub(meant, question)
