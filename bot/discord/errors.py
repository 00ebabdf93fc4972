"""The one error handler: the member gets a short private message, the log gets the traceback.

Slash commands and context menus reach it through `PolicyTree.on_error`, button callbacks
through `reports_errors`, the edit form through its `on_error`. (Messages have no interaction
to answer: ConversationCog logs the traceback and posts SORRY itself.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

import discord
from discord import app_commands

from bot.core.i18n import N_, texts
from bot.core.store import StoreError
from bot.discord.audit import audit_of
from bot.discord.limits import MESSAGE_MAX, clip
from bot.discord.locale import member_language, reply_language

log = logging.getLogger("policybot.discord")

SORRY = N_("Sorry, something went wrong on my side. Please try again in a little while.")
# Only when the audit channel reaches moderators is it true that they see what happened.
SORRY_REPORTED = N_(
    "Sorry, something went wrong on my side. The moderators have been told; please try again "
    "in a little while."
)

# Where a failure happened, for the audit channel (said in its language there).
WHERE = {
    "component": N_("a button or menu"),
    "modal_submit": N_("a form"),
    "direct_message": N_("a direct message"),
    "mention": N_("a mention"),
}
# A locked or full database, named: {problem} is StoreError.said (bot/core/sqlite_connection.py).
STORE_TROUBLE = N_("Sorry, {problem}.")

P = ParamSpec("P")
S = TypeVar("S")


def sorry_text(client: discord.Client) -> str:
    """What a member is told when the bot fails: moderators are said to know only if they do."""
    audit = audit_of(client)
    return SORRY_REPORTED if audit is not None and audit.reaches_moderators else SORRY


def report_failed_question(
    client: discord.Client, where: str, question: str | None, error: BaseException
) -> None:
    """The short report in the audit channel (if one is set): the question, never a traceback."""
    audit = audit_of(client)
    if audit is not None:
        audit.failure(where, question, error)


def store_trouble_text(error: StoreError, language: str) -> str:
    """What a member is told when the database is locked or full: the problem, named, in
    their language."""
    return clip(
        texts(language).gettext(STORE_TROUBLE).format(problem=error.said(language)), MESSAGE_MAX
    )


def failure_text(
    interaction: discord.Interaction[Any], error: BaseException, language: str | None = None
) -> str | None:
    """Log (and report to the audit channel) a failed interaction; what to tell the member (in
    `language`, else the language its answer would have had), None when there is nowhere to
    show it."""
    command = interaction.command.qualified_name if interaction.command else interaction.type.name
    question = getattr(interaction.namespace, "question", None)
    question = question if isinstance(question, str) else None
    language = language or _asked_language(interaction, question)
    if isinstance(error, StoreError):  # locked, full: say so; it is not a bug of ours
        log.warning("%s from user %s: %s", command, interaction.user.id, error)
        return store_trouble_text(error, language)
    log.error("Error handling %s from user %s", command, interaction.user.id, exc_info=error)
    if interaction.type is discord.InteractionType.autocomplete:
        return None  # nowhere to show a message; an empty list is what the member sees
    where = f"/{command}" if interaction.command else WHERE.get(command, command)
    report_failed_question(interaction.client, where, question, error)
    return texts(language).gettext(sorry_text(interaction.client))


def _asked_language(interaction: discord.Interaction[Any], question: str | None) -> str:
    """The language a failed question would have been answered in (its own; the member's
    Discord client's when unclear), as a mention's or DM's failure is told; with no question,
    the client's."""
    service = getattr(interaction.client, "service", None)
    if question is None or service is None:
        return reply_language(interaction)
    language: str = service.engine.language_of(question, member_language(interaction))
    return language


async def report_failure(interaction: discord.Interaction[Any], error: BaseException) -> None:
    text = failure_text(interaction, error)
    if text is not None:
        await _tell(interaction, text)


async def _tell(interaction: discord.Interaction[Any], text: str) -> None:
    """A short private message, whether or not the interaction was answered already."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
    except discord.HTTPException:
        log.warning("Could not tell user %s why their interaction failed", interaction.user.id)


class Refused(app_commands.CheckFailure):
    """A check said no (e.g. not a moderator); the message tells the member why, privately."""


class PolicyTree(app_commands.CommandTree[Any]):
    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, Refused):
            command = interaction.command.qualified_name if interaction.command else "?"
            log.info(
                "Refused /%s for user %s in guild %s",
                command,
                interaction.user.id,
                interaction.guild_id,
            )
            await _tell(interaction, str(error))
            return
        original = getattr(error, "original", error)
        await report_failure(interaction, original)


Handler = Callable[Concatenate[S, discord.Interaction[Any], P], Coroutine[Any, Any, None]]


def reports_errors(callback: Handler[S, P]) -> Handler[S, P]:
    """For component callbacks, which discord.py would otherwise route to View.on_error."""

    async def guarded(
        self: S, interaction: discord.Interaction[Any], /, *args: P.args, **kwargs: P.kwargs
    ) -> None:
        try:
            await callback(self, interaction, *args, **kwargs)
        except Exception as error:
            await report_failure(interaction, error)

    return guarded
