"""The doctor's Discord checks: log in over REST only (no gateway, nothing synced or sent) and
compare what Discord says with what the settings and the code expect."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import discord

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeSet
from bot.core.store import Store
from bot.discord.client import PolicyBot
from bot.discord.permissions import (
    EMBED_LINKS,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    channel_permissions,
    guild_permissions,
    missing_names,
)
from bot.discord.sync import GLOBAL, SyncState
from bot.doctor import Check, Status, failed, passed
from bot.settings import Settings

Json = dict[str, Any]
PORTAL = "the developer portal (discord.com/developers/applications)"
PRIVILEGED = (
    ("message_content", "Message Content", "gateway_message_content"),
    ("members", "Server Members", "gateway_guild_members"),
    ("presences", "Presence", "gateway_presence"),
)
SEND_AND_EMBED = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
SYNC_FIX = "run `policybot sync` (or `policybot sync --guild ID` for one server)"


@dataclass(frozen=True)
class Targets:
    """What the settings ask of Discord. None: this version has no such setting."""

    home_guild_ids: tuple[int, ...] | None = None
    moderator_role_ids: tuple[int, ...] | None = None
    audit_channel_id: int | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Targets:
        def ids(name: str) -> tuple[int, ...] | None:
            value = getattr(settings, name, None)
            return None if value is None else tuple(int(v) for v in value)

        audit = getattr(settings, "audit_channel_id", None)
        return cls(
            home_guild_ids=ids("home_guild_ids"),
            moderator_role_ids=ids("moderator_role_ids"),
            audit_channel_id=int(audit) if audit else None,
        )


async def discord_checks(
    settings: Settings, token: str, targets: Targets, **bot_options: Any
) -> list[Check]:
    """Build the bot as `policybot run` would (on a scratch database: the command set does not
    depend on the knowledge) and run every check that needs Discord."""
    with tempfile.TemporaryDirectory(prefix="policybot-doctor-") as scratch:
        store = await Store.open(Path(scratch) / "doctor.sqlite3")
        try:
            engine = Engine(store, KnowledgeSet(), settings.thresholds())
            bot = PolicyBot(
                engine,
                rate_limit_count=settings.rate_limit_count,
                rate_limit_seconds=settings.rate_limit_seconds,
                moderator_role=settings.moderator_role,
                auto_sync=False,
                **bot_options,
            )
            async with bot:
                return await _checks(bot, token, targets, SyncState(settings.db.parent))
        finally:
            await store.close()


async def _checks(bot: PolicyBot, token: str, targets: Targets, state: SyncState) -> list[Check]:
    try:
        await bot.login(token)
    except discord.LoginFailure:
        return [
            failed(
                "token",
                "Discord rejected DISCORD_TOKEN",
                f"copy the token again from {PORTAL} (Bot → Reset Token) into DISCORD_TOKEN",
            )
        ]
    except (aiohttp.ClientError, OSError, discord.HTTPException) as error:
        return [failed("token", f"cannot reach Discord ({error})", "check this machine's network")]
    assert bot.user is not None
    checks = [passed("token", f"logs in as {bot.user} (id {bot.user.id})")]
    info = await bot.application_info()
    checks.append(intents_check(bot.intents, info.flags))
    guilds, guild_checks = await _home_guilds(bot, targets.home_guild_ids)
    checks += guild_checks
    checks += _moderator_roles(targets.moderator_role_ids, guilds)
    checks += await _audit_channel(bot, targets.audit_channel_id)
    checks += await command_checks(bot, state)
    return checks


def intents_check(intents: discord.Intents, flags: discord.ApplicationFlags) -> Check:
    needed = [(label, flag) for attr, label, flag in PRIVILEGED if getattr(intents, attr)]
    if not needed:
        return passed("intents", "no privileged intent needed (Guilds, Guild Messages, DMs)")
    missing = [
        label
        for label, flag in needed
        if not (getattr(flags, flag) or getattr(flags, f"{flag}_limited"))
    ]
    if missing:
        return failed(
            "intents",
            f"the bot needs the {', '.join(missing)} intent, which the application has off",
            f"enable it on {PORTAL}: Bot → Privileged Gateway Intents",
        )
    return passed("intents", f"{', '.join(label for label, _ in needed)} enabled")


async def _home_guilds(
    bot: PolicyBot, guild_ids: tuple[int, ...] | None
) -> tuple[dict[int, Json], list[Check]]:
    if guild_ids is None:
        return {}, [Check("home servers", Status.SKIP, "this version has no home-server setting")]
    if not guild_ids:
        detail = "POLICYBOT_HOME_GUILD_IDS is empty: no server is home, nobody can moderate"
        return {}, [Check("home servers", Status.WARN, detail)]
    assert bot.user is not None
    found: dict[int, Json] = {}
    checks: list[Check] = []
    for guild_id in guild_ids:
        name = f"home server {guild_id}"
        try:
            guild = await bot.http.get_guild(guild_id, with_counts=False)
            member = await bot.http.get_member(guild_id, bot.user.id)
        except (discord.Forbidden, discord.NotFound):
            checks.append(
                failed(
                    name,
                    "the bot is not in this server (or the id names no server)",
                    "invite the bot with the README's link, or correct POLICYBOT_HOME_GUILD_IDS",
                )
            )
            continue
        found[guild_id] = dict(guild)
        checks.append(passed(name, f"the bot is in {guild['name']}"))
        bits = guild_permissions(dict(guild), dict(member))
        missing = missing_names(bits, SEND_AND_EMBED)
        if missing:
            checks.append(
                failed(
                    f"permissions in {guild['name']}",
                    f"the bot lacks {', '.join(missing)}",
                    "Server Settings → Roles: give the bot's role these permissions",
                )
            )
        else:
            checks.append(passed(f"permissions in {guild['name']}", "can send messages and embeds"))
    return found, checks


def _moderator_roles(role_ids: tuple[int, ...] | None, guilds: dict[int, Json]) -> list[Check]:
    if role_ids is None:
        return [Check("moderator roles", Status.SKIP, "this version has no role-id setting")]
    if not role_ids:
        return [Check("moderator roles", Status.WARN, "POLICYBOT_MODERATOR_ROLE_IDS is empty")]
    names = {
        int(role["id"]): f"{role['name']} in {guild['name']}"
        for guild in guilds.values()
        for role in guild["roles"]
    }
    return [
        passed(f"moderator role {role_id}", names[role_id])
        if role_id in names
        else failed(
            f"moderator role {role_id}",
            "no home server has a role with this id",
            "copy the role id (Developer Mode on; Server Settings → Roles → ⋯ → Copy Role ID) "
            "into POLICYBOT_MODERATOR_ROLE_IDS",
        )
        for role_id in role_ids
    ]


async def _audit_channel(bot: PolicyBot, channel_id: int | None) -> list[Check]:
    if channel_id is None:
        return []
    name = f"audit channel {channel_id}"
    assert bot.user is not None
    try:
        channel: Json = dict(await bot.http.get_channel(channel_id))
        guild_id = int(channel["guild_id"])
        guild = dict(await bot.http.get_guild(guild_id, with_counts=False))
        member = dict(await bot.http.get_member(guild_id, bot.user.id))
    except (discord.Forbidden, discord.NotFound, KeyError):
        return [
            failed(
                name,
                "the bot cannot see this channel (or it is not a server channel)",
                "correct POLICYBOT_AUDIT_CHANNEL_ID, or let the bot's role view the channel",
            )
        ]
    missing = missing_names(channel_permissions(guild, member, channel), SEND_AND_EMBED)
    if missing:
        return [
            failed(
                name,
                f"the bot lacks {', '.join(missing)} in #{channel.get('name', channel_id)}",
                "channel settings → Permissions: allow them for the bot's role",
            )
        ]
    return [passed(name, f"can send messages and embeds in #{channel.get('name', channel_id)}")]


async def command_checks(bot: PolicyBot, state: SyncState) -> list[Check]:
    """Each scope `policybot sync` recorded (or global) holds exactly the code's commands."""
    assert bot.application_id is not None
    local = {_key(c): _signature(c) for c in (cmd.to_dict(bot.tree) for cmd in _commands(bot))}
    checks = []
    for scope in state.read() or {GLOBAL: ""}:
        if scope == GLOBAL:
            remote = await bot.http.get_global_commands(bot.application_id)
            name = "commands (global)"
        else:
            remote = await bot.http.get_guild_commands(bot.application_id, int(scope))
            name = f"commands (server {scope})"
        checks.append(_compare(name, local, {_key(c): _signature(c) for c in map(dict, remote)}))
    return checks


def _commands(bot: PolicyBot) -> list[Any]:
    return list(bot.tree.get_commands())


def _compare(name: str, local: dict[str, Json], remote: dict[str, Json]) -> Check:
    if not remote:
        return failed(name, "no commands are registered with Discord", SYNC_FIX)
    missing = sorted(set(local) - set(remote))
    extra = sorted(set(remote) - set(local))
    changed = sorted(k for k in set(local) & set(remote) if local[k] != remote[k])
    problems = [
        f"{label}: {', '.join(keys)}"
        for label, keys in (
            ("not registered", missing),
            ("no longer in the code", extra),
            ("changed since the sync", changed),
        )
        if keys
    ]
    if problems:
        return failed(name, "differ from the code: " + "; ".join(problems), SYNC_FIX)
    return passed(name, f"{len(local)} synced, same as the code")


def _key(payload: Json) -> str:
    kind = payload.get("type", 1)
    return f"/{payload['name']}" if kind == 1 else f"{payload['name']} (menu)"


def _signature(payload: Json) -> Json:
    """What members see of a command; ids, versions and defaults Discord adds are left out."""
    return {
        "name": payload["name"],
        "type": payload.get("type", 1),
        "description": payload.get("description", ""),
        "required": bool(payload.get("required", False)),
        "choices": [choice["name"] for choice in payload.get("choices") or []],
        "options": [_signature(option) for option in payload.get("options") or []],
    }
