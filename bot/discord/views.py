"""Buttons under answers, as persistent dynamic items: the custom_id carries everything needed
(`pb:rel:<entry id>`, `pb:dym:<entry id>`, `pb:fb:<question id>:y|n`), so presses keep
working after a restart without any stored view state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.core.answers import Answer
from bot.discord import render
from bot.discord.errors import reports_errors
from bot.discord.limits import BUTTON_LABEL_MAX, clip
from bot.discord.reply import Reply, answering
from bot.discord.respond import respond
from bot.site.urls import answer_page_url

RELATED_SHOWN = 3
ENTRY_ID = r"(?P<entry_id>[a-z0-9][a-z0-9-]{1,62}[a-z0-9])"


async def show_entry(interaction: discord.Interaction[Any], entry_id: str) -> None:
    service = answering(interaction.client)
    await respond(
        interaction,
        lambda: service.open_entry(entry_id, interaction.user.id, "discord-button"),
        ephemeral=True,
    )


class RelatedButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"pb:rel:{ENTRY_ID}"):
    def __init__(self, entry_id: str, label: str = "Related") -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                label=clip(label, BUTTON_LABEL_MAX),
                custom_id=f"pb:rel:{entry_id}",
            )
        )
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> RelatedButton:
        return cls(match["entry_id"])

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await show_entry(interaction, self.entry_id)


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"pb:dym:{ENTRY_ID}"
):
    def __init__(self, entry_id: str, label: str = "This one") -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.primary,
                label=clip(label, BUTTON_LABEL_MAX),
                custom_id=f"pb:dym:{entry_id}",
            )
        )
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> SuggestionButton:
        return cls(match["entry_id"])

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await show_entry(interaction, self.entry_id)


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pb:fb:(?P<question_id>[0-9]{1,18}):(?P<vote>[yn])",
):
    def __init__(self, question_id: int, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.danger,
                label="Helpful" if helpful else "Not helpful",
                custom_id=f"pb:fb:{question_id}:{'y' if helpful else 'n'}",
            )
        )
        self.question_id = question_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> FeedbackButton:
        return cls(int(match["question_id"]), match["vote"] == "y")

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        service = answering(interaction.client)
        await respond(
            interaction,
            lambda: service.vote(self.question_id, interaction.user.id, self.helpful),
            ephemeral=True,
        )


DYNAMIC_ITEMS = (RelatedButton, SuggestionButton, FeedbackButton)


PAGE_LINK_LABEL = "Full answer and sources"


def answer_view(answer: Answer, page_url: str | None = None) -> discord.ui.View | None:
    """Buttons for an answer: suggestions for 'did you mean', related entries, feedback, and
    a link to the entry's public page when the site has an address."""
    view = discord.ui.View(timeout=None)
    for suggestion in answer.suggestions[:RELATED_SHOWN]:
        view.add_item(SuggestionButton(suggestion.entry_id, suggestion.question))
    for related in answer.related[:RELATED_SHOWN]:
        view.add_item(RelatedButton(related.entry_id, related.question))
    if answer.matched and answer.question_id is not None:
        view.add_item(FeedbackButton(answer.question_id, helpful=True))
        view.add_item(FeedbackButton(answer.question_id, helpful=False))
    if page_url is not None:
        view.add_item(discord.ui.Button(label=PAGE_LINK_LABEL, url=page_url))
    return view if view.children else None


def answer_reply(answer: Answer, topics: Sequence[str], site_url: str | None = None) -> Reply:
    """The one place an answer becomes a Discord reply: an embed with its buttons, or, for a
    refused question, plain text."""
    embed = render.answer_to_embed(answer, topics)
    if embed is None:
        return Reply(content=render.refusal_text(answer))
    # An own-case notice goes above the embed, as message text, so it is read first.
    return Reply(
        content=render.notice_text(answer),
        embed=embed,
        view=answer_view(answer, answer_page_url(site_url, answer)),
    )
