"""Buttons under answers, as persistent dynamic items: the custom_id carries everything needed
(`pb:rel:<language>:<entry id>`, `pb:dym:<language>:<entry id>`,
`pb:fb:<question id>:y|n:<language>`), so presses keep working after a restart without any
stored view state, and answer in the language of the answer they sit under. Buttons sent
before languages existed (no language part) answer in English."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import discord

from bot.core.answers import Answer
from bot.core.i18n import N_, texts
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.matcher import Tier
from bot.discord import render
from bot.discord.errors import reports_errors
from bot.discord.limits import BUTTON_LABEL_MAX, clip
from bot.discord.reply import Reply, answering
from bot.discord.respond import acknowledge_then_write, respond
from bot.discord.watch_buttons import UnwatchButton, WatchButton
from bot.site.urls import answer_page_url

RELATED_SHOWN = 3
ENTRY_ID = r"(?P<entry_id>[a-z0-9][a-z0-9-]{1,62}[a-z0-9])"
LANGUAGE = r"(?:(?P<language>[a-z]{2,3}):)?"  # optional: buttons from before languages


def _language(match: Any) -> str:
    return match["language"] or SOURCE_LANGUAGE


async def show_entry(interaction: discord.Interaction[Any], entry_id: str, language: str) -> None:
    service = answering(interaction.client)
    await respond(
        interaction,
        lambda: service.open_entry(entry_id, interaction.user.id, "discord-button", language),
        ephemeral=True,
    )


class RelatedButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"pb:rel:{LANGUAGE}{ENTRY_ID}"
):
    def __init__(self, entry_id: str, language: str, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                label=clip(label or entry_id, BUTTON_LABEL_MAX),
                custom_id=f"pb:rel:{language}:{entry_id}",
            )
        )
        self.entry_id = entry_id
        self.language = language

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> RelatedButton:
        return cls(match["entry_id"], _language(match))

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await show_entry(interaction, self.entry_id, self.language)


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"pb:dym:{LANGUAGE}{ENTRY_ID}"
):
    def __init__(self, entry_id: str, language: str, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.primary,
                label=clip(label or entry_id, BUTTON_LABEL_MAX),
                custom_id=f"pb:dym:{language}:{entry_id}",
            )
        )
        self.entry_id = entry_id
        self.language = language

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> SuggestionButton:
        return cls(match["entry_id"], _language(match))

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await show_entry(interaction, self.entry_id, self.language)


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pb:fb:(?P<question_id>[0-9]{1,18}):(?P<vote>[yn])(?::(?P<language>[a-z]{2,3}))?",
):
    def __init__(self, question_id: int, helpful: bool, language: str) -> None:
        words = texts(language)
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.danger,
                label=words.gettext("Helpful") if helpful else words.gettext("Not helpful"),
                custom_id=f"pb:fb:{question_id}:{'y' if helpful else 'n'}:{language}",
            )
        )
        self.question_id = question_id
        self.helpful = helpful
        self.language = language

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any
    ) -> FeedbackButton:
        return cls(int(match["question_id"]), match["vote"] == "y", _language(match))

    @reports_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        service = answering(interaction.client)
        await acknowledge_then_write(
            interaction,
            lambda: service.vote(
                self.question_id, interaction.user.id, self.helpful, self.language
            ),
            self.language,
        )


DYNAMIC_ITEMS = (RelatedButton, SuggestionButton, FeedbackButton, WatchButton, UnwatchButton)


PAGE_LINK_LABEL = N_("Full answer and sources")  # the public page in the answer's language


def answer_view(answer: Answer, page_url: str | None = None) -> discord.ui.View | None:
    """Buttons for an answer: suggestions for 'did you mean', related entries, feedback, and
    a link to the entry's public page when the site has an address."""
    view = discord.ui.View(timeout=None)
    language = answer.language
    for suggestion in answer.suggestions[:RELATED_SHOWN]:
        view.add_item(SuggestionButton(suggestion.entry_id, language, suggestion.question))
    for related in answer.related[:RELATED_SHOWN]:
        view.add_item(RelatedButton(related.entry_id, language, related.question))
    if answer.matched and answer.question_id is not None:
        view.add_item(FeedbackButton(answer.question_id, True, language))
        view.add_item(FeedbackButton(answer.question_id, False, language))
    if answer.tier is Tier.NONE and answer.question_id is not None:
        view.add_item(WatchButton(answer.question_id, language))
    if page_url is not None:
        label = texts(language).gettext(PAGE_LINK_LABEL)
        view.add_item(discord.ui.Button(label=label, url=page_url))
    if not view.children:
        return None
    # Nothing waits on this view: each button is a dynamic item, registered once when the bot
    # starts (PolicyBot.setup_hook), that answers from its custom_id alone. Finished, the view
    # is not stored per message by discord.py (nor, when private, timed for 15 minutes).
    view.stop()
    return view


RENDERED_KEPT = 1024  # answers whose embed and text are kept, most recently used


class AnswerReplies:
    """Answers as Discord replies: an embed with its buttons, or, for a refused question,
    plain text. An answer's embed and text are built once and kept (a bounded number, keyed
    by the answer, which does not count its question id): members ask the same questions
    again and again, and building them — dates in words, clipping, fitting — cost more than
    the rest of answering a remembered question. A kept embed is never changed after it is
    built. The buttons are made for every reply: they carry the question's id."""

    def __init__(self, site_url: str | None = None, kept: int = RENDERED_KEPT) -> None:
        self.site_url = site_url
        self.kept = kept
        self._rendered: OrderedDict[
            tuple[Answer, tuple[str, ...]], tuple[str | None, discord.Embed | None]
        ] = OrderedDict()

    def reply(self, answer: Answer, topics: Sequence[str]) -> Reply:
        key = (answer, tuple(topics))
        rendered = self._rendered.get(key)
        if rendered is None:
            rendered = _render(answer, topics)
            self._rendered[key] = rendered
            if len(self._rendered) > self.kept:
                self._rendered.popitem(last=False)
        else:
            self._rendered.move_to_end(key)
        content, embed = rendered
        if embed is None:
            return Reply(content=content)
        view = answer_view(answer, answer_page_url(self.site_url, answer))
        return Reply(content=content, embed=embed, view=view)


def _render(answer: Answer, topics: Sequence[str]) -> tuple[str | None, discord.Embed | None]:
    embed = render.answer_to_embed(answer, topics)
    if embed is None:
        return render.refusal_text(answer), None
    # An own-case notice goes above the embed, as message text, so it is read first.
    return render.notice_text(answer), embed


def answer_reply(answer: Answer, topics: Sequence[str], site_url: str | None = None) -> Reply:
    """The one place an answer becomes a Discord reply (nothing kept: see AnswerReplies)."""
    return AnswerReplies(site_url, kept=0).reply(answer, topics)
