"""Interactions: the INTERACTION_CREATE payloads a member's action produces, and a handle that
records how the bot answered (callback, original-response edits, followups).
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .command_rules import ATTACHMENT, SUBCOMMAND_TYPES, typed_value_problems
from .permissions import command_unavailable, member_permissions
from .state import ATTACHMENT_SIZE_LIMIT, EVERYONE_PERMISSIONS, Channel, User, World

Json = dict[str, Any]
T = TypeVar("T")

APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
CALLBACK_MESSAGE, CALLBACK_DEFER, CALLBACK_DEFER_UPDATE, CALLBACK_UPDATE = 4, 5, 6, 7
CALLBACK_AUTOCOMPLETE, CALLBACK_MODAL = 8, 9
EPHEMERAL = 64
LOADING = 128
OPTION_TYPES = {str: 3, bool: 5, int: 4, float: 10}
WAIT_SECONDS = 10.0  # an upper bound for a test to fail instead of hanging; never asserted


@dataclass
class Act:
    """One thing the bot did in answer: a callback, an edit, a followup, a deletion."""

    kind: str
    body: Json
    at: float = field(default_factory=time.perf_counter)


class InteractionHandle:
    """What the test awaits after dispatching an interaction."""

    def __init__(self, payload: Json) -> None:
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.type: int = payload["type"]
        self.dispatched_at: float | None = None
        self.delivered_seq: int | None = None
        self.callback: Json | None = None
        self.original: Json | None = None
        self.followups: list[Json] = []
        self.acts: list[Act] = []
        self._changed = asyncio.Event()

    # --- recording (called by the REST side) ---------------------------------------------------

    def record(self, kind: str, body: Json) -> None:
        self.acts.append(Act(kind, body))
        self._changed.set()

    @property
    def acknowledged(self) -> bool:
        return self.callback is not None

    # --- waiting (called by tests) -------------------------------------------------------------

    async def wait(self, predicate: Callable[[InteractionHandle], T | None], what: str) -> T:
        """What `predicate` gives once it is truthy; fails the test after WAIT_SECONDS."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            result = predicate(self)
            if result:
                return result
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the bot never {what}; it did: {[a.kind for a in self.acts]}")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                continue

    async def callback_body(self) -> Json:
        """The interaction callback as the bot sent it ({"type": …, "data": …})."""
        return await self.wait(lambda h: h.callback, "acknowledged the interaction")

    async def answer(self) -> Json:
        """The visible response message: sent directly, or deferred then edited in."""

        def shown(handle: InteractionHandle) -> Json | None:
            message = handle.original
            if message is None or message.get("flags", 0) & LOADING:
                return None
            return message

        return await self.wait(shown, "showed a response message")

    async def choices(self) -> list[Json]:
        body = await self.callback_body()
        assert body["type"] == CALLBACK_AUTOCOMPLETE, f"expected autocomplete, got {body}"
        return list(body.get("data", {}).get("choices", []))

    async def followup(self, index: int = 0) -> Json:
        return await self.wait(
            lambda h: h.followups[index] if len(h.followups) > index else None,
            f"sent followup #{index + 1}",
        )

    @property
    def ephemeral(self) -> bool:
        return bool(self.original and self.original.get("flags", 0) & EPHEMERAL)


# --- payload builders ---------------------------------------------------------------------------


def base_payload(world: World, kind: int, data: Json, user: User, channel: Channel) -> Json:
    payload: Json = {
        "id": str(world.ids.next()),
        "application_id": str(world.application_id),
        "type": kind,
        "token": f"itoken-{secrets.token_urlsafe(24)}",
        "version": 1,
        "data": data,
        "channel_id": str(channel.id),
        "channel": channel.payload(),
        "locale": user.locale,
        "app_permissions": EVERYONE_PERMISSIONS,
        "entitlements": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    }
    if channel.guild_id is not None:
        guild = world.guilds[channel.guild_id]
        payload["guild_id"] = str(guild.id)
        payload["guild"] = {"id": str(guild.id), "locale": guild.preferred_locale, "features": []}
        payload["guild_locale"] = guild.preferred_locale
        permissions = str(member_permissions(guild, user))
        payload["member"] = guild.member_payload(user) | {"permissions": permissions}
        payload["authorizing_integration_owners"] = {"0": str(guild.id)}
        payload["context"] = 0
    else:
        payload["user"] = user.payload()
        payload["authorizing_integration_owners"] = {"0": str(user.id)}
        payload["context"] = 1
    return payload


def find_command(world: World, name: str, kind: int, guild_id: int | None) -> Json:
    """The registered command a member invokes; Discord only sends commands that were synced."""
    candidates = list(world.guild_commands.get(guild_id, [])) if guild_id else []
    candidates += world.global_commands
    for command in candidates:
        if command["name"] == name and command.get("type", 1) == kind:
            return command
    raise AssertionError(f"command {name!r} (type {kind}) is not registered; was it synced?")


def any_command(world: World, name: str, kind: int) -> Json:
    """A registered command in any scope (for forged interactions)."""
    for command in itertools.chain(world.global_commands, *world.guild_commands.values()):
        if command["name"] == name and command.get("type", 1) == kind:
            return command
    raise AssertionError(f"command {name!r} (type {kind}) is not registered anywhere")


def usable_command(world: World, name: str, kind: int, user: User, channel: Channel) -> Json:
    """`find_command`, refusing what the member's client would not show them here."""
    command = find_command(world, name, kind, channel.guild_id)
    guild = world.guilds[channel.guild_id] if channel.guild_id is not None else None
    why = command_unavailable(command, user, channel, guild)
    if why:
        raise AssertionError(why)
    return command


def subcommand_path(command: Json, path: list[str]) -> tuple[list[Json], Json]:
    """The subcommand group/subcommand definitions named by `path` (e.g. ["show"]), and the
    definition whose options the member fills in."""
    chain: list[Json] = []
    current = command
    for part in path:
        found = [
            o
            for o in current.get("options") or []
            if o.get("type") in SUBCOMMAND_TYPES and o["name"] == part
        ]
        if not found:
            raise AssertionError(f"/{command['name']} has no subcommand {part!r}")
        current = found[0]
        chain.append(current)
    if any(o.get("type") in SUBCOMMAND_TYPES for o in current.get("options") or []):
        names = [o["name"] for o in current["options"]]
        raise AssertionError(f"/{' '.join([command['name'], *path])} needs one of {names}")
    return chain, current


def command_options(
    definition: Json,
    values: dict[str, Any],
    focused: str | None = None,
    resolved: Json | None = None,
) -> list[Json]:
    """Typed options for a chat-input command, using the types the bot registered.

    An ATTACHMENT value is an attachment object (see `DiscordEmulator.attachment`): the option
    carries its id and the object goes into `resolved["attachments"]`, as Discord sends it.
    """
    declared = {option["name"]: option for option in definition.get("options") or []}
    options = []
    for name, value in values.items():
        if name not in declared:
            raise AssertionError(f"option {name!r} is not declared by /{definition['name']}")
        kind = declared[name]["type"]
        if kind == ATTACHMENT:
            if not isinstance(value, dict) or "id" not in value:
                raise AssertionError(f"option {name!r} takes an attachment from emu.attachment()")
            if resolved is not None:
                resolved.setdefault("attachments", {})[value["id"]] = value
            value = value["id"]
        else:
            problems = typed_value_problems(declared[name], value, focused=name == focused)
            if problems:
                raise AssertionError(f"the client would not send this: {problems}")
        option: Json = {"name": name, "type": kind, "value": value}
        if name == focused:
            option["focused"] = True
        options.append(option)
    missing = [
        o["name"] for o in declared.values() if o.get("required") and o["name"] not in values
    ]
    if missing and focused is None:
        raise AssertionError(f"required options missing: {missing}")
    return options


def chat_input_data(
    command: Json,
    options: list[Json],
    guild_id: int | None,
    *,
    chain: list[Json] | None = None,
    resolved: Json | None = None,
) -> Json:
    """The `data` of a slash command; options of a subcommand nest under it (and its group)."""
    for level in reversed(chain or []):
        options = [{"type": level["type"], "name": level["name"], "options": options}]
    data: Json = {"id": command["id"], "name": command["name"], "type": 1, "options": options}
    if resolved:
        data["resolved"] = resolved
    if command.get("guild_id"):  # a server's own command names the server it belongs to
        data["guild_id"] = str(command["guild_id"])
    return data


def message_command_data(command: Json, target: Json) -> Json:
    return {
        "id": command["id"],
        "name": command["name"],
        "type": 3,
        "target_id": target["id"],
        "resolved": {"messages": {target["id"]: target}},
    }


def component_data(message: Json, custom_id: str, values: list[str] | None = None) -> Json:
    """What a press (or, with `values`, a pick in a string select) sends; the client only
    offers what the component offers."""
    for row in message.get("components") or []:
        for component in row.get("components") or []:
            if component.get("custom_id") == custom_id:
                if component.get("disabled"):
                    raise AssertionError(f"component {custom_id!r} is disabled")
                data: Json = {"custom_id": custom_id, "component_type": component["type"]}
                if component["type"] == 3:
                    offered = [o["value"] for o in component.get("options") or []]
                    picked = list(values or [])
                    low, high = component.get("min_values", 1), component.get("max_values", 1)
                    if not low <= len(picked) <= high or set(picked) - set(offered):
                        raise AssertionError(f"the client would not send {picked} for {offered}")
                    data["values"] = picked
                elif values is not None:
                    raise AssertionError(f"component {custom_id!r} is not a select menu")
                return data
    raise AssertionError(f"no component {custom_id!r} on message {message.get('id')}")


def modal_data(custom_id: str, values: dict[str, str]) -> Json:
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in values.items()
    ]
    return {"custom_id": custom_id, "components": rows}


def filled_modal(modal: Json, typed: dict[str, str]) -> Json:
    """The MODAL_SUBMIT data for a modal the bot opened (callback type 9), as a member fills it
    in: every text input is sent, holding its prefilled value unless `typed` replaces it (keys
    are labels or custom_ids). The client refuses what breaks required/min/max length."""
    unknown = set(typed)
    rows: list[Json] = []
    problems: list[str] = []
    for row in modal.get("components") or []:
        inputs = row.get("components") or ([row["component"]] if row.get("component") else [])
        submitted = []
        for text_input in inputs:
            if text_input.get("type") != 4:
                continue
            label = text_input.get("label") or row.get("label") or ""
            key = label if label in typed else text_input["custom_id"]
            value = typed.get(key, text_input.get("value") or "")
            unknown.discard(key)
            problems += _text_input_problems(label, text_input, value)
            submitted.append({"type": 4, "custom_id": text_input["custom_id"], "value": value})
        if row.get("type") == 18:
            rows += [{"type": 18, "id": row.get("id"), "component": c} for c in submitted]
        elif submitted:
            rows.append({"type": 1, "components": submitted})
    if unknown:
        raise AssertionError(f"the modal has no text inputs {sorted(unknown)}")
    if problems:
        raise AssertionError(f"the client would not submit this modal: {problems}")
    return {"custom_id": modal["custom_id"], "components": rows}


def _text_input_problems(label: str, text_input: Json, value: str) -> list[str]:
    low = text_input.get("min_length", 0)
    high = text_input.get("max_length", 4000)
    if not value:
        return [f"{label!r} is required"] if text_input.get("required", True) else []
    if not low <= len(value) <= high:
        return [f"{label!r}: {len(value)} characters, allowed {low}-{high}"]
    return []
