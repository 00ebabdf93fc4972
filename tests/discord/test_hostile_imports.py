"""/kb import of hostile files: refused clearly, parsed off the event loop, nothing changed."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator
from testkit.emulator.permissions import MANAGE_GUILD

TOPIC = b'topic = "T"\n'


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("deep.toml", TOPIC + b"x = " + b"[" * 3000 + b"]" * 3000 + b"\n", "nested more than"),
        ("dots.toml", TOPIC + b".".join([b"k"] * 3000) + b" = 1\n", "dotted parts"),
        ("..toml", TOPIC, "letters, digits"),
        ("a\\..\\b.toml", TOPIC, "letters, digits"),
    ],
)
async def test_hostile_import_is_refused_with_a_clear_message(
    emu: DiscordEmulator, bot: PolicyBot, engine: Engine, name: str, data: bytes, expected: str
) -> None:
    before = engine.export_files()
    manager = emu.member("sam", permissions=MANAGE_GUILD)
    upload = emu.attachment(name, data)
    handle = await emu.slash("kb import", {"file": upload}, user=manager)
    reply = await handle.answer()
    assert reply["content"].startswith("Not changed") and expected in reply["content"]
    assert engine.export_files() == before
