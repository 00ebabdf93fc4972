"""Round 21 (issues 9 and 11): the own-case notice for kinds of question it missed, and for the
news questions that got it wrongly. Every example is new, written for its kind before the rules
for it, none a row of a question set; each failed before, but for the guards (ASIDE_WITH_A_CASE_*
and NEWS), which passed before and must keep passing.

Kinds:
- someone's own question passed on by the asker: a relative's told with "'s" ("my dad's asking if
  he can…"), or with what they heard as the reason ("since she read about the app"), a friend's
  under a heading ("question for a friend: …"), a client's ("a client asked me whether…", "una
  clienta me pregunta si…"), a relative held or sent somewhere, named after the verb ("dónde
  tienen a mi papá", "where they moved her husband"): the notice;
- whether one was put on the app ("how can I tell if I was signed up for the pilot", "¿quedé
  inscrita en el piloto?"): the notice;
- one's own conditions of release ("my conditions of release", "mis condiciones de liberación"):
  the notice;
- a personal aside giving why a news question is asked, a debate or bet with someone close or
  work for school ("asking bc my roommate and I were arguing about it", "es para un proyecto de la
  escuela"): no notice; but the same aside beside someone's case keeps it;
- news passed on by a relative or a client, news about people in general: no notice.
"""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.own_case import detect, fold

PASSED_ON_EN = [
    "my sister's wondering whether she can stop going to the office since she read about the app",
    "my husband's asking if he still has to go in person after he heard about the app",
    "my aunt asked if she can skip the in person visit since she saw the app on the news",
    "question for a friend: he's on parole and his officer mentioned the app. can he stop"
    " reporting in person?",
    "a client asked me whether using the app could hurt her asylum case",
    "I'm a paralegal and a client is asking if she can use the app instead of going to her hearing",
    "a client keeps asking me whether she can stop wearing the monitor if she uses the app",
    "my mom wants to know where they have my dad",
    "my grandma asks where ICE sent my uncle",
    "my sister wants to know where they moved her husband",
    "my uncle is asking where immigration has my cousin",
]

PASSED_ON_ES = [
    "una clienta me pregunta si la app afecta su caso de asilo, ¿qué le respondo?",
    "un cliente quiere saber si puede dejar de ir en persona",
    "soy voluntaria y una señora que acompaño me preguntó si usar la app afecta su audiencia",
    "una clienta quiere saber si la van a cambiar a la app",
    "una señora que ayudamos pregunta qué pasa si falta a su cita",
    "mi abuela pregunta a dónde mandaron a mi tío",
    "mi cuñada quiere saber por qué detuvieron a su esposo",
    "mi suegra quiere saber dónde están teniendo a mi suegro",
    "mi hijo quiere saber a dónde trasladaron a su papá",
]

ENROLLED_EN = [
    "is there a way to check whether i was put on the ice app",
    "how can i tell if i was signed up for the pilot",
    "how would i find out if we were registered for the check in app",
    "was i put in the pilot? nobody told me anything",
    "i think we were signed up for the app without being asked",
]

ENROLLED_ES = [
    "¿cómo sé si quedé inscrita en el piloto?",
    "¿fui inscrito en la aplicación sin saber?",
    "¿cómo averiguo si estoy en la app de ICE o no?",
    "¿estamos registrados en el piloto? nadie nos dijo",
    "¿quedé registrado en la app de ICE?",
]

CONDITIONS_EN = [
    "is the app part of my conditions of release now?",
    "does the app check in satisfy my bond conditions?",
]

CONDITIONS_ES = [
    "¿la app cuenta para mis condiciones de libertad?",
    "¿usar la aplicación cambia las condiciones de mi liberación?",
    "mi hermano quiere saber si la app cuenta para sus condiciones de liberación",
    "¿la aplicación cumple con mis condiciones de libertad condicional?",
]

# The aside beside someone's case: the case keeps the notice (guards).
ASIDE_WITH_A_CASE_EN = [
    "my husband and I were arguing about whether he should go to ICE",
    "me and my sister are debating if she has to bring her kids to her check in",
    "my roommate and I were arguing about it, he has a check-in tomorrow",
    "asking bc my brother has a check in next week, does the app use gps?",
]

ASIDE_WITH_A_CASE_ES = [
    "pregunto porque mi hermano tiene cita la semana que viene, ¿la app usa GPS?",
    "mi esposo y yo estábamos discutiendo si él debe ir a su cita mañana",
]

ASIDE_NEWS_EN = [
    "is the app mandatory everywhere? my husband and i were debating this last night",
    "me and my brother have a bet going: does the app track your location?",
    "my daughter needs this for a school project: when did the pilot start?",
    "my roommate and I were arguing about the app, does it use GPS?",
    "settle a bet with my brother: when did ICE announce the app?",
    "my son is writing an essay on the ICE app, who first reported it?",
    "is the app's facial recognition accurate? my coworker and i disagree lol",
]

ASIDE_NEWS_ES = [
    "mi hija necesita saber para su tarea cuándo empezó el piloto",
    "mi esposo y yo hicimos una apuesta: ¿la app usa GPS?",
    "es para mi clase de ciencias políticas: ¿qué medio publicó lo de la app de ICE?",
    "mi hermano y yo tenemos una apuesta: ¿cuándo empezó el piloto de ICE?",
    "necesito saber para mi clase de periodismo quién publicó lo de la app de ICE",
    "mi hijo está haciendo un proyecto de la escuela sobre la app de ICE, ¿cuántos se"
    " inscribieron?",
]

# News passed on, news about people in general, the conditions of release in general (guards:
# these got no notice before and must not now).
NEWS = [
    "my dad's asking how many people were enrolled in the pilot",
    "my sister's wondering what outlet broke the story about the ICE app",
    "my dad's been reading about the pilot, how many people are in it?",
    "my mom's on facebook all day saying ICE is deporting people at check ins",
    "a client asked me which newspaper first reported the app",
    "my aunt asks if she should believe the article about ICE deporting people at check ins",
    "how many people were enrolled in the app pilot",
    "what are the usual conditions of release for people in the pilot?",
    "¿qué condiciones de liberación menciona el artículo?",
    "una clienta me preguntó qué abogado salió en la nota de la app",
    "mi tía quiere saber por qué detuvieron a tanta gente en el piloto",
    "mi hermano pregunta a dónde mandaron a los reporteros",
    "mi tía quiere saber dónde tienen a los detenidos del piloto",
    "mi compañera de trabajo y yo estábamos discutiendo si la app usa GPS",
]


@pytest.mark.parametrize(
    "question", PASSED_ON_EN + ENROLLED_EN + CONDITIONS_EN + ASIDE_WITH_A_CASE_EN
)
def test_an_english_own_or_passed_on_case_gets_the_notice(question: str) -> None:
    found = detect(question)
    assert found is not None, question
    assert found.language == "en"


@pytest.mark.parametrize(
    "question", PASSED_ON_ES + ENROLLED_ES + CONDITIONS_ES + ASIDE_WITH_A_CASE_ES
)
def test_a_spanish_own_or_passed_on_case_gets_the_spanish_notice(question: str) -> None:
    found = detect(question)
    assert found is not None, question
    assert found.language == "es"


@pytest.mark.parametrize("question", ASIDE_NEWS_EN + ASIDE_NEWS_ES + NEWS)
def test_news_asked_for_a_personal_reason_or_passed_on_gets_none(question: str) -> None:
    assert detect(question) is None, question


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("my mom's asking", " my mom is asking "),
        ("my dad's been detained", " my dad has been detained "),
        ("my mom's check in", " my mom's check in "),
        ("my dad's hearing", " my dad's hearing "),
    ],
)
def test_a_names_s_is_read_as_is_or_has_only_before_a_verb(typed: str, read: str) -> None:
    assert fold(typed) == read


async def test_the_engine_gives_the_notice_to_the_passed_on_case_only(engine: Engine) -> None:
    own = await engine.ask("a client asked me whether using the app could hurt her asylum case")
    assert own.notice is not None and own.notice.language == "en"
    news = await engine.ask("does the app use gps? asking bc my roommate and i were arguing")
    assert news.notice is None
