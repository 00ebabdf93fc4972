"""The emulator's gateway as a real discord.Client sees it."""

from __future__ import annotations

import asyncio

import discord
import pytest

from testkit.emulator import DiscordEmulator

from .conftest import RecordingClient, start


async def test_login_ready_and_guild(emu: DiscordEmulator, client: RecordingClient) -> None:
    assert client.user is not None and client.user.id == emu.bot_user.id
    assert client.application_id == emu.world.application_id
    guild = client.get_guild(emu.guild.id)
    assert guild is not None and {c.name for c in guild.text_channels} == {"general", "random"}
    assert [c.opening for c in emu.gateway.connections] == ["identify"]
    assert emu.gateway.heartbeats >= 1


async def test_guild_message_without_content_intent_arrives_empty(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    ann = emu.member("ann")
    await emu.say("just chatting", user=ann)
    plain = await client.next_message()
    await emu.say(f"<@{emu.bot_user.id}> hello bot", user=ann, mentions=(emu.bot_user,))
    mentioned = await client.next_message()
    assert plain.content == ""
    assert mentioned.content.endswith("hello bot") and client.user in mentioned.mentions


async def test_dm_carries_content(emu: DiscordEmulator, client: RecordingClient) -> None:
    ann = emu.member("ann")
    await emu.dm("a private question", user=ann)
    message = await client.next_message()
    assert message.content == "a private question"
    assert isinstance(message.channel, discord.DMChannel) and message.author.id == ann.id


async def test_drop_then_resume_replays_missed_events(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    ann = emu.member("ann")
    await emu.drop_gateway()
    await emu.dm("sent while the socket was down", user=ann)
    message = await client.next_message()
    assert message.content == "sent while the socket was down"
    resumed = emu.gateway.connections[-1]
    assert (resumed.opening, resumed.path) == ("resume", "/resume")
    assert resumed.replayed >= 1


async def test_reconnect_request_resumes(emu: DiscordEmulator, client: RecordingClient) -> None:
    await emu.request_reconnect()
    await emu.wait_until_connected()
    await emu.dm("after op 7", user=emu.member("ann"))
    assert (await client.next_message()).content == "after op 7"
    assert emu.gateway.connections[-1].opening == "resume"


async def test_invalid_session_forces_a_new_identify(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    first_session = emu.gateway.session
    await emu.invalidate_session(resumable=False)
    await emu.wait_until_connected()
    await emu.dm("after op 9", user=emu.member("ann"))
    assert (await client.next_message()).content == "after op 9"
    assert emu.gateway.connections[-1].opening == "identify"
    assert emu.gateway.session is not first_session


async def test_wrong_token_is_rejected_at_login(emu: DiscordEmulator) -> None:
    intruder = RecordingClient()
    with pytest.raises(discord.LoginFailure):
        await intruder.login("not-the-token")
    await intruder.close()


async def test_privileged_intent_not_enabled_closes_with_4014(emu: DiscordEmulator) -> None:
    greedy = RecordingClient(intents=discord.Intents.all())
    await greedy.login(emu.token)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await asyncio.wait_for(greedy.connect(), 10)
    await greedy.close()


async def test_privileged_intent_enabled_gets_full_content() -> None:
    from testkit.emulator import discord_py_pointed_at

    async with DiscordEmulator(privileged_intents=1 << 15) as emu:
        with discord_py_pointed_at(emu):
            intents = discord.Intents.default()
            intents.message_content = True
            reader = RecordingClient(intents=intents)
            task = await start(reader, emu)
            await emu.say("just chatting", user=emu.member("ann"))
            assert (await reader.next_message()).content == "just chatting"
            await reader.close()
            await task
