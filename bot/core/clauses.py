"""Where a question breaks into clauses, and what a "what is X" question asks about: the
sentence and clause splitting and definition patterns every language's reading shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from bot.core import normalize as english

# A question's sentences: split where one ends ("?", "!", a new line, or a full stop after a
# word, not inside "U.S." or "1.8").
_SENTENCE_END = re.compile(r"[?!\n]+|(?<=[^\W\d_]{2})[\"'\u2019\u201d)]?\.(?=\s|$)")
_ENDED = re.compile(f"({_SENTENCE_END.pattern})")


# Inside a sentence, a comma, colon, semicolon or dash may start a question ("my friend sent me
# this, where is it from"); so does an opening question mark ("mi tío usa smartlink, ¿eso qué
# es?").
_CLAUSE_MARK = re.compile(r"\s*[,;:]\s*|\s+[-\u2013\u2014]+\s+|\s*(?=\u00bf)")


def parts_at(sentence: str) -> list[tuple[int, str]]:
    """The parts of a sentence between clause marks, each with where it starts in it."""
    parts: list[tuple[int, str]] = []
    start = 0
    for mark in _CLAUSE_MARK.finditer(sentence):
        parts.append((start, sentence[start : mark.start()]))
        start = mark.end()
    return [*parts, (start, sentence[start:])]


def place_part(
    clauses: list[tuple[list[str], bool, bool, int]], plain: str, asks: bool, after: bool, at: int
) -> None:
    """A part of a sentence (plain words) placed among its clauses (words, whether it asks,
    whether it is backstory told after a question, where): a new clause when it asks or is
    such backstory (`after`), else more of the clause before it."""
    if clauses and not asks and not after:
        clauses[-1][0].append(plain)  # not a new question: the clause goes on
    else:
        clauses.append(([plain], asks, after, at))


def asked_directly(
    found: list[tuple[str, bool, int]], reported: list[int], stands_alone: Callable[[str], bool]
) -> list[tuple[str, bool, int]]:
    """A message's clauses (plain words, whether it asks, where) with each question someone is
    told to have asked (`reported`: "mi prima quiere saber si la app es obligatoria") told, not
    asked, when the asker puts a question of their own after it that `stands_alone` ("…, ¿ya
    dijeron cuántos se inscribieron?"): that is the question, the reported one its backstory,
    read with who asked it (the clause before, when it does not ask). A later question naming
    nothing ("¿tú sabes?", "¿me ayudas?") or that only asks it again ("me preguntan en qué
    quedó lo de la app, ¿cómo está la cosa hoy?") leaves the reported one asked."""
    for index in reversed(reported):
        later = found[index + 1 :]
        if not any(
            asks and index + 1 + n not in reported and stands_alone(plain)
            for n, (plain, asks, _) in enumerate(later)
        ):
            continue
        plain, _, start = found[index]
        if index and not found[index - 1][1]:
            told, _, start = found[index - 1]
            found[index - 1 : index + 1] = [(f"{told} {plain}", False, start)]
        else:
            found[index] = (plain, False, start)
    return found


class Reader(Protocol):
    """The part of a language's reading that splitting a question needs."""

    def strip_chatter(self, plain: str) -> str: ...
    def plain_words(self, text: str) -> str: ...


def definitions(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The patterns as one expression (each subject group renamed s0, s1, …): every question
    of every entry is read through it when an index is built."""
    if not patterns:
        return None
    return re.compile(
        "|".join(
            f"(?:{pattern.replace('?P<subject>', f'?P<s{i}>')})"
            for i, pattern in enumerate(patterns)
        )
    )


def definition_subject(
    pattern: re.Pattern[str] | None, ends: frozenset[str], plain: str
) -> str | None:
    """The thing a "what is X" question asks about (plain words), or None for other questions.
    `ends`: words one of which such a question opens or ends with."""
    first, _, rest = plain.partition(" ")
    if first not in ends and rest.rpartition(" ")[2] not in ends:
        return None
    found = pattern.match(plain) if pattern is not None else None
    if found is None:
        return None
    return next(subject for subject in found.groups() if subject is not None)


def clause_break(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def clauses(
    text_analysis: Reader,
    breaks: re.Pattern[str] | None,
    text: str,
    chatter_first: bool = True,
) -> list[str]:
    """The questions asked in `text`, as plain words without chatter: its sentences, each split
    where a second question starts; one item for a single question. `chatter_first`: drop the
    chatter before splitting; else after, so that a break may be told by the chatter that opens
    the question ("soy voluntaria en un albergue y varios me preguntan si …")."""
    sentences = [part for part in _SENTENCE_END.split(english.clean(text)) if part.strip()]
    if len(sentences) < 2 and (breaks is None or not breaks.search(english.plain_words(text))):
        return [text_analysis.strip_chatter(text_analysis.plain_words(text))]
    strip = text_analysis.strip_chatter
    parts: list[str] = []
    for sentence in sentences:
        plain = text_analysis.plain_words(sentence)
        if chatter_first:
            plain = strip(plain)
        split = breaks.split(plain) if breaks is not None else [plain]
        parts += split if chatter_first else [strip(part) for part in split]
    return [part for part in parts if part]


def statements(text: str) -> list[str]:
    """The sentences of `text` that end with "!" or a full stop: said, not asked ("gracias por
    responder!", "was reading about this on my break.")."""
    pieces = _ENDED.split(english.clean(text))
    return [
        sentence
        for sentence, end in zip(pieces[::2], pieces[1::2], strict=False)
        if sentence.strip() and "?" not in end and ("!" in end or "." in end)
    ]


def said_at(text: str, start: int) -> bool:
    """Whether the sentence of `text` going on at `start` ends with "!" or a full stop: said,
    not asked ("was reading about this on my break.")."""
    end = _SENTENCE_END.search(text, start)
    return end is not None and "?" not in end.group() and ("!" in end.group() or "." in end.group())


def marked_questions(text: str) -> list[str]:
    """The sentences of `text` that open with a question mark ("¿de qué se trata este bot?"):
    asked, whatever their first word."""
    return [s for s in _SENTENCE_END.split(english.clean(text)) if s.lstrip().startswith("\u00bf")]
