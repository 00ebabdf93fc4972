"""A member's permission bits from raw API payloads, computed as Discord documents it: the
@everyone role, then the member's roles, Administrator means everything, then a channel's
overwrites (@everyone, roles together, the member)."""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

ADMINISTRATOR = 1 << 3
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ALL = (1 << 53) - 1
NAMES = {VIEW_CHANNEL: "View Channel", SEND_MESSAGES: "Send Messages", EMBED_LINKS: "Embed Links"}


def guild_permissions(guild: Json, member: Json) -> int:
    if str(guild.get("owner_id")) == str(member.get("user", {}).get("id")):
        return ALL
    roles = {str(role["id"]): int(role["permissions"]) for role in guild["roles"]}
    bits = roles.get(str(guild["id"]), 0)
    for role_id in member.get("roles", []):
        bits |= roles.get(str(role_id), 0)
    return ALL if bits & ADMINISTRATOR else bits


def channel_permissions(guild: Json, member: Json, channel: Json) -> int:
    bits = guild_permissions(guild, member)
    if bits & ADMINISTRATOR or bits == ALL:
        return ALL
    overwrites = {str(o["id"]): o for o in channel.get("permission_overwrites") or []}

    def apply(bits: int, allow: int, deny: int) -> int:
        return (bits & ~deny) | allow

    everyone = overwrites.get(str(guild["id"]))
    if everyone:
        bits = apply(bits, int(everyone["allow"]), int(everyone["deny"]))
    allow = deny = 0
    for role_id in member.get("roles", []):
        overwrite = overwrites.get(str(role_id))
        if overwrite and int(overwrite.get("type", 0)) == 0:
            allow |= int(overwrite["allow"])
            deny |= int(overwrite["deny"])
    bits = apply(bits, allow, deny)
    own = overwrites.get(str(member.get("user", {}).get("id")))
    if own and int(own.get("type", 1)) == 1:
        bits = apply(bits, int(own["allow"]), int(own["deny"]))
    return bits


def missing_names(bits: int, needed: int) -> list[str]:
    return [name for bit, name in NAMES.items() if needed & bit and not bits & bit]
