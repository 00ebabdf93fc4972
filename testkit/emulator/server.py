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
from .attachments import Cdn
from .faults import FaultPlan, fault_response
from .gateway import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    Gateway,
)
from .guild_routes import GuildRoutes
from .interactions import InteractionHandle
from .mentions import mention_policy_problems
from .responses import invalid_form_body, unauthorized
from .rest import CoreRoutes
from .state import Channel, Guild, Json, Role, User, World
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
    "cdn",
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
        self._world_events: list[tuple[str, Json]] = []
        self.cdn = Cdn(self.world, lambda: f"http://{HOST}:{self._port}")
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
        GuildRoutes(self).register(app, API_PREFIX)
        self.cdn.register(app)
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
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        elif fault is not None:
            return fault_response(fault)
        public = route.startswith("gateway_") or route in UNAUTHENTICATED_ROUTES
        if not public and request.headers.get("Authorization") != f"Bot {self.token}":
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

    def forget_history(self) -> None:
        """Drop the records of finished exchanges (interactions, requests, posted messages),
        so a long soak measures the bot's memory, not the emulator's bookkeeping."""
        self.interactions.clear()
        self.by_token.clear()
        self.requests.clear()
        self.bot_messages.clear()
        self.faults.served.clear()
        self.world.messages.clear()
        if self.gateway.session is not None and self.gateway.session.ws is not None:
            self.gateway.session.sent.clear()  # acknowledged by now; nothing left to replay

    # --- the world -----------------------------------------------------------------------------

    def member(
        self,
        name: str,
        *,
        bot: bool = False,
        roles: tuple[Role, ...] = (),
        permissions: int = 0,
        guild: Guild | None = None,
        user: User | None = None,
        locale: str | None = None,
    ) -> User:
        """A new member of the guild (the test guild unless `guild` is given; `user` joins an
        existing user instead of a new one). `permissions` (bits, see permissions.py) are
        granted the way Discord grants them: through a role of their own, "<name> permissions".
        `locale`: the language of their Discord client (e.g. "es-ES"), sent with interactions."""
        guild = guild or self.guild
        user = user or self.world.add_user(name, bot=bot)
        if locale is not None:
            user.locale = locale
        if permissions:
            roles = (*roles, self.role(f"{name} permissions", permissions=permissions, guild=guild))
        self.world.join(guild, user, roles)
        return user

    def role(self, name: str, *, permissions: int = 0, guild: Guild | None = None) -> Role:
        """A new guild role; a connected bot hears of it (GUILD_ROLE_CREATE) before the next
        thing a member does."""
        guild = guild or self.guild
        role = self.world.add_role(guild, name, permissions)
        if self.gateway.session is not None:
            position = len(guild.roles) - 1
            event = {"guild_id": str(guild.id), "role": role.payload(position)}
            self._world_events.append(("GUILD_ROLE_CREATE", event))
        return role

    def add_guild(self, name: str, *, owner: User | None = None) -> Guild:
        """Another server the bot is invited to (its owner has every permission there); a
        connected bot hears of it (GUILD_CREATE) before the next thing a member does."""
        guild = self.world.add_guild(name)
        if owner is not None:
            guild.owner_id = owner.id
            self.world.join(guild, owner)
        if self.gateway.session is not None:
            self._world_events.append(("GUILD_CREATE", guild.payload()))
        return guild

    def permit_command(
        self, name: str, *, role: Role | None = None, user: User | None = None, allow: bool = True
    ) -> None:
        """A server admin's override in Server Settings → Integrations: allow (or deny) a
        synced command for a role, a user, or (neither given) @everyone."""
        command = ix.find_command(self.world, name, 1, self.guild.id)
        target = user.id if user else role.id if role else self.guild.id
        self.guild.command_permissions.setdefault(command["id"], {})[target] = allow

    def attachment(
        self, filename: str, data: bytes, *, content_type: str = "application/octet-stream"
    ) -> Json:
        """A file a member picks for an ATTACHMENT option, uploaded to the emulator's CDN."""
        return self.cdn.add(self.channel.id, filename, data, content_type)

    @property
    def bot_user(self) -> User:
        return self.world.bot

    def fail_next(
        self, route: str, status: int = 429, *, times: int = 1, retry_after: float = 0.05
    ) -> None:
        """Make the next `times` calls to a named route fail (route names: see rest/webhooks)."""
        self.faults.add(route, status, times, retry_after)

    def slow_next(self, route: str, seconds: float, *, times: int = 1) -> None:
        """Serve the next `times` calls to a named route normally, but `seconds` late."""
        self.faults.add(route, 0, times, 0.0, delay=seconds)

    # --- members act ---------------------------------------------------------------------------

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: User,
        channel: Channel | None = None,
        forged: bool = False,
    ) -> InteractionHandle:
        """`name` may name a subcommand as Discord shows it: "kb show". `forged`: send it even
        where Discord would not (a command registered in another server, or hidden from this
        member), as a hostile client or a Discord bug might; the bot's own checks must hold."""
        return await self._chat_input(
            ix.APPLICATION_COMMAND, name, options or {}, None, user, channel, forged
        )

    async def autocomplete(
        self,
        name: str,
        option: str,
        typed: str,
        *,
        user: User,
        others: dict[str, Any] | None = None,
        channel: Channel | None = None,
        forged: bool = False,
    ) -> InteractionHandle:
        values = (others or {}) | {option: typed}
        return await self._chat_input(ix.AUTOCOMPLETE, name, values, option, user, channel, forged)

    async def _chat_input(
        self,
        kind: int,
        name: str,
        values: dict[str, Any],
        focused: str | None,
        user: User,
        channel: Channel | None,
        forged: bool = False,
    ) -> InteractionHandle:
        channel = channel or self.channel
        top, *path = name.split()
        if forged:
            command = ix.any_command(self.world, top, 1)
        else:
            command = ix.usable_command(self.world, top, 1, user, channel)
        chain, leaf = ix.subcommand_path(command, path)
        resolved: Json = {}
        options = ix.command_options(leaf, values, focused=focused, resolved=resolved)
        data = ix.chat_input_data(
            command, options, channel.guild_id, chain=chain, resolved=resolved
        )
        return await self._interact(kind, data, user, channel)

    async def message_command(
        self, name: str, target: Json, *, user: User, channel: Channel | None = None
    ) -> InteractionHandle:
        channel = channel or self.world.channels[int(target["channel_id"])]
        command = ix.usable_command(self.world, name, 3, user, channel)
        return await self._interact(
            ix.APPLICATION_COMMAND, ix.message_command_data(command, target), user, channel
        )

    async def click(
        self, message: Json, custom_id: str, *, user: User, values: list[str] | None = None
    ) -> InteractionHandle:
        """Press a button, or (with `values`) pick options in a select menu."""
        channel = self.world.channels[int(message["channel_id"])]
        data = ix.component_data(message, custom_id, values)
        return await self._interact(ix.MESSAGE_COMPONENT, data, user, channel, message=message)

    async def submit_modal(
        self, custom_id: str, values: dict[str, str], *, user: User, channel: Channel | None = None
    ) -> InteractionHandle:
        """Submit by custom_ids: the modal's own and its text inputs' (see `fill_modal`)."""
        data = ix.modal_data(custom_id, values)
        return await self._interact(ix.MODAL_SUBMIT, data, user, channel or self.channel)

    async def fill_modal(
        self, opened: InteractionHandle, typed: dict[str, str] | None = None, *, user: User
    ) -> InteractionHandle:
        """Submit the modal the bot opened in answer to `opened`, as the member's client does:
        every input keeps its prefilled value unless `typed` (label → text) replaces it."""
        body = await opened.callback_body()
        assert body["type"] == ix.CALLBACK_MODAL, f"expected a modal, got {body}"
        channel = self.world.channels[int(opened.payload["channel_id"])]
        data = ix.filled_modal(body["data"], typed or {})
        return await self._interact(ix.MODAL_SUBMIT, data, user, channel)

    async def _interact(
        self, kind: int, data: Json, user: User, channel: Channel, **extra: Any
    ) -> InteractionHandle:
        await self._flush_world_events()
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

    async def _flush_world_events(self) -> None:
        while self._world_events:
            event, data = self._world_events.pop(0)
            await self.gateway.dispatch(event, data, intent=INTENT_GUILDS)

    async def _dispatch_message(self, channel: Channel, message: Json) -> None:
        await self._flush_world_events()
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

    def stall_gateway(self) -> None:
        """The connection goes silent (a half-open socket): no ACKs, no events."""
        self.gateway.stall()
