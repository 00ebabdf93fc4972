"""Own-case wording as data, two files per language in `bot/locales/<code>/`.

`own_case_words.toml` holds named word lists (`[words]`: a list is any one of its alternatives, a
string is used as it is), `spellings` (the case words a misspelt word is corrected to: "apointment",
"abogao"), `contractions` (short forms spelt out before matching), `apostrophe_s` (the words after
which a name's "'s" is "is" or "has": "my mom's asking" is "my mom is asking", "my dad's been
detained" is "my dad has been detained") and `hint_words` (words only that
language uses: they choose the language when two languages' rules match and the language detector
cannot tell) and `aside` (phrases whose case words are about no one's case, set aside before any
rule is matched: a career, "become an immigration lawyer", "work for ICE", whose "lawyer" or "ICE"
makes no question about the asker's case). `own_case_rules.toml` holds `[[rules]]`, each a regular
expression over folded text (see `own_case.fold`) that may name a word list as `<<name>>`. A rule
whose wording also fits a news question names, in `needs`, word lists one of whose words must also
be in the question (usually `case`: check-in, ICE, court, deport …), and in `unless`, lists none of
whose words may be (a news frame: "I read that", "is it true"). A language without a rules file gets
no own-case notice; adding one is adding the files (knowledge/TRANSLATING.md).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.core import languages

WORDS_FILE = "own_case_words.toml"
RULES_FILE = "own_case_rules.toml"
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
    aside: re.Pattern[str] | None = None  # phrases set aside before matching (`aside`)
    apostrophe_s: Mapping[str, str] = field(default_factory=dict)  # next word -> "is" / "has"


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


def _load(folder: Path) -> Wording:
    code = folder.name
    path = folder / RULES_FILE
    try:
        words_path = folder / WORDS_FILE
        raw = tomllib.loads(words_path.read_text(encoding="utf-8")) if words_path.exists() else {}
        rule_data = tomllib.loads(path.read_text(encoding="utf-8"))
        words = raw.get("words", {})
        rules = tuple(
            Rule(
                str(rule["name"]),
                re.compile(expand(str(rule["pattern"]), words)),
                tuple(str(name) for name in rule.get("needs", ())),
                tuple(str(name) for name in rule.get("unless", ())),
            )
            for rule in rule_data.get("rules", ())
        )
        named = {name for rule in rules for name in (*rule.needs, *rule.unless)}
        contexts = {name: re.compile(rf" {expand(f'<<{name}>>', words)}\b") for name in named}
        hints = raw.get("hint_words", ())
        hint = re.compile(" (?:" + "|".join(map(re.escape, hints)) + ") ") if hints else None
        asides = [expand(str(phrase), words) for phrase in raw.get("aside", ())]
        aside = re.compile(" (?:" + "|".join(asides) + ")(?= )") if asides else None
        contractions = dict(raw.get("contractions", {}))
        apostrophe_s = dict(raw.get("apostrophe_s", {}))
        spellings = tuple(raw.get("spellings", ()))
        texts = (*contractions.values(), *apostrophe_s.values(), *spellings)
        if not all(isinstance(text, str) for text in texts):
            raise OwnCaseDataError("contractions, apostrophe_s and spellings must be words")
    except (KeyError, TypeError, tomllib.TOMLDecodeError, re.error, OwnCaseDataError) as error:
        raise OwnCaseDataError(f"{folder}: bad own-case data: {error}") from None
    return Wording(code, rules, contexts, hint, contractions, spellings, aside, apostrophe_s)


@functools.cache
def wordings() -> tuple[Wording, ...]:
    """Every language with own-case data, in the order of `languages.languages()`."""
    found = []
    for code in languages.languages():
        folder = languages.LOCALES_DIR / code
        if (folder / RULES_FILE).exists():
            found.append(_load(folder))
    return tuple(found)
