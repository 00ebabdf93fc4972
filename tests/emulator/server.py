"""The emulator itself: an aiohttp app on 127.0.0.1 serving REST and the gateway, plus the
test-facing API (members act; the test awaits what the bot does).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import interactions as ix
from .faults import FaultPlan, fault_response
from .gateway import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    Gateway,
)
from .interactions import InteractionHandle
from .mentions import mention_policy_problems
from .responses import invalid_form_body, unauthorized
from .rest import CoreRoutes
from .state import Channel, Json, Role, User, World
from .webhooks import InteractionRoutes

API_PREFIX = "/api/v10"
HOST = "127.0.0.1"  # loopback only, always
UNAUTHENTICATED_ROUTES = {
    "callback",
    "followup",
    "webhook_message_get",
    "webhook_message",
    "webhook_message_delete",
    "gateway",
}


class DiscordEmulator:
    def __init__(
        self,
        *,
        token: str = "emulated-bot-token",
        heartbeat_interval: float = 1.0,
        heartbeat_timeout: float = 20.0,
        privileged_intents: int = 0,
        callback_deadline: float = 3.0,
    ) -> None:
        self.token = token
        self.callback_deadline = callback_deadline
        self.application_flags = 0
        self.world = World.create()
        self.guild = self.world.add_guild("Test Guild", ("general", "random"))
        self.channel = self.guild.channels[0]
        self.interactions: dict[int, InteractionHandle] = {}
        self.by_token: dict[str, InteractionHandle] = {}
        self.violations: list[str] = []
        self.command_syncs: list[tuple[int | None, int]] = []
        self.requests: list[tuple[str, str]] = []
        self.bot_messages: list[Json] = []
        self.faults = FaultPlan()
        self._bot_message_posted = asyncio.Event()
        self._port = 0
        self._runner: web.AppRunner | None = None
        self.gateway = Gateway(
            self.world,
            token,
            heartbeat_interval=heartbeat_interval,
            heartbeat_timeout=heartbeat_timeout,
            privileged_intents=privileged_intents,
            resume_url=lambda: f"ws://{HOST}:{self._port}/resume",
        )

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> DiscordEmulator:
        app = web.Application(middlewares=[self._middleware])
        CoreRoutes(self).register(app, API_PREFIX)
        InteractionRoutes(self).register(app, API_PREFIX)
        app.router.add_get("/", self.gateway.handle, name="gateway_ws")
        app.router.add_get("/resume", self.gateway.handle, name="gateway_resume_ws")
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, HOST, 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> DiscordEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self._port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{HOST}:{self._port}/"

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        route = request.match_info.route.name or ""
        self.requests.append((request.method, route))
        fault = self.faults.take(route)
        if fault is not None:
            return fault_response(fault)
        if route.startswith("gateway_") or route in UNAUTHENTICATED_ROUTES:
            return await handler(request)
        if request.headers.get("Authorization") != f"Bot {self.token}":
            return unauthorized()
        return await handler(request)

    # --- what the bot sends: validation bookkeeping --------------------------------------------

    def reject(self, request: web.Request, problems: list[str]) -> web.Response:
        """Discord would answer 400: remember it so the test fails, and answer 400 too."""
        self.violations += [f"{request.method} {request.path}: {p}" for p in problems]
        return invalid_form_body(problems)

    def check_mentions(self, request: web.Request, body: Json) -> None:
        problems = mention_policy_problems(body)
        self.violations += [f"{request.method} {request.path}: {p}" for p in problems]

    async def bot_posted(self, channel: Channel, message: Json, body: Json) -> None:
        self.bot_messages.append(message)
        self._bot_message_posted.set()
        # Discord echoes the bot's own messages back over the gateway; the bot must ignore them.
        await self._dispatch_message(channel, message)

    # --- the world -----------------------------------------------------------------------------

    def member(self, name: str, *, bot: bool = False, roles: tuple[Role, ...] = ()) -> User:
        user = self.world.add_user(name, bot=bot)
        self.world.join(self.guild, user, roles)
        return user

    def role(self, name: str) -> Role:
        return self.world.add_role(self.guild, name)

    @property
    def bot_user(self) -> User:
        return self.world.bot

    def fail_next(
        self, route: str, status: int = 429, *, times: int = 1, retry_after: float = 0.05
    ) -> None:
        """Make the next `times` calls to a named route fail (route names: see rest/webhooks)."""
        self.faults.add(route, status, times, retry_after)

    # --- members act ---------------------------------------------------------------------------

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: User,
        channel: Channel | None = None,
    ) -> InteractionHandle:
        channel = channel or self.channel
        command = ix.find_command(self.world, name, 1, channel.guild_id)
        data = ix.chat_input_data(
            command, ix.command_options(command, options or {}), channel.guild_id
        )
        return await self._interact(ix.APPLICATION_COMMAND, data, user, channel)

    async def autocomplete(
        self,
        name: str,
        option: str,
        typed: str,
        *,
        user: User,
        others: dict[str, Any] | None = None,
        channel: Channel | None = None,
    ) -> InteractionHandle:
        channel = channel or self.channel
        command = ix.find_command(self.world, name, 1, channel.guild_id)
        values = (others or {}) | {option: typed}
        data = ix.chat_input_data(
            command, ix.command_options(command, values, focused=option), channel.guild_id
        )
        return await self._interact(ix.AUTOCOMPLETE, data, user, channel)

    async def message_command(
        self, name: str, target: Json, *, user: User, channel: Channel | None = None
    ) -> InteractionHandle:
        channel = channel or self.world.channels[int(target["channel_id"])]
        command = ix.find_command(self.world, name, 3, channel.guild_id)
        return await self._interact(
            ix.APPLICATION_COMMAND, ix.message_command_data(command, target), user, channel
        )

    async def click(self, message: Json, custom_id: str, *, user: User) -> InteractionHandle:
        channel = self.world.channels[int(message["channel_id"])]
        data = ix.component_data(message, custom_id)
        return await self._interact(ix.MESSAGE_COMPONENT, data, user, channel, message=message)

    async def submit_modal(
        self, custom_id: str, values: dict[str, str], *, user: User, channel: Channel | None = None
    ) -> InteractionHandle:
        data = ix.modal_data(custom_id, values)
        return await self._interact(ix.MODAL_SUBMIT, data, user, channel or self.channel)

    async def _interact(
        self, kind: int, data: Json, user: User, channel: Channel, **extra: Any
    ) -> InteractionHandle:
        payload = ix.base_payload(self.world, kind, data, user, channel) | extra
        handle = InteractionHandle(payload)
        self.interactions[handle.id] = handle
        self.by_token[handle.token] = handle
        handle.dispatched_at = time.perf_counter()
        handle.delivered_seq = await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return handle

    async def say(
        self,
        content: str,
        *,
        user: User,
        channel: Channel | None = None,
        mentions: tuple[User, ...] = (),
    ) -> Json:
        """A member posts in a guild channel (MESSAGE_CREATE)."""
        channel = channel or self.channel
        message = self.world.user_message(channel, user, content, mentions=mentions)
        await self._dispatch_message(channel, message)
        return message

    async def dm(self, content: str, *, user: User) -> Json:
        """A member writes to the bot in a DM."""
        channel = self.world.dm_channel(user)
        message = self.world.user_message(channel, user, content)
        await self._dispatch_message(channel, message)
        return message

    async def _dispatch_message(self, channel: Channel, message: Json) -> None:
        intent = INTENT_GUILD_MESSAGES if channel.guild_id else INTENT_DIRECT_MESSAGES
        await self.gateway.dispatch("MESSAGE_CREATE", self._as_seen_by_bot(message), intent=intent)

    def _as_seen_by_bot(self, message: Json) -> Json:
        """Without the MESSAGE_CONTENT intent a guild message arrives empty, unless it is the
        bot's own or mentions the bot (DMs always carry content)."""
        if "guild_id" not in message or self.gateway.has_intent(INTENT_MESSAGE_CONTENT):
            return message
        bot_id = str(self.world.bot.id)
        if message["author"]["id"] == bot_id or any(m["id"] == bot_id for m in message["mentions"]):
            return message
        return message | {"content": "", "embeds": [], "attachments": [], "components": []}

    # --- waiting for the bot -------------------------------------------------------------------

    async def wait_for_bot_message(self, channel: Channel, after: int = 0) -> Json:
        """The first message the bot posts in `channel` beyond the first `after` ones there."""
        deadline = time.monotonic() + ix.WAIT_SECONDS
        while True:
            posted = self.bot_messages_in(channel)
            if len(posted) > after:
                return posted[after]
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot posted nothing in channel {channel.id}")
            self._bot_message_posted.clear()
            try:
                await asyncio.wait_for(self._bot_message_posted.wait(), 0.5)
            except TimeoutError:
                continue

    def bot_messages_in(self, channel: Channel) -> list[Json]:
        return [m for m in self.bot_messages if m["channel_id"] == str(channel.id)]

    async def wait_until_connected(self) -> None:
        await asyncio.wait_for(self.gateway.ready.wait(), ix.WAIT_SECONDS)

    # --- gateway faults ------------------------------------------------------------------------

    async def drop_gateway(self, code: int = 4000) -> None:
        await self.gateway.drop(code)

    async def request_reconnect(self) -> None:
        await self.gateway.request_reconnect()

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        await self.gateway.invalidate_session(resumable=resumable)
