"""Apple's store in Spanish (issue 11, round 18): the apple-store entry answers whether the ICE
app is in Apple's store, not questions about Apple or the iPhone in general ("¿Apple ya sacó el
nuevo iPhone?"), which name no app. Its Spanish keywords no longer hold "apple" and "iphone" as
words of their own, and its paraphrases name the ICE app. Every example is new: none is from a
question set."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "message",
    [
        "¿Apple ya sacó el nuevo iPhone? ¿en cuánto anda?",
        "¿cuánto cuesta un iPhone?",
        "Apple sacó una actualización de iOS",
        "¿ya salió el nuevo iphone?",
        "¿cuánto cuesta el iPhone 15 en Estados Unidos?",
    ],
)
def test_apple_or_the_iphone_in_general_is_not_the_apple_store_entry(
    spanish: Matcher, message: str
) -> None:
    assert confident_entry(spanish, message) != "apple-store"


@pytest.mark.parametrize(
    "message",
    [
        "¿la app de ICE está en el iPhone?",
        "¿Apple aprobó la app de ICE?",
        "¿la app está para iPhone?",
        "¿se puede bajar en iOS?",
        "¿la puedo descargar en mi iPhone?",
        "¿ya la aprobó Apple?",
        "¿está la app en la tienda de Apple o no?",
        "¿ya salió el nuevo iPhone? ¿y la app de ICE está en la App Store?",
    ],
)
def test_the_app_in_apples_store_is_still_answered(spanish: Matcher, message: str) -> None:
    assert confident_entry(spanish, message) == "apple-store"


@pytest.mark.parametrize(
    "message",
    ["la app de ICE está disponible para android", "¿la app de ICE está disponible para Android?"],
)
def test_another_phone_is_not_the_apple_store_entry(spanish: Matcher, message: str) -> None:
    # factcheck18: the paraphrase "… está disponible para iPhone" made any "disponible para"
    # question about the app a confident apple-store answer.
    assert confident_entry(spanish, message) != "apple-store"
