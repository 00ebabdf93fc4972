"""Point the real, unmodified discord.py at an emulator, and put it back afterwards.

discord.py keeps its REST base in `Route.BASE` and its gateway in
`DiscordWebSocket.DEFAULT_GATEWAY`; a plain Client never asks /gateway/bot.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from .server import DiscordEmulator


@contextmanager
def discord_py_pointed_at(emu: DiscordEmulator) -> Iterator[None]:
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = emu.base_url
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(emu.gateway_url)
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
