"""`/kb add`, `/kb status` and `/kb source add|remove`: the commands, mixed into the /kb cog
(whose `interaction_check` refuses non-moderators before any of them runs). The forms and menus
they open check again on their own, as every submit can come long after the command.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _t
from discord.ext import commands

from bot.core.engine import Engine
from bot.core.i18n import Texts
from bot.core.knowledge import KnowledgeError
from bot.core.models import STATUS_LABELS, SourceKind, Status
from bot.core.store import StoreError
from bot.discord import render
from bot.discord.errors import report_failure
from bot.discord.kb_add import AddFlow, TextModal, source_inputs
from bot.discord.kb_draft import KIND_LABELS, Drafts, source_raw
from bot.discord.limits import CHOICE_MAX, MESSAGE_MAX, MODAL_TITLE_MAX, clip
from bot.discord.locale import words_for
from bot.discord.moderation import author_of, entry_choices, no_entry_text, refusal_text
from bot.discord.reply import NO_MENTIONS
from bot.discord.trust import Trust

Interaction = discord.Interaction[Any]
# Choice names are localized when the commands sync (bot/discord/translator.py).
STATUS_CHOICES = [
    app_commands.Choice(name=_t(clip(label, CHOICE_MAX)), value=status.value)
    for status, label in STATUS_LABELS.items()
]
KIND_CHOICES = [
    app_commands.Choice(name=_t(clip(label, CHOICE_MAX)), value=kind.value)
    for kind, label in KIND_LABELS.items()
]
ENTRY = _t("The entry's id (pick from the list)")
DESCRIBED_AS = _t("For anonymous sources: how the outlet describes them")


class SourceChangeModal(discord.ui.Modal):
    """A source for `/kb status` (with what changed) or `/kb source add` (with the reason)."""

    def __init__(
        self,
        flow: AddFlow,
        entry_id: str,
        kind: SourceKind,
        described_as: str | None,
        base_revision: int,
        status: Status | None,
        words: Texts,
    ) -> None:
        title = words.gettext("Status of {entry}") if status else words.gettext("Source of {entry}")
        super().__init__(title=clip(title.format(entry=entry_id), MODAL_TITLE_MAX), timeout=30 * 60)
        self.flow = flow
        self.entry_id = entry_id
        self.kind = kind
        self.described_as = described_as
        self.base_revision = base_revision
        self.status = status
        self.inputs = source_inputs(words, {}, "note" if status else "reason")
        for item in self.inputs.values():
            self.add_item(item)

    async def interaction_check(self, interaction: Interaction) -> bool:
        return not await self.flow.refuse_outsider(interaction)

    async def on_submit(self, interaction: Interaction) -> None:
        typed = {name: item.value for name, item in self.inputs.items()}
        typed["described_as"] = self.described_as or ""
        source = source_raw(typed, self.kind)
        engine, author = self.flow.engine, author_of(interaction)
        # Acknowledged before the database is touched, like the /kb edit form.
        await interaction.response.defer(ephemeral=True, thinking=True)
        words = words_for(interaction)
        try:
            if self.status is not None:
                revision = await engine.set_status(
                    self.entry_id,
                    self.status,
                    source,
                    typed["note"].strip(),
                    author=author,
                    base_revision=self.base_revision,
                )
            else:
                revision = await engine.add_source(
                    self.entry_id,
                    source,
                    author=author,
                    reason=typed["reason"].strip(),
                    base_revision=self.base_revision,
                )
        except (KnowledgeError, StoreError) as error:  # locked or full: named, nothing written
            await _say(interaction, refusal_text(words, error, form=True))
            return
        answer = engine.answer_for_entry(self.entry_id, language=words.code)
        saved = words.gettext("Saved {entry} as revision {number}. Members now see:")
        await interaction.edit_original_response(
            content=saved.format(entry=f"`{self.entry_id}`", number=revision.number),
            embed=render.answer_embed(answer) if answer else discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )

    async def on_error(self, interaction: Interaction, error: Exception) -> None:  # type: ignore[override]
        await report_failure(interaction, error)


def source_choices(engine: Engine, entry_id: str, typed: str) -> list[app_commands.Choice[int]]:
    entry = engine.entry(entry_id)
    if entry is None:
        return []
    needle = typed.casefold()
    return [
        app_commands.Choice(name=clip(f"{n}. {s.publisher} — {s.title}", CHOICE_MAX), value=n)
        for n, s in enumerate(entry.sources, start=1)
        if needle in f"{n} {s.publisher} {s.title}".casefold()
    ][:25]


class CurateCommands(commands.Cog):
    """A base of KbCog, which provides `engine`, `trust` and the moderator check."""

    engine: Engine
    trust: Trust
    add_flow: AddFlow

    def start_curating(self) -> None:
        self.add_flow = AddFlow(self.engine, self.trust, Drafts())

    @app_commands.command(name="add", description=_t("Add a new entry (a short flow of two forms)"))
    async def add(self, interaction: Interaction) -> None:
        draft = self.add_flow.drafts.start(interaction.user.id)
        await interaction.response.send_modal(
            TextModal(self.add_flow, draft, words_for(interaction))
        )

    @app_commands.command(name="status", description=_t("Change a claim's status, with its source"))
    @app_commands.describe(
        entry=ENTRY,
        status=_t("The new status"),
        kind=_t("How the source that justifies it stands behind the claim"),
        described_as=DESCRIBED_AS,
    )
    @app_commands.choices(status=STATUS_CHOICES, kind=KIND_CHOICES)
    async def status(
        self,
        interaction: Interaction,
        entry: str,
        status: str,
        kind: str,
        described_as: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        await self._source_form(interaction, entry, SourceKind(kind), described_as, Status(status))

    source = app_commands.Group(name="source", description=_t("Add or remove an entry's source"))

    @source.command(name="add", description=_t("Add a source to an entry"))
    @app_commands.describe(
        entry=ENTRY,
        kind=_t("How the source stands behind the claim"),
        described_as=DESCRIBED_AS,
    )
    @app_commands.choices(kind=KIND_CHOICES)
    async def source_add(
        self,
        interaction: Interaction,
        entry: str,
        kind: str,
        described_as: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        await self._source_form(interaction, entry, SourceKind(kind), described_as, None)

    @source.command(name="remove", description=_t("Remove a source from an entry"))
    @app_commands.describe(
        entry=ENTRY,
        source=_t("The source (pick from the list)"),
        reason=_t("Why it goes"),
    )
    async def source_remove(
        self,
        interaction: Interaction,
        entry: str,
        source: app_commands.Range[int, 1, 100],
        reason: app_commands.Range[str, 3, 200],
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # before the database
        words = words_for(interaction)
        try:
            revision = await self.engine.remove_source(
                entry, source - 1, author=author_of(interaction), reason=reason
            )
            text = words.gettext("Removed source {source} from {entry} (revision {number}).")
            text = text.format(source=source, entry=f"`{entry}`", number=revision.number)
        except (KnowledgeError, StoreError) as error:  # locked or full: named, nothing written
            text = refusal_text(words, error)
        await _say(interaction, text)

    async def _curate_entry_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if not self.trust.is_moderator(interaction):  # Discord runs autocomplete without checks
            return []
        return entry_choices(self.engine.entries(), current)

    for _curated in (status, source_add, source_remove):
        _curated.autocomplete("entry")(_curate_entry_autocomplete)
    del _curated

    @source_remove.autocomplete("source")
    async def _source_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        if not self.trust.is_moderator(interaction):  # Discord runs autocomplete without checks
            return []
        entry = getattr(interaction.namespace, "entry", None)
        return source_choices(self.engine, entry, current) if isinstance(entry, str) else []

    async def _source_form(
        self,
        interaction: Interaction,
        entry_id: str,
        kind: SourceKind,
        described_as: str | None,
        status: Status | None,
    ) -> None:
        words = words_for(interaction)
        if self.engine.entry(entry_id) is None:
            await interaction.response.send_message(
                no_entry_text(words, entry_id), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        base = await self.engine.latest_revision(entry_id)
        modal = SourceChangeModal(self.add_flow, entry_id, kind, described_as, base, status, words)
        await interaction.response.send_modal(modal)


async def _say(interaction: Interaction, text: str) -> None:
    """The answer to an acknowledged (deferred) interaction."""
    await interaction.edit_original_response(
        content=clip(text, MESSAGE_MAX), allowed_mentions=NO_MENTIONS
    )
