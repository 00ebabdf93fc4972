"""Questions about the asker's own (or their family's) case, in English and Spanish.

Such a question ("I have a check-in next week, can I use the app?", "¿puedo usar la app?") gets a
plain notice before any answer: the bot reports what was published and is not legal advice. A
question about the news that merely uses "I" ("I heard 45 people enrolled, true?") does not.

A question counts as own-case when it has first-person (or family) case wording — "my
check-in", "I have an appointment", "can I skip", "tengo cita", "mi esposo tiene que
reportarse" — and, for the weaker cues (a bare "can I", "my husband"), also a word about an
immigration case (check-in, ICE, app, court, deport …). The language is the language of the cue
that matched. The word lists live in `bot.core.own_case_words`, the notice texts in
`bot.core.notices`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from bot.core import own_case_words as words


class Language(StrEnum):
    EN = "en"
    ES = "es"


@dataclass(frozen=True)
class OwnCase:
    language: Language
    cue: str  # the name of the rule that matched, for tests and debugging


_CONTRACTIONS = {
    "i've": "i have",
    "ive": "i have",
    "i'm": "i am",
    "im": "i am",
    "we've": "we have",
    "we're": "we are",
    "don't": "do not",
    "dont": "do not",
    "can't": "cannot",
    "cant": "cannot",
    "won't": "will not",
    "didn't": "did not",
    "doesn't": "does not",
    "i'll": "i will",
    "gonna": "going to",
}


def fold(text: str) -> str:
    """Lower case, accents and ¿¡ dropped, contractions spelt out, spaces single, padded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'")
    plain = re.sub(r"[¿¡?!.,;:()\"“”]", " ", plain)
    words = [_CONTRACTIONS.get(word, word) for word in plain.split()]
    return " " + " ".join(words) + " "


_RULES_EN: tuple[tuple[str, str, bool], ...] = (
    # (name, pattern, needs a case word elsewhere in the question)
    ("my-case-thing", rf" (?:my|our) (?:\w+ ){{0,2}}?{words.CASE_THING_EN}\b", False),
    (
        "i-have-case-thing",
        rf" (?:i|we) (?:have got|have|got|had|was given|received|am due for) "
        rf"(?:\w+ ){{0,3}}?{words.CASE_THING_EN}\b",
        False,
    ),
    (
        "i-have-to-report",
        r" (?:i|we) (?:have|need|am supposed|was told|were told|am required|"
        r"are supposed|are required) to (?:report|check in|check-in|go to (?:ice|court)|"
        r"show up|appear)\b",
        False,
    ),
    (
        "i-am-in-a-case",
        r" (?:i am|we are) (?:(?:on|in|under|an?|also|still) )?(?:\w+ ){0,2}?"
        r"(?:parole|atd|isap|ankle monitor|removal proceedings|proceedings|supervision|"
        r"asylum seekers?|asylum applicants?|undocumented|parolees?|migrants?|immigrants?|"
        r"enrolled)\b",
        False,
    ),
    (
        "if-i-miss",
        r" if (?:i|we) (?:miss|skip|do not go|cannot go|cannot make|do not show|"
        r"do not check|fail to|stop|do not report|go to|show up|check in|use)\b",
        True,
    ),
    (
        "will-they-x-me",
        r" (?:arrest|deport|detain|take|pick up|catch|send|track|find|remove|"
        r"lock up|jail)(?:ed)? (?:me|us)\b",
        True,
    ),
    (
        "modal-i",
        rf" (?:can|could|should|shall|may|must|do|will|would|am|could) (?:i|we) "
        rf"(?:still |really |just |even |actually |legally )?(?!{words.NEWS_VERB_EN}\b)\w",
        True,
    ),
    (
        "i-need-to",
        r" (?:i|we) (?:need|want|have to|got to|ought|plan|am going|are going|am planning|"
        r"am afraid|are afraid|am scared|are scared|am worried|are worried|am nervous|am thinking|"
        r"was thinking|wanna|gotta) (?!to (?:know|ask|read|understand|learn|check whether|see)\b)"
        r"\w",
        True,
    ),
    (
        "my-relative",
        rf" (?:my|our) {words.RELATIVE_EN} (?:has|have|had|got|gets|needs|must|is|was|"
        rf"will|can|should|missed|received|never|just|still|already|did not|cannot|does not)\b",
        True,
    ),
    (
        "modal-my-relative",
        rf" (?:can|could|should|will|would|does|do|is|must) (?:my|our) "
        rf"{words.RELATIVE_EN}\b",
        True,
    ),
    ("what-do-i-do", r" what (?:do|should|can|shall) (?:i|we) do\b", True),
    ("help-me", r" (?:help me|advise me|advice for me)\b", True),
    ("for-me", r" for (?:me|us)\b", True),
    (
        "affects-me",
        r" (?:apply|applies|affect|affects|happen|happens|mean|means) (?:to |for )?"
        r"(?:me|us|my family)\b",
        False,
    ),
    ("for-my-relative", rf" for (?:my|our) {words.RELATIVE_EN} to\b", True),
    (
        "i-can-skip",
        r" (?:i|we) (?:can|could|should|must|may|will|would|have to|need to|am allowed to) "
        r"(?:still |now |just )?(?:skip|miss|use|go|check|report|stop|avoid|attend|show up|"
        r"switch|do (?:it|my|the|this))\b",
        True,
    ),
    (
        "ice-told-me",
        r" (?:ice|officer|agent|la migra|immigration) (?:told|asked|ordered|"
        r"sent|gave|called|texted|emailed|scheduled|wants) (?:me|us)\b",
        False,
    ),
    (
        "appointment-soon",
        rf" {words.CASE_THING_EN} (?:(?:with|at) (?:ice|immigration|court) )?(?:is |was |at \w+ )?"
        rf"{words.WHEN_EN}\b",
        False,
    ),
    (
        "is-it-safe-to",
        r" is it (?:safe|ok|okay|risky|dangerous|a good idea|smart|wise|better|"
        r"legal) (?:for \w+ )?to (?:go|attend|show up|check in|skip|miss|use|report|stop)\b",
        True,
    ),
    (
        "should-people",
        r" should (?:people|migrants|immigrants|someone|asylum seekers|they|"
        r"parolees) (?:still |just )?(?:go|skip|attend|show up|use|stop|avoid|check in|report|"
        r"miss)\b",
        True,
    ),
)
_RULES_ES: tuple[tuple[str, str, bool], ...] = (
    (
        "mi-cosa-del-caso",
        rf" (?:mi|mis|nuestra|nuestro|nuestras|nuestros) (?:\w+ )?{words.CASE_THING_ES}\b",
        False,
    ),
    (
        "tengo-cosa-del-caso",
        rf" (?:tengo|tenemos|me dieron|me pusieron|me toca|me tocan|"
        rf"me citaron|me llego|recibi) (?:\w+ ){{0,3}}?{words.CASE_THING_ES}\b",
        False,
    ),
    (
        "tengo-que",
        r" (?:tengo|tenemos|debo|debemos|necesito|necesitamos) (?:que )?"
        r"(?:reportar\w*|presentar\w*|ir\b|firmar|hacer (?:el |mi )?check|checar|usar|ponerme|"
        r"descargar)",
        False,
    ),
    (
        "estoy-en-un-caso",
        r" (?:estoy|estamos|soy|somos) (?:en|con|bajo|un|una)? ?(?:\w+ ){0,2}?"
        r"(?:parole|atd|isap|grillete|tobillera|proceso|asilo|indocumentad[oa]s?|solicitante|"
        r"migrante|inmigrante|inscrit[oa]|supervision)\b",
        False,
    ),
    (
        "si-falto",
        r" si (?:no )?(?:falto|voy|me presento|me reporto|hago|uso|dejo|pierdo|no llego|"
        r"no puedo ir|no asisto|me salto)\b",
        True,
    ),
    (
        "me-pueden",
        r" (?:me|nos) (?:pueden|podrian|van a|vayan a|va a|puede) (?:\w+ ){0,1}?"
        r"(?:arrestar|deportar|detener|llevar|agarrar|quitar|encerrar|sacar)\b",
        False,
    ),
    (
        "me-hacen-algo",
        r" (?:me|nos) (?:arrestan|deportan|detienen|llevan|agarran|encierran)\b",
        False,
    ),
    (
        "puedo",
        rf" (?:puedo|podemos|podria|podriamos|debo|debemos|deberia|deberiamos|necesito|"
        rf"necesitamos|tengo que|tenemos que|me conviene|voy a|vamos a|tendre que) "
        rf"(?!{words.NEWS_VERB_ES}\b)\w",
        True,
    ),
    ("que-hago", r" (?:que|como) (?:hago|hacemos|debo hacer|deberia hacer|puedo hacer)\b", True),
    (
        "mi-familiar",
        rf" (?:mi|mis|nuestro|nuestra) {words.RELATIVE_ES} (?:tiene|tienen|debe|deben|"
        rf"necesita|necesitan|fue|esta|estan|va|van|puede|pueden|perdio|falto|recibio|ya|no)\b",
        True,
    ),
    (
        "puede-mi-familiar",
        rf" (?:puede|pueden|debe|deben|tiene que|tienen que|necesita) "
        rf"(?:\w+ ){{0,2}}?(?:mi|mis) {words.RELATIVE_ES}\b",
        True,
    ),
    ("ayudame", r" (?:ayudame|ayudenme|aconsejame)\b", True),
    ("yo", r" yo (?:tengo|debo|puedo|necesito|estoy|soy|voy)\b", True),
    ("tengo-miedo", r" (?:tengo|tenemos) (?:miedo|temor|dudas)\b", True),
    ("me-afecta", r" (?:me|nos) (?:afecta|aplica|pasa|pasaria|puede pasar|va a pasar)\b", False),
    ("para-mi", r" para (?:mi|nosotros|mi familia)(?: | ?$)", True),
    (
        "ice-me-dijo",
        r" (?:ice|migracion|inmigracion|el oficial|la oficial|la migra) (?:me|nos) "
        r"(?:dijo|dijeron|mando|mandaron|dio|dieron|cito|citaron|llamo|llamaron|pidio|pidieron|"
        r"escribio|escribieron)\b",
        False,
    ),
    (
        "cita-pronto",
        rf" {words.CASE_THING_ES} (?:(?:con|en) (?:ice|migracion|inmigracion|la corte) )?"
        rf"(?:es |sera |a las \w+ )?{words.WHEN_ES}\b",
        False,
    ),
    (
        "es-seguro",
        r" (?:es seguro|conviene|es peligroso|es buena idea|es mejor|vale la pena) "
        r"(?:\w+ )?(?:ir|presentarse|asistir|faltar|usar|reportarse)\b",
        True,
    ),
)

_COMPILED = {
    Language.EN: tuple((n, re.compile(p), c) for n, p, c in _RULES_EN),
    Language.ES: tuple((n, re.compile(p), c) for n, p, c in _RULES_ES),
}
_CASE_WORDS = {
    Language.EN: re.compile(rf" {words.CASE_EN}\b"),
    Language.ES: re.compile(rf" {words.CASE_ES}\b"),
}
# Words only Spanish questions use; they decide the language when both languages' cues match.
_SPANISH_HINT = re.compile(r" (?:el|la|los|las|que|mi|mis|de|con|por|para|es|una|un|y|si|no) ")


def detect(question: str) -> OwnCase | None:
    """The first own-case cue in `question`, with its language; None for a news question."""
    text = fold(question)
    found: list[OwnCase] = []
    for language, rules in _COMPILED.items():
        has_case_word = _CASE_WORDS[language].search(text) is not None
        for name, pattern, needs_case_word in rules:
            if needs_case_word and not has_case_word:
                continue
            if pattern.search(text):
                found.append(OwnCase(language, name))
                break
    if not found:
        return None
    if len(found) > 1:
        spanish = len(_SPANISH_HINT.findall(text)) >= 2
        return found[1] if spanish else found[0]
    return found[0]
