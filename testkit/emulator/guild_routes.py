"""REST routes for what a bot may read about its servers: the guild, its roles, one member.

Discord answers 404 Unknown Guild for an id that names no server and 403 Missing Access for a
server the bot is not in; the emulator does the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import responses as r
from .state import Guild

if TYPE_CHECKING:
    from .server import DiscordEmulator

UNKNOWN_GUILD = 10004
UNKNOWN_MEMBER = 10007


class GuildRoutes:
    def __init__(self, emu: DiscordEmulator) -> None:
        self.world = emu.world

    def register(self, app: web.Application, base: str) -> None:
        add = app.router.add_route
        guild = f"{base}/guilds/{{guild_id}}"
        add("GET", guild, self.get_guild, name="get_guild")
        add("GET", f"{guild}/roles", self.get_roles, name="get_roles")
        add("GET", f"{guild}/members/{{user_id}}", self.get_member, name="get_member")

    def _guild(self, request: web.Request) -> Guild | web.Response:
        guild = self.world.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            return r.error(404, UNKNOWN_GUILD, "Unknown Guild")
        if self.world.bot.id not in guild.members:
            return r.error(403, r.MISSING_ACCESS, "Missing Access")
        return guild

    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if isinstance(guild, web.Response):
            return guild
        data = guild.payload()
        # A REST guild has no member, channel or presence lists (those come over the gateway).
        for key in ("members", "channels", "threads", "presences", "voice_states"):
            data.pop(key, None)
        return r.json_response(data)

    async def get_roles(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if isinstance(guild, web.Response):
            return guild
        return r.json_response([role.payload(n) for n, role in enumerate(guild.roles)])

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if isinstance(guild, web.Response):
            return guild
        user = guild.members.get(int(request.match_info["user_id"]))
        if user is None:
            return r.error(404, UNKNOWN_MEMBER, "Unknown Member")
        return r.json_response(guild.member_payload(user))
