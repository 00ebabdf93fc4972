"""Answers as replies (bot/discord/views.py AnswerReplies): an answer's embed is built once and
kept, its buttons made for every reply (they carry the question's id), and what is kept is
bounded."""

from __future__ import annotations

from dataclasses import replace

from bot.core.engine import Engine
from bot.discord.views import AnswerReplies, answer_reply

ENROLLED = "How many migrants were enrolled?"


def custom_ids(reply_view: object) -> list[str]:
    return [
        item.custom_id
        for item in getattr(reply_view, "children", [])
        if getattr(item, "custom_id", None)
    ]


async def test_the_embed_is_kept_and_the_buttons_carry_each_question_id(engine: Engine) -> None:
    replies = AnswerReplies()
    answer = engine.answer(ENROLLED)
    first = replies.reply(replace(answer, question_id=1), [])
    second = replies.reply(replace(answer, question_id=2), [])
    assert first.embed is second.embed  # built once
    assert first.embed is not None
    assert first.embed.to_dict() == answer_reply(answer, []).embed.to_dict()  # type: ignore[union-attr]
    assert "pb:fb:1:y:en" in custom_ids(first.view)
    assert "pb:fb:2:y:en" in custom_ids(second.view)
    assert not any(i.startswith("pb:fb:1:") for i in custom_ids(second.view))


async def test_different_answers_and_topics_get_their_own_embeds(engine: Engine) -> None:
    replies = AnswerReplies(kept=2)
    enrolled = replies.reply(engine.answer(ENROLLED), [])
    unknown = replies.reply(engine.answer("what's the capital of France?"), ["Topic A"])
    other_topics = replies.reply(engine.answer("what's the capital of France?"), ["Topic B"])
    assert enrolled.embed is not unknown.embed is not other_topics.embed
    assert "Topic B" in str(other_topics.embed.to_dict())  # type: ignore[union-attr]
    # Only the two most recent are kept: the first is built afresh (equal, not the same).
    again = replies.reply(engine.answer(ENROLLED), [])
    assert again.embed is not enrolled.embed
    assert again.embed.to_dict() == enrolled.embed.to_dict()  # type: ignore[union-attr]


async def test_a_refused_question_is_plain_text(engine: Engine) -> None:
    refused = AnswerReplies().reply(engine.answer("???"), [])
    assert refused.embed is None and refused.view is None and refused.content
