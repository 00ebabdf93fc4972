"""Spanish as people write it (issue 11, round 17): "ahorita" and the way it is typed ("orita",
"aorita", "horita") is "ahora", a word that says nothing of what is asked; asking how things
are going ("¿cómo van las cosas…?", "cómo anda el asunto", "cómo sigue el tema") asks where
things stand now, as "what's the latest" does in English; "¿me ayudas?" after a question is
talk around it (bot/locales/es/language.toml). Every example is new: none is from a question
set."""

from __future__ import annotations

import pytest

from bot.core.analysis import analysis
from bot.core.matcher import Matcher
from testkit.answers import confident_entry

SPANISH = analysis("es")


def tokens(text: str) -> list[str]:
    plain = SPANISH.strip_chatter(SPANISH.plain_words(text))
    return SPANISH.content_tokens(SPANISH.normalize(plain))


@pytest.mark.parametrize("now", ["ahorita", "orita", "aorita", "horita"])
def test_right_now_as_typed_says_nothing(now: str) -> None:
    assert tokens(f"cuántos hay en ATD {now}") == tokens("cuántos hay en ATD")


@pytest.mark.parametrize(
    "message",
    [
        "¿cómo van las cosas orita con la app de ICE?",
        "como anda el asunto con los check-ins ahorita",
        "oye y cómo sigue el tema de los reportes a ICE?",
        "¿y cómo está la situación hoy con la aplicación?",
    ],
)
def test_how_things_are_going_asks_where_they_stand(spanish: Matcher, message: str) -> None:
    assert spanish.match(message).best.entry_id == "where-things-stand"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "message",
    [
        "¿cómo van las cosas orita con la app de ICE?",
        "como anda el asunto con los check-ins ahorita",
    ],
)
def test_how_things_are_going_with_the_app_is_answered(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) == "where-things-stand"


@pytest.mark.parametrize(
    "message",
    [
        "¿cómo están las cosas en mi país?",
        "¿cómo está el clima en Houston ahorita?",
        "¿cómo va el partido?",
    ],
)
def test_how_things_are_going_elsewhere_is_not_answered(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) is None


def test_asking_for_help_after_the_question_is_talk_around_it() -> None:
    assert tokens("me ayudas") == []
    assert tokens("nos echan la mano porfa") == []
    assert tokens("dónde me ayudan") != []
