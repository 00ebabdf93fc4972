"""The bridge between Discord handlers and the core engine: the rate limit, asking, checking
a claim, opening an entry and voting, each turned into the reply to send."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import discord

from bot.core.answers import Answer
from bot.core.engine import Engine
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.ratelimit import RateLimiter
from bot.discord.reply import (
    REMOVED_ENTRY,
    SILENT,
    VOTE_COUNTED,
    VOTE_REPEATED,
    Reply,
    cooldown_reply,
)
from bot.discord.views import answer_reply

TOPICS_SHOWN = 6
QUOTE_MAX = 300
NO_TEXT = "That message has no text I can check."


class AnswerService:
    def __init__(
        self, engine: Engine, limiter: RateLimiter, *, site_url: str | None = None
    ) -> None:
        self.engine = engine
        self.limiter = limiter
        self.site_url = site_url  # answers link to their public page when set
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
        """Wait (at most `timeout` seconds) for the questions, votes and picks being recorded,
        so shutdown does not cut them off."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout)

    def _cooldown(self, member_id: int, *, every_time: bool = True) -> Reply | None:
        """The one rate-limit check, for questions and button presses alike: None when the
        member may go ahead (it counts). Else the cooldown notice — or, unless `every_time`
        (an interaction must always be answered, privately), SILENT after the first one."""
        verdict = self.limiter.check(member_id)
        if verdict.allowed:
            return None
        return cooldown_reply(verdict.wait) if verdict.notify or every_time else SILENT

    def topics(self) -> list[str]:
        return self.engine.topics()[:TOPICS_SHOWN]

    def _reply(self, answer: Answer) -> Reply:
        return answer_reply(answer, self.topics(), self.site_url)

    async def ask(
        self, text: str, member_id: int, channel: str, *, every_notice: bool = True
    ) -> Reply:
        """The reply to a question; with `every_notice=False` (mentions, DMs) only the first
        over-limit question of a cooldown gets a notice, the rest SILENT."""
        limited = self._cooldown(member_id, every_time=every_notice)
        if limited is not None:
            return limited
        with self._writing():
            answer = await self.engine.ask(text, asker=str(member_id), channel=channel)
        return self._reply(answer)

    async def check_claim(self, text: str, member_id: int, channel: str) -> Reply:
        """Answer the part of a message that matches best, quoting that part back."""
        if not text.strip():
            return Reply(content=NO_TEXT, private=True)
        limited = self._cooldown(member_id)
        if limited is not None:
            return limited
        with self._writing():
            checked = await self.engine.check_claim(text, asker=str(member_id), channel=channel)
        reply = self._reply(checked.answer)
        quote = "> " + clip(" ".join(checked.claim.split()), QUOTE_MAX)
        content = clip(f"Checking this part of the message:\n{quote}", MESSAGE_MAX)
        if reply.content:  # a refusal or an own-case notice: keep its text under the quote
            content = clip(f"{content}\n\n{reply.content}", MESSAGE_MAX)
        return Reply(content=content, embed=reply.embed, view=reply.view)

    async def open_entry(self, entry_id: str, member_id: int, channel: str) -> Reply:
        """An entry picked by button: its answer, logged so it can take a helpful/unhelpful vote."""
        limited = self._cooldown(member_id)
        if limited is not None:
            return limited
        with self._writing():
            answer = await self.engine.open_entry(entry_id, asker=str(member_id), channel=channel)
        if answer is None:
            return Reply(content=REMOVED_ENTRY)
        return self._reply(answer)

    async def vote(self, question_id: int, member_id: int, helpful: bool) -> Reply:
        limited = self._cooldown(member_id)
        if limited is not None:
            return limited
        with self._writing():
            counted = await self.engine.record_feedback(question_id, str(member_id), helpful)
        return Reply(content=VOTE_COUNTED if counted else VOTE_REPEATED, private=True)


def service_of(client: discord.Client) -> AnswerService:
    """The answering service an extension's cogs depend on (set up by the bot client)."""
    service = getattr(client, "service", None)
    if not isinstance(service, AnswerService):
        raise TypeError(f"{type(client).__name__} has no AnswerService to give the cogs")
    return service
