"""`/ask question: [private:]` with autocomplete from the knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.answers import MAX_QUESTION_CHARS
from bot.discord.limits import CHOICE_MAX, CHOICES_MAX, clip
from bot.discord.respond import respond, send_private
from bot.discord.service import Reply

if TYPE_CHECKING:
    from bot.discord.client import PolicyBot


class AskCog(commands.Cog):
    def __init__(self, bot: PolicyBot) -> None:
        self.bot = bot

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
        service = self.bot.service
        wait = service.cooldown(interaction.user.id)
        if wait:
            await send_private(interaction, service.cooldown_message(wait))
            return

        async def answer() -> Reply:
            found = await service.ask(question, interaction.user.id, "discord")
            return service.reply(found)

        await respond(interaction, answer, ephemeral=private)

    @ask.autocomplete("question")
    async def suggest(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        suggestions = self.bot.service.engine.autocomplete(current, limit=CHOICES_MAX)
        choices: list[app_commands.Choice[str]] = []
        for suggestion in suggestions:
            text = clip(suggestion.question, CHOICE_MAX)
            choices.append(app_commands.Choice(name=text, value=text))
        return choices[:CHOICES_MAX]
