"""The emulator's guild routes through discord.py's own models: a guild the bot is in, its
roles, a member, channel overwrites, and Discord's errors for the rest."""

from __future__ import annotations

import discord
import pytest

from testkit.emulator import DiscordEmulator

from .conftest import RecordingClient


async def test_guild_roles_and_member_build_discord_py_models(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    mods = emu.role("Moderators", permissions=1 << 5)
    ann = emu.member("ann", roles=(mods,))
    guild = await client.fetch_guild(emu.guild.id)
    assert guild.name == "Test Guild"
    roles = {role.name: role for role in await guild.fetch_roles()}
    assert roles["Moderators"].permissions.manage_guild
    member = await guild.fetch_member(ann.id)
    assert [role.id for role in member.roles if not role.is_default()] == [mods.id]


async def test_channel_overwrites_reach_the_bot(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    emu.channel.overwrites = [
        {"id": str(emu.guild.id), "type": 0, "allow": "0", "deny": str(1 << 14)}
    ]
    channel = await client.fetch_channel(emu.channel.id)
    assert isinstance(channel, discord.TextChannel)
    (overwrite,) = channel.overwrites.values()
    assert overwrite.embed_links is False


async def test_servers_the_bot_is_not_in_and_unknown_ids(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    elsewhere = emu.world.add_guild("Elsewhere")
    del elsewhere.members[emu.bot_user.id]
    with pytest.raises(discord.Forbidden):
        await client.fetch_guild(elsewhere.id)
    with pytest.raises(discord.NotFound):
        await client.fetch_guild(4242)
    with pytest.raises(discord.NotFound):
        await client.http.get_member(emu.guild.id, 4242)
