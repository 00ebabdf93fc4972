"""The bot's own words in every language: one gettext catalogue per language, read with Babel.

Code writes English (marked with `N_` where it is a constant, or passed to `Texts.gettext`);
`bot/locales/<code>/LC_MESSAGES/policybot.po` holds the other language's version of each. The
.po files are compiled in memory when first used, so there is no build step and nothing
compiled to commit. `pybabel extract` (see babel.cfg) finds every marked string; a test checks
each has a translation in every catalogue.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import os

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from bot.core.languages import LOCALES_DIR, SOURCE_LANGUAGE, language, languages

DOMAIN = "policybot"


def N_(message: str) -> str:
    """Mark a constant for extraction; it is translated where it is used."""
    return message


class Marked(str):
    """English text (what `str`, logs and the command line show) that keeps its gettext
    message and fields, so a front end can say it in the reader's language (`said`). The core
    returns these for the refusals moderators read; it never needs to know who reads them."""

    message: str
    fields: dict[str, object]

    def __new__(cls, message: str, **fields: object) -> Marked:
        text = super().__new__(cls, message.format(**fields) if fields else message)
        text.message = message
        text.fields = fields
        return text


def said(text: str, code: str) -> str:
    """`text` in a language: a Marked text translated, any other text as it is."""
    if not isinstance(text, Marked):
        return text
    translated = texts(code).gettext(text.message)
    return translated.format(**text.fields) if text.fields else translated


def operator_language() -> str:
    """The language of whoever runs the program at a terminal, for what it says there with no
    question to go by (Ctrl-C while the Discord bot runs), from the environment's locale as
    gettext reads it: LANGUAGE (a list: its first language the bot speaks), else the first set
    of LC_ALL, LC_MESSAGES, LANG; English when that is one the bot does not speak. (Not Babel's
    `default_locale`: it reads LC_CTYPE before LANG, and Python sets LC_CTYPE to C.UTF-8 where
    the named locale is not installed.)"""
    for wanted in os.environ.get("LANGUAGE", "").split(":"):
        if _language_code(wanted) in languages():
            return _language_code(wanted)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if wanted := os.environ.get(variable, ""):
            code = _language_code(wanted)
            return code if code in languages() else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def _language_code(locale: str) -> str:
    """ "es_MX.UTF-8@euro" -> "es"."""
    return locale.split(".")[0].split("@")[0].split("_")[0].lower()


def catalogue_path(code: str) -> str:
    return str(LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po")


@functools.cache
def _translations(code: str) -> NullTranslations:
    if code == SOURCE_LANGUAGE:
        return NullTranslations()
    with open(catalogue_path(code), "rb") as handle:
        catalog = read_po(handle, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


class Texts:
    """The bot's words and formats in one language."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._translations = _translations(code)
        # English dates read "12 July 2024": day-month order of the British long format.
        self._date_locale = "en_GB" if code == SOURCE_LANGUAGE else code

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)

    def date(self, day: dt.date) -> str:
        """A date in words: "12 July 2024", "12 de julio de 2024"."""
        return babel_format_date(day, format="long", locale=self._date_locale)

    def moment(self, when: str) -> str:
        """A stored UTC time ("2024-07-12T09:30:00+00:00") the short way, in UTC: "12/07/2024,
        09:30", "12/7/24, 9:30"."""
        moment = dt.datetime.fromisoformat(when)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        return babel_format_datetime(moment, "short", tzinfo=dt.UTC, locale=self._date_locale)

    def day(self, when: str) -> str:
        """The day of a stored time ("2024-07-12T09:30:00+00:00"), in words, as `date`."""
        return self.date(dt.date.fromisoformat(when[:10]))

    def number(self, value: int | float) -> str:
        """A count or figure in the language's digits: "12,345", "12.345"."""
        return format_decimal(value, locale=self._date_locale)

    def percent(self, value: float) -> str:
        """A ratio as a whole percentage: "45%", "45 %"."""
        return format_percent(value, locale=self._date_locale)

    def quoted(self, text: str) -> str:
        """`text` in this language's quotation marks: “…” in English, «…» in Spanish."""
        opening, closing = language(self.code).quotes
        return f"{opening}{text}{closing}"

    @property
    def language_name(self) -> str:
        return language(self.code).name


def catalogue_digest() -> str:
    """A hash of every catalogue and language file: it changes when any translation does
    (Discord's command localizations come from them)."""
    digest = hashlib.sha256()
    for path in sorted(LOCALES_DIR.glob("*/**/*")):
        if path.suffix in {".po", ".toml"} and path.is_file():
            digest.update(path.relative_to(LOCALES_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def texts(code: str = SOURCE_LANGUAGE) -> Texts:
    return Texts(code)
