"""The audit channel: every moderator action, and the bot's own failures, where moderators see them.

Set `POLICYBOT_AUDIT_CHANNEL_ID` to a text channel of a home server. Each action (add, edit,
status, sources, revert, delete, import, teach, dismiss) is posted as an embed: who, what, a
compact diff and the reason. A failure while answering is posted as a short report: where, the
question (the only member text shown), the kind of error and when; never the exception's message,
a traceback or a token — those stay in the log. Nothing posted can ping anyone. Posting never
holds up the action: it runs in the background, and a failure to post is logged, not raised.
Changes made elsewhere (the command line) come as the same events (bot.core.elsewhere), titled
with the command line's verb.

The channel is shared, so each post has one language: the home server's own (its preferred
locale, Server Settings → Community), which is the language its moderators chose for the
community — not that of whoever made the change. A server whose language the bot does not
speak gets English. Field names, statuses and ids stay as the knowledge files write them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import discord

from bot.core.events import Action, EntryChange, ModerationEvent, field_changes
from bot.core.i18n import Texts, texts
from bot.core.languages import SOURCE_LANGUAGE, language_for_locale
from bot.discord.limits import (
    EMBED_DESCRIPTION_MAX,
    EMBED_TITLE_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    clip,
)
from bot.discord.render import fit
from bot.discord.reply import NO_MENTIONS

log = logging.getLogger("policybot.discord")

COLOURS: dict[Action, discord.Colour] = {
    Action.ADD: discord.Colour.green(),
    Action.DELETE: discord.Colour.red(),
    Action.STATUS: discord.Colour.gold(),
}
FAILURE_COLOUR = discord.Colour.dark_red()
CHANGES_SHOWN = 8
VALUE_SHOWN = 300
NOT_IN_HOME = (
    "The audit channel (POLICYBOT_AUDIT_CHANNEL_ID=%s) is not a text channel of a home server "
    "the bot can see: nothing is posted there"
)


def _plain(text: str, limit: int) -> str:
    """Moderator or member text inside an embed: clipped, no markdown that could mislead."""
    return clip(discord.utils.escape_markdown(" ".join(text.split())), limit)


def _entry_lines(words: Texts, change: EntryChange) -> list[str]:
    entry_id = f"`{change.entry_id}`"
    revision = (
        words.gettext(" · revision {number}").format(number=change.revision)
        if change.revision
        else ""
    )
    if change.before is None and change.after is not None:
        entry = change.after
        count = len(entry.sources)
        return [
            words.gettext("{entry} added{revision}: {question}").format(
                entry=entry_id, revision=revision, question=_plain(entry.question, VALUE_SHOWN)
            ),
            words.ngettext(
                "status {status}; {count} source", "status {status}; {count} sources", count
            ).format(status=entry.status.value, count=words.number(count)),
        ]
    if change.after is None:
        return [
            words.gettext("{entry} deleted{revision}").format(entry=entry_id, revision=revision)
        ]
    lines = [f"{entry_id}{revision}"]
    for name, old, new in field_changes(change.before, change.after)[:CHANGES_SHOWN]:
        old_text = _plain(old, VALUE_SHOWN) if old else "—"
        new_text = _plain(new, VALUE_SHOWN) if new else "—"
        lines.append(f"**{name}**: {old_text} → {new_text}")
    return lines


def event_embed(event: ModerationEvent, words: Texts | None = None) -> discord.Embed:
    """One action as an embed: who did what to which entry, the compact diff, the reason."""
    words = words or texts()
    ids = ", ".join(c.entry_id for c in event.changes[:5])
    extra = len(event.changes) - 5
    more = (
        " " + words.gettext("and {count} more").format(count=words.number(extra))
        if extra > 0
        else ""
    )
    # A change found in the database was made outside Discord: the command line's verb.
    made_with = "policybot kb" if event.elsewhere else "/kb"
    title = f"{made_with} {event.action.value}" + (f" · {ids}{more}" if ids else "")
    lines: list[str] = []
    if event.question_id is not None:
        lines.append(
            words.gettext("Question {number}: {question}").format(
                number=event.question_id, question=_plain(event.question or "", VALUE_SHOWN)
            )
        )
    for change in event.changes[:20]:
        lines += _entry_lines(words, change)
    embed = discord.Embed(
        title=clip(title, EMBED_TITLE_MAX),
        description=clip("\n".join(lines) or "—", EMBED_DESCRIPTION_MAX),
        colour=COLOURS.get(event.action, discord.Colour.blurple()),
        timestamp=dt.datetime.now(dt.UTC),
    )
    who = clip(words.gettext("Who"), FIELD_NAME_MAX)
    embed.add_field(name=who, value=_plain(event.author, FIELD_VALUE_MAX), inline=True)
    if event.reason:
        reason = clip(words.gettext("Reason"), FIELD_NAME_MAX)
        embed.add_field(name=reason, value=_plain(event.reason, FIELD_VALUE_MAX), inline=True)
    return fit(embed)


def failure_embed(
    where: str, question: str | None, error: BaseException, words: Texts | None = None
) -> discord.Embed:
    """A short report of a failure while answering: no traceback, no error message, no token."""
    words = words or texts()
    embed = discord.Embed(
        title=clip(
            words.gettext("Failure while answering ({where})").format(
                where=words.gettext(where)  # "/ask" as it is; "a form" etc. marked in errors.py
            ),
            EMBED_TITLE_MAX,
        ),
        description=words.gettext(
            "The member was told something went wrong. The full traceback is in the bot's log "
            "at this time."
        ),
        colour=FAILURE_COLOUR,
        timestamp=dt.datetime.now(dt.UTC),
    )
    if question:
        embed.add_field(
            name=clip(words.gettext("Question"), FIELD_NAME_MAX),
            value=_plain(question, 500),
            inline=False,
        )
    embed.add_field(
        name=clip(words.gettext("Error"), FIELD_NAME_MAX), value=type(error).__name__, inline=False
    )
    return fit(embed)


def channel_words(channel: discord.abc.Messageable) -> Texts:
    """The audit channel's one language: its server's preferred locale, if the bot speaks it."""
    guild = getattr(channel, "guild", None)
    locale = str(guild.preferred_locale) if guild is not None else None
    return texts(language_for_locale(locale) or SOURCE_LANGUAGE)


class AuditChannel:
    """Posts to the configured channel in the background; does nothing when none is set."""

    def __init__(
        self, client: discord.Client, channel_id: int | None, home_guild_ids: frozenset[int]
    ) -> None:
        self.client = client
        self.channel_id = channel_id
        self.home_guild_ids = home_guild_ids
        self._tasks: set[asyncio.Task[None]] = set()
        self._warned = False

    @property
    def configured(self) -> bool:
        return self.channel_id is not None

    def moderation(self, event: ModerationEvent) -> None:
        """An Engine.on_moderation listener."""
        self._post(lambda words: event_embed(event, words))

    def failure(self, where: str, question: str | None, error: BaseException) -> None:
        self._post(lambda words: failure_embed(where, question, error, words))

    def _post(self, make: Callable[[Texts], discord.Embed]) -> None:
        """`make`: the embed, in the channel's language (known once the channel is)."""
        if self.channel_id is None or self.client.is_closed():
            return
        task = asyncio.get_running_loop().create_task(self._send(make))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _resolved(self) -> discord.abc.Messageable | None:
        """The channel, only if it is a text channel of a home server (moderation details must
        not leak into a server that does not moderate)."""
        channel = self.client.get_channel(self.channel_id) if self.channel_id else None
        if (
            isinstance(channel, discord.TextChannel | discord.Thread)
            and channel.guild.id in self.home_guild_ids
        ):
            return channel
        return None

    @property
    def reaches_moderators(self) -> bool:
        """True when reports can be posted: only then may a member be told moderators know."""
        return self._resolved() is not None

    def _channel(self) -> discord.abc.Messageable | None:
        channel = self._resolved()
        if channel is not None:
            return channel
        if not self._warned:
            log.warning(NOT_IN_HOME, self.channel_id)
            self._warned = True
        return None

    async def _send(self, make: Callable[[Texts], discord.Embed]) -> None:
        # Changes found at startup come before the gateway has told the bot its channels.
        await self.client.wait_until_ready()
        channel = self._channel()
        if channel is None:
            return
        try:
            await channel.send(embed=make(channel_words(channel)), allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            log.warning("Could not post to the audit channel %s: %s", self.channel_id, error)

    async def drain(self, timeout: float = 5.0) -> None:
        """Let the posts under way finish (before the client closes)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)


def audit_of(client: Any) -> AuditChannel | None:
    audit = getattr(client, "audit", None)
    return audit if isinstance(audit, AuditChannel) else None
