"""Registering the slash commands with Discord only when needed.

A hash of the command set is kept per scope (global, or one guild) in a small file next to the
database. `policybot sync` always syncs and records the hash; on start, a scope is re-synced
only if the commands changed since (or, for the global scope, were never synced at all).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger("policybot.discord")

STATE_FILE = "discord-commands.json"
GLOBAL = "global"


def command_hash(tree: app_commands.CommandTree[Any]) -> str:
    """Stable over restarts: the payloads Discord would receive, sorted and serialised."""
    payloads = [command.to_dict(tree) for command in tree.get_commands()]
    payloads.sort(key=lambda p: (p.get("type", 1), p["name"]))
    encoded = json.dumps(payloads, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


class SyncState:
    def __init__(self, directory: Path) -> None:
        self.path = directory / STATE_FILE

    def read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def record(self, scope: str, digest: str) -> None:
        data = self.read() | {scope: digest}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)


async def sync_scope(
    tree: app_commands.CommandTree[Any], state: SyncState, guild_id: int | None
) -> int:
    """Sync the commands globally or to one guild (instant, for testing); returns the count."""
    guild = discord.Object(guild_id) if guild_id is not None else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    synced = await tree.sync(guild=guild)
    state.record(GLOBAL if guild_id is None else str(guild_id), command_hash(tree))
    return len(synced)


async def sync_if_changed(tree: app_commands.CommandTree[Any], state: SyncState) -> list[str]:
    """Re-sync each recorded scope whose command hash changed; returns the scopes synced."""
    digest = command_hash(tree)
    recorded = state.read()
    stale = [scope for scope, old in recorded.items() if old != digest]
    if GLOBAL not in recorded and not recorded:
        stale.append(GLOBAL)
    for scope in stale:
        count = await sync_scope(tree, state, None if scope == GLOBAL else int(scope))
        log.info("Synced %d commands (%s): the command set changed", count, scope)
    return stale
