"""The message context menu "Check this claim": match a message's text, answer privately,
quoting the part that was matched."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.i18n import N_
from bot.discord.locale import member_language
from bot.discord.respond import respond
from bot.discord.service import AnswerService, service_of

MENU_NAME = N_("Check this claim")  # localized from the catalogue (bot/discord/translator.py)


class CheckClaimCog(commands.Cog):
    """Context menus cannot be defined inside a cog class; this one is added to the tree with
    the cog and removed with it."""

    def __init__(self, service: AnswerService, tree: app_commands.CommandTree[Any]) -> None:
        self.service = service
        self.tree = tree
        self.menu = app_commands.ContextMenu(
            name=app_commands.locale_str(MENU_NAME), callback=self.check
        )

    async def cog_load(self) -> None:
        self.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.tree.remove_command(self.menu.name, type=self.menu.type)

    async def check(self, interaction: discord.Interaction[Any], message: discord.Message) -> None:
        await respond(
            interaction,
            lambda: self.service.check_claim(
                message.content,
                interaction.user.id,
                "discord-menu",
                member_language(interaction),
            ),
            ephemeral=True,
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(CheckClaimCog(service_of(bot), bot.tree))
