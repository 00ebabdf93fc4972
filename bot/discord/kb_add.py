"""`/kb add`: a new entry from Discord in a short flow that fits Discord's five-input forms.

1. the text form: id, question, paraphrases, keywords, answer;
2. the step message: choose the status and the source's kind (select menus), then
3. the source form: publisher, title, date, url (or why there is none), how an anonymous
   source is described.

Everything typed is kept in the moderator's draft (in memory, one per moderator), never in the
knowledge base: only the last step saves, through the same validation as a file, and a refusal
lists each invalid field and saves nothing. A moderator who closes a form halfway runs `/kb add`
again (or presses a button on the step message) and finds what they typed. Every button, menu
and form checks on its own that a home-server moderator is using it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import discord

from bot.core.engine import Engine
from bot.core.i18n import N_, Texts, texts
from bot.core.knowledge import KnowledgeError
from bot.core.models import STATUS_LABELS, SourceKind, Status
from bot.core.store import StoreError
from bot.discord import render
from bot.discord.errors import report_failure
from bot.discord.kb_draft import KIND_LABELS, Draft, Drafts, draft_summary
from bot.discord.kb_modal import QUESTION_MAX, TEXT_INPUT_MAX
from bot.discord.limits import (
    MESSAGE_MAX,
    MODAL_TITLE_MAX,
    SELECT_PLACEHOLDER_MAX,
    TEXT_INPUT_LABEL_MAX,
    clip,
)
from bot.discord.locale import words_for
from bot.discord.moderation import author_of, refusal_text
from bot.discord.reply import NO_MENTIONS
from bot.discord.trust import NOT_A_MODERATOR, Trust

Interaction = discord.Interaction[Any]
NO_DRAFT = N_("You have no entry draft. Start one with `/kb add`.")
SHORT_MAX = 300
STATUS_PLACEHOLDER = N_("Status of the claim")
KIND_PLACEHOLDER = N_("Kind of source")
SOURCE_LABEL = N_("Source, then save")
TEXT_LABEL = N_("Edit the text")
DISCARD_LABEL = N_("Discard the draft")


@dataclass(frozen=True)
class AddFlow:
    """What every step of the flow needs."""

    engine: Engine
    trust: Trust
    drafts: Drafts

    async def refuse_outsider(self, interaction: Interaction) -> bool:
        """True (and the member told why) when the user is not a home-server moderator."""
        if self.trust.is_moderator(interaction):
            return False
        await interaction.response.send_message(
            words_for(interaction).gettext(NOT_A_MODERATOR),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return True

    async def step(self, interaction: Interaction, draft: Draft, note: str = "") -> None:
        """The step message: where the draft stands and the controls for the next step."""
        words = words_for(interaction)
        text = clip(f"{note}\n\n{draft_summary(words, draft)}".strip(), MESSAGE_MAX)
        view = StepView(self, draft, words)
        if interaction.response.is_done():  # a refused save, acknowledged before it was tried
            await interaction.edit_original_response(
                content=text, view=view, allowed_mentions=NO_MENTIONS
            )
            return
        await interaction.response.send_message(
            text, view=view, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def save(self, interaction: Interaction, draft: Draft) -> None:
        # Acknowledged before the database is touched: a save that waits on a lock must not
        # show as "interaction failed" when it in fact succeeds.
        await interaction.response.defer(ephemeral=True, thinking=True)
        words = words_for(interaction)
        try:
            revision = await self.engine.add_entry(
                draft.raw_entry(dt.datetime.now(dt.UTC).date()),
                author=author_of(interaction),
                reason=draft.reason,
            )
        except (KnowledgeError, StoreError) as error:  # locked or full: named; the draft stays
            note = refusal_text(words, error, form=True)
            await self.step(interaction, draft, clip(note, MESSAGE_MAX - 600))
            return
        self.drafts.discard(interaction.user.id)
        answer = self.engine.answer_for_entry(revision.entry_id, language=words.code)
        added = words.gettext("Added {entry} (revision {number}); members get it now.").format(
            entry=f"`{revision.entry_id}`", number=revision.number
        )
        await interaction.edit_original_response(
            content=added,
            embed=render.answer_embed(answer) if answer else discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )


def _input(
    label: str, value: str, *, paragraph: bool = False, required: bool = True, limit: int = 300
) -> discord.ui.TextInput[Any]:
    return discord.ui.TextInput(
        label=clip(label, TEXT_INPUT_LABEL_MAX),
        default=value[:limit] or None,
        style=discord.TextStyle.paragraph if paragraph else discord.TextStyle.short,
        required=required,
        max_length=limit,
    )


class TextModal(discord.ui.Modal):
    def __init__(self, flow: AddFlow, draft: Draft, words: Texts) -> None:
        super().__init__(
            title=clip(words.gettext("New entry: the text"), MODAL_TITLE_MAX), timeout=30 * 60
        )
        self.flow = flow
        typed = draft.text
        self.inputs = {
            "id": _input(
                words.gettext("Id (lower-case words with hyphens)"), typed.get("id", ""), limit=64
            ),
            "question": _input(
                words.gettext("Question"), typed.get("question", ""), limit=QUESTION_MAX
            ),
            "paraphrases": _input(
                words.gettext("Other wordings (one per line)"),
                typed.get("paraphrases", ""),
                paragraph=True,
                required=False,
                limit=TEXT_INPUT_MAX,
            ),
            "keywords": _input(
                words.gettext("Keywords (one per line)"),
                typed.get("keywords", ""),
                paragraph=True,
                required=False,
                limit=1000,
            ),
            "answer": _input(
                words.gettext("Answer (neutral, attributed)"),
                typed.get("answer", ""),
                paragraph=True,
                limit=TEXT_INPUT_MAX,
            ),
        }
        for item in self.inputs.values():
            self.add_item(item)

    async def interaction_check(self, interaction: Interaction) -> bool:
        return not await self.flow.refuse_outsider(interaction)

    async def on_submit(self, interaction: Interaction) -> None:
        draft = self.flow.drafts.start(interaction.user.id)
        draft.text = {name: item.value for name, item in self.inputs.items()}
        await self.flow.step(
            interaction, draft, words_for(interaction).gettext("Text kept in your draft.")
        )

    async def on_error(self, interaction: Interaction, error: Exception) -> None:  # type: ignore[override]
        await report_failure(interaction, error)


class SourceModal(discord.ui.Modal):
    def __init__(self, flow: AddFlow, draft: Draft, words: Texts) -> None:
        title = clip(words.gettext("New entry: the source"), MODAL_TITLE_MAX)
        super().__init__(title=title, timeout=30 * 60)
        self.flow = flow
        self.inputs = source_inputs(words, draft.source, "described_as")
        for item in self.inputs.values():
            self.add_item(item)

    async def interaction_check(self, interaction: Interaction) -> bool:
        return not await self.flow.refuse_outsider(interaction)

    async def on_submit(self, interaction: Interaction) -> None:
        draft = self.flow.drafts.start(interaction.user.id)
        draft.source = {name: item.value for name, item in self.inputs.items()}
        await self.flow.save(interaction, draft)

    async def on_error(self, interaction: Interaction, error: Exception) -> None:  # type: ignore[override]
        await report_failure(interaction, error)


def source_inputs(
    words: Texts, typed: dict[str, str], last: str
) -> dict[str, discord.ui.TextInput[Any]]:
    """The source form's inputs; the fifth (`last`) is how anonymous sources are described, what
    changed (for a change of status, shown in answers), or the reason for the change."""
    inputs = {
        "publisher": _input(
            words.gettext("Publisher (e.g. New York Post)"), typed.get("publisher", "")
        ),
        "title": _input(words.gettext("Title of the article or document"), typed.get("title", "")),
        "date": _input(
            words.gettext("Date (YYYY-MM-DD; empty if undated)"),
            typed.get("date", ""),
            required=False,
            limit=10,
        ),
        "link": _input(words.gettext("URL, or why there is none"), typed.get("link", "")),
    }
    if last == "described_as":
        inputs[last] = _input(
            words.gettext("Anonymous sources: how the outlet puts it"),
            typed.get(last, ""),
            required=False,
        )
    elif last == "note":
        inputs[last] = _input(words.gettext("What changed (shown in answers)"), typed.get(last, ""))
    else:
        inputs[last] = _input(
            words.gettext("Reason for the change"), typed.get(last, ""), limit=200
        )
    return inputs


class StepView(discord.ui.View):
    """Status and kind menus and the buttons to go on; all refuse non-moderators."""

    def __init__(
        self, flow: AddFlow, draft: Draft | None = None, words: Texts | None = None
    ) -> None:
        """`words`: the moderator's language. The instance registered at start-up (no draft,
        English) only routes presses by custom id; each step message carries its own."""
        super().__init__(timeout=None)
        self.flow = flow
        draft = draft or Draft()
        words = words or texts()
        self.status_menu.placeholder = clip(
            words.gettext(STATUS_PLACEHOLDER), SELECT_PLACEHOLDER_MAX
        )  # type: ignore[assignment]
        self.status_menu.options = [  # type: ignore[assignment]
            discord.SelectOption(
                label=clip(words.gettext(label), 100),
                value=status.value,
                default=status is draft.status,
            )
            for status, label in STATUS_LABELS.items()
        ]
        self.kind_menu.placeholder = clip(words.gettext(KIND_PLACEHOLDER), SELECT_PLACEHOLDER_MAX)  # type: ignore[assignment]
        self.kind_menu.options = [  # type: ignore[assignment]
            discord.SelectOption(
                label=clip(words.gettext(label), 100), value=kind.value, default=kind is draft.kind
            )
            for kind, label in KIND_LABELS.items()
        ]
        self.source_button.label = words.gettext(SOURCE_LABEL)
        self.text_button.label = words.gettext(TEXT_LABEL)
        self.discard_button.label = words.gettext(DISCARD_LABEL)

    async def interaction_check(self, interaction: Interaction) -> bool:
        return not await self.flow.refuse_outsider(interaction)

    async def on_error(
        self, interaction: Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await report_failure(interaction, error)

    def _draft(self, interaction: Interaction) -> Draft | None:
        return self.flow.drafts.get(interaction.user.id)

    async def _no_draft(self, interaction: Interaction) -> None:
        await interaction.response.send_message(
            words_for(interaction).gettext(NO_DRAFT), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.select(custom_id="pb:kbadd:status", placeholder=STATUS_PLACEHOLDER)
    async def status_menu(self, interaction: Interaction, menu: discord.ui.Select[Any]) -> None:
        draft = self._draft(interaction)
        if draft is None:
            await self._no_draft(interaction)
            return
        draft.status = Status(menu.values[0])
        await interaction.response.defer()

    @discord.ui.select(custom_id="pb:kbadd:kind", placeholder=KIND_PLACEHOLDER)
    async def kind_menu(self, interaction: Interaction, menu: discord.ui.Select[Any]) -> None:
        draft = self._draft(interaction)
        if draft is None:
            await self._no_draft(interaction)
            return
        draft.kind = SourceKind(menu.values[0])
        await interaction.response.defer()

    @discord.ui.button(label=SOURCE_LABEL, custom_id="pb:kbadd:source")
    async def source_button(self, interaction: Interaction, _: discord.ui.Button[Any]) -> None:
        draft = self._draft(interaction)
        if draft is None:
            await self._no_draft(interaction)
            return
        await interaction.response.send_modal(SourceModal(self.flow, draft, words_for(interaction)))

    @discord.ui.button(label=TEXT_LABEL, custom_id="pb:kbadd:text")
    async def text_button(self, interaction: Interaction, _: discord.ui.Button[Any]) -> None:
        draft = self._draft(interaction)
        if draft is None:
            await self._no_draft(interaction)
            return
        await interaction.response.send_modal(TextModal(self.flow, draft, words_for(interaction)))

    @discord.ui.button(
        label=DISCARD_LABEL, custom_id="pb:kbadd:discard", style=discord.ButtonStyle.danger
    )
    async def discard_button(self, interaction: Interaction, _: discord.ui.Button[Any]) -> None:
        self.flow.drafts.discard(interaction.user.id)
        await interaction.response.send_message(
            words_for(interaction).gettext("Draft discarded; nothing was saved."),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
