"""`/sources` (who is quoted and how) and `/about` (what the bot is, covers and is not)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.answers import format_date
from bot.discord import render
from bot.discord.service import NO_MENTIONS

if TYPE_CHECKING:
    from bot.discord.client import PolicyBot


class InfoCog(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="Who the knowledge base quotes, and how")
    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        embed = render.sources_embed(self.bot.service.engine.source_summary())
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="about", description="What this bot is, what it covers, its limits")
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        engine = self.bot.service.engine
        as_of = format_date(engine.as_of) if engine.as_of else None
        topics = sorted(engine.knowledge.topics.values())
        embed = render.about_embed(topics, len(engine.entries()), as_of)
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
