"""Round 19: a relative's question passed on, in both languages, read by what it asks.

Three kinds (every example new, none from a question set; more in own-case-dev5.tsv):
- the relative's case told only by a verb ("qué le pasa si falta", "what happens if he misses",
  "si se llevan a mi suegro", "if they take my dad"): the notice;
- a relative with a case who heard or says what will be done to them, even put as "is that
  true?" ("my brother who missed his check-in says he'll be deported"): the notice;
- a relative asking what the app, ICE or its officers can do, in general ("mi tía quiere saber
  qué puede hacer la app", "my aunt wants to know what the app can do"): no notice, as with any
  news question passed on ("my brother wants to know how many people missed check-ins").
The notice reaches members through the engine (slash command, DM and mention use `ask`, the
message menu uses `claim`), so it is checked there too."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.own_case import detect, fold

CASE_BY_VERB = [
    ("mi hermano quiere saber qué le pasa si falta", "es"),
    ("mi suegra quiere saber qué hacemos si se llevan a mi suegro", "es"),
    ("mi padrino pregunta qué hace si lo detienen saliendo del trabajo", "es"),
    ("mi nuera quiere saber q le pasa si ya no se presenta", "es"),
    ("mis tíos preguntan qué les pasa si faltan otra vez", "es"),
    ("mi hermanastra quiere saber qué hacer si agarran a su novio", "es"),
    ("my brother wants to know what happens if he misses", "en"),
    ("my stepdad asks what we should do if they take my mom", "en"),
    ("my roommate wants to know what happens to him if he's late", "en"),
    ("my parents are asking what to do if they detain my brother", "en"),
]

HEARD_ABOUT_THEIR_CASE = [
    ("my brother who missed his check-in says he'll be deported. is that true?", "en"),
    ("my niece who has a hearing next month read that she'll be detained there, true?", "en"),
    ("my husband says they're going to deport him if he moves, is that right?", "en"),
    ("mi papá que se reporta cada mes dice que se lo van a llevar, ¿es cierto?", "es"),
    ("mi nuera que trae grillete leyó que la van a detener, ¿es verdad?", "es"),
    ("mi madrina dice que si no firma la deportan, ¿es cierto?", "es"),
    ("mi yerno, que no se presentó en marzo, dice que ya lo van a buscar, ¿es cierto?", "es"),
    ("my stepsons, who skipped once, say they're coming for them now. true?", "en"),
    ("my godmother says if she skips they'll grab her, is that true?", "en"),
]

ABOUT_THE_APP_OR_THE_NEWS = [
    "mi tía quiere saber qué puede hacer la app",
    "mi padrino pregunta qué puede ver esa aplicación",
    "mi abuela quiere saber si la app puede ver su ubicación",
    "mi tío quiere saber qué pueden hacer los agentes con las fotos",
    "mi hermano quiere saber cuántas personas faltaron a sus citas",
    "mi hermano menor quiere saber cuándo se anunció el piloto",
    "my aunt wants to know what the app can do",
    "my stepdad asks what ICE does with the photos",
    "my brother wants to know how many people missed check-ins",
    "my parents want to know what the ICE app does",
    "my aunt who works at ICE says the app is mandatory now, true?",
    "my friend who studies law says 45 people enrolled, is that true?",
    "sorry if I'm late to this, when did the app come out?",
]


@pytest.mark.parametrize(("question", "language"), CASE_BY_VERB + HEARD_ABOUT_THEIR_CASE)
def test_a_relatives_own_case_passed_on_gets_the_notice(question: str, language: str) -> None:
    found = detect(question)
    assert found is not None, question
    assert found.language == language


@pytest.mark.parametrize("question", ABOUT_THE_APP_OR_THE_NEWS)
def test_a_relative_asking_about_the_app_or_the_news_gets_none(question: str) -> None:
    assert detect(question) is None


async def test_the_engine_gives_the_notice_in_the_questions_language(engine: Engine) -> None:
    spanish = await engine.ask("mi hermano quiere saber qué le pasa si falta")
    assert spanish.notice is not None and spanish.notice.language == "es"
    english = await engine.ask(
        "my brother who missed his check-in says he'll be deported. is that true?"
    )
    assert english.notice is not None and english.notice.language == "en"
    news = await engine.ask("mi tía quiere saber qué puede hacer la app")
    assert news.notice is None


def test_a_checked_message_about_a_relatives_case_carries_the_notice(engine: Engine) -> None:
    checked = engine.claim("My brother missed his check-in and says he'll be deported.")
    assert checked.answer.notice is not None
    news = engine.claim("My aunt wants to know what the app can do.")
    assert news.answer.notice is None


@pytest.mark.parametrize("word", ["deportan", "deportaron", "deporten", "arreste", "deportarlo"])
def test_a_spanish_case_verb_is_not_corrected_to_another_form(word: str) -> None:
    # "deportaron" was read as English "deportation", "deportan" as "deportar"
    assert fold(f"lo {word}") == f" lo {word} "
