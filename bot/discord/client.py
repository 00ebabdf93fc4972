"""The bot client: intents, safe defaults, the extensions, persistent buttons, conditional sync."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.core.engine import Engine
from bot.discord.audit import AuditChannel
from bot.discord.errors import PolicyTree
from bot.discord.extensions import walk_extensions
from bot.discord.notify import Notifier
from bot.discord.ratelimit import RateLimiter
from bot.discord.reply import NO_MENTIONS
from bot.discord.service import AnswerService
from bot.discord.sync import SyncState, sync_if_changed
from bot.discord.translator import CatalogueTranslator
from bot.discord.trust import Trust
from bot.discord.views import DYNAMIC_ITEMS
from bot.heap import freeze_long_lived

if TYPE_CHECKING:
    from bot.site.rebuild import SiteRebuilder

log = logging.getLogger("policybot.discord")


def bot_intents() -> discord.Intents:
    """Guilds (for channels), guild and DM messages (mentions, DMs). No privileged intent:
    mentions, DMs and a context menu's message carry their text without message content."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
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
        trust: Trust | None = None,
        site_url: str | None = None,
        site: SiteRebuilder | None = None,
        audit_channel_id: int | None = None,
        freeze_heap: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=bot_intents(),
            allowed_mentions=NO_MENTIONS,
            tree_cls=PolicyTree,
            **options,
        )
        self.service = AnswerService(
            engine, RateLimiter(rate_limit_count, rate_limit_seconds), site_url=site_url
        )
        self.site = site  # keeps the public site rebuilt after every knowledge change
        self.sync_state = SyncState(state_dir) if state_dir is not None else None
        self.auto_sync = auto_sync
        self.trust = trust or Trust()
        self.audit = AuditChannel(self, audit_channel_id, self.trust.home_guild_ids)
        self.notifier = Notifier(self, engine)
        self._unsubscribe = [
            engine.on_moderation(self.audit.moderation),
            engine.on_moderation(self.notifier.moderation),
        ]
        # A running bot's own process (`policybot run`): see bot/heap.py. Off by default, as
        # it freezes everything in the process (in a test, the test's objects too).
        self.freeze_heap = freeze_heap
        if freeze_heap:
            self._unsubscribe.append(engine.on_change(self._refreeze_soon))

    async def setup_hook(self) -> None:
        await self.tree.set_translator(CatalogueTranslator())
        for extension in walk_extensions():
            await self.load_extension(extension)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        # Changes from the command line reach the audit channel and watchers like /kb's.
        engine = self.service.engine
        self._unsubscribe.append(await engine.announce_changes_from_elsewhere())
        if self.site is not None:
            self.site.attach()
        if self.auto_sync and self.sync_state is not None:
            await sync_if_changed(self.tree, self.sync_state, self.trust.home_guild_ids)
        if self.freeze_heap:  # everything built so far lives as long as the bot
            freeze_long_lived()

    def _refreeze_soon(self) -> None:
        """After a knowledge change, outside the change itself: the old index is garbage."""
        asyncio.get_running_loop().call_soon(freeze_long_lived)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: ConversationCog handles the messages meant for the bot."""

    async def close(self) -> None:
        """Finish the audit posts and notices under way, stop listening to the engine, then
        disconnect."""
        while self._unsubscribe:
            self._unsubscribe.pop()()
        if self.site is not None:
            self.site.detach()
        await self.audit.drain()
        await self.notifier.drain()
        await super().close()

    async def on_ready(self) -> None:
        log.info("Connected as %s to %d servers", self.user, len(self.guilds))
