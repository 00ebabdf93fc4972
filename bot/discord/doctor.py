"""The doctor's Discord checks: log in over REST only (no gateway, nothing synced or sent) and
compare what Discord says with what the settings and the code expect."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord

from bot.core.knowledge import KnowledgeError
from bot.discord.client import PolicyBot
from bot.discord.permissions import (
    EMBED_LINKS,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    channel_permissions,
    guild_permissions,
    missing_names,
)
from bot.discord.runner import build_bot
from bot.discord.sync import COPY, GLOBAL, SyncState, scope_payloads
from bot.doctor import Check, Status, failed, passed
from bot.settings import Settings, open_engine

Json = dict[str, Any]
PORTAL = "the developer portal (discord.com/developers/applications)"
PRIVILEGED = (
    ("message_content", "Message Content", "gateway_message_content"),
    ("members", "Server Members", "gateway_guild_members"),
    ("presences", "Presence", "gateway_presence"),
)
SEND_AND_EMBED = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
AGAIN = "run the doctor again; if it persists, see discordstatus.com"
SYNC_FIX = "run `policybot sync` (or `policybot sync --guild ID` for one server)"


@dataclass(frozen=True)
class Targets:
    """What the settings ask of Discord."""

    home_guild_ids: tuple[int, ...] = ()
    moderator_role_ids: tuple[int, ...] = ()
    audit_channel_id: int | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Targets:
        # The audit channel is a setting still to come; checked once it exists.
        audit = getattr(settings, "audit_channel_id", None)
        return cls(
            home_guild_ids=tuple(settings.home_guild_ids),
            moderator_role_ids=tuple(settings.moderator_role_ids),
            audit_channel_id=int(audit) if audit else None,
        )


async def discord_checks(settings: Settings, token: str, targets: Targets) -> list[Check]:
    """Build the bot as `policybot run` does, on a scratch in-memory database (the commands do
    not depend on the knowledge), and run every check that needs Discord."""
    # No question is asked here: the embedding model would only load and warm up for nothing.
    scratch = settings.model_copy(update={"database": ":memory:", "semantic": False})
    try:
        async with open_engine(scratch) as engine:
            bot = build_bot(engine, settings, auto_sync=False)
            async with bot:
                return await _checks(bot, token, targets, SyncState(settings.state_dir))
    except KnowledgeError:
        detail = "the bot cannot be built while the knowledge files do not validate (see above)"
        return [Check("discord", Status.SKIP, detail)]


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
    except (aiohttp.ClientError, OSError) as error:
        return [failed("token", f"cannot reach Discord ({error})", "check this machine's network")]
    except discord.HTTPException as error:
        return [failed("token", f"Discord answered with an error ({error})", AGAIN)]
    assert bot.user is not None
    checks = [passed("token", f"logs in as {bot.user} (id {bot.user.id})")]
    try:
        info = await bot.application_info()
        checks.append(intents_check(bot.intents, info.flags))
        guilds, guild_checks = await _home_guilds(bot, targets.home_guild_ids)
        checks += guild_checks
        checks += _moderator_roles(targets.moderator_role_ids, guilds)
        checks += await _audit_channel(bot, targets.audit_channel_id)
        checks += await command_checks(bot, state, targets.home_guild_ids)
    except (aiohttp.ClientError, OSError, discord.HTTPException) as error:
        checks.append(
            failed(
                "discord",
                f"Discord answered with an error part way through ({error})",
                AGAIN,
            )
        )
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
    bot: PolicyBot, guild_ids: tuple[int, ...]
) -> tuple[dict[int, Json], list[Check]]:
    if not guild_ids:
        detail = "POLICYBOT_HOME_GUILD_IDS is empty: nobody can moderate from Discord"
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


def _moderator_roles(role_ids: tuple[int, ...], guilds: dict[int, Json]) -> list[Check]:
    if not role_ids:
        return [passed("moderator roles", "none set: members with Manage Server moderate")]
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


async def command_checks(
    bot: PolicyBot, state: SyncState, home_guild_ids: Iterable[int]
) -> list[Check]:
    """Each scope the bot syncs (global, each home server, any recorded test server) holds
    exactly the commands the code puts there."""
    assert bot.application_id is not None
    checks = []
    for scope in _scopes(state.read(), home_guild_ids):
        if scope == GLOBAL:
            remote = await bot.http.get_global_commands(bot.application_id)
            name = "commands (global)"
        else:
            guild_id = int(scope.removesuffix(COPY))
            try:
                remote = await bot.http.get_guild_commands(bot.application_id, guild_id)
            except (discord.Forbidden, discord.NotFound):
                remote = []
            name = f"commands (server {guild_id})"
        expected = {_key(c): _signature(c) for c in scope_payloads(bot.tree, scope)}
        checks.append(_compare(name, expected, {_key(c): _signature(c) for c in map(dict, remote)}))
    return checks


def _scopes(recorded: dict[str, str], home_guild_ids: Iterable[int]) -> list[str]:
    """As the bot syncs: global (unless commands were only tried out in a test server), each
    home server not overridden by a test copy, and whatever was recorded."""
    copied = {int(s.removesuffix(COPY)) for s in recorded if s.endswith(COPY)}
    homes = [str(g) for g in sorted(home_guild_ids) if g not in copied]
    first = [] if copied and GLOBAL not in recorded else [GLOBAL]
    return list(dict.fromkeys([*first, *homes, *recorded]))


def _compare(name: str, local: dict[str, Json], remote: dict[str, Json]) -> Check:
    if not local and not remote:
        return passed(name, "none, as the code says")
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
