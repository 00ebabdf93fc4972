"""`/sources` (who is quoted and how) and `/about` (what the bot is, covers and is not)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _t
from discord.ext import commands

from bot.core.engine import Engine
from bot.core.i18n import texts
from bot.discord import render
from bot.discord.locale import reply_language
from bot.discord.reply import NO_MENTIONS
from bot.discord.service import service_of


class InfoCog(commands.Cog):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @app_commands.command(
        name=_t("sources"), description=_t("Who the knowledge base quotes, and how")
    )
    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        embed = render.sources_embed(self.engine.source_summary(), reply_language(interaction))
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(
        name=_t("about"), description=_t("What this bot is, what it covers, its limits")
    )
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        engine = self.engine
        language = reply_language(interaction)
        as_of = texts(language).date(engine.as_of) if engine.as_of else None
        topics = engine.topics(language)
        embed = render.about_embed(topics, len(engine.entries()), as_of, language)
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(InfoCog(service_of(bot).engine))
