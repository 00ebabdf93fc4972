"""The real bot as the Discord benchmarks (load_discord, soak_discord) run it."""

from __future__ import annotations

from pathlib import Path

from bot.core.engine import Engine
from bot.discord.client import PolicyBot


def unthrottled_bot(engine: Engine, state_dir: Path, *, freeze_heap: bool = False) -> PolicyBot:
    """The bot without its per-member rate limit (the load comes from a few emulated members,
    far faster than people type), not waiting for servers the emulator announces at once.
    `freeze_heap` as `policybot run` sets it (only in a process of the bot's own)."""
    return PolicyBot(
        engine,
        rate_limit_count=10**9,
        rate_limit_seconds=1.0,
        state_dir=state_dir,
        guild_ready_timeout=0.05,
        freeze_heap=freeze_heap,
    )
