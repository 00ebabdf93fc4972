"""Questions about the asker's own (or their family's) case, in English and Spanish.

Such a question ("I have a check-in next week, can I use the app?", "¿puedo usar la app?") gets a
plain notice before any answer: the bot reports what was published and is not legal advice. A
question about the news that merely uses "I" ("I heard 45 people enrolled, true?") does not.

A question counts as own-case when it has first-person (or family) case wording — "my
check-in", "I have an appointment", "can I skip", "tengo cita", "mi esposo tiene que
reportarse" — and, for the weaker cues (a bare "can I", "my husband"), also a word about an
immigration case (check-in, ICE, app, court, deport …). The language is the language of the cue
that matched. The notice texts live in `bot.core.notices`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


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


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# Words that make a sentence about an immigration case rather than about the bot or the news.
# Not an ICE check-in: a flight's or a hotel's. Not the agency: ice cream, ice at home.
_NOT_ICE_CHECK_IN = (
    r"(?! (?:for|at|to|on) (?:my |a |the |our )?(?:flight|hotel|airport|gate|airline))"
)
_ICE = r"(?<!make )(?<!made )(?<!making )ice(?! (?:cream|cubes?|skating|hockey|maker|tea|at home))"
_CASE_EN = _words(
    rf"che(?:c?k|qu?e)[- ]?ins?{_NOT_ICE_CHECK_IN}",
    rf"checking in{_NOT_ICE_CHECK_IN}",
    _ICE,
    r"la migra",
    # this app, not any app: "the app", "the ICE app", "the check-in app"
    r"(?:the|this|that|ice|check[- ]?in) app",
    r"app?oi?n?t?m[ea]nts?",
    r"appt",
    r"court",
    r"hearings?",
    r"judge",
    r"deport\w*",
    r"arrest\w*",
    r"detain\w*",
    r"detention",
    r"report(?:ing)? (?:to|in)",
    r"lawyer",
    r"attorney",
    r"parole\w*",
    r"asylum",
    r"officer",
    r"removal",
    r"ankle (?:monitor|bracelet)",
    r"monitor",
    r"smartlink",
    r"atd",
    r"isap",
    r"portal",
    r"paperwork",
    r"papers",
    r"visa",
    r"green card",
    r"status",
    r"case",
    r"immigration",
    r"reschedul\w*",
    r"i-\d{3}\w?",
    r"notice to appear",
)
_CASE_ES = _words(
    r"citas?",
    r"chequeos?",
    r"che(?:c?k|qu?e)[- ]?ins?",
    _ICE,
    r"migra",
    r"(?:la|esta|esa) (?:app|aplicacion)",
    r"(?:app|aplicacion) de ice",
    r"corte",
    r"audiencias?",
    r"juez",
    r"deport\w*",
    r"arrest\w*",
    r"deten\w*",
    r"report\w*",
    r"present\w*",
    r"firmar",
    r"caso",
    r"abogad[oa]",
    r"parole",
    r"permiso",
    r"asilo",
    r"oficial",
    r"grillete",
    r"tobillera",
    r"brazalete",
    r"monitor",
    r"smartlink",
    r"atd",
    r"isap",
    r"portal",
    r"papeles",
    r"documentos",
    r"estatus",
    r"migratori[oa]",
    r"inmigracion",
    r"migracion",
    r"inscrib\w*",
)
_RELATIVE_EN = _words(
    r"husband",
    r"wife",
    r"spouse",
    r"partner",
    r"fiance\w*",
    r"son",
    r"daughter",
    r"kids?",
    r"child(?:ren)?",
    r"mom",
    r"mum",
    r"mother",
    r"dad",
    r"father",
    r"parents?",
    r"brother",
    r"sister",
    r"cousin",
    r"uncle",
    r"aunt",
    r"grand(?:mother|father|ma|pa)",
    r"family",
    r"boyfriend",
    r"girlfriend",
    r"friend",
    r"roommate",
)
_RELATIVE_ES = _words(
    r"espos[oa]",
    r"marido",
    r"mujer",
    r"pareja",
    r"novi[oa]",
    r"prometid[oa]",
    r"hij[oa]s?",
    r"mama",
    r"papa",
    r"madre",
    r"padre",
    r"padres",
    r"herman[oa]s?",
    r"prim[oa]",
    r"ti[oa]",
    r"abuel[oa]",
    r"familia",
    r"familiar",
    r"amig[oa]",
    r"cunad[oa]",
    r"suegr[oa]",
)
# What one's own case is made of: "my check-in", "our hearing", "mi cita".
_CASE_THING_EN = _words(
    r"che(?:c?k|qu?e)[- ]?ins?",
    r"ice (?:appointment|check[- ]?in|officer|case|hearing|paperwork|papers|date|office)",
    r"app?oi?n?t?m[ea]nts?",
    r"appt",
    r"court (?:date|hearing|case)",
    r"hearings?",
    r"(?:immigration |asylum |removal )?case",
    r"officer",
    r"deportation",
    r"ankle (?:monitor|bracelet)",
    r"monitor",
    r"paperwork",
    r"papers",
    r"parole",
    r"asylum",
    r"(?:immigration )?status",
    r"visa",
    r"green card",
    r"lawyer",
    r"attorney",
    r"i-\d{3}\w?",
    r"notice to appear",
    r"release (?:papers|paperwork|conditions)",
    r"order of supervision",
    r"supervision",
    r"reporting",
    r"(?:letter|notice|text|message|email|call|papers?) from "
    r"(?:ice|immigration|(?:my|the) officer)",
)
_CASE_THING_ES = _words(
    r"citas?",
    r"chequeos?",
    r"che(?:c?k|qu?e)[- ]?ins?",
    r"casos?",
    r"audiencias?",
    r"corte",
    r"oficial",
    r"abogad[oa]",
    r"grillete",
    r"tobillera",
    r"brazalete",
    r"papeles",
    r"documentos",
    r"parole",
    r"permiso",
    r"asilo",
    r"estatus",
    r"situacion",
    r"proceso",
    r"deportacion",
    r"orden de (?:deportacion|supervision)",
    r"reporte",
    r"(?:carta|notificacion|mensaje|texto|correo|llamada) de (?:ice|migracion|inmigracion)",
)
# After "can I …": verbs of reading or judging the news, not of acting in one's case.
_NEWS_VERB_EN = _words(
    r"trust",
    r"believe",
    r"ask",
    r"read",
    r"see",
    r"find",
    r"share",
    r"cite",
    r"quote",
    r"verify",
    r"fact[- ]?check",
    r"know (?:if|whether|who|what|where|when|how)",
    r"learn",
    r"get (?:a|the) (?:link|source|article)",
    r"look",
    r"tell",
    r"say",
    r"report (?:a|an|this|the) (?:error|mistake|wrong)",
    r"suggest",
    r"rely",
    r"right",
    r"wrong",
    r"understand\w*",
    r"remember",
    r"recall",
    r"hear",
    r"think",
    r"reading (?:this|that|it) (?:right|correctly)",
    r"have (?:this|that|it) right",
    r"talk",
    r"discuss",
    r"chat",
)
_NEWS_VERB_ES = _words(
    r"confiar",
    r"creer",
    r"leer",
    r"ver",
    r"preguntar",
    r"encontrar",
    r"compartir",
    r"citar",
    r"verificar",
    r"saber (?:si|quien|que|donde|cuando|como)",
    r"consultar la fuente",
    r"hablar",
    r"entender",
)

_WHEN_EN = (
    r"(?:tomorrow|today|tonight|this (?:week|month|morning|afternoon)|next (?:week|month|\w+day)|"
    r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in (?:a|two|three|\d+) (?:days?|weeks?))"
)
_WHEN_ES = (
    r"(?:manana|hoy|esta (?:semana|tarde)|la (?:proxima|otra) semana|el (?:proximo )?"
    r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|en (?:\w+ )?(?:dias|semanas))"
)
_RULES_EN: tuple[tuple[str, str, bool], ...] = (
    # (name, pattern, needs a case word elsewhere in the question)
    ("my-case-thing", rf" (?:my|our) (?:\w+ ){{0,2}}?{_CASE_THING_EN}\b", False),
    (
        "i-have-case-thing",
        rf" (?:i|we) (?:have got|have|got|had|was given|received|am due for) "
        rf"(?:\w+ ){{0,3}}?{_CASE_THING_EN}\b",
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
        rf"(?:still |really |just |even |actually |legally )?(?!{_NEWS_VERB_EN}\b)\w",
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
        rf" (?:my|our) {_RELATIVE_EN} (?:has|have|had|got|gets|needs|must|is|was|"
        rf"will|can|should|missed|received|never|just|still|already|did not|cannot|does not)\b",
        True,
    ),
    (
        "modal-my-relative",
        rf" (?:can|could|should|will|would|does|do|is|must) (?:my|our) "
        rf"{_RELATIVE_EN}\b",
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
    ("for-my-relative", rf" for (?:my|our) {_RELATIVE_EN} to\b", True),
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
        rf" {_CASE_THING_EN} (?:(?:with|at) (?:ice|immigration|court) )?(?:is |was |at \w+ )?"
        rf"{_WHEN_EN}\b",
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
        rf" (?:mi|mis|nuestra|nuestro|nuestras|nuestros) (?:\w+ )?{_CASE_THING_ES}\b",
        False,
    ),
    (
        "tengo-cosa-del-caso",
        rf" (?:tengo|tenemos|me dieron|me pusieron|me toca|me tocan|"
        rf"me citaron|me llego|recibi) (?:\w+ ){{0,3}}?{_CASE_THING_ES}\b",
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
        rf"(?!{_NEWS_VERB_ES}\b)\w",
        True,
    ),
    ("que-hago", r" (?:que|como) (?:hago|hacemos|debo hacer|deberia hacer|puedo hacer)\b", True),
    (
        "mi-familiar",
        rf" (?:mi|mis|nuestro|nuestra) {_RELATIVE_ES} (?:tiene|tienen|debe|deben|"
        rf"necesita|necesitan|fue|esta|estan|va|van|puede|pueden|perdio|falto|recibio|ya|no)\b",
        True,
    ),
    (
        "puede-mi-familiar",
        rf" (?:puede|pueden|debe|deben|tiene que|tienen que|necesita) "
        rf"(?:\w+ ){{0,2}}?(?:mi|mis) {_RELATIVE_ES}\b",
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
        rf" {_CASE_THING_ES} (?:(?:con|en) (?:ice|migracion|inmigracion|la corte) )?"
        rf"(?:es |sera |a las \w+ )?{_WHEN_ES}\b",
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
    Language.EN: re.compile(rf" {_CASE_EN}\b"),
    Language.ES: re.compile(rf" {_CASE_ES}\b"),
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
