"""Questions about the asker's own (or their family's) case, in English and Spanish.

Such a question ("I have a check-in next week, can I use the app?", "¿puedo usar la app?") gets a
plain notice before any answer: the bot reports what was published and is not legal advice. A
question about the news that merely uses "I" ("I heard 45 people enrolled, true?") does not.

A question counts as own-case when it has first-person (or family) case wording — "my
check-in", "I have an appointment", "can I skip", "tengo cita", "mi esposo tiene que
reportarse" — and, for the weaker cues (a bare "can I", "my husband"), also a word about an
immigration case (check-in, ICE, app, court, deport …), and for some no news frame ("I read
that", "es cierto"). Misspelt case words are read as meant ("apointment"). The language is the
question's, when the language detector is sure of it, else the matching rule's. A lawyer's or
volunteer's question about a client's case counts too: the answer may reach the client.

The rules and their word lists are data, per language (`bot/locales/<code>/own_case_words.toml`
and `own_case_rules.toml`, read by `bot.core.own_case_data`); the notice texts are in
`bot.core.notices`.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from bot.core.commonness import is_word
from bot.core.language_detect import detect_language
from bot.core.own_case_data import Wording, wordings
from bot.core.typos import TypoCorrector

EMPHATIC_SI = re.compile(r"(?<!\w)sí(?!\w)")
SHORTEST_TYPO = 5  # shorter misspellings are too close to other words ("sita", "cite")


@dataclass(frozen=True)
class OwnCase:
    language: str  # the code of the language whose rule matched
    cue: str  # the name of the rule that matched, for tests and debugging


def fold(text: str) -> str:
    """Lower case, accents and ¿¡ dropped, contractions (and a name's "'s" for "is" or "has")
    spelt out, spaces single, padded. An accented "sí" (yes, indeed) is kept apart from "si" (if)
    as "sii": "la gente sí usó la app" is no "if I use the app" once its accents are gone."""
    text = EMPHATIC_SI.sub("sii", unicodedata.normalize("NFC", text.casefold()))
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'")
    plain = re.sub(r"[¿¡?!.,;:()\"“”]", " ", plain)
    contractions: dict[str, str] = {}
    apostrophe_s: dict[str, str] = {}
    for wording in wordings():
        contractions.update(wording.contractions)
        apostrophe_s.update(wording.apostrophe_s)
    words = _apostrophe_s([contractions.get(word, word) for word in plain.split()], apostrophe_s)
    spellings = tuple(sorted({word for wording in wordings() for word in wording.spellings}))
    codes = tuple(wording.code for wording in wordings())
    words = [_spelt(word, spellings, codes) for word in words]
    return " " + " ".join(words) + " "


def _apostrophe_s(words: list[str], verbs: dict[str, str]) -> list[str]:
    """`words` with a name's "'s" spelt out as "is" or "has" where the next word says which ("my
    mom's asking" -> "my mom is asking", "my dad's been" -> "my dad has been"); a possessive
    ("my mom's check-in") is kept."""
    spelt: list[str] = []
    for word, after in itertools.pairwise([*words, ""]):
        if len(word) > 2 and word.endswith("'s") and after in verbs:
            spelt += [word[:-2], verbs[after]]
        else:
            spelt.append(word)
    return spelt


@functools.cache
def _speller(spellings: tuple[str, ...]) -> TypoCorrector:
    return TypoCorrector(dict.fromkeys(spellings, 1))


@functools.lru_cache(maxsize=8192)
def _spelt(word: str, spellings: tuple[str, ...], codes: tuple[str, ...]) -> str:
    """`word`, or the case word it misspells ("apointment" -> "appointment"); a word of any of
    the languages is never corrected."""
    if len(word) < SHORTEST_TYPO or not spellings or any(is_word(word, code) for code in codes):
        return word
    return _speller(spellings).correct(word) or word


def _cue(wording: Wording, text: str) -> str | None:
    """The name of the first of `wording`'s rules that `text` matches, once its `aside` phrases
    (a career: "become an immigration lawyer") are set aside."""
    if wording.aside is not None:
        text = re.sub(" {2,}", " ", wording.aside.sub(" ", text))
    present: dict[str, bool] = {}

    def has(name: str) -> bool:
        if name not in present:
            present[name] = wording.contexts[name].search(text) is not None
        return present[name]

    for rule in wording.rules:
        wanted = all(map(has, rule.needs)) and not any(map(has, rule.unless))
        if wanted and rule.pattern.search(text):
            return rule.name
    return None


def _hints(wording: Wording, text: str) -> int:
    return len(wording.hint.findall(text)) if wording.hint else 0


def detect(question: str) -> OwnCase | None:
    """The first own-case cue in `question`, with its language; None for a news question."""
    text = fold(question)
    found = [
        (wording, OwnCase(wording.code, cue))
        for wording in wordings()
        if (cue := _cue(wording, text)) is not None
    ]
    if not found:
        return None
    # The question's language, when the language detector is sure of it ("my compa faltó a su
    # cita" is Spanish though an English rule matched); else, when two languages' rules match
    # (Spanglish), two or more of a language's own words decide it.
    language = detect_language(question)
    if not language.ambiguous and any(w.code == language.code for w in wordings()):
        cues = [own_case for wording, own_case in found if wording.code == language.code]
        return cues[0] if cues else OwnCase(language.code, found[0][1].cue)
    wording, own_case = max(found, key=lambda pair: _hints(pair[0], text))
    return own_case if _hints(wording, text) >= 2 else found[0][1]
