"""Registering the slash commands with Discord only when they change.

Commands live in scopes: "global" (every server and DMs), one scope per home server (`/kb`,
registered there only), and "<id>+global" for `policybot sync --guild ID`, which copies the
global commands into one server for testing (instant, where global changes take a while).
A hash of each scope's commands is kept in a small file next to the database. On start, a scope
is synced when its hash differs from the recorded one; that includes a home server never synced
and a server that stopped being a home (its /kb is removed). The global scope is synced on a
first start unless commands were only ever synced to a test server.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.core.i18n import catalogue_digest

log = logging.getLogger("policybot.discord")

STATE_FILE = "discord-commands.json"
GLOBAL = "global"
COPY = "+global"

Tree = app_commands.CommandTree[Any]


def _guild_of(scope: str) -> int | None:
    return None if scope == GLOBAL else int(scope.removesuffix(COPY))


def scope_payloads(tree: Tree, scope: str) -> list[dict[str, Any]]:
    """What Discord would receive for a scope, sorted (stable over restarts)."""
    guild_id = _guild_of(scope)
    commands: list[Any] = []
    if guild_id is None or scope.endswith(COPY):
        commands += tree.get_commands()
    if guild_id is not None:  # a server's own command replaces a copied one of the same name
        commands += tree.get_commands(guild=discord.Object(guild_id))
    payloads = {(p.get("type", 1), p["name"]): p for p in (c.to_dict(tree) for c in commands)}
    return [payloads[key] for key in sorted(payloads)]


def command_hash(tree: Tree, scope: str = GLOBAL) -> str:
    """Of the commands and of the catalogues their localized names and descriptions come from
    (discord.py adds the localizations only while syncing, so they are not in the payloads)."""
    encoded = json.dumps(
        [scope_payloads(tree, scope), catalogue_digest()],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
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
        """Record a scope's hash; a server has one command list, so its other scope goes."""
        data = self.read()
        guild_id = _guild_of(scope)
        if guild_id is not None:
            data.pop(str(guild_id), None)
            data.pop(f"{guild_id}{COPY}", None)
        data[scope] = digest
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)


async def sync_scope(tree: Tree, state: SyncState, scope: str) -> int:
    """Sync one scope now and record its hash; returns how many commands it has."""
    guild_id = _guild_of(scope)
    guild = discord.Object(guild_id) if guild_id is not None else None
    if guild is not None and scope.endswith(COPY):
        tree.copy_global_to(guild=guild)
    synced = await tree.sync(guild=guild)
    state.record(scope, command_hash(tree, scope))
    return len(synced)


def copy_scope(guild_id: int) -> str:
    """The scope of `policybot sync --guild ID`: the global commands copied into one server."""
    return f"{guild_id}{COPY}"


def scopes_to_sync(
    tree: Tree, recorded: dict[str, str], home_guild_ids: Iterable[int]
) -> list[str]:
    """The scopes whose commands differ from what was recorded: global, each home server (unless
    a test copy there already carries its /kb), and every scope recorded before."""
    copied = {_guild_of(s) for s in recorded if s.endswith(COPY)}
    homes = [str(g) for g in sorted(home_guild_ids) if g not in copied]
    scopes = list(dict.fromkeys([GLOBAL, *homes, *recorded]))
    if GLOBAL not in recorded and copied:
        scopes.remove(GLOBAL)  # commands were only ever tried out in a test server
    return [scope for scope in scopes if recorded.get(scope) != command_hash(tree, scope)]


async def sync_if_changed(
    tree: Tree, state: SyncState, home_guild_ids: Iterable[int] = ()
) -> list[str]:
    """Sync each scope whose commands changed since it was recorded; returns those scopes."""
    stale = scopes_to_sync(tree, state.read(), home_guild_ids)
    for scope in stale:
        count = await sync_scope(tree, state, scope)
        log.info("Synced %d commands (%s): the command set changed", count, scope)
    return stale
