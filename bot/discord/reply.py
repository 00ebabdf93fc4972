"""What every Discord front end sends: the reply type, the no-pings rule, shared texts.

A leaf module (it imports nothing from this package), so the answering service, the buttons
and the cogs can all use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, cast

import discord

from bot.core.i18n import N_, texts
from bot.core.languages import SOURCE_LANGUAGE

NO_MENTIONS = discord.AllowedMentions.none()
REMOVED_ENTRY = N_(
    "That entry has since been removed from the knowledge base. "
    "Try `/ask` with your question to see what I know now."
)


@dataclass(frozen=True)
class Reply:
    content: str | None = None
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None
    private: bool = False  # only the member who asked should see it, even in a public reply

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for send/send_message/followup.send; never pings anyone."""
        sent: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        if self.content is not None:
            sent["content"] = self.content
        if self.embed is not None:
            sent["embed"] = self.embed
        if self.view is not None:
            sent["view"] = self.view
        return sent


# Nothing to send: the member was told about the cooldown already (mentions and DMs get one
# notice per cooldown, so a flood of them cannot make the bot flood the channel).
SILENT = Reply(private=True)


def cooldown_reply(seconds: float, language: str = SOURCE_LANGUAGE) -> Reply:
    text = texts(language).gettext(
        "You're asking quickly — please wait {seconds} s and try again. "
        "(A small limit keeps the bot responsive for everyone.)"
    )
    return Reply(content=text.format(seconds=max(1, round(seconds))), private=True)


class Answering(Protocol):
    """What the answer buttons need from the answering service (bot.discord.service)."""

    async def open_entry(
        self, entry_id: str, member_id: int, channel: str, language: str = SOURCE_LANGUAGE
    ) -> Reply: ...

    async def vote(
        self, question_id: int, member_id: int, helpful: bool, language: str
    ) -> Reply: ...

    async def watch(self, question_id: int, member_id: int) -> bool | None:
        """True: now watching; False: already was; None: the question no longer waits."""
        ...

    async def unwatch(self, question_id: int, member_id: int) -> bool: ...


def answering(client: discord.Client) -> Answering:
    """The answering service of the bot that received an interaction."""
    service = getattr(client, "service", None)
    if service is None:
        raise RuntimeError("this client has no answering service")
    return cast(Answering, service)
