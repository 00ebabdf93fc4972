"""Turning what people type into comparable text and tokens.

Discord markup, accents, emoji, zero-width and direction-control characters, stretched letters
and punctuation are removed; words are lower-cased, lightly stemmed and mapped onto the
domain's canonical vocabulary (so "application", "apps" and "app" meet).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DISCORD_MARKUP = re.compile(
    r"<a?:\w+:\d+>"  # custom emoji
    r"|<@[!&]?\d+>"  # user and role mentions
    r"|<#\d+>"  # channel mentions
    r"|</[\w -]+:\d+>"  # slash-command mentions
    r"|<t:\d+(?::\w)?>"  # timestamps
    r"|@(?:everyone|here)\b"
    r"|https?://\S+"
)
# Zero-width, bidirectional-control and other format characters (category Cf) are dropped.
_STRETCHED = re.compile(r"(\w)\1{2,}")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")
_NON_WORD = re.compile(r"[^\w.]+|_+|(?<!\d)\.|\.(?!\d)")

# Phrases rewritten before tokenising, so multi-word names become one token.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b{pattern}\b"), replacement)
    for pattern, replacement in (
        (r"immigration (?:and|&) customs enforcement", "ice"),
        (r"customs (?:and|&) border protection", "cbp"),
        (r"new york post|ny ?post|the post", "nypost"),
        (r"executive (?:order|action)s?", "eo"),
        (r"check ?ins?|checking in|checked in|check up", "checkin"),
        (r"sign(?:ed|ing)? ?ups?", "enroll"),
        (r"alternatives? to detention", "atd"),
        (r"cbp ?one", "cbpone"),
        (r"cbp ?home", "cbphome"),
        (r"smart ?link", "smartlink"),
        (r"apple (?:app )?store|app ?store|play store|google play", "appstore"),
        (r"press (?:conference|briefing|event)", "pressconference"),
        (r"united states|u s a|america", "usa"),
        (r"(?:southern|southwest|mexican) border", "southborder"),
        (r"title 42", "title42"),
    )
)

# Single words mapped onto one canonical form (after stemming).
SYNONYMS: dict[str, str] = {
    "application": "app",
    "applic": "app",
    "apps": "app",
    "smartphone": "phone",
    "cellphone": "phone",
    "cell": "phone",
    "mobile": "phone",
    "iphone": "phone",
    "android": "phone",
    "migrant": "migrant",
    "immigrant": "migrant",
    "illegal": "migrant",
    "alien": "migrant",
    "noncitizen": "migrant",
    "undocumented": "migrant",
    "asylee": "asylum",
    "enrol": "enroll",
    "enrolment": "enroll",
    "enrollment": "enroll",
    "regist": "enroll",
    "register": "enroll",
    "registration": "enroll",
    "apprehens": "apprehend",
    "apprehension": "apprehend",
    "arrest": "apprehend",
    "caught": "apprehend",
    "catch": "apprehend",
    "glitch": "glitch",
    "bug": "glitch",
    "buggy": "glitch",
    "crash": "glitch",
    "broken": "glitch",
    "outage": "glitch",
    "postpon": "postpone",
    "delay": "postpone",
    "cancel": "postpone",
    "potus": "president",
    "administration": "admin",
    "administr": "admin",
    "whitehouse": "admin",
    "govt": "government",
    "gov": "government",
    "source": "source",
    "insider": "source",
    "leak": "source",
    "leaker": "source",
    "anon": "anonymous",
    "unnamed": "anonymous",
    "anonym": "anonymous",
    "unidentified": "anonymous",
    "nyp": "nypost",
    "proclamation": "eo",
    "order": "eo",
    "rule": "eo",
    "crosser": "crossing",
    "cross": "crossing",
    "crossed": "crossing",
    "confirm": "confirm",
    "verify": "confirm",
    "verifi": "confirm",
    "confirmat": "confirm",
    "legit": "true",
    "real": "true",
    "fake": "true",
    "accurate": "true",
    "accurat": "true",
    "million": "million",
    "mil": "million",
    "mill": "million",
    "city": "city",
    "citi": "city",
    "town": "city",
    "encount": "encounter",
    "encounter": "encounter",
}

STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if then so of to in on at by for with from into about as is are was
    were be been being am do does did doing done have has had having i me my we our you your he
    she it its they them their this that these those there here what whats which who whom whose
    when where why how can could would should will shall may might must not no yes any some all
    just only also very too really actually basically literally like lol lmao pls please plz
    thanks thank hey hi hello yo guys guy folks anyone someone somebody anybody one thing
    things stuff know knows tell told say says said saying heard hear read reading saw see seen
    wonder wondering question questions ask asking idk im ive its dont doesnt didnt isnt arent
    wasnt cant wont u ur r ok okay well um uh hmm bro dude man mean means get got gets go going
    gonna wanna want wants let lets make makes made way much many more most than other else
    again still even ever now right there their theyre whats whos hows thats ya yeah yep nope
    us mate sir pal wait omg wtf tho though anyway btw fr ngl tbh imo rn""".split()
)


# Tokens that often appear as chatter around a question: they count, but for little.
WEAK_TOKENS: frozenset[str] = frozenset({"true", "news", "report", "article", "story", "info"})


def clean(text: str) -> str:
    """Remove Discord markup and invisible characters; keep the words as typed."""
    text = _DISCORD_MARKUP.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch if unicodedata.category(ch) not in {"Cf", "Cc", "Cs", "Co"} or ch in "\n\t" else " "
        for ch in text
    ).strip()


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower-case words separated by single spaces, with domain phrases joined."""
    text = _strip_accents(clean(text)).casefold()
    text = _STRETCHED.sub(r"\1\1", text)
    text = _APOSTROPHE.sub("", text)
    text = _THOUSANDS.sub("", text)
    text = _NON_WORD.sub(" ", text)
    text = " ".join(text.split())
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    return text


_SUFFIXES = (
    ("ational", "ate"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", "ment"),
    ("nesses", ""),
    ("ness", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("sses", "ss"),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small suffix stripper: enough to join plurals and verb forms, never below 3 letters."""
    if len(word) <= 3 or not word.isalpha():
        return SYNONYMS.get(word, word)
    if word in SYNONYMS:
        return SYNONYMS[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and not word.endswith("ss" if suffix == "s" else "\0"):
            candidate = word[: -len(suffix)] + replacement
            if len(candidate) >= 3:
                word = candidate
                break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopp" (from "stopped") -> "stop"
    return SYNONYMS.get(word, word)


def content_tokens(normalized: str) -> list[str]:
    """The meaningful tokens of normalised text, stemmed and canonicalised, in order."""
    tokens = []
    for word in normalized.split():
        if word in STOPWORDS:
            continue
        token = stem(word)
        if token and token not in STOPWORDS:
            tokens.append(token)
    return tokens
