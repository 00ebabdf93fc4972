"""Factcheck 17: "¿cómo van las cosas …?" asks where things stand, except of the asker's own
case or a relative's, which the own-case reading keeps (bot/locales/es/language.toml)."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "message",
    [
        "¿cómo van las cosas con mi cita de ice?",
        "¿cómo va el asunto de mi hermano con ice?",
    ],
)
def test_how_things_are_going_with_my_case_is_not_where_things_stand(
    spanish: Matcher, message: str
) -> None:
    assert confident_entry(spanish, message) != "where-things-stand"


def test_how_my_asylum_case_is_going_keeps_legal_advice(spanish: Matcher) -> None:
    assert (
        confident_entry(spanish, "¿cómo están las cosas ahorita con mi caso de asilo?")
        == "legal-advice"
    )


def test_how_things_are_going_with_the_app_still_answered(spanish: Matcher) -> None:
    assert (
        confident_entry(spanish, "¿cómo están las cosas ahorita con la app?")
        == "where-things-stand"
    )
