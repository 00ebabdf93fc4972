"""`/sources` (who is quoted and how) and `/about` (what the bot is, covers and is not)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.answers import format_date
from bot.core.engine import Engine
from bot.discord import render
from bot.discord.reply import NO_MENTIONS
from bot.discord.service import service_of


class InfoCog(commands.Cog):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @app_commands.command(name="sources", description="Who the knowledge base quotes, and how")
    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        embed = render.sources_embed(self.engine.source_summary())
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="about", description="What this bot is, what it covers, its limits")
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        engine = self.engine
        as_of = format_date(engine.as_of) if engine.as_of else None
        embed = render.about_embed(engine.topics(), len(engine.entries()), as_of)
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(InfoCog(service_of(bot).engine))
