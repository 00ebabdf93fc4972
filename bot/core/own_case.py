"""Questions about the asker's own (or their family's) case, in English and Spanish.

Such a question ("I have a check-in next week, can I use the app?", "¿puedo usar la app?") gets a
plain notice before any answer: the bot reports what was published and is not legal advice. A
question about the news that merely uses "I" ("I heard 45 people enrolled, true?") does not.

A question counts as own-case when it has first-person (or family) case wording — "my
check-in", "I have an appointment", "can I skip", "tengo cita", "mi esposo tiene que
reportarse" — and, for the weaker cues (a bare "can I", "my husband"), also a word about an
immigration case (check-in, ICE, app, court, deport …). The language is the language of the cue
that matched. A lawyer's or volunteer's question about a client's case counts too: the answer may
reach the client. The rules live in `bot.core.own_case_rules`, their word lists in
`bot.core.own_case_words`, the notice texts in `bot.core.notices`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from bot.core import own_case_words as words
from bot.core.own_case_rules import RULES_EN, RULES_ES


class Language(StrEnum):
    EN = "en"
    ES = "es"


@dataclass(frozen=True)
class OwnCase:
    language: Language
    cue: str  # the name of the rule that matched, for tests and debugging


_CONTRACTIONS = {
    "i've": "i have",
    "ive": "i have",
    "i'm": "i am",
    "im": "i am",
    "we've": "we have",
    "we're": "we are",
    "don't": "do not",
    "dont": "do not",
    "can't": "cannot",
    "cant": "cannot",
    "won't": "will not",
    "didn't": "did not",
    "doesn't": "does not",
    "i'll": "i will",
    "gonna": "going to",
}


def fold(text: str) -> str:
    """Lower case, accents and ¿¡ dropped, contractions spelt out, spaces single, padded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'")
    plain = re.sub(r"[¿¡?!.,;:()\"“”]", " ", plain)
    words = [_CONTRACTIONS.get(word, word) for word in plain.split()]
    return " " + " ".join(words) + " "


_COMPILED = {
    Language.EN: tuple((n, re.compile(p), c) for n, p, c in RULES_EN),
    Language.ES: tuple((n, re.compile(p), c) for n, p, c in RULES_ES),
}
_CASE_WORDS = {
    Language.EN: re.compile(rf" {words.CASE_EN}\b"),
    Language.ES: re.compile(rf" {words.CASE_ES}\b"),
}
# Words only Spanish questions use; they decide the language when both languages' cues match.
_SPANISH_HINT = re.compile(r" (?:el|la|los|las|que|mi|mis|de|con|por|para|es|una|un|y|si|no) ")


def detect(question: str) -> OwnCase | None:
    """The first own-case cue in `question`, with its language; None for a news question."""
    text = fold(question)
    found: list[OwnCase] = []
    for language, rules in _COMPILED.items():
        has_case_word = _CASE_WORDS[language].search(text) is not None
        for name, pattern, needs_case_word in rules:
            if needs_case_word and not has_case_word:
                continue
            if pattern.search(text):
                found.append(OwnCase(language, name))
                break
    if not found:
        return None
    if len(found) > 1:
        spanish = len(_SPANISH_HINT.findall(text)) >= 2
        return found[1] if spanish else found[0]
    return found[0]
