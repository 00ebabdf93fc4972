"""The bot client: intents, safe defaults, the extensions, persistent buttons, conditional sync."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import discord
from discord.ext import commands

from bot.core.engine import Engine
from bot.discord.errors import PolicyTree
from bot.discord.extensions import walk_extensions
from bot.discord.ratelimit import RateLimiter
from bot.discord.reply import NO_MENTIONS
from bot.discord.service import AnswerService
from bot.discord.sync import SyncState, sync_if_changed
from bot.discord.trust import Trust
from bot.discord.views import DYNAMIC_ITEMS

log = logging.getLogger("policybot.discord")


def bot_intents(*, message_content: bool = False) -> discord.Intents:
    """Guilds (for channels), guild and DM messages (mentions, DMs). The privileged
    message-content intent is off by default: mentions and DMs carry their text without it."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = message_content
    return intents


class PolicyBot(commands.Bot):
    def __init__(
        self,
        engine: Engine,
        *,
        rate_limit_count: int,
        rate_limit_seconds: float,
        state_dir: Path | None = None,
        auto_sync: bool = True,
        message_content: bool = False,
        trust: Trust | None = None,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=bot_intents(message_content=message_content),
            allowed_mentions=NO_MENTIONS,
            tree_cls=PolicyTree,
            **options,
        )
        self.service = AnswerService(engine, RateLimiter(rate_limit_count, rate_limit_seconds))
        self.sync_state = SyncState(state_dir) if state_dir is not None else None
        self.auto_sync = auto_sync
        self.trust = trust or Trust()

    async def setup_hook(self) -> None:
        for extension in walk_extensions():
            await self.load_extension(extension)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        if self.auto_sync and self.sync_state is not None:
            await sync_if_changed(self.tree, self.sync_state, self.trust.home_guild_ids)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: ConversationCog handles the messages meant for the bot."""

    async def on_ready(self) -> None:
        log.info("Connected as %s to %d servers", self.user, len(self.guilds))
