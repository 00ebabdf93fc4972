"""The form a question is asked in, from how it opens: "which" ("which cities", and "what
cities": both ask for a name or a list), "yes/no" ("is it …", "did they …", "isn't this …") or
"what is" ("what is the ICE check-in app", "what does the app do": what a thing is or does).
A near tie between two overlapping entries goes to the best-scoring one when its best-matching
question is asked in the question's form and the other's is not (confidence.py): "is the app a
pilot program in some cities" is asked like "is the app starting as a pilot program", not like
"which cities are in the pilot program"; "what does the ICE check-in app in the app store
do" like "what is the ICE check-in app", not like "is the ICE check-in app in the app store".
"""

from __future__ import annotations

from bot.core.analysis import TextAnalysis
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.question_shapes import (
    DOES_WORDS,
    NOT_NAMING,
    WHAT_IS,
    WHAT_IS_OPENINGS,
    WHAT_WORDS,
    WHICH,
    YES_NO,
    YES_NO_OPENERS,
)


def question_form(text: TextAnalysis, words: list[str]) -> str:
    """The form of a question as plain words (its chatter dropped): the kind of question it
    asks when one of its first words says (text.question_kind: "which", "who", "how many" …;
    in English also "which" for "what" before a noun: "what cities …"), else in English "what
    is" when it asks what a thing is or does ("what is it", "whats smartlink", "what does the
    app do"), "yes/no" when its first word opens a yes/no question; "" when none says ("what
    happens if …", "pilot program")."""
    kind = text.question_kind(words)
    if kind:
        return kind
    if len(words) < 2:
        return ""
    if text.code != SOURCE_LANGUAGE:
        return YES_NO if _asks_yes_no(text, words) else ""
    if words[0] in WHAT_WORDS and words[1] not in NOT_NAMING:
        return WHICH
    if words[0] in WHAT_IS_OPENINGS or " ".join(words[:2]) in WHAT_IS_OPENINGS:
        return WHAT_IS
    if words[0] in WHAT_WORDS and words[1] in DOES_WORDS and words[-1] in DOES_WORDS:
        return WHAT_IS  # "what does the app in the store actually do"
    return YES_NO if words[0] in YES_NO_OPENERS else ""


# How many of a question's first words its subject and yes/no verb are looked for in.
SUBJECT_WORDS = 5


def _asks_yes_no(text: TextAnalysis, words: list[str]) -> bool:
    """In a language that asks yes or no with no word of its own (Spanish): whether a question
    opens with a verb of its `yes_no_openers` ("¿es solo una prueba en algunas ciudades?",
    "¿va a empezar…?"), or with its subject (`subject_openers`: "la app es solo una prueba…?",
    "lo de la app es…?") and such a verb follows among its first words before any other word
    that opens a question ("la app en qué ciudades…" asks which, "lo que dijo…" says no form)."""
    if words[0] in text.yes_no_openers:
        return True
    if words[0] not in text.subject_openers:
        return False
    for word in words[1:SUBJECT_WORDS]:
        if word in text.yes_no_openers:
            return True
        if word in text.question_openers and word not in text.subject_openers:
            return False
    return False


WHO = "who"  # the kind of question a "which" question about people asks (asks_who)
# Nouns naming people, by language: "which groups are exempt", "¿qué grupos quedan exentos?"
# ask who, as "who is exempt" does (asks_who).
PEOPLE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "people persons person groups group migrants migrant immigrants immigrant folks "
        "nationalities families asylum seekers refugees individuals".split()
    ),
    "es": frozenset(
        "personas persona gente grupos grupo migrantes migrante inmigrantes inmigrante "
        "familias solicitantes refugiados".split()
    ),
}
# The words a "which" question opens with, by language ("en que" reads as "que").
WHICH_OPENERS: dict[str, frozenset[str]] = {
    "en": frozenset({"which"}),
    "es": frozenset({"cual", "cuales", "que", "q"}),
}


def asks_who(text: TextAnalysis, words: list[str], kind: str) -> bool:
    """Whether a "which" question (`kind`, text.question_kind) asks which people: its which
    word is followed, at once or past one word ("which migrant groups"), by a noun naming
    people. It asks who, like "who is exempt", and an entry asked who answers it; "which
    cities", "which contractor" ask for no person."""
    if kind != WHICH:
        return False
    openers = WHICH_OPENERS.get(text.code, frozenset())
    people = PEOPLE_NOUNS.get(text.code, frozenset())
    for position, word in enumerate(words[:4]):
        if word in openers:
            return not people.isdisjoint(words[position + 1 : position + 3])
    return False
