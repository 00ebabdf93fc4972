"""Look-alikes of round 15 (issue 9): questions that share an entry's words but ask for
something no entry is asked (asked_request.py), none from a benchmark set. Each list is one
cause of confident wrong answers found on the tuning sets and in round 14's look-alikes:

- a way to do something ("how do I become…", "¿cómo puedo renovar…?") whose verb no entry is
  asked with;
- one content word carrying the whole match ("what are the inflation numbers", "eres legal"),
  which the entry only ever says beside something else ("inflated by repeat crossings", "legal
  advice");
- a "what is X" question whose X names a thing the entry is not asked about ("the ICE portal's
  phone number").

Every question must get "did you mean" at most; the right answers of the same shapes stay.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier

# A way to do something no entry explains: its verb is none of the entry's words.
HOW_TO_EN = [
    "how do i become a citizen",
    "How do I become an immigration attorney? like what do I major in",
    "how do i become an immigration lawyer",
    "how do i renew my passport card",
    "how can i renew my work permit",
    "how do i apply for a work visa",
    "how do i pay my ice bond",
    "how can i pay a parking ticket",
    "how do i sponsor a relative",
    "how do i study for the citizenship test",
    "how can i volunteer at a shelter",
    "how do i donate to a legal aid group",
    "how do i appeal a deportation order",
    "how can i get a driver's license",
    "how do i open a bank account without papers",
    "how should i prepare for my asylum interview",
    "how do u vote in the midterms",
    "how could i transfer my case to another court",
    "how do i file taxes with an itin",
    "how do i become a customs officer",
    "how can i join ice",
    "how do i translate my birth certificate",
    "how do i replace a lost passport",
    "how can i sue ice",
    "how do i contact my congressman",
    "how should i dress for court",
    "how do i hire an immigration lawyer",
    "how do i train to be an ice officer",
    "how can i watch the press conference",
    "how do i install the app on android",
    "how do i delete the app",
    "how do i uninstall the ice app",
    "how do i unlock my phone",
    "how can i reset my ice portal password",
    "how do i cite this bot in my essay",
    "how do i invest in smartlink",
    "how do i print my cbp one appointment",
    "how do i buy a house without papers",
    "how can i marry a citizen",
    "how do i fix my credit score",
    "how does someone become a foster parent",
    "how do you become a notary",
    "how does one renew a passport card",
    "how can someone apply for the visa lottery",
    "how do people get a work permit",
    "how do they become citizens",
    "how does a person sponsor a relative",
    "how can somebody become a sponsor for parole",
    "how do you become a sponsor under chnv",
    "how would someone pay the ice bond",
    "how do people become ice agents",
    "how does someone get a lawyer license",
    "how does someone become a sponsor for the chnv program",
    "how do you become a parole sponsor under chnv",
    "how can someone become a sponsor in the chnv parole program",
    "how does one become an attorney for immigrants",
    "how do you become an immigration lawyer",
    "how do people become pro bono lawyers",
]

HOW_TO_ES = [
    "como puedo renovar mi permiso de trabajo",
    "cómo hago para pagar una multa?",
    "como puedo hacerme ciudadano",
    "como le hago para sacar la licencia de manejo",
    "como puedo estudiar para abogado de inmigracion",
    "como hago para abrir una cuenta de banco",
    "como puedo pagar la fianza de mi esposo",
    "como hago para cambiar de juez",
    "como puedo apelar una orden de deportacion",
    "como puedo traer a mi familia",
    "como puedo renovar la green card",
    "cómo puedo borrar la app de ice",
    "como hago para desinstalar la aplicacion",
    "como puedo votar en las elecciones",
    "como hago para contratar un abogado de inmigracion",
    "cómo puedo trabajar en ice",
    "como hago para traducir mi acta de nacimiento",
    "como puedo sacar el pasaporte",
    "como puedo donar a una organizacion de ayuda legal",
]

# One word carrying the whole match, said by the entry only beside another thing.
LONE_WORD_EN = [
    "what are the inflation numbers",
    "I got a parking ticket. how do I pay it?",
    "are you anonymous",
    "what about inflation",
    "tell me about inflation",
    "how bad is inflation right now",
    "I got a speeding ticket, how do I pay it",
    "my rent went up, can I pay it late?",
    "are u anonymous",
    "r u anonymous",
    "is it anonymous",
    "whats the inflation rate",
    "is inflation going down",
    "when will inflation go down",
    "where do i pay",
    "can i pay with a card",
    "is payment required",
    "what about repeat offenders",
    "what's inflation",
    "inflation numbers?",
    "the inflation numbers are crazy",
    "whats up with inflation numbers",
    "why is everything so expensive, inflation?",
    "is it anonymous to use",
]

LONE_WORD_ES = [
    "eres legal",
    "eres legal o no",
    "es legal?",
    "eso es legal",
    "eres anonimo",
    "me pusieron una multa, como la pago?",
    "me llego un recibo de luz, como lo pago?",
    "cuales son los numeros de la inflacion",
    "que pasa con la inflacion",
    "la inflacion esta muy alta",
    "como va la inflacion",
    "que tan legal es",
    "tu eres legal?",
    "oye eres legal",
    "esto es anonimo?",
    "donde pago",
    "puedo pagar con tarjeta",
    "la inflacion va a bajar?",
    "de cuanto es la inflacion",
    "cuando baja la inflacion",
    "eres confiable",
    "me multaron, como la pago",
    "sobre la inflacion",
    "inflacion?",
]

# A "what is X" whose X names something the entry is not asked about.
NAMED_THING_EN = [
    "what's the ICE portal's phone number",
    "whats the smartlink app's phone number",
    "what's the ICE portal's email",
    "what is the cbp one app's rating",
    "what is smartlink's stock price",
    "what's the ice portal's login page",
    "what's the smartlink app's customer service line",
    "what is the ice portal's phone",
    "whats the ice portals fax number",
    "what's the cbp one app's logo",
    "what is the ice app's star rating",
    "what's the ny post's phone number",
    "what is newsmax's email",
    "what's the check-in app's file size",
    "what is the ice app's download size",
    "whats smartlink's phone number",
    "what is the atd program's budget office address",
    "what is the atd program's hotline",
    "what's the ice portal's mailing address",
    "what is the smartlink app's privacy policy",
    "what's the cbp one app's version number",
    "what is the ice portal's support email",
    "what's the ice portal's twitter",
    "what is the ice check-in app's developer contact",
]

NAMED_THING_ES = [
    "que es el correo del portal de ice",
    "que es el correo del portal de ice",
    "que es el correo de smartlink",
    "que es el fax de cbp one",
    "que es el logo de la app de ice",
    "que es el precio de la app cbp one",
    "que es el twitter del portal de ice",
    "que es el dueño de smartlink",
    "que es la version de cbp one",
    "que es el tamaño de la app de ice",
    "que es el correo de newsmax",
    "que es el telefono del new york post",
    "que es la politica de privacidad de smartlink",
    "que es el presupuesto del programa atd",
    "que es la oficina central de smartlink",
    "que es el usuario del portal de ice",
    "que es la contraseña del portal",
    "que es el horario del portal",
    "que es el telefono de smartlink",
]


def confident_to(matcher: Matcher, question: str) -> str | None:
    result = matcher.match(question)
    if result.tier is not Tier.CONFIDENT or result.best is None:
        return None
    return result.best.entry_id


@pytest.mark.parametrize("question", [*HOW_TO_EN, *LONE_WORD_EN, *NAMED_THING_EN])
def test_english_lookalike_is_not_answered(english: Matcher, question: str) -> None:
    assert confident_to(english, question) is None


@pytest.mark.parametrize("question", [*HOW_TO_ES, *LONE_WORD_ES, *NAMED_THING_ES])
def test_spanish_lookalike_is_not_answered(spanish: Matcher, question: str) -> None:
    assert confident_to(spanish, question) is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how do i report a wrong answer", "report-error"),
        ("how do i flag an answer that's wrong", "report-error"),
        ("how can i sugest a corection to one of your answers", "report-error"),
        ("how can i find free legal help", "legal-help"),
        ("how do u even check in w the app, like whats the process", "app-how-it-works"),
        ("is it even on the app store tbh", "apple-store"),
        ("what's the real threshold", "eo-threshold"),
        ("who runs smartlink", "smartlink"),
        ("is this confirmed", "is-it-confirmed"),
        ("are you biased", "bot-neutral"),
        ("are you a lawyer", "legal-advice"),
        ("what is the ice portal", "ice-portal"),
    ],
)
def test_the_same_shapes_asked_of_their_entry_are_answered(
    english: Matcher, question: str, entry: str
) -> None:
    assert confident_to(english, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("donde encuentro un abogado gratis", "legal-help"),
        ("eres imparcial", "bot-neutral"),
        ("quien publico esta noticia", "who-reported"),
    ],
)
def test_the_same_shapes_asked_in_spanish_are_answered(
    spanish: Matcher, question: str, entry: str
) -> None:
    assert confident_to(spanish, question) == entry


def how_to_verb(matcher: Matcher, question: str) -> str | None:
    plain, context = matcher._read(question)
    _, typed, _ = matcher._weighted_tokens(plain, context)
    return matcher._how_to_verb(plain.split(), typed)


def test_the_verb_of_a_how_to_question_is_read(english: Matcher, spanish: Matcher) -> None:
    renew = english._text.tokens_of(["renew"])[0]
    assert how_to_verb(english, "how do i even renew my green card") == renew
    assert how_to_verb(english, "how many enrolled") is None
    become = english._text.tokens_of(["become"])[0]
    assert how_to_verb(english, "how does someone become a sponsor") == become
    assert how_to_verb(english, "how do we know this is true") is None  # "know": no content
    pay = spanish._text.tokens_of(["pagar"])[0]
    assert how_to_verb(spanish, "como hago para pagar una multa") == pay


def test_a_named_thing_of_one_word_is_left_to_the_definition_rule(english: Matcher) -> None:
    plain, context = english._read("what is smartlink")
    weights, typed, _ = english._weighted_tokens(plain, context)
    assert english._named_subject(plain, weights, typed) == []
    plain, context = english._read("what's the ICE portal's phone number")
    weights, typed, _ = english._weighted_tokens(plain, context)
    assert "phone" in english._named_subject(plain, weights, typed)


@pytest.mark.xfail(
    strict=True,
    reason="not fixed in round 15: the backstory words ('towed') stay as context and make more "
    "than one content word; 'who made the iphone' shares only topic words with the entry's "
    "other words; 'demandar' is asked by the lawsuit entry; a Spanish 'what is the Y of X' "
    "longer than four words is no definition subject",
)
@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "my car got towed, how do I pay it"),
        ("en", "who made the iphone"),
        ("es", "como puedo demandar a ice"),
        ("es", "que es la contraseña del portal de ice"),
    ],
)
def test_known_gaps(english: Matcher, spanish: Matcher, language: str, question: str) -> None:
    assert confident_to(spanish if language == "es" else english, question) is None
