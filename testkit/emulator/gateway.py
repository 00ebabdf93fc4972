"""The gateway websocket: HELLO, heartbeats, IDENTIFY → READY → GUILD_CREATE, dispatches,
RESUME with replay, and the faults a real gateway produces (drop, RECONNECT, INVALID_SESSION).

Frames are plain JSON text: discord.py accepts text frames even when it asked for zlib-stream.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from .state import World

log = logging.getLogger(__name__)

Json = dict[str, Any]

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT = 0, 1, 2, 6, 7
REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 8, 9, 10, 11

INTENT_GUILDS = 1 << 0
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | INTENT_MESSAGE_CONTENT
REPLAY_BUFFER = 20_000


@dataclass
class Session:
    id: str
    intents: int
    seq: int = 0
    sent: deque[Json] = field(default_factory=lambda: deque(maxlen=REPLAY_BUFFER))
    ws: web.WebSocketResponse | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass
class Connection:
    """One websocket the client opened: which URL path, and whether it identified or resumed."""

    path: str
    opening: str = ""  # "identify" or "resume"
    resumed_from_seq: int | None = None
    replayed: int = 0


class Gateway:
    def __init__(
        self,
        world: World,
        token: str,
        *,
        heartbeat_interval: float,
        heartbeat_timeout: float,
        privileged_intents: int,
        resume_url: Callable[[], str],
    ) -> None:
        self.world = world
        self.token = token
        self.heartbeat_interval = heartbeat_interval
        self.heartbeat_timeout = heartbeat_timeout
        self.privileged_intents = privileged_intents
        self.resume_url = resume_url
        self.session: Session | None = None
        self.sessions: dict[str, Session] = {}
        self.connections: list[Connection] = []
        self.heartbeats = 0
        self.ready = asyncio.Event()
        self._sockets: set[web.WebSocketResponse] = set()
        self._stalled: set[web.WebSocketResponse] = set()

    # --- the websocket handler ---------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        self._sockets.add(ws)
        connection = Connection(path=request.path)
        self.connections.append(connection)
        try:
            await self._send(ws, {"op": HELLO, "d": {"heartbeat_interval": self._interval_ms()}})
            await self._serve(ws, connection)
        finally:
            self._sockets.discard(ws)
            self._stalled.discard(ws)
            for session in self.sessions.values():
                if session.ws is ws:
                    session.ws = None
        return ws

    async def _serve(self, ws: web.WebSocketResponse, connection: Connection) -> None:
        while not ws.closed:
            try:
                message = await ws.receive(timeout=self.heartbeat_timeout)
            except TimeoutError:
                await ws.close(code=4009, message=b"Session timed out")
                return
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                return
            if message.type is WSMsgType.ERROR:
                return
            if message.type is not WSMsgType.TEXT:
                await ws.close(code=4002, message=b"Decode error")
                return
            frame = json.loads(message.data)
            await self._on_frame(ws, connection, frame)

    async def _on_frame(
        self, ws: web.WebSocketResponse, connection: Connection, frame: Json
    ) -> None:
        op, data = frame.get("op"), frame.get("d")
        if ws in self._stalled:
            return  # a stalled connection hears nothing and answers nothing
        if op == HEARTBEAT:
            self.heartbeats += 1
            await self._send(ws, {"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            if connection.opening:
                await ws.close(code=4005, message=b"Already authenticated")
                return
            connection.opening = "identify"
            await self._identify(ws, data or {})
        elif op == RESUME:
            connection.opening = "resume"
            await self._resume(ws, connection, data or {})
        elif op == REQUEST_MEMBERS:
            await self._members_chunk(data or {})
        elif not connection.opening:
            await ws.close(code=4003, message=b"Not authenticated")

    async def _identify(self, ws: web.WebSocketResponse, data: Json) -> None:
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed")
            return
        intents = data.get("intents")
        if not isinstance(intents, int):
            await ws.close(code=4013, message=b"Invalid intent(s)")
            return
        if intents & PRIVILEGED_INTENTS & ~self.privileged_intents:
            await ws.close(code=4014, message=b"Disallowed intent(s)")
            return
        session = Session(id=secrets.token_hex(16), intents=intents, ws=ws)
        self.sessions[session.id] = session
        self.session = session
        await self.dispatch("READY", self._ready_payload(session))
        if intents & INTENT_GUILDS:
            for guild in self.world.guilds.values():
                await self.dispatch("GUILD_CREATE", guild.payload())
        self.ready.set()

    async def _resume(self, ws: web.WebSocketResponse, connection: Connection, data: Json) -> None:
        session = self.sessions.get(str(data.get("session_id")))
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed")
            return
        if session is None:
            await self._send(ws, {"op": INVALID_SESSION, "d": False})
            return
        seq = data.get("seq") or 0
        connection.resumed_from_seq = seq
        async with session.lock:
            missed = [frame for frame in session.sent if frame["s"] > seq]
            for frame in missed:
                await self._send(ws, frame)
            connection.replayed = len(missed)
            session.ws = ws
        self.session = session
        await self.dispatch("RESUMED", {})
        self.ready.set()

    async def _members_chunk(self, data: Json) -> None:
        guild = self.world.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        chunk = {
            "guild_id": str(guild.id),
            "members": [guild.member_payload(user) for user in guild.members.values()],
            "chunk_index": 0,
            "chunk_count": 1,
            "nonce": data.get("nonce"),
        }
        await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    def _ready_payload(self, session: Session) -> Json:
        user = self.world.bot.payload() | {"verified": True, "mfa_enabled": False, "flags": 0}
        return {
            "v": 10,
            "user": user,
            "guilds": [{"id": str(gid), "unavailable": True} for gid in self.world.guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_url(),
            "application": {"id": str(self.world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
        }

    def _interval_ms(self) -> int:
        return int(self.heartbeat_interval * 1000)

    # --- sending -------------------------------------------------------------------------------

    @staticmethod
    async def _send(ws: web.WebSocketResponse, frame: Json) -> None:
        if ws.closed:
            return
        try:
            await ws.send_str(json.dumps(frame))
        except ConnectionError:
            log.debug("gateway socket went away while sending op %s", frame.get("op"))

    async def dispatch(self, event: str, data: Json, *, intent: int = 0) -> int | None:
        """Send an event to the current session, or keep it for replay while it is away.

        Returns its sequence number, or None when the session's intents exclude it.
        """
        session = self.session
        if session is None:
            raise RuntimeError("no gateway session: the client has not identified yet")
        if intent and not session.intents & intent:
            return None
        async with session.lock:
            session.seq += 1
            frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
            session.sent.append(frame)
            if session.ws is not None:
                await self._send(session.ws, frame)
            return session.seq

    def has_intent(self, intent: int) -> bool:
        return self.session is not None and bool(self.session.intents & intent)

    # --- faults --------------------------------------------------------------------------------

    def _detach(self) -> web.WebSocketResponse | None:
        """Stop sending to the current socket; later dispatches wait for a RESUME."""
        if self.session is None or self.session.ws is None:
            return None
        ws, self.session.ws = self.session.ws, None
        self.ready.clear()
        return ws

    async def drop(self, code: int = 4000) -> None:
        """Close the socket under the client, as a network failure or gateway restart would."""
        ws = self._detach()
        if ws is not None:
            await ws.close(code=code, message=b"dropped by the emulator")

    def stall(self) -> None:
        """Keep the socket open but silent, as a half-open connection is: the client must
        notice that nothing arrives, close it and resume; events wait for the resume."""
        ws = self._detach()
        if ws is not None:
            self._stalled.add(ws)

    async def request_reconnect(self) -> None:
        ws = self._detach()
        if ws is not None:
            await self._send(ws, {"op": RECONNECT, "d": None})

    async def invalidate_session(self, *, resumable: bool) -> None:
        session = self.session
        ws = self._detach()
        if not resumable and session is not None:
            self.sessions.pop(session.id, None)
        if ws is not None:
            await self._send(ws, {"op": INVALID_SESSION, "d": resumable})

    async def close(self) -> None:
        for ws in list(self._sockets):
            await ws.close(code=1001, message=b"emulator shutting down")
