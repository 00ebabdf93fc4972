"""`/ask question: [private:]` with autocomplete from the knowledge base."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _t
from discord.ext import commands

from bot.core.answers import MAX_QUESTION_CHARS
from bot.discord.limits import CHOICE_MAX, CHOICES_MAX, clip
from bot.discord.locale import member_language
from bot.discord.respond import respond
from bot.discord.service import AnswerService, service_of


class AskCog(commands.Cog):
    def __init__(self, service: AnswerService) -> None:
        self.service = service

    # Names and descriptions are localized from the catalogue (bot/discord/translator.py).
    @app_commands.command(
        name=_t("ask"), description=_t("Ask about the reported ICE check-in app policy")
    )
    @app_commands.rename(question=_t("question"), private=_t("private"))
    @app_commands.describe(
        question=_t("Your question, e.g. “How many migrants were enrolled?”"),
        private=_t("Only you see the answer"),
    )
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
        private: bool = False,
    ) -> None:
        await respond(
            interaction,
            lambda: self.service.ask(
                question, interaction.user.id, "discord", member_language(interaction)
            ),
            ephemeral=private,
        )

    @ask.autocomplete("question")
    async def suggest(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        suggestions = self.service.engine.autocomplete(
            current, limit=CHOICES_MAX, preferred_language=member_language(interaction)
        )
        choices: list[app_commands.Choice[str]] = []
        for suggestion in suggestions:
            text = clip(suggestion.question, CHOICE_MAX)
            choices.append(app_commands.Choice(name=text, value=text))
        return choices[:CHOICES_MAX]


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AskCog(service_of(bot)))
