"""REST routes for everything except interactions: login, application info, command sync,
channel messages and DM channels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import responses as r
from .attachments import Upload, attach, kept_attachments, read_body, upload_problems
from .command_rules import command_set_problems
from .state import ATTACHMENT_SIZE_LIMIT, Channel
from .validation import message_problems

if TYPE_CHECKING:
    from .server import DiscordEmulator

Json = dict[str, Any]


class CoreRoutes:
    def __init__(self, emu: DiscordEmulator) -> None:
        self.emu = emu
        self.world = emu.world

    def register(self, app: web.Application, base: str) -> None:
        add = app.router.add_route
        add("GET", f"{base}/users/@me", self.get_me, name="get_me")
        add("GET", f"{base}/oauth2/applications/@me", self.app_info, name="app_info")
        add("GET", f"{base}/applications/@me", self.app_info, name="app_info_current")
        add("GET", f"{base}/gateway", self.gateway_url, name="gateway")
        add("GET", f"{base}/gateway/bot", self.gateway_url, name="gateway_bot")
        commands = f"{base}/applications/{{app_id}}/commands"
        add("GET", commands, self.get_commands, name="global_commands_get")
        add("PUT", commands, self.put_commands, name="global_commands")
        guild_commands = f"{base}/applications/{{app_id}}/guilds/{{guild_id}}/commands"
        add("GET", guild_commands, self.get_commands, name="guild_commands_get")
        add("PUT", guild_commands, self.put_commands, name="guild_commands")
        add("GET", f"{base}/channels/{{channel_id}}", self.get_channel, name="get_channel")
        messages = f"{base}/channels/{{channel_id}}/messages"
        add("POST", messages, self.create_message, name="channel_message")
        add("GET", messages + "/{message_id}", self.get_message, name="get_message")
        add("PATCH", messages + "/{message_id}", self.edit_message, name="edit_message")
        add("DELETE", messages + "/{message_id}", self.delete_message, name="delete_message")
        add("POST", f"{base}/channels/{{channel_id}}/typing", self.typing, name="typing")
        add("POST", f"{base}/users/@me/channels", self.open_dm, name="dm_channel")

    # --- identity ------------------------------------------------------------------------------

    async def get_me(self, request: web.Request) -> web.Response:
        return r.json_response(self.world.bot.payload() | {"verified": True, "flags": 0})

    async def app_info(self, request: web.Request) -> web.Response:
        return r.json_response(
            {
                "id": str(self.world.application_id),
                "name": self.world.bot.username,
                "description": "emulated application",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self.world.owner.payload(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": self.emu.application_flags,
                "bot": self.world.bot.payload(),
            }
        )

    async def gateway_url(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return r.json_response(
            {"url": self.emu.gateway_url, "shards": 1, "session_start_limit": limit}
        )

    # --- commands ------------------------------------------------------------------------------

    def _command_list(self, request: web.Request) -> list[Json] | web.Response:
        if int(request.match_info["app_id"]) != self.world.application_id:
            return r.error(403, r.MISSING_ACCESS, "Missing Access")
        if "guild_id" not in request.match_info:
            return self.world.global_commands
        guild_id = int(request.match_info["guild_id"])
        if guild_id not in self.world.guilds:
            return r.error(403, r.MISSING_ACCESS, "Missing Access")
        return self.world.guild_commands.setdefault(guild_id, [])

    async def get_commands(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        if isinstance(current, web.Response):
            return current
        return r.json_response(current)

    async def put_commands(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        if isinstance(current, web.Response):
            return current
        body = await r.read_json(request)
        problems = command_set_problems(body)
        if problems:
            return self.emu.reject(request, problems)
        guild_id = request.match_info.get("guild_id")
        previous = {(c.get("type", 1), c["name"]): c["id"] for c in current}
        stored = []
        for command in body:
            kind = command.get("type", 1)
            command_id = previous.get((kind, command["name"])) or str(self.world.ids.next())
            stored.append(
                command
                | {
                    "id": command_id,
                    "application_id": str(self.world.application_id),
                    "type": kind,
                    "description": command.get("description", ""),
                    "version": str(self.world.ids.next()),
                    "default_member_permissions": command.get("default_member_permissions"),
                    **({"guild_id": guild_id} if guild_id else {}),
                }
            )
        current[:] = stored
        self.emu.command_syncs.append((int(guild_id) if guild_id else None, len(stored)))
        return r.json_response(stored)

    # --- channels and messages -----------------------------------------------------------------

    def _channel(self, request: web.Request) -> Channel | web.Response:
        channel = self.world.channels.get(int(request.match_info["channel_id"]))
        if channel is None:
            return r.error(404, r.UNKNOWN_CHANNEL, "Unknown Channel")
        return channel

    async def get_channel(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if isinstance(channel, web.Response):
            return channel
        return r.json_response(channel.payload())

    async def create_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if isinstance(channel, web.Response):
            return channel
        if channel.recipient is not None and not channel.recipient.dms_open:
            return r.error(403, r.CANNOT_MESSAGE_USER, "Cannot send messages to this user")
        read = await read_message(self.emu, request, creating=True)
        if isinstance(read, web.Response):
            return read
        body, uploads = read
        extra: Json = {}
        reference = body.get("message_reference")
        if reference:
            referenced = self.world.messages.get(int(reference["message_id"]))
            if referenced is None and reference.get("fail_if_not_exists", True):
                return r.invalid_form_body(["message_reference: Unknown message"])
            ids = {k: str(v) for k, v in reference.items() if k.endswith("_id") and v is not None}
            extra = {
                "type": 19,
                "message_reference": reference | ids | {"channel_id": str(channel.id)},
                "referenced_message": referenced,
            }
        message = self.world.message_payload(channel, self.world.bot, body, **extra)
        message["attachments"] = attach(self.emu.cdn, channel.id, body, uploads)
        self.world.messages[int(message["id"])] = message
        await self.emu.bot_posted(channel, message, body)
        return r.json_response(message)

    def _stored_message(self, request: web.Request) -> Json | web.Response:
        message = self.world.messages.get(int(request.match_info["message_id"]))
        if message is None or message["channel_id"] != request.match_info["channel_id"]:
            return r.error(404, r.UNKNOWN_MESSAGE, "Unknown Message")
        return message

    async def get_message(self, request: web.Request) -> web.Response:
        message = self._stored_message(request)
        if isinstance(message, web.Response):
            return message
        return r.json_response(message)

    async def edit_message(self, request: web.Request) -> web.Response:
        message = self._stored_message(request)
        if isinstance(message, web.Response):
            return message
        read = await read_message(self.emu, request, creating=False)
        if isinstance(read, web.Response):
            return read
        body, uploads = read
        apply_edit(message, body)
        kept = kept_attachments(message["attachments"], body)
        channel_id = int(message["channel_id"])
        message["attachments"] = kept + attach(self.emu.cdn, channel_id, body, uploads)
        return r.json_response(message)

    async def delete_message(self, request: web.Request) -> web.Response:
        message = self._stored_message(request)
        if isinstance(message, web.Response):
            return message
        del self.world.messages[int(message["id"])]
        return r.no_content()

    async def typing(self, request: web.Request) -> web.Response:
        return r.no_content()

    async def open_dm(self, request: web.Request) -> web.Response:
        body = await r.read_json(request)
        user = self.world.users.get(int(body.get("recipient_id", 0)))
        if user is None:
            return r.invalid_form_body(["recipient_id: Unknown user"])
        return r.json_response(self.world.dm_channel(user).payload())


async def read_message(
    emu: DiscordEmulator,
    request: web.Request,
    *,
    creating: bool,
    interaction: bool = False,
    size_limit: int = ATTACHMENT_SIZE_LIMIT,
) -> tuple[Json, list[Upload]] | web.Response:
    """A message the bot sends or edits (JSON, or multipart with files), or the 400 Discord
    would answer; mentions that could ping are recorded as violations."""
    body, uploads = await read_body(request)
    problems = message_problems(body, creating=creating, interaction=interaction)
    problems += upload_problems(body, uploads, size_limit)
    if problems:
        return emu.reject(request, problems)
    emu.check_mentions(request, body)
    return body, uploads


def apply_edit(message: Json, body: Json) -> None:
    for key in ("content", "embeds", "components"):
        if key in body:
            message[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
    if "flags" in body and body["flags"] is not None:
        # Only SUPPRESS_EMBEDS can change after sending; ephemeral/loading state is kept.
        message["flags"] = (message.get("flags", 0) & ~4) | (body["flags"] & 4)
    message["edited_timestamp"] = message["timestamp"]
