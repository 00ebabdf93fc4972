"""`/kb …`: moderators curate the knowledge base from Discord. Every change is a revision."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError, load_documents
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.store import StoreError
from bot.discord import render
from bot.discord.errors import Refused
from bot.discord.kb_add import StepView
from bot.discord.kb_curate import CurateCommands
from bot.discord.kb_modal import EditEntryModal, too_long_for_form
from bot.discord.kb_queue import QueueAddButton, groups_text, queue_view
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.moderation import (
    MAX_UPLOAD_BYTES,
    author_of,
    entry_choices,
    export_archive,
    history_text,
    problems_text,
    quoted,
    stats_text,
)
from bot.discord.reply import NO_MENTIONS
from bot.discord.service import service_of
from bot.discord.trust import NO_HOME_GUILD, NOT_A_MODERATOR, Trust, trust_of

Interaction = discord.Interaction[Any]
# The commands below that answer with a message (not a form), so are deferred before they
# touch the database. Forms must be the first response; the curation commands (kb_curate)
# and every form's submit acknowledge themselves before they save.
ACKNOWLEDGED_FIRST = frozenset(
    {"show", "history", "revert", "delete", "queue", "teach", "dismiss", "import", "export"}
    | {"stats"}
)
log = logging.getLogger("policybot.discord")


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KbCog(
    CurateCommands,
    commands.GroupCog,
    group_name="kb",
    group_description="Curate the knowledge base",
):
    def __init__(self, engine: Engine, trust: Trust) -> None:
        self.engine = engine
        self.trust = trust
        self.start_curating()
        super().__init__()

    async def interaction_check(self, interaction: Interaction) -> bool:
        """Every /kb command, checked here: Discord's permissions only decide what it shows.

        Then, for ACKNOWLEDGED_FIRST, acknowledged before the database is touched (a locked
        database must not turn a saved change into "interaction failed") and brought up to date
        with changes other processes made. `edit`'s form is built straight from the stored
        revision (a read that no write can hold up).
        """
        if not self.trust.is_moderator(interaction):
            raise Refused(NOT_A_MODERATOR)
        if interaction.command is not None and interaction.command.name in ACKNOWLEDGED_FIRST:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await self.engine.refresh()
        return True

    async def _entry_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if not self.trust.is_moderator(interaction):  # Discord runs autocomplete without checks
            return []
        return entry_choices(self.engine.entries(), current)

    async def _change(self, interaction: Interaction, work: Callable[[], Awaitable[str]]) -> None:
        """Run a knowledge change; a refused change is explained and changes nothing."""
        try:
            text = await work()
        except KnowledgeError as error:
            text = problems_text("Not changed:", error.problems)
        except StoreError as error:  # locked or full: named, and nothing was written
            text = f"Not changed: {error}."
        await _say(interaction, text)

    @app_commands.command(name="show", description="Show an entry as members see it")
    @app_commands.describe(entry="The entry's id (pick from the list)")
    async def show(self, interaction: Interaction, entry: str) -> None:
        answer = self.engine.answer_for_entry(entry)
        if answer is None:
            await _say(interaction, f"No entry {quoted(entry)}.")
            return
        revision = await self.engine.latest_revision(entry)
        await interaction.edit_original_response(
            content=f"`{entry}` · revision {revision}",
            embed=render.answer_embed(answer),
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(name="edit", description="Edit an entry's question, paraphrases, answer")
    @app_commands.describe(
        entry="The entry's id (pick from the list)",
        language="Which words to edit: the English entry (default) or a translation",
    )
    @app_commands.choices(
        language=[app_commands.Choice(name=code, value=code) for code in languages()]
    )
    async def edit(
        self, interaction: Interaction, entry: str, language: str = SOURCE_LANGUAGE
    ) -> None:
        stored = await self.engine.stored_revision(entry)  # the form shows what is stored
        found = stored.entry if stored is not None else None
        if stored is None or found is None:
            await _say(interaction, f"No entry {quoted(entry)}.")
            return
        too_long = too_long_for_form(found, language)
        if too_long:
            await _say(
                interaction,
                f"`{entry}` is too long to edit in a Discord form: {', '.join(too_long)}. "
                "Edit its file and bring it in with `/kb import`.",
            )
            return
        modal = EditEntryModal(self.engine, found, stored.number, self.trust, language)
        await interaction.response.send_modal(modal)

    @app_commands.command(name="history", description="List an entry's revisions")
    @app_commands.describe(entry="The entry's id (pick from the list)")
    async def history(self, interaction: Interaction, entry: str) -> None:
        revisions = await self.engine.history(entry)
        text = history_text(entry, revisions) if revisions else f"No entry {quoted(entry)}."
        await _say(interaction, text)

    @app_commands.command(name="revert", description="Restore an entry as it was at a revision")
    @app_commands.describe(entry="The entry's id (pick from the list)", revision="Revision number")
    async def revert(
        self, interaction: Interaction, entry: str, revision: app_commands.Range[int, 1]
    ) -> None:
        async def work() -> str:
            saved = await self.engine.revert(entry, revision, author=author_of(interaction))
            return f"`{entry}`: restored revision {revision} as revision {saved.number}."

        await self._change(interaction, work)

    @app_commands.command(name="delete", description="Remove an entry (its history stays)")
    @app_commands.describe(entry="The entry's id (pick from the list)", reason="Why it goes")
    async def delete(
        self, interaction: Interaction, entry: str, reason: app_commands.Range[str, 3, 200]
    ) -> None:
        async def work() -> str:
            saved = await self.engine.delete_entry(
                entry, author=author_of(interaction), reason=reason
            )
            return f"`{entry}` deleted (revision {saved.number}); `/kb revert` brings it back."

        await self._change(interaction, work)

    @app_commands.command(name="queue", description="Questions nobody could answer")
    async def queue(self, interaction: Interaction) -> None:
        groups = await self.engine.unanswered_groups()
        await interaction.edit_original_response(  # acknowledged in interaction_check
            content=groups_text(groups[:15]),
            view=queue_view(groups) or discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(name="teach", description="Answer a queued question with an entry")
    @app_commands.describe(question_id="Number from /kb queue", entry="The entry that answers it")
    async def teach(
        self, interaction: Interaction, question_id: app_commands.Range[int, 1], entry: str
    ) -> None:
        async def work() -> str:
            saved = await self.engine.teach(question_id, entry, author=author_of(interaction))
            return f"Added question {question_id} to `{entry}` (revision {saved.number})."

        await self._change(interaction, work)

    @app_commands.command(name="dismiss", description="Take a question off the queue")
    @app_commands.describe(question_id="Number from /kb queue")
    async def dismiss(
        self, interaction: Interaction, question_id: app_commands.Range[int, 1]
    ) -> None:
        async def work() -> str:
            if await self.engine.dismiss(question_id, author=author_of(interaction)):
                return f"Question {question_id} dismissed."
            return f"Question {question_id} is not on the queue."

        await self._change(interaction, work)

    @app_commands.command(name="import", description="Import a knowledge file (.toml), all or none")
    @app_commands.describe(file="A topic file as written by /kb export or `policybot kb export`")
    async def import_file(self, interaction: Interaction, file: discord.Attachment) -> None:
        async def work() -> str:
            if file.size > MAX_UPLOAD_BYTES:
                name = quoted(file.filename)
                return f"{name} is too large ({file.size:,} bytes); the limit is 1 MB."
            uploaded = {file.filename: await file.read()}
            # Parsed in a thread: even a bounded file must not stall every member's answer.
            incoming = await asyncio.to_thread(load_documents, uploaded, check_related=False)
            saved = await self.engine.import_knowledge(incoming, author=author_of(interaction))
            changed = ", ".join(f"`{r.entry_id}`" for r in saved) or "nothing (no changes)"
            return f"Imported {quoted(file.filename)}: {len(saved)} revisions — {changed}"

        await self._change(interaction, work)

    @app_commands.command(name="export", description="Download the live knowledge base as files")
    async def export(self, interaction: Interaction) -> None:
        await interaction.edit_original_response(
            content=f"{len(self.engine.entries())} entries, one TOML file per topic.",
            attachments=[export_archive(self.engine.export_files())],
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(name="stats", description="Most asked, unanswered rate, helpful ratio")
    @app_commands.describe(days="Only the last N days (default: all time)")
    async def stats(
        self, interaction: Interaction, days: app_commands.Range[int, 1, 3650] | None = None
    ) -> None:
        engine = self.engine
        stats = await engine.period_stats(days, limit=10)
        as_of = engine.as_of.isoformat() if engine.as_of else "unknown"
        await _say(interaction, stats_text(stats, days, len(engine.entries()), as_of))

    for _command in (show, edit, history, revert, delete, teach):
        _command.autocomplete("entry")(_entry_autocomplete)
    del _command


async def _say(interaction: Interaction, text: str) -> None:
    """The one reply: sent, or edited into the response when it was deferred."""
    text = clip(text, MESSAGE_MAX)
    if interaction.response.is_done():
        await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: commands.Bot) -> None:
    """/kb exists only in the home servers: nobody else even sees it."""
    trust = trust_of(bot)
    if not trust.home_guild_ids:
        log.warning(NO_HOME_GUILD)
        return
    cog = KbCog(service_of(bot).engine, trust)
    await bot.add_cog(cog, guilds=trust.home_guilds)
    bot.add_view(StepView(cog.add_flow))  # the /kb add step buttons work after a restart too
    bot.add_dynamic_items(QueueAddButton)
    log.info(
        "Moderation: /kb in home servers %s", ", ".join(map(str, sorted(trust.home_guild_ids)))
    )
