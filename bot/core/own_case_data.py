"""Own-case wording as data: `bot/locales/<code>/own_case.toml`, one file per language.

A file has named word lists (`[words]`: a list is any one of its alternatives, a string is used as
it is) and `[[rules]]`, each a regular expression over folded text (see `own_case.fold`) that may
name a word list as `<<name>>`. A rule whose wording also fits a news question names, in `needs`,
word lists one of whose words must also be somewhere in the question (usually `case`: check-in,
ICE, court, deport …), and in `unless`, lists none of whose words may be (a news frame: "I read
that", "is it true"). `hint_words` are words only that language uses: they choose the language
when two languages' rules match. `contractions` spell out short forms before matching;
`spellings` are the case words a misspelt word is corrected to ("apointment", "abogao"). A
language without the file gets no own-case notice; adding one is adding the file
(knowledge/TRANSLATING.md).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core import languages

FILE_NAME = "own_case.toml"
_PLACEHOLDER = re.compile(r"<<(\w+)>>")


class OwnCaseDataError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()  # word lists: a word of each must be in the question
    unless: tuple[str, ...] = ()  # word lists: no word of any may be


@dataclass(frozen=True)
class Wording:
    """One language's own-case rules, compiled."""

    code: str
    rules: tuple[Rule, ...]
    contexts: Mapping[str, re.Pattern[str]]  # each list a rule needs or excludes, as a search
    hint: re.Pattern[str] | None  # a word only this language uses
    contractions: Mapping[str, str]
    spellings: tuple[str, ...]


def expand(template: str, words: Mapping[str, str | list[str]], seen: tuple[str, ...] = ()) -> str:
    """`template` with every `<<name>>` replaced by that word list, itself expanded."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            raise OwnCaseDataError(f"no word list '{name}'")
        if name in seen:
            raise OwnCaseDataError(f"word list '{name}' names itself")
        value = words[name]
        text = value if isinstance(value, str) else "(?:" + "|".join(value) + ")"
        return expand(text, words, (*seen, name))

    return _PLACEHOLDER.sub(one, template)


def _load(path: Path) -> Wording:
    code = path.parent.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        words = raw.get("words", {})
        rules = tuple(
            Rule(
                str(rule["name"]),
                re.compile(expand(str(rule["pattern"]), words)),
                tuple(str(name) for name in rule.get("needs", ())),
                tuple(str(name) for name in rule.get("unless", ())),
            )
            for rule in raw.get("rules", ())
        )
        named = {name for rule in rules for name in (*rule.needs, *rule.unless)}
        contexts = {name: re.compile(rf" {expand(f'<<{name}>>', words)}\b") for name in named}
        hints = raw.get("hint_words", ())
        hint = re.compile(" (?:" + "|".join(map(re.escape, hints)) + ") ") if hints else None
        contractions = dict(raw.get("contractions", {}))
        spellings = tuple(raw.get("spellings", ()))
        if not all(isinstance(text, str) for text in (*contractions.values(), *spellings)):
            raise OwnCaseDataError("contractions and spellings must be words")
    except (KeyError, TypeError, tomllib.TOMLDecodeError, re.error, OwnCaseDataError) as error:
        raise OwnCaseDataError(f"{path}: bad own-case data: {error}") from None
    return Wording(code, rules, contexts, hint, contractions, spellings)


@functools.cache
def wordings() -> tuple[Wording, ...]:
    """Every language with own-case data, in the order of `languages.languages()`."""
    found = []
    for code in languages.languages():
        path = languages.LOCALES_DIR / code / FILE_NAME
        if path.exists():
            found.append(_load(path))
    return tuple(found)
