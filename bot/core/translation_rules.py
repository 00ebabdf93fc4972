"""The machine check every translated answer passes (rules: knowledge/TRANSLATING.md).

A translation may not add, drop or change a fact a machine can see: the same numbers, the same
months for its dates, the anonymous-sourcing wording when the entry rests on anonymous sources,
and every quote from the English answer kept as printed with a marked rendering after it.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.languages import SOURCE_LANGUAGE, Language, language

# A number is its digits: "2,500" and "2.500", "1.8" and "1,8" are the same figure.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTE = re.compile(r'"([^"]+)"')


def fold(text: str) -> str:
    """Lower case without accents (ñ folds to n): how phrases are compared."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def numbers(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", match) for match in _NUMBER.findall(text)}


def quotes(text: str) -> list[str]:
    return _QUOTE.findall(text)


def dated_months(text: str, lang: Language) -> set[int]:
    """Months (1-12) named beside a number, as in "12 July 2024" or "julio de 2024"."""
    found = set()
    # English writes months capitalised ("May 2024"), which tells them from "may"; the
    # translation languages are compared folded.
    english = lang.code == SOURCE_LANGUAGE
    searched = text if english else fold(text)
    for index, name in enumerate(lang.month_names, start=1):
        month = name.capitalize() if english else fold(name)
        pattern = rf"(\d[\s,]*(de\s+)?{month}\b|\b{month}(\s+de)?[\s,]*\d)"
        if re.search(pattern, searched):
            found.add(index)
    return found


def _without_quotes(text: str) -> str:
    return _QUOTE.sub(" ", text)


def translation_problems(english: str, translated: str, code: str, *, anonymous: bool) -> list[str]:
    """What is wrong with `translated` as a rendering of `english`; empty when nothing is."""
    lang = language(code)
    source = language(SOURCE_LANGUAGE)
    problems = []

    missing = sorted(numbers(english) - numbers(translated))
    added = sorted(numbers(translated) - numbers(english))
    if missing:
        problems.append(f"numbers in the English answer but not the translation: {missing}")
    if added:
        problems.append(f"numbers in the translation but not the English answer: {added}")

    english_months = dated_months(_without_quotes(english), source)
    translated_months = dated_months(_without_quotes(translated), lang)
    for month in sorted(english_months - translated_months):
        problems.append(
            f"date: the English answer names {source.month_names[month - 1]}; "
            f"the translation must say '{lang.month_names[month - 1]}' beside the date"
        )
    leaked = dated_months(_without_quotes(translated), source) if code != SOURCE_LANGUAGE else set()
    for month in sorted(leaked):
        problems.append(
            f"date: English month name '{source.month_names[month - 1]}' outside a "
            "quote; write the month in the translation's language"
        )

    if anonymous and not any(fold(p) in fold(translated) for p in lang.anonymity_phrases):
        wording = ", ".join(f"'{p}'" for p in lang.anonymity_phrases[:3])
        problems.append(
            f"the entry rests on anonymous sources; the translation must say so (e.g. {wording})"
        )

    for quote in quotes(english):
        marker = re.escape(lang.translation_marker)
        rendering = re.escape(f'"{quote}"') + rf"\s*\({marker}:\s*«[^»]+»\)"
        if not re.search(rendering, translated):
            problems.append(
                f'quote "{quote}" must stay as printed, followed by '
                f"({lang.translation_marker}: «…»)"
            )
    return problems
