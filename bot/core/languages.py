"""The languages the bot speaks, read from data: one folder per language under `bot/locales/`.

A language is `bot/locales/<code>/language.toml` (what the translation check and the matcher need)
beside its gettext catalogue `LC_MESSAGES/policybot.po` (the bot's own words). Adding a language
adds files, never code; knowledge/TRANSLATING.md is the guide.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
SOURCE_LANGUAGE = "en"  # every entry is written in it first; the others are translations
LANGUAGE_CODE_PATTERN = r"^[a-z]{2,3}$"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself ("Español")
    snowball: str  # the Snowball stemmer's name for it
    discord_locales: tuple[str, ...]
    translation_marker: str  # word that marks a rendering of an English quote
    anonymity_phrases: tuple[str, ...]
    quotes: tuple[str, str] = ("“", "”")  # the marks a title or question is quoted in
    # Matching (bot/core/analysis.py); English keeps its own (vocabulary.py, question_shapes.py).
    stem_trailing: str = ""  # vowels dropped from the end of a long stem (see analysis.py)
    # a word opening with a vowel is stemmed as if it opened with this consonant (data_analysis.py)
    stem_opening: str = ""
    # a final letter folding may have taken an accent from, and that letter accented ("o": "ó"),
    # with the endings of the language's verbs (data_analysis.py)
    accent_lost: Mapping[str, str] = field(default_factory=dict)
    verb_endings: tuple[str, ...] = ()
    # pronouns written onto a verb ("lanzarla", "reportarse") and the endings of the forms they
    # are written onto ("ar", "ando"): such a word is a word when the verb form is
    # (data_analysis.py)
    clitics: tuple[str, ...] = ()
    clitic_hosts: tuple[str, ...] = ()
    letters: str = ""  # letters and marks only this language uses, for the detector
    stopwords: frozenset[str] = frozenset()
    weak_tokens: frozenset[str] = frozenset()
    doubt_tokens: frozenset[str] = frozenset()  # tokens of doubt about a claim (one_question.py)
    phrases: tuple[tuple[str, str], ...] = ()  # (regular expression, token)
    # (regular expression, replacement), in order: spellings that sound alike fold to one key
    sound_alike: tuple[tuple[str, str], ...] = ()
    # (regular expression, replacement), in order: how its speakers spell the sounds of an
    # English name ("ice" heard as "ais"), before sound_alike
    english_sounds: tuple[tuple[str, str], ...] = ()
    # (spelling meant, spelling typed, letters that must follow the one meant, letters neither
    # may come after; "" for none): spellings of one sound, priced as cheap slips by the typo
    # corrector (sound_slips.py)
    sound_slips: tuple[tuple[str, str, str, str], ...] = ()
    # (regular expression, replacement), each giving one candidate: the word a diminutive or
    # other affectionate form is made from ("poquitos" -> "pocos", "ahorita" -> "ahora")
    diminutives: tuple[tuple[str, str], ...] = ()
    # (regular expression, replacement), each giving one singular a plural may be read as
    # ("ciudades" -> "ciudad"), stemmed in its place (data_analysis.py)
    plurals: tuple[tuple[str, str], ...] = ()
    synonyms: Mapping[str, str] = field(default_factory=dict)
    loanwords: frozenset[str] = frozenset()  # English words it uses, as common as in English
    chatter: tuple[str, ...] = ()  # regular expressions for talk around a question
    # (regular expression, replacement), in order, after the chatter: slang said plainly
    rewrites: tuple[tuple[str, str], ...] = ()
    # the bot asked about as "you" ("what even are you"): regular expressions whose group
    # "bot" is read as the word `bot_word` (chatter.py)
    addressed: tuple[str, ...] = ()
    bot_word: str = ""
    # the bot as the subject of a question ("are you free to use"): regular expressions matched
    # at the start of its plain words, chatter dropped (bot_subject.py)
    bot_subject: tuple[str, ...] = ()
    framing_words: tuple[str, ...] = ()  # words that frame a question, never its subject
    # words a question opens with: a sentence opening otherwise that matches nothing is context
    question_openers: frozenset[str] = frozenset()
    # words a yes/no question opens with ("es", "hay", "va"): question_form.py
    yes_no_openers: frozenset[str] = frozenset()
    # …and words its subject may open with before that verb ("la app es…")
    subject_openers: frozenset[str] = frozenset()
    # words that point to a subject named elsewhere: "eso" ("¿cuándo termina eso?")
    reference_words: frozenset[str] = frozenset()
    # words that say where or whose a thing is ("the weather in nyc"): a word no entry uses
    # said so of a claim's word names what the claim is about (one_question.py)
    said_of: frozenset[str] = frozenset()
    # words that say a day counted from now ("yesterday", "ayer"): a count asked for one is
    # not a count the entry gives for another time (asked_request.py)
    times: frozenset[str] = frozenset()
    # words a time is named by whoever ruled then: "under", "during" (obama): asked_request.py
    ruled_by: frozenset[str] = frozenset()
    # words that ask what something costs ("price", "precio"): only an entry that says a cost
    # answers (asked_request.py)
    prices: frozenset[str] = frozenset()
    # words that ask how two things differ, before the pair ("difference between"), and the word
    # joining the pair ("and"): each of the pair must be asked of the entry (asked_request.py)
    compared: tuple[tuple[str, ...], ...] = ()
    pair_joined: str = ""
    # kinds of thing said with a reference word that still only points back ("that site")
    kind_words: frozenset[str] = frozenset()
    # regular expressions for "what is X" questions, X in the group "subject" (analysis.py)
    definitions: tuple[str, ...] = ()
    definition_ends: frozenset[str] = frozenset()  # a word each such question opens or ends with
    clause_break: str = ""  # regular expression: where a second question starts in a sentence
    # words that show a clause tells who asks and why, not what is asked (question_reading.py)
    backstory: frozenset[str] = frozenset()
    # words a clause telling of the asker opens with: "my", "I", "mi", "yo" (question_reading.py)
    first_person: frozenset[str] = frozenset()
    # words that make such a clause ask after all: "i need to know if…", "i mean how many…"
    asks_within: frozenset[str] = frozenset()
    # words a question points at a person or place told of before it with: "can he use it"
    pointing_back: frozenset[str] = frozenset()
    # words opening a relative clause on the asker's people ("my friend [who]…": chatter.py)
    relatives: frozenset[str] = frozenset()
    # words after which a backstory clause says what someone told: "says", "heard", "que"
    reporting: frozenset[str] = frozenset()
    # regular expression: where a clause tells that someone asked what follows ("me preguntó")
    asked_of: str = ""
    # words a condition opens with, said before the question it belongs to: "if", "si"
    conditions: frozenset[str] = frozenset()
    # regular expression: where a reported claim was seen or heard, at its opening ("a
    # headline that", "en facebook que"), dropped from it (question_reading.py)
    media: str = ""
    # doubt said as an alternative ("…real or just spin"), dropped before matching
    # (dismissal.py): its `[dismissal]` table, parts of a regular expression
    dismissal: Dismissal | None = None
    # question word -> the kind of question it asks: "who", "when", "where", "why", "how many"
    question_kinds: Mapping[str, str] = field(default_factory=dict)
    # topic file stem (knowledge/<stem>.toml) -> its title in this language
    topics: Mapping[str, str] = field(default_factory=dict)

    @functools.cached_property
    def month_names(self) -> tuple[str, ...]:
        """January..December in this language (Babel's CLDR data), lower case."""
        names = get_month_names("wide", locale=self.code)
        return tuple(names[month].lower() for month in range(1, 13))


class LanguageDataError(ValueError):
    pass


TOPIC_KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"  # a topic file's stem, as the loader names topics
TOPIC_TITLE_MAX = 100


def _topic_titles(raw: object) -> dict[str, str]:
    """`[topics]`: each topic file's stem and its title, one line of at most 100 characters."""
    if not isinstance(raw, dict):
        raise LanguageDataError("[topics] must be a table of file stem = title")
    titles = {}
    for key, title in raw.items():
        if not re.match(TOPIC_KEY_PATTERN, key):
            raise LanguageDataError(f"[topics] '{key}': not a topic file's stem")
        if not isinstance(title, str) or not title.strip() or "\n" in title:
            raise LanguageDataError(f"[topics] '{key}': the title must be one line of text")
        if len(title) > TOPIC_TITLE_MAX:
            raise LanguageDataError(f"[topics] '{key}': over {TOPIC_TITLE_MAX} characters")
        titles[key] = title.strip()
    return titles


@dataclass(frozen=True)
class Dismissal:
    """Doubt said as an alternative ("is it real or just spin"): regular expressions over plain
    words for what it follows and how it is said (bot/core/dismissal.py)."""

    asks_true: tuple[str, ...]  # words asking whether something is true: "real", "legit"
    alternative: str  # the word that offers one: "or"
    openings: tuple[str, ...]  # how it may open: "is it", "is that"
    belittling: tuple[str, ...]  # a belittled alternative of a few words: "just …", "all …"
    dismissive: tuple[str, ...]  # an alternative that dismisses on its own: "spin", "a hoax"
    means: str  # the word of doubt it is read as: "rumor"
    judging: tuple[str, ...] = ()  # a judgement beside the question: "sounds like (rage bait)"
    # words that ask whether something is so only when a dismissive alternative follows
    # ("did it actually happen or is that a myth"), never a belittled one ("is it really in
    # houston or only in nyc" asks where)
    asks_so: tuple[str, ...] = ()


def _dismissal(raw: object) -> Dismissal | None:
    """`[dismissal]`: the parts of the pattern, each a list of regular expressions."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise LanguageDataError("[dismissal] must be a table")

    def parts(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise LanguageDataError(f"[dismissal] {key} must be a list of regular expressions")
        return tuple(value)

    alternative, means = raw.get("alternative"), raw.get("means")
    if not isinstance(alternative, str) or not alternative.isalpha():
        raise LanguageDataError("[dismissal] alternative must be the word offering one")
    if not isinstance(means, str) or not means.isalpha():
        raise LanguageDataError("[dismissal] means must be one word of doubt")
    found = Dismissal(
        parts("asks_true"),
        alternative,
        parts("openings"),
        parts("belittling"),
        parts("dismissive"),
        means,
        parts("judging"),
        parts("asks_so"),
    )
    if not found.asks_true or not (found.belittling or found.dismissive):
        raise LanguageDataError("[dismissal] needs asks_true and belittling or dismissive words")
    return found


def _quotes(raw: object) -> tuple[str, str]:
    """`quotes`: the opening and closing quotation marks, e.g. ["«", "»"]."""
    if not isinstance(raw, list) or len(raw) != 2 or not all(isinstance(q, str) for q in raw):
        raise LanguageDataError("quotes must be two strings: the opening and closing marks")
    opening, closing = raw
    return opening, closing


def _stem_opening(raw: object) -> str:
    """`stem_opening`: one consonant, or "" (words are stemmed as written)."""
    if raw == "":
        return ""
    if not isinstance(raw, str) or len(raw) != 1 or not raw.isalpha() or raw in "aeiou":
        raise LanguageDataError("stem_opening must be one consonant (or left out)")
    return raw


def _addressed(patterns: object, bot_word: object) -> tuple[str, ...]:
    """`addressed`: regular expressions, each naming the words that mean the bot in a group
    "bot", read as `bot_word` (one word)."""
    if not isinstance(patterns, list | tuple) or not all(isinstance(p, str) for p in patterns):
        raise LanguageDataError("addressed must be a list of regular expressions")
    if patterns and (not isinstance(bot_word, str) or not bot_word.isalpha()):
        raise LanguageDataError("addressed needs bot_word, the one word the bot is read as")
    for pattern in patterns:
        if "bot" not in re.compile(pattern).groupindex:
            raise LanguageDataError(f"addressed '{pattern}': no group named 'bot'")
    return tuple(patterns)


def _sound_slip(slip: object) -> tuple[str, str, str, str]:
    """One of `sound_slips`: [meant, typed], then optionally the letters that must follow the
    one meant and the letters neither may come after; lower-case letters, the two spellings
    different."""
    if (
        not isinstance(slip, list)
        or not 2 <= len(slip) <= 4
        or not all(isinstance(part, str) and (part == "" or part.isalpha()) for part in slip)
        or slip[0] == slip[1]
    ):
        raise LanguageDataError(f"sound_slips: {slip!r} is not [meant, typed(, before, after)]")
    meant, typed, before, not_after = [*slip, "", ""][:4]
    return (meant, typed, before, not_after)


def _load(path: Path) -> Language:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        code = str(raw["code"])
        if not re.match(LANGUAGE_CODE_PATTERN, code) or code != path.parent.name:
            raise LanguageDataError(f"{path}: code '{code}' must match its folder name")
        Locale.parse(code)
        return Language(
            code=code,
            name=str(raw["name"]),
            snowball=str(raw["snowball"]),
            discord_locales=tuple(raw.get("discord_locales", ())),
            translation_marker=str(raw["translation_marker"]),
            anonymity_phrases=tuple(str(p) for p in raw["anonymity_phrases"]),
            quotes=_quotes(raw.get("quotes", ["“", "”"])),
            stem_trailing=str(raw.get("stem_trailing", "")),
            stem_opening=_stem_opening(raw.get("stem_opening", "")),
            accent_lost={str(k): str(v) for k, v in raw.get("accent_lost", {}).items()},
            verb_endings=tuple(str(e) for e in raw.get("verb_endings", ())),
            clitics=tuple(str(c) for c in raw.get("clitics", ())),
            clitic_hosts=tuple(str(e) for e in raw.get("clitic_hosts", ())),
            letters=str(raw.get("letters", "")),
            stopwords=frozenset(str(raw.get("stopwords", "")).split()),
            weak_tokens=frozenset(str(w) for w in raw.get("weak_tokens", ())),
            doubt_tokens=frozenset(str(w) for w in raw.get("doubt_tokens", ())),
            phrases=tuple((str(p), str(t)) for p, t in raw.get("phrases", ())),
            sound_alike=tuple((str(p), str(r)) for p, r in raw.get("sound_alike", ())),
            english_sounds=tuple((str(p), str(r)) for p, r in raw.get("english_sounds", ())),
            sound_slips=tuple(_sound_slip(slip) for slip in raw.get("sound_slips", ())),
            diminutives=tuple((str(p), str(r)) for p, r in raw.get("diminutives", ())),
            plurals=tuple((str(p), str(r)) for p, r in raw.get("plurals", ())),
            synonyms={str(k): str(v) for k, v in raw.get("synonyms", {}).items()},
            loanwords=frozenset(str(raw.get("loanwords", "")).split()),
            chatter=tuple(str(p) for p in raw.get("chatter", ())),
            rewrites=tuple((str(p), str(r)) for p, r in raw.get("rewrites", ())),
            addressed=_addressed(raw.get("addressed", ()), raw.get("bot_word", "")),
            bot_word=str(raw.get("bot_word", "")),
            bot_subject=tuple(str(p) for p in raw.get("bot_subject", ())),
            framing_words=tuple(str(raw.get("framing_words", "")).split()),
            question_openers=frozenset(str(raw.get("question_openers", "")).split()),
            yes_no_openers=frozenset(str(raw.get("yes_no_openers", "")).split()),
            subject_openers=frozenset(str(raw.get("subject_openers", "")).split()),
            reference_words=frozenset(str(raw.get("reference_words", "")).split()),
            kind_words=frozenset(str(raw.get("kind_words", "")).split()),
            said_of=frozenset(str(raw.get("said_of", "")).split()),
            times=frozenset(str(raw.get("times", "")).split()),
            ruled_by=frozenset(str(raw.get("ruled_by", "")).split()),
            prices=frozenset(str(raw.get("prices", "")).split()),
            compared=tuple(tuple(str(c).split()) for c in raw.get("compared", ())),
            pair_joined=str(raw.get("pair_joined", "")),
            definitions=tuple(str(p) for p in raw.get("definitions", ())),
            definition_ends=frozenset(str(raw.get("definition_ends", "")).split()),
            clause_break=str(raw.get("clause_break", "")),
            backstory=frozenset(str(raw.get("backstory", "")).split()),
            first_person=frozenset(str(raw.get("first_person", "")).split()),
            asks_within=frozenset(str(raw.get("asks_within", "")).split()),
            pointing_back=frozenset(str(raw.get("pointing_back", "")).split()),
            relatives=frozenset(str(raw.get("relatives", "")).split()),
            reporting=frozenset(str(raw.get("reporting", "")).split()),
            asked_of=str(raw.get("asked_of", "")),
            conditions=frozenset(str(raw.get("conditions", "")).split()),
            media=str(raw.get("media", "")),
            dismissal=_dismissal(raw.get("dismissal")),
            question_kinds={str(k): str(v) for k, v in raw.get("question_kinds", {}).items()},
            topics=_topic_titles(raw.get("topics", {})),
        )
    except (KeyError, tomllib.TOMLDecodeError, UnknownLocaleError, ValueError) as error:
        raise LanguageDataError(f"{path}: bad language data: {error}") from None


@functools.cache
def languages() -> dict[str, Language]:
    """Every language with a data folder, by code; the source language first."""
    found = {path.parent.name: _load(path) for path in sorted(LOCALES_DIR.glob("*/language.toml"))}
    if SOURCE_LANGUAGE not in found:
        raise LanguageDataError(f"{LOCALES_DIR}: no data for the source language")
    return {SOURCE_LANGUAGE: found.pop(SOURCE_LANGUAGE), **found}


def translation_languages() -> list[Language]:
    """The languages entries are translated into (all but the source language)."""
    return [language for code, language in languages().items() if code != SOURCE_LANGUAGE]


def language(code: str) -> Language:
    try:
        return languages()[code]
    except KeyError:
        known = ", ".join(languages())
        raise LanguageDataError(f"no language '{code}' (known: {known})") from None


def language_for_locale(locale: str | None) -> str | None:
    """The language for a locale code such as Discord's "es-ES" or "es-419", if we speak it."""
    if not locale:
        return None
    for code, data in languages().items():
        if locale in data.discord_locales:
            return code
    base = locale.split("-")[0].lower()
    return base if base in languages() else None


def topic_title(key: str, title: str, code: str) -> str:
    """A topic's title in a language: from that language's data (`[topics]`, by the topic
    file's stem), else the English title of the file."""
    if code == SOURCE_LANGUAGE or code not in languages():
        return title
    return languages()[code].topics.get(key, title)
