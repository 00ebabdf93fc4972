"""Own-case wording as data: `bot/locales/<code>/own_case.toml`, one file per language.

A file has named word lists (`[words]`: a list is any one of its alternatives, a string is used as
it is) and `[[rules]]`, each a regular expression over folded text (see `own_case.fold`) that may
name a word list as `<<name>>`; a rule with `needs_case_word` counts only if the question also has
one of the `case` words. `hint_words` are words only that language uses: they choose the language
when two languages' rules match. `contractions` spell out short forms before matching. A language
without the file gets no own-case notice; adding one is adding the file (knowledge/TRANSLATING.md).
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
    needs_case_word: bool


@dataclass(frozen=True)
class Wording:
    """One language's own-case rules, compiled."""

    code: str
    case_word: re.Pattern[str]  # a word about an immigration case, anywhere in the question
    rules: tuple[Rule, ...]
    hint: re.Pattern[str] | None  # a word only this language uses
    contractions: Mapping[str, str]


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
                bool(rule.get("needs_case_word", False)),
            )
            for rule in raw.get("rules", ())
        )
        case_word = re.compile(rf" {expand('<<case>>', words)}\b")
        hints = raw.get("hint_words", ())
        hint = re.compile(" (?:" + "|".join(map(re.escape, hints)) + ") ") if hints else None
        contractions = {str(k): str(v) for k, v in raw.get("contractions", {}).items()}
    except (KeyError, TypeError, tomllib.TOMLDecodeError, re.error, OwnCaseDataError) as error:
        raise OwnCaseDataError(f"{path}: bad own-case data: {error}") from None
    return Wording(code, case_word, rules, hint, contractions)


@functools.cache
def wordings() -> tuple[Wording, ...]:
    """Every language with own-case data, in the order of `languages.languages()`."""
    found = []
    for code in languages.languages():
        path = languages.LOCALES_DIR / code / FILE_NAME
        if path.exists():
            found.append(_load(path))
    return tuple(found)
