"""The unanswered queue grouped by similarity: near-identical wordings together, unrelated
questions apart, a short question not swallowing longer ones, biggest and newest first."""

from __future__ import annotations

from bot.core.engine import Engine
from bot.core.matcher import Tier
from bot.core.queue_groups import group_questions
from bot.core.store import LoggedQuestion, QuestionState


def logged(number: int, text: str, day: int) -> LoggedQuestion:
    return LoggedQuestion(
        id=number,
        asked_at=f"2026-11-{day:02d}T10:00:00+00:00",
        asker=None,
        channel="t",
        text=text,
        tier=Tier.NONE,
        entry_id=None,
        score=0.0,
        state=QuestionState.OPEN,
    )


def test_similar_wordings_group_and_the_biggest_group_comes_first() -> None:
    groups = group_questions(
        [
            logged(1, "will the app be offered in Spanish", 1),
            logged(2, "what's the weather in Paris", 2),
            logged(3, "Will the app be offered in spanish??", 3),
            logged(4, "will the app be offered in spanish", 4),
            logged(5, "when does the app launch", 5),
            logged(6, "when will the app launch", 6),
            logged(7, "app", 7),
        ]
    )
    assert [[q.id for q in g.questions] for g in groups] == [[4, 3, 1], [6, 5], [7], [2]]
    spanish = groups[0]
    assert spanish.count == 3 and spanish.last_asked.startswith("2026-11-04")
    assert spanish.wordings() == [
        "will the app be offered in spanish",
        "Will the app be offered in spanish??",
    ]


def test_no_questions_no_groups() -> None:
    assert group_questions([]) == []


async def test_the_engine_groups_the_live_queue(engine: Engine) -> None:
    for text in ["will the app be in Spanish", "will the app be in spanish?", "weather in Paris"]:
        await engine.ask(text)
    await engine.ask("how many migrants were enrolled?")  # answered: not on the queue
    groups = await engine.unanswered_groups()
    assert [g.count for g in groups] == [2, 1]
    assert await engine.queued_question(groups[0].lead.id) == groups[0].lead
