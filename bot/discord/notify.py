"""Telling members, once, that a question they watch has been answered.

A moderator's change (teach, or a new entry that now answers the question confidently) is an
engine event; this listener asks the engine which watches it answered (each is taken as it is
returned, so a member is told once) and sends each member one direct message with the answer.
A member whose direct messages are closed gets nothing, and the bot carries on: it is logged
quietly at INFO, never reported as a failure.
"""

from __future__ import annotations

import asyncio
import logging

import discord

from bot.core.engine import Engine
from bot.core.events import ModerationEvent
from bot.core.i18n import N_, texts
from bot.core.watches import Notice
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.views import answer_reply

log = logging.getLogger("policybot.discord")
ANSWERED = N_("A moderator has answered a question you asked me: “{question}”. Here is the answer.")


class Notifier:
    def __init__(self, client: discord.Client, engine: Engine) -> None:
        self.client = client
        self.engine = engine
        self._tasks: set[asyncio.Task[None]] = set()

    def moderation(self, event: ModerationEvent) -> None:
        """An Engine.on_moderation listener."""
        if self.client.is_closed():
            return
        task = asyncio.get_running_loop().create_task(self._notify(event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _notify(self, event: ModerationEvent) -> None:
        try:
            notices = await self.engine.answered_watches(event)
        except Exception:
            log.exception("Could not find the members waiting for %s", event.action.value)
            return
        for notice in notices:
            await self._tell(notice)

    async def _tell(self, notice: Notice) -> None:
        question = " ".join(notice.question.split())
        reply = answer_reply(notice.answer, [])
        said = texts(notice.answer.language)
        content = said.gettext(ANSWERED).format(question=clip(question, 300))
        if reply.content:  # e.g. the notice for someone asking about their own case
            content += "\n\n" + reply.content
        sent = reply.kwargs() | {"content": clip(content, MESSAGE_MAX)}
        try:
            channel = await self.client.create_dm(discord.Object(int(notice.member)))
            await channel.send(**sent)
        except discord.Forbidden:
            log.info("Member %s has closed their direct messages; not told", notice.member)
        except (discord.HTTPException, ValueError) as error:
            log.warning(
                "Could not tell member %s their question is answered: %s", notice.member, error
            )

    async def drain(self, timeout: float = 5.0) -> None:
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
