"""Questions in direct messages, and in guild channels when the bot is mentioned.

Other messages and every bot (this one included) are ignored. Mentions and DMs carry their
text even without the privileged message-content intent.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.discord.errors import SORRY
from bot.discord.service import NO_MENTIONS

if TYPE_CHECKING:
    from bot.discord.client import PolicyBot

log = logging.getLogger("policybot.discord")


class ConversationCog(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None when it is not addressed to the bot."""
        me = self.bot.user
        if message.author.bot or me is None or message.type not in _CONVERSATION_TYPES:
            return None
        if message.guild is None:
            return message.content
        # `mentioned_in` is also true for @everyone; only a direct mention counts here.
        if not any(user.id == me.id for user in message.mentions):
            return None
        return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        question = self.question_in(message)
        if question is None:
            return
        try:
            await self._answer(message, question)
        except Exception:
            log.exception("Error answering message %s from user %s", message.id, message.author.id)
            await message.channel.send(SORRY, allowed_mentions=NO_MENTIONS)

    async def _answer(self, message: discord.Message, question: str) -> None:
        service = self.bot.service
        # In a channel the answer replies to the question; a DM needs no reference.
        thread: dict[str, Any] = {"reference": message} if message.guild is not None else {}
        wait = service.cooldown(message.author.id)
        if wait:
            await message.channel.send(
                service.cooldown_message(wait), allowed_mentions=NO_MENTIONS, **thread
            )
            return
        channel = "discord-dm" if message.guild is None else "discord-mention"
        answer = await service.ask(question, message.author.id, channel)
        await message.channel.send(**thread, **service.reply(answer).kwargs())


_CONVERSATION_TYPES = (discord.MessageType.default, discord.MessageType.reply)
