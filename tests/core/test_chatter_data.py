"""English chatter is data: `chatter` in bot/locales/en/language.toml, read by the same loader as
every other language's, and the mechanism in chatter.py applies it."""

from __future__ import annotations

import re

from bot.core.chatter import CHATTER, strip_chatter
from bot.core.languages import languages
from bot.core.normalize import plain_words


def test_english_chatter_is_read_from_its_language_file() -> None:
    english = languages()["en"].chatter
    assert english and CHATTER["en"] == english
    for pattern in english:
        re.compile(pattern)  # each entry is a regular expression of its own


def test_the_english_file_anchors_and_optional_words_are_kept() -> None:
    # "^" and "$" in the data still anchor at the message's start and end.
    assert strip_chatter(plain_words("morning all what is smartlink")) == "what is smartlink"
    assert strip_chatter(plain_words("is the morning check in required")) == (
        "is the morning check in required"
    )
    assert strip_chatter(plain_words("did it glitch or what")) == "did it glitch"
    assert strip_chatter(plain_words("or what did it glitch")) == "or what did it glitch"
    # Optional words ("so much", "for the help") stay optional.
    assert strip_chatter(plain_words("thanks so much for the help bot")) == ""
    assert strip_chatter(plain_words("thanks bot")) == ""


def test_spanish_chatter_reaches_the_same_mechanism() -> None:
    assert "es" in CHATTER
    assert strip_chatter("hola bot que es la app", language="es") == "que es la app"
