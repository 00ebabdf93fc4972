""" "Tell me when this is answered": the button under a "not in my knowledge base" reply, and the
one that withdraws the request. Persistent dynamic items (`pb:watch:<question id>`,
`pb:unwatch:<question id>`), so they work after a restart. Opt-in only: nothing is sent to a
member who did not press it, and a member can withdraw at any time before the answer comes."""

from __future__ import annotations

from typing import Any

import discord

from bot.core.i18n import N_, texts
from bot.core.languages import SOURCE_LANGUAGE
from bot.discord.errors import reports_errors
from bot.discord.reply import NO_MENTIONS, answering

# The question's id, then the language the reply was in (its texts follow it).
QUESTION = r"(?P<question_id>[0-9]{1,18}):(?P<language>[a-z]{2,3})"
WATCH_LABEL = N_("Tell me when this is answered")
WITHDRAW_LABEL = N_("Withdraw")
WATCHING = N_(
    "I'll send you one direct message when a moderator answers this question (none if your "
    "direct messages are closed). Changed your mind? Press *Withdraw*."
)
ALREADY_WATCHING = N_("You're already on the list for this question. Press *Withdraw* to leave it.")
NOT_WAITING = N_(
    "This question is no longer waiting for an answer. Ask it again to see what I know now."
)
WITHDRAWN = N_("Done: you won't get a message about this question.")
NOT_WATCHING = N_("You weren't on the list for this question.")


class WatchButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"pb:watch:{QUESTION}"):
    def __init__(self, question_id: int, language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                label=texts(language).gettext(WATCH_LABEL),
                custom_id=f"pb:watch:{question_id}:{language}",
            )
        )
        self.question_id = question_id
        self.language = language

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> WatchButton:
        return cls(int(match["question_id"]), match["language"])

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        added = await answering(interaction.client).watch(self.question_id, interaction.user.id)
        words = texts(self.language)
        if added is None:
            await interaction.response.send_message(
                words.gettext(NOT_WAITING), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        view = discord.ui.View(timeout=None)
        view.add_item(UnwatchButton(self.question_id, self.language))
        await interaction.response.send_message(
            words.gettext(WATCHING if added else ALREADY_WATCHING),
            view=view,
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )


class UnwatchButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"pb:unwatch:{QUESTION}"
):
    def __init__(self, question_id: int, language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                label=texts(language).gettext(WITHDRAW_LABEL),
                custom_id=f"pb:unwatch:{question_id}:{language}",
            )
        )
        self.question_id = question_id
        self.language = language

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> UnwatchButton:
        return cls(int(match["question_id"]), match["language"])

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        removed = await answering(interaction.client).unwatch(self.question_id, interaction.user.id)
        text = texts(self.language).gettext(WITHDRAWN if removed else NOT_WATCHING)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
