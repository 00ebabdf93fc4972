"""The bridge between Discord handlers and the core engine: ask, open an entry, vote,
rate-limit, and turn an answer into something to send."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import discord

from bot.core.answers import Answer
from bot.core.engine import Engine
from bot.discord import render
from bot.discord.ratelimit import RateLimiter

NO_MENTIONS = discord.AllowedMentions.none()
TOPICS_SHOWN = 6
REMOVED_ENTRY = (
    "That entry has since been removed from the knowledge base. "
    "Try `/ask` with your question to see what I know now."
)


@dataclass(frozen=True)
class Reply:
    content: str | None = None
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for send/send_message/followup.send; never pings anyone."""
        sent: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        if self.content is not None:
            sent["content"] = self.content
        if self.embed is not None:
            sent["embed"] = self.embed
        if self.view is not None:
            sent["view"] = self.view
        return sent


class AnswerService:
    def __init__(self, engine: Engine, limiter: RateLimiter) -> None:
        self.engine = engine
        self.limiter = limiter
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        self._in_flight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def drain(self, timeout: float = 5.0) -> None:
        """Wait for database writes in progress, so shutdown leaves no half-done work."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout)

    def cooldown(self, member_id: int) -> float:
        """0 when the member may ask now (and counts the question), else seconds to wait."""
        return self.limiter.retry_after(member_id)

    @staticmethod
    def cooldown_message(seconds: float) -> str:
        return (
            f"You're asking quickly — please wait {max(1, round(seconds))} s and try again. "
            "(A small limit keeps the bot responsive for everyone.)"
        )

    async def ask(self, text: str, member_id: int, channel: str) -> Answer:
        with self._writing():
            return await self.engine.ask(text, asker=str(member_id), channel=channel)

    async def open_entry(self, entry_id: str, member_id: int, channel: str) -> Answer | None:
        """An entry picked by button: its answer, logged so it can take a helpful/unhelpful vote."""
        with self._writing():
            return await self.engine.open_entry(entry_id, asker=str(member_id), channel=channel)

    async def vote(self, question_id: int, member_id: int, helpful: bool) -> bool:
        with self._writing():
            return await self.engine.record_feedback(question_id, str(member_id), helpful)

    def topics(self) -> list[str]:
        return sorted(self.engine.knowledge.topics.values())[:TOPICS_SHOWN]

    def reply(self, answer: Answer) -> Reply:
        from bot.discord.views import answer_view  # views import this module for callbacks

        embed = render.answer_to_embed(answer, self.topics())
        if embed is None:
            return Reply(content=render.refusal_text(answer))
        return Reply(content=render.notice_text(answer), embed=embed, view=answer_view(answer))
