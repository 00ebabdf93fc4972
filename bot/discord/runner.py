"""`policybot run` and `policybot sync`: token checks, graceful shutdown, clear exit codes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import TYPE_CHECKING

import discord

from bot import ctrl_c
from bot.core.backup_schedule import backups_while_running
from bot.core.engine import Engine
from bot.core.health import heartbeat
from bot.core.i18n import operator_language, texts
from bot.discord.client import PolicyBot
from bot.discord.sync import GLOBAL, copy_scope, sync_scope
from bot.discord.trust import Trust
from bot.settings import Settings, open_engine

if TYPE_CHECKING:
    from bot.site.rebuild import SiteRebuilder

log = logging.getLogger("policybot.discord")

EXIT_OK, EXIT_CONFIG = 0, 2
NO_TOKEN = (
    "policybot: DISCORD_TOKEN is not set. Create a bot in the Discord developer portal, put "
    "its token in .env as DISCORD_TOKEN=… (see .env.example), then run again."
)
BAD_TOKEN = (
    "policybot: Discord rejected the token. Copy it again from the developer portal "
    "(Bot → Reset Token) into DISCORD_TOKEN."
)
INTENTS_REFUSED = (
    "policybot: Discord refused a privileged intent. Enable it on the developer portal "
    "(Bot → Privileged Gateway Intents)."
)


def build_bot(engine: Engine, settings: Settings, **options: object) -> PolicyBot:
    return PolicyBot(
        engine,
        rate_limit_count=settings.rate_limit_count,
        rate_limit_seconds=settings.rate_limit_seconds,
        state_dir=settings.state_dir,
        trust=Trust.of(settings.home_guild_ids, settings.moderator_role_ids),
        site_url=settings.site_address(),
        site=site_rebuilder(engine, settings),
        audit_channel_id=settings.audit_channel_id,
        freeze_heap=True,
        **options,  # type: ignore[arg-type]
    )


def site_rebuilder(engine: Engine, settings: Settings) -> SiteRebuilder | None:
    """With POLICYBOT_SITE_DIR, the public site is rebuilt there after every change."""
    if settings.site_dir is None:
        return None
    from bot.site.build import SiteConfig
    from bot.site.rebuild import SiteRebuilder

    return SiteRebuilder(engine, settings.site_dir, SiteConfig.from_settings(settings))


def _token(settings: Settings) -> str | None:
    if settings.discord_token is None:
        return None
    return settings.discord_token.get_secret_value().strip() or None


def run_bot(settings: Settings) -> int:
    token = _token(settings)
    if token is None:
        print(NO_TOKEN, file=sys.stderr)
        return EXIT_CONFIG
    return asyncio.run(serve(settings, token))


async def serve(settings: Settings, token: str, **options: object) -> int:
    """Run until Discord closes us or SIGINT/SIGTERM; the database closes after the bot. Ctrl-C
    is handled (bot.ctrl_c) until the database has closed: a second press while it closes
    does not cut the question log off."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    with ctrl_c.handled(stop.set) as presses:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGTERM, stop.set)
        try:
            async with (
                open_engine(settings) as engine,
                backups_while_running(
                    settings.database,
                    settings.backup_dir,
                    settings.backup_every_hours,
                    settings.backup_keep,
                ),
            ):
                presses.saving = engine.unsaved_questions
                return await _serve_until_stopped(engine, settings, token, stop, options)
        finally:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signal.SIGTERM)


async def _serve_until_stopped(
    engine: Engine, settings: Settings, token: str, stop: asyncio.Event, options: dict[str, object]
) -> int:
    bot = build_bot(engine, settings, **options)

    def connected() -> bool:
        return bot.is_ready() and not bot.is_closed()

    try:
        async with bot, heartbeat(settings.state_dir, connected):
            return await _until_stopped(bot, token, stop)
    finally:
        await bot.service.drain()
        if bot.site is not None:  # let a rebuild in progress finish writing
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(bot.site.idle(), 30)


async def _until_stopped(bot: PolicyBot, token: str, stop: asyncio.Event) -> int:
    running = asyncio.create_task(bot.start(token))
    stopping = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if running not in done:
        log.info("%s", texts(operator_language()).gettext("Shutting down"))
        await bot.close()
        await running
        return EXIT_OK
    error = running.exception()
    if isinstance(error, discord.LoginFailure):
        print(BAD_TOKEN, file=sys.stderr)
        return EXIT_CONFIG
    if isinstance(error, discord.PrivilegedIntentsRequired):
        print(INTENTS_REFUSED, file=sys.stderr)
        return EXIT_CONFIG
    if error is not None:
        raise error
    return EXIT_OK


def sync_commands(settings: Settings, guild_id: int | None = None) -> int:
    token = _token(settings)
    if token is None:
        print(NO_TOKEN, file=sys.stderr)
        return EXIT_CONFIG
    return asyncio.run(sync_now(settings, token, guild_id))


async def sync_now(settings: Settings, token: str, guild_id: int | None) -> int:
    """Log in over REST only (no gateway), register the commands, record their hashes: the
    global commands and each home server's /kb, or (with `guild_id`) every command copied into
    one server for testing."""
    async with open_engine(settings) as engine:
        bot = build_bot(engine, settings, auto_sync=False)
        async with bot:
            try:
                await bot.login(token)
            except discord.LoginFailure:
                print(BAD_TOKEN, file=sys.stderr)
                return EXIT_CONFIG
            assert bot.sync_state is not None
            if guild_id is not None:
                scopes = {copy_scope(guild_id): f"server {guild_id}"}
            else:
                scopes = {GLOBAL: "all servers (may take a while)"}
                scopes |= {str(g): f"home server {g}" for g in sorted(settings.home_guild_ids)}
            for scope, where in scopes.items():
                count = await sync_scope(bot.tree, bot.sync_state, scope)
                print(f"Synced {count} commands to {where}.")
    return EXIT_OK
