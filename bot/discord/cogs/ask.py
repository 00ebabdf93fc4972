"""`/ask question: [private:]` with autocomplete from the knowledge base."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.answers import MAX_QUESTION_CHARS
from bot.discord.limits import CHOICE_MAX, CHOICES_MAX, clip
from bot.discord.respond import respond
from bot.discord.service import AnswerService, service_of


class AskCog(commands.Cog):
    def __init__(self, service: AnswerService) -> None:
        self.service = service

    @app_commands.command(name="ask", description="Ask about the reported ICE check-in app policy")
    @app_commands.describe(
        question="Your question, e.g. “How many migrants were enrolled?”",
        private="Only you see the answer",
    )
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
        private: bool = False,
    ) -> None:
        await respond(
            interaction,
            lambda: self.service.ask(question, interaction.user.id, "discord"),
            ephemeral=private,
        )

    @ask.autocomplete("question")
    async def suggest(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        suggestions = self.service.engine.autocomplete(current, limit=CHOICES_MAX)
        choices: list[app_commands.Choice[str]] = []
        for suggestion in suggestions:
            text = clip(suggestion.question, CHOICE_MAX)
            choices.append(app_commands.Choice(name=text, value=text))
        return choices[:CHOICES_MAX]


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AskCog(service_of(bot)))
