"""Spanish as people write it (issue 11, round 19). Each kind of question with new examples of
its own, none from a question set:

- a story let out is published: "soltar" / "regar" with a story as its object ("quién soltó la
  nota") asks who reported it, where "soltar" said of people is releasing them ("los que
  soltaron en la frontera") and of an app launching it;
- how things stand, "now" said before what is asked after ("¿cómo está ahorita la situación
  con…?", "cómo va ahorita lo de…");
- what a thing described by a clause of its own is for ("¿para qué sirve la app que sale en…?");
- a second question opened by a pronoun and "poder" ("¿qué es la app y la puedo bajar?");
- the keyword "después de las elecciones" no longer makes "elecciones" alone a keyword of
  where-things-stand (its words are in one of its paraphrases, so each was a keyword of its own):
  a question on the elections is no longer answered with where things stand. So with
  where-things-stand's "sigue en uso" ("sigue", "usa" alone its keywords) and
  pilot-select-cities's "todo el país" ("todos"): a keyword of common words claimed them in any
  question ("¿quién la usa?", "¿es para todos?").

(bot/locales/es/language.toml, knowledge/since-2024.toml)"""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher
from testkit.answers import confident_entry

SPANISH = analysis("es")


def tokens(text: str) -> list[str]:
    plain = SPANISH.strip_chatter(SPANISH.plain_words(text))
    return SPANISH.content_tokens(SPANISH.normalize(plain))


@pytest.mark.parametrize(
    "message",
    [
        "quién soltó primero la nota de la app de ICE?",
        "oye y quien rego el chisme ese de la app",
        "qué medio soltó la noticia de la aplicación de ICE",
    ],
)
def test_a_story_let_out_is_published(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) == "who-reported"


def test_people_let_out_are_not_a_story() -> None:
    assert "public" not in tokens("mi primo lo soltaron en la frontera, puede usar la app?")
    assert "public" not in tokens("ya soltaron la app en Nueva York?")
    assert "public" in tokens("quien solto la nota")


@pytest.mark.parametrize(
    "message",
    [
        "¿cómo está ahorita la situación con los check-ins y la app de ICE?",
        "y cómo va hoy lo de la app de ICE para reportarse",
        "como estan ahora las cosas con el check-in de ICE",
    ],
)
def test_now_before_what_is_asked_asks_where_things_stand(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) == "where-things-stand"


@pytest.mark.parametrize(
    "message",
    [
        "cómo va ahorita lo de mi cita con ICE",  # the asker's own case
        "¿cómo es lo de los 7 millones?",  # what a thing is, not how it stands
    ],
)
def test_not_how_things_stand(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) != "where-things-stand"


def test_what_a_thing_described_by_a_clause_is_for(spanish: Matcher) -> None:
    # Not the store's entry, which the clause's words alone name.
    message = "para que sirve esa app de ICE que sale en el app store"
    assert confident_entry(spanish, message) == "ice-check-in-app"


@pytest.mark.parametrize(
    "message",
    [
        "lo de la migra va a contar mucho en las elecciones?",
        "ps y la frontera va a pesar en las elecciones",
    ],
)
def test_the_elections_alone_are_not_where_things_stand(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) != "where-things-stand"


def test_after_the_elections_is_still_where_things_stand(spanish: Matcher) -> None:
    assert confident_entry(spanish, "y qué pasó con el check-in después de las elecciones?") == (
        "where-things-stand"
    )


@pytest.mark.parametrize(
    ("message", "first"),
    [
        ("qué es SmartLINK y lo puedo quitar yo", "smartlink"),
        ("¿qué es la ICE Check-In App y la puedo descargar sola?", "ice-check-in-app"),
    ],
)
def test_a_second_question_opened_by_a_pronoun_and_poder(
    spanish: Matcher, message: str, first: str
) -> None:
    """A pronoun and "poder" ("y la puedo bajar") start a question of its own, as "y puedo
    bajarla" does; the first is answered, not the entry the second's words lean to."""
    assert SPANISH.clauses(message)[1:] != []
    assert confident_entry(spanish, message) == first


def test_common_words_are_no_keyword_of_where_things_stand(spanish: Matcher) -> None:
    """ "quién la usa" asks who uses the app, not whether it is still used."""
    message = "y la ICE Check-In App qué es y quién la usa"
    assert confident_entry(spanish, message) == "ice-check-in-app"


def test_all_is_no_keyword_of_the_pilot(spanish: Matcher) -> None:
    """ "¿es para todos?" asks who can use the app, not where the pilot is."""
    best = spanish.match("la app de ICE es para todos o nomás para unos cuantos?").best
    assert best is not None and best.entry_id == "app-who-can-use"
