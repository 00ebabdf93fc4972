"""Who a message would ping, following Discord's allowed_mentions rules.

This is the project's safety check, stricter than Discord: every message that carries text must
send `allowed_mentions`, and nobody may be pinged. Embeds never ping, so only `content` counts.
"""

from __future__ import annotations

import re
from typing import Any

USER_MENTION = re.compile(r"<@!?(\d+)>")
ROLE_MENTION = re.compile(r"<@&(\d+)>")
MASS_MENTION = re.compile(r"@(everyone|here)")

# With no allowed_mentions at all, Discord parses every kind of mention in the content.
DEFAULT_ALLOWED = {"parse": ["everyone", "users", "roles"]}


def pings(
    content: str, allowed: dict[str, Any] | None, *, replied_user: int | None = None
) -> list[str]:
    """Describe each notification `content` would cause, e.g. ['@everyone', 'user 123']."""
    rules = DEFAULT_ALLOWED if allowed is None else allowed
    parse = set(rules.get("parse") or [])
    users = {str(user) for user in rules.get("users") or []}
    roles = {str(role) for role in rules.get("roles") or []}
    found: list[str] = []
    if "everyone" in parse:
        found += [f"@{kind}" for kind in MASS_MENTION.findall(content)]
    found += [
        f"user {uid}" for uid in USER_MENTION.findall(content) if "users" in parse or uid in users
    ]
    found += [
        f"role {rid}" for rid in ROLE_MENTION.findall(content) if "roles" in parse or rid in roles
    ]
    # A reply pings its author unless allowed_mentions is given without replied_user: true.
    if replied_user is not None and (allowed is None or allowed.get("replied_user")):
        found.append(f"replied user {replied_user}")
    return found


def mention_policy_problems(body: dict[str, Any]) -> list[str]:
    """The project's rule: text-bearing messages send allowed_mentions and ping nobody."""
    if not any(key in body for key in ("content", "embeds")):
        return []
    allowed = body.get("allowed_mentions")
    problems = []
    if allowed is None:
        problems.append("allowed_mentions: missing (the bot must always restrict mentions)")
    content = body.get("content") or ""
    reference = body.get("message_reference") or {}
    replied = reference.get("message_id")
    problems += [f"would ping {target}" for target in pings(content, allowed, replied_user=replied)]
    return problems
