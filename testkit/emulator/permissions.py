"""Permissions as Discord computes them: a member's bits in a channel (owner, @everyone, roles,
Administrator), and who may see and use an application command.

The emulator has no channel overwrites, so channel permissions are the guild-level ones.
"""

from __future__ import annotations

from typing import Any

from .state import Channel, Guild, User

Json = dict[str, Any]

ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ALL_PERMISSIONS = (1 << 51) - 1  # every bit Discord defines today

CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE = 0, 1, 2


def member_permissions(guild: Guild, user: User) -> int:
    """The owner and Administrators have every permission; others the union of their roles."""
    if user.id == guild.owner_id:
        return ALL_PERMISSIONS
    bits = guild.everyone.permissions
    for role in guild.roles_of(user):
        bits |= role.permissions
    return ALL_PERMISSIONS if bits & ADMINISTRATOR else bits


def command_unavailable(command: Json, user: User, channel: Channel, guild: Guild | None) -> str:
    """Why Discord would not offer `command` to `user` here ('' if it would).

    Order as documented for command permissions v2: a user override, then role overrides
    (any allow wins), then the @everyone override, then `default_member_permissions`.
    Administrators can always use commands in their server.
    """
    if guild is None:
        contexts = command.get("contexts")
        in_dm = CONTEXT_BOT_DM in contexts if contexts is not None else True
        if not in_dm or command.get("dm_permission") is False or command.get("guild_id"):
            return f"/{command['name']} is not available in DMs"
        return ""
    contexts = command.get("contexts")
    if contexts is not None and CONTEXT_GUILD not in contexts:
        return f"/{command['name']} is not available in servers"
    bits = member_permissions(guild, user)
    if bits & ADMINISTRATOR:
        return ""
    overrides = guild.command_permissions.get(command["id"], {})
    if user.id in overrides:
        return "" if overrides[user.id] else _denied(command, user)
    by_role = [overrides[r.id] for r in guild.roles_of(user) if r.id in overrides]
    if by_role:
        return "" if any(by_role) else _denied(command, user)
    if guild.id in overrides:
        return "" if overrides[guild.id] else _denied(command, user)
    required = command.get("default_member_permissions")
    if required is None:
        return ""
    needed = int(required)  # "0": Administrators only
    return "" if needed and bits & needed == needed else _denied(command, user)


def _denied(command: Json, user: User) -> str:
    return f"{user.username} may not use /{command['name']} (Discord hides it from them)"
