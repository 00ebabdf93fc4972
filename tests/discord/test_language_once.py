"""A question's language is detected once per question asked (bot/discord/service.py detects it
for the cooldown notice and passes it on to the engine's routing), whatever the path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core import language_detect
from bot.core.engine import Engine
from bot.discord.ratelimit import RateLimiter
from bot.discord.service import AnswerService


@pytest.fixture
def detections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each text the language detector reads (every detection counts its words once)."""
    read: list[str] = []
    votes: Callable[[str], dict[str, float]] = language_detect._votes

    def counted(text: str) -> dict[str, float]:
        read.append(text)
        return votes(text)

    monkeypatch.setattr(language_detect, "_votes", counted)
    return read


@pytest.mark.parametrize(
    ("question", "preferred", "language", "entry"),
    [
        ("How many migrants were enrolled?", None, "en", "enrolled-45"),
        ("¿Cuántos migrantes se inscribieron?", "en", "es", "enrolled-45"),
        ("smartlink?", "es", "es", None),  # too short to tell: the member's language decides
    ],
)
async def test_a_question_is_detected_once_and_answered_in_its_language(
    engine: Engine,
    detections: list[str],
    question: str,
    preferred: str | None,
    language: str,
    entry: str | None,
) -> None:
    service = AnswerService(engine, RateLimiter(100, 60))
    reply = await service.ask(
        question, member_id=1, channel="discord", preferred_language=preferred
    )
    assert detections == [question]
    assert reply.embed is not None or reply.content
    answered = engine.answer(question, preferred_language=language)  # remembered: the same
    assert answered.language == language and answered.entry_id == entry


async def test_a_checked_claim_detects_the_message_once_then_each_part(
    engine: Engine, detections: list[str]
) -> None:
    service = AnswerService(engine, RateLimiter(100, 60))
    message = "Big news today. Only 45 migrants were enrolled in the app!"
    await service.check_claim(message, member_id=1, channel="discord")
    assert detections.count(message) == 1
