"""Questions in direct messages, and in guild channels when the bot is mentioned.

Other messages and every bot (this one included) are ignored. Mentions and DMs carry their
text even without the privileged message-content intent.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord.ext import commands

from bot.core.i18n import texts
from bot.discord.errors import WHERE, report_failed_question, sorry_text
from bot.discord.reply import NO_MENTIONS, SILENT
from bot.discord.service import AnswerService, service_of

log = logging.getLogger("policybot.discord")

_CONVERSATION_TYPES = (discord.MessageType.default, discord.MessageType.reply)


class ConversationCog(commands.Cog):
    def __init__(self, service: AnswerService, client: discord.Client) -> None:
        self.service = service
        self.client = client

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None when it is not addressed to the bot."""
        me = self.client.user
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
        except Exception as error:
            log.exception("Error answering message %s from user %s", message.id, message.author.id)
            where = WHERE["direct_message" if message.guild is None else "mention"]
            report_failed_question(self.client, where, question, error)
            sorry = texts(self.service.engine.language_of(question)).gettext(
                sorry_text(self.client)
            )
            await message.channel.send(sorry, allowed_mentions=NO_MENTIONS)

    async def _answer(self, message: discord.Message, question: str) -> None:
        # In a channel the answer replies to the question; a DM needs no reference.
        thread: dict[str, Any] = {"reference": message} if message.guild is not None else {}
        channel = "discord-dm" if message.guild is None else "discord-mention"
        reply = await self.service.ask(question, message.author.id, channel, every_notice=False)
        if reply is SILENT:
            return
        await message.channel.send(**thread, **reply.kwargs())


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ConversationCog(service_of(bot), bot))
