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
from bot.discord.reply import Answering, Reply, answering
from bot.discord.respond import acknowledge_then_write

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
        service = answering(interaction.client)
        await acknowledge_then_write(
            interaction, lambda: self._watch(service, interaction.user.id), self.language
        )

    async def _watch(self, service: Answering, member_id: int) -> Reply:
        added = await service.watch(self.question_id, member_id)
        words = texts(self.language)
        if added is None:
            return Reply(content=words.gettext(NOT_WAITING), private=True)
        view = discord.ui.View(timeout=None)
        view.add_item(UnwatchButton(self.question_id, self.language))
        text = words.gettext(WATCHING if added else ALREADY_WATCHING)
        return Reply(content=text, view=view, private=True)


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
        service = answering(interaction.client)
        await acknowledge_then_write(
            interaction, lambda: self._unwatch(service, interaction.user.id), self.language
        )

    async def _unwatch(self, service: Answering, member_id: int) -> Reply:
        removed = await service.unwatch(self.question_id, member_id)
        text = texts(self.language).gettext(WITHDRAWN if removed else NOT_WATCHING)
        return Reply(content=text, private=True)
