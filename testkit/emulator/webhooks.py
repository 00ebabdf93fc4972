"""Interaction responses: the callback, then followups and edits through the webhook routes.

Discord's rules are enforced: one callback per interaction, within the deadline (3 s); no
followup before the callback; callback types must suit the interaction type.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import responses as r
from .attachments import Upload, attach, kept_attachments, read_body, upload_problems
from .interactions import (
    CALLBACK_DEFER,
    CALLBACK_DEFER_UPDATE,
    CALLBACK_MESSAGE,
    CALLBACK_UPDATE,
    EPHEMERAL,
    LOADING,
    InteractionHandle,
)
from .rest import apply_edit, read_message
from .validation import callback_problems

if TYPE_CHECKING:
    from .server import DiscordEmulator

Json = dict[str, Any]
MESSAGE_CALLBACKS = (CALLBACK_MESSAGE, CALLBACK_UPDATE)  # the callbacks that carry a message


class InteractionRoutes:
    def __init__(self, emu: DiscordEmulator) -> None:
        self.emu = emu
        self.world = emu.world

    def register(self, app: web.Application, base: str) -> None:
        add = app.router.add_route
        add(
            "POST",
            f"{base}/interactions/{{interaction_id}}/{{token}}/callback",
            self.callback,
            name="callback",
        )
        hook = f"{base}/webhooks/{{app_id}}/{{token}}"
        add("POST", hook, self.followup, name="followup")
        add("GET", hook + "/messages/{message_id}", self.get_message, name="webhook_message_get")
        add("PATCH", hook + "/messages/{message_id}", self.edit_message, name="webhook_message")
        add(
            "DELETE",
            hook + "/messages/{message_id}",
            self.delete_message,
            name="webhook_message_delete",
        )

    # --- the callback --------------------------------------------------------------------------

    async def callback(self, request: web.Request) -> web.Response:
        handle = self.emu.interactions.get(int(request.match_info["interaction_id"]))
        if handle is None or handle.token != request.match_info["token"]:
            return r.error(404, r.UNKNOWN_INTERACTION, "Unknown interaction")
        if handle.acknowledged:
            return r.error(
                400, r.ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."
            )
        waited = time.perf_counter() - (handle.dispatched_at or 0.0)
        if waited > self.emu.callback_deadline:
            self.emu.violations.append(f"callback {waited:.2f}s after dispatch: token expired")
            return r.error(404, r.UNKNOWN_INTERACTION, "Unknown interaction")
        body, uploads = await read_body(request)
        problems = callback_problems(handle.type, body)
        data = (body.get("data") or {}) if isinstance(body, dict) else {}
        if uploads and body.get("type") not in MESSAGE_CALLBACKS:
            problems.append(f"files: callback type {body.get('type')} carries no message")
        problems += upload_problems(data, uploads, self._size_limit(handle))
        if problems:
            handle.record("rejected", body)
            return self.emu.reject(request, problems)
        if body["type"] in MESSAGE_CALLBACKS:
            self.emu.check_mentions(request, data)
        handle.callback = body
        message = self._apply_callback(handle, body["type"], data)
        if message is not None and body["type"] in MESSAGE_CALLBACKS:
            self._attach(handle, message, data, uploads)
        handle.record("callback", body)
        if "with_response" not in request.query:
            return r.no_content()
        result: Json = {
            "interaction": {
                "id": str(handle.id),
                "type": handle.type,
                "response_message_loading": body["type"] == CALLBACK_DEFER,
                "response_message_ephemeral": bool(message and message.get("flags", 0) & EPHEMERAL),
            }
        }
        if message is not None:
            result["interaction"]["response_message_id"] = message["id"]
            result["resource"] = {"type": body["type"], "message": message}
        return r.json_response(result)

    def _apply_callback(self, handle: InteractionHandle, kind: int, data: Json) -> Json | None:
        channel = self.world.channels[int(handle.payload["channel_id"])]
        metadata = {"interaction_metadata": self._metadata(handle)}
        if kind == CALLBACK_MESSAGE:
            handle.original = self.world.message_payload(channel, self.world.bot, data, **metadata)
        elif kind == CALLBACK_DEFER:
            loading = {"flags": LOADING | (data.get("flags", 0) & EPHEMERAL)}
            handle.original = self.world.message_payload(
                channel, self.world.bot, loading, **metadata
            )
        elif kind in (CALLBACK_UPDATE, CALLBACK_DEFER_UPDATE):
            target = self.world.messages.get(int(handle.payload["message"]["id"]))
            if target is None:  # an ephemeral message the emulator never stored
                target = handle.payload["message"]
            if kind == CALLBACK_UPDATE:
                apply_edit(target, data)
            handle.original = target
        else:
            return None
        self.world.messages[int(handle.original["id"])] = handle.original
        return handle.original

    @staticmethod
    def _size_limit(handle: InteractionHandle) -> int:
        return int(handle.payload["attachment_size_limit"])

    def _attach(
        self, handle: InteractionHandle, message: Json, body: Json, uploads: list[Upload]
    ) -> None:
        channel_id = int(handle.payload["channel_id"])
        kept = kept_attachments(message.get("attachments") or [], body)
        message["attachments"] = kept + attach(self.emu.cdn, channel_id, body, uploads)

    def _metadata(self, handle: InteractionHandle) -> Json:
        user = handle.payload.get("member", {}).get("user") or handle.payload.get("user")
        return {
            "id": str(handle.id),
            "type": handle.type,
            "user": user,
            "authorizing_integration_owners": {},
        }

    # --- followups and edits -------------------------------------------------------------------

    def _handle(self, request: web.Request) -> InteractionHandle | web.Response:
        handle = self.emu.by_token.get(request.match_info["token"])
        if handle is None or int(request.match_info["app_id"]) != self.world.application_id:
            return r.error(404, r.UNKNOWN_WEBHOOK, "Unknown Webhook")
        if not handle.acknowledged:
            # Discord creates the webhook only once the interaction is acknowledged.
            return r.error(404, r.UNKNOWN_WEBHOOK, "Unknown Webhook")
        return handle

    async def followup(self, request: web.Request) -> web.Response:
        handle = self._handle(request)
        if isinstance(handle, web.Response):
            return handle
        read = await read_message(
            self.emu, request, creating=True, interaction=True, size_limit=self._size_limit(handle)
        )
        if isinstance(read, web.Response):
            return read
        body, uploads = read
        channel = self.world.channels[int(handle.payload["channel_id"])]
        flags = {"flags": body.get("flags", 0) & EPHEMERAL}
        message = self.world.message_payload(
            channel, self.world.bot, body | flags, interaction_metadata=self._metadata(handle)
        )
        self._attach(handle, message, body, uploads)
        self.world.messages[int(message["id"])] = message
        handle.followups.append(message)
        handle.record("followup", body)
        if request.query.get("wait") in ("true", "1", "True"):
            return r.json_response(message)
        return r.no_content()

    def _target(self, request: web.Request) -> tuple[InteractionHandle, Json] | web.Response:
        """The interaction and its message that the route names ("@original" or a followup)."""
        handle = self._handle(request)
        if isinstance(handle, web.Response):
            return handle
        message_id = request.match_info["message_id"]
        if message_id == "@original" and handle.original is not None:
            return handle, handle.original
        for message in handle.followups:
            if message["id"] == message_id:
                return handle, message
        return r.error(404, r.UNKNOWN_MESSAGE, "Unknown Message")

    async def get_message(self, request: web.Request) -> web.Response:
        target = self._target(request)
        if isinstance(target, web.Response):
            return target
        return r.json_response(target[1])

    async def edit_message(self, request: web.Request) -> web.Response:
        target = self._target(request)
        if isinstance(target, web.Response):
            return target
        handle, message = target
        read = await read_message(
            self.emu, request, creating=False, interaction=True, size_limit=self._size_limit(handle)
        )
        if isinstance(read, web.Response):
            return read
        body, uploads = read
        apply_edit(message, body)
        self._attach(handle, message, body, uploads)
        message["flags"] = message.get("flags", 0) & ~LOADING
        handle.record("edit", body)
        return r.json_response(message)

    async def delete_message(self, request: web.Request) -> web.Response:
        target = self._target(request)
        if isinstance(target, web.Response):
            return target
        handle, message = target
        self.world.messages.pop(int(message["id"]), None)
        if message is handle.original:
            handle.original = None
        else:
            handle.followups.remove(message)
        handle.record("delete", {"id": message["id"]})
        return r.no_content()
