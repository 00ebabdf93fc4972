"""`/kb …`: moderators curate the knowledge base from Discord. Every change is a revision.

Replies are in the moderator's language (their Discord client's); command descriptions are
localized from the same catalogue (bot/discord/translator.py). Command names stay English:
replies, the README and the audit channel name them as `/kb revert`, `/kb import`, ….
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import locale_str as _t
from discord.ext import commands

from bot.core.engine import Engine
from bot.core.i18n import N_, Texts
from bot.core.knowledge import KnowledgeError, load_documents
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.store import StoreError
from bot.discord import render
from bot.discord.errors import Refused
from bot.discord.kb_add import StepView
from bot.discord.kb_curate import ENTRY, CurateCommands
from bot.discord.kb_modal import EditEntryModal, too_long_for_form
from bot.discord.kb_queue import QueueAddButton, groups_text, queue_view
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.locale import words_for
from bot.discord.moderation import (
    MAX_UPLOAD_BYTES,
    author_of,
    entry_choices,
    export_archive,
    history_text,
    no_entry_text,
    quoted,
    refusal_text,
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
DISMISSED = N_("Question {question} dismissed.")
NOT_QUEUED = N_("Question {question} is not on the queue.")
QUESTION_ID = _t("Number from /kb queue")


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KbCog(
    CurateCommands,
    commands.GroupCog,
    group_name="kb",
    group_description=_t("Curate the knowledge base"),
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
            raise Refused(words_for(interaction).gettext(NOT_A_MODERATOR))
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

    async def _change(
        self, interaction: Interaction, work: Callable[[Texts], Awaitable[str]]
    ) -> None:
        """Run a knowledge change; a refused change is explained and changes nothing."""
        words = words_for(interaction)
        try:
            text = await work(words)
        except (KnowledgeError, StoreError) as error:  # locked or full: named, nothing written
            text = refusal_text(words, error)
        await _say(interaction, text)

    @app_commands.command(name="show", description=_t("Show an entry as members see it"))
    @app_commands.describe(entry=ENTRY)
    async def show(self, interaction: Interaction, entry: str) -> None:
        words = words_for(interaction)
        # As members whose Discord is in the moderator's language see it (English, with the
        # "not translated yet" note, for an entry without a translation).
        answer = self.engine.answer_for_entry(entry, language=words.code)
        if answer is None:
            await _say(interaction, no_entry_text(words, entry))
            return
        revision = await self.engine.latest_revision(entry)
        await interaction.edit_original_response(
            content=words.gettext("{entry} · revision {number}").format(
                entry=f"`{entry}`", number=revision
            ),
            embed=render.answer_embed(answer),
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(
        name="edit", description=_t("Edit an entry's question, paraphrases, answer")
    )
    @app_commands.describe(
        entry=ENTRY,
        language=_t("Which words to edit: the English entry (default) or a translation"),
    )
    @app_commands.choices(
        language=[
            app_commands.Choice(name=f"{data.name} ({code})", value=code)
            for code, data in languages().items()
        ]
    )
    async def edit(
        self, interaction: Interaction, entry: str, language: str = SOURCE_LANGUAGE
    ) -> None:
        words = words_for(interaction)
        stored = await self.engine.stored_revision(entry)  # the form shows what is stored
        found = stored.entry if stored is not None else None
        if stored is None or found is None:
            await _say(interaction, no_entry_text(words, entry))
            return
        too_long = too_long_for_form(found, language, words)
        if too_long:
            text = words.gettext(
                "{entry} is too long to edit in a Discord form: {fields}. Edit its file and "
                "bring it in with `/kb import`."
            )
            await _say(interaction, text.format(entry=f"`{entry}`", fields=", ".join(too_long)))
            return
        modal = EditEntryModal(self.engine, found, stored.number, self.trust, language, words)
        await interaction.response.send_modal(modal)

    @app_commands.command(name="history", description=_t("List an entry's revisions"))
    @app_commands.describe(entry=ENTRY)
    async def history(self, interaction: Interaction, entry: str) -> None:
        words = words_for(interaction)
        revisions = await self.engine.history(entry)
        text = history_text(words, entry, revisions) if revisions else no_entry_text(words, entry)
        await _say(interaction, text)

    @app_commands.command(name="revert", description=_t("Restore an entry as it was at a revision"))
    @app_commands.describe(entry=ENTRY, revision=_t("Revision number"))
    async def revert(
        self, interaction: Interaction, entry: str, revision: app_commands.Range[int, 1]
    ) -> None:
        async def work(words: Texts) -> str:
            saved = await self.engine.revert(entry, revision, author=author_of(interaction))
            return words.gettext("{entry}: restored revision {old} as revision {new}.").format(
                entry=f"`{entry}`", old=revision, new=saved.number
            )

        await self._change(interaction, work)

    @app_commands.command(name="delete", description=_t("Remove an entry (its history stays)"))
    @app_commands.describe(entry=ENTRY, reason=_t("Why it goes"))
    async def delete(
        self, interaction: Interaction, entry: str, reason: app_commands.Range[str, 3, 200]
    ) -> None:
        async def work(words: Texts) -> str:
            saved = await self.engine.delete_entry(
                entry, author=author_of(interaction), reason=reason
            )
            return words.gettext(
                "{entry} deleted (revision {number}); `/kb revert` brings it back."
            ).format(entry=f"`{entry}`", number=saved.number)

        await self._change(interaction, work)

    @app_commands.command(name="queue", description=_t("Questions nobody could answer"))
    async def queue(self, interaction: Interaction) -> None:
        words = words_for(interaction)
        groups = await self.engine.unanswered_groups()
        await interaction.edit_original_response(  # acknowledged in interaction_check
            content=groups_text(words, groups[:15]),
            view=queue_view(words, groups) or discord.utils.MISSING,
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(name="teach", description=_t("Answer a queued question with an entry"))
    @app_commands.describe(question_id=QUESTION_ID, entry=_t("The entry that answers it"))
    async def teach(
        self, interaction: Interaction, question_id: app_commands.Range[int, 1], entry: str
    ) -> None:
        async def work(words: Texts) -> str:
            saved = await self.engine.teach(question_id, entry, author=author_of(interaction))
            return words.gettext(
                "Added question {question} to {entry} (revision {number})."
            ).format(question=question_id, entry=f"`{entry}`", number=saved.number)

        await self._change(interaction, work)

    @app_commands.command(name="dismiss", description=_t("Take a question off the queue"))
    @app_commands.describe(question_id=QUESTION_ID)
    async def dismiss(
        self, interaction: Interaction, question_id: app_commands.Range[int, 1]
    ) -> None:
        async def work(words: Texts) -> str:
            dismissed = await self.engine.dismiss(question_id, author=author_of(interaction))
            text = DISMISSED if dismissed else NOT_QUEUED
            return words.gettext(text).format(question=question_id)

        await self._change(interaction, work)

    @app_commands.command(
        name="import", description=_t("Import a knowledge file (.toml), all or none")
    )
    @app_commands.describe(
        file=_t("A topic file as written by /kb export or `policybot kb export`")
    )
    async def import_file(self, interaction: Interaction, file: discord.Attachment) -> None:
        async def work(words: Texts) -> str:
            if file.size > MAX_UPLOAD_BYTES:
                text = words.gettext("{file} is too large ({size} bytes); the limit is 1 MB.")
                return text.format(file=quoted(file.filename), size=words.number(file.size))
            uploaded = {file.filename: await file.read()}
            # Parsed in a thread: even a bounded file must not stall every member's answer.
            incoming = await asyncio.to_thread(load_documents, uploaded, check_related=False)
            saved = await self.engine.import_knowledge(incoming, author=author_of(interaction))
            changed = ", ".join(f"`{r.entry_id}`" for r in saved) or words.gettext(
                "nothing (no changes)"
            )
            text = words.ngettext(
                "Imported {file}: {count} revision — {changed}",
                "Imported {file}: {count} revisions — {changed}",
                len(saved),
            )
            return text.format(
                file=quoted(file.filename), count=words.number(len(saved)), changed=changed
            )

        await self._change(interaction, work)

    @app_commands.command(
        name="export", description=_t("Download the live knowledge base as files")
    )
    async def export(self, interaction: Interaction) -> None:
        words = words_for(interaction)
        count = len(self.engine.entries())
        text = words.ngettext(
            "{count} entry, one TOML file per topic.",
            "{count} entries, one TOML file per topic.",
            count,
        )
        await interaction.edit_original_response(
            content=text.format(count=words.number(count)),
            attachments=[export_archive(self.engine.export_files())],
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(
        name="stats", description=_t("Most asked, unanswered rate, helpful ratio")
    )
    @app_commands.describe(days=_t("Only the last N days (default: all time)"))
    async def stats(
        self, interaction: Interaction, days: app_commands.Range[int, 1, 3650] | None = None
    ) -> None:
        words = words_for(interaction)
        engine = self.engine
        stats = await engine.period_stats(days, limit=10)
        as_of = words.date(engine.as_of) if engine.as_of else words.gettext("unknown")
        await _say(interaction, stats_text(words, stats, days, len(engine.entries()), as_of))

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
