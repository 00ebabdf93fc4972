"""The message context menu "Check this claim": match a message's text, answer privately,
quoting the part that was matched."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.claims import best_claim
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.respond import respond, send_private
from bot.discord.service import Reply

if TYPE_CHECKING:
    from bot.discord.client import PolicyBot

MENU_NAME = "Check this claim"
QUOTE_MAX = 300
NO_TEXT = "That message has no text I can check."


class CheckClaimCog(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.check)
        bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def check(self, interaction: discord.Interaction[Any], message: discord.Message) -> None:
        service = self.bot.service
        claim = best_claim(message.content, service.engine.answer)
        if claim is None:
            await send_private(interaction, NO_TEXT)
            return
        wait = service.cooldown(interaction.user.id)
        if wait:
            await send_private(interaction, service.cooldown_message(wait))
            return

        async def answer() -> Reply:
            found = await service.ask(claim, interaction.user.id, "discord-menu")
            reply = service.reply(found)
            quote = "> " + clip(" ".join(claim.split()), QUOTE_MAX)
            content = clip(f"Checking this part of the message:\n{quote}", MESSAGE_MAX)
            if reply.content:  # a refusal: keep its text under the quote
                content = clip(f"{content}\n\n{reply.content}", MESSAGE_MAX)
            return dataclasses.replace(reply, content=content)

        await respond(interaction, answer, ephemeral=True)
