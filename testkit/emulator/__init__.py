"""A small Discord API emulator for end-to-end tests of the real discord.py client.

It listens on 127.0.0.1 only and serves:

- REST (`rest.py`, `webhooks.py`, `guild_routes.py`): login, application info, command sync,
  interaction callbacks, followups and original-response edits, channel messages, DM channels,
  a guild with its roles and members;
- the gateway websocket (`gateway.py`): HELLO, heartbeats, IDENTIFY → READY → GUILD_CREATE,
  dispatches, RESUME with replay, RECONNECT, INVALID_SESSION, dropped sockets;
- checks (`validation.py`, `mentions.py`) that reject what Discord would reject (command rules,
  content/embed/component limits, autocomplete choices) and flag any message that could ping;
- fault injection (`faults.py`): 429 with retry_after, 5xx.

Typical use (see tests/discord/conftest.py)::

    async with DiscordEmulator() as emu:
        with discord_py_pointed_at(emu):
            ... start the bot ...
            handle = await emu.slash("ask", {"question": "is it real?"}, user=emu.member("ann"))
            message = await handle.answer()
        assert emu.violations == []
"""

from .interactions import InteractionHandle
from .patching import discord_py_pointed_at
from .server import DiscordEmulator

__all__ = ["DiscordEmulator", "InteractionHandle", "discord_py_pointed_at"]
