"""The emulator's REST side: validation like Discord's, the mention policy, faults, and the
interaction lifecycle, exercised through a bare discord.Client."""

from __future__ import annotations

import asyncio

import aiohttp
import discord
import pytest
from discord import app_commands

from testkit.emulator import DiscordEmulator

from .conftest import RecordingClient


async def test_valid_message_is_accepted(emu: DiscordEmulator, client: RecordingClient) -> None:
    channel = client.get_channel(emu.channel.id)
    assert isinstance(channel, discord.TextChannel)
    embed = discord.Embed(title="t", description="d").add_field(name="n", value="v")
    sent = await channel.send("hello <@123>", embed=embed)
    assert sent.content == "hello <@123>"
    assert emu.bot_messages_in(emu.channel)[0]["embeds"][0]["fields"][0]["value"] == "v"
    assert emu.violations == []


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"content": "x" * 2001}, "content"),
        ({"embed": discord.Embed(description="x" * 4097)}, "description"),
        ({"embed": discord.Embed(title="x" * 257)}, "title"),
        ({"embed": discord.Embed().add_field(name="n", value="x" * 1025)}, "value"),
        ({"embed": discord.Embed().add_field(name="x" * 257, value="v")}, "name"),
        ({"embed": discord.Embed().set_footer(text="x" * 2049)}, "footer"),
        ({"embeds": [discord.Embed(description="x" * 4000)] * 2}, "in total"),
    ],
)
async def test_payloads_discord_rejects_fail(
    emu: DiscordEmulator, client: RecordingClient, kwargs: dict, problem: str
) -> None:
    channel = client.get_channel(emu.channel.id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as raised:
        await channel.send(**kwargs)
    assert raised.value.status == 400
    assert any(problem in violation for violation in emu.violations)


async def test_too_many_fields_and_long_custom_id_are_rejected(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    channel = client.get_channel(emu.channel.id)
    assert isinstance(channel, discord.TextChannel)
    crowded = discord.Embed()
    for number in range(26):
        crowded.add_field(name=str(number), value="v")
    with pytest.raises(discord.HTTPException):
        await channel.send(embed=crowded)
    view = discord.ui.View()
    view.add_item(discord.ui.Button(label="x", custom_id="c" * 101))
    with pytest.raises(discord.HTTPException):
        await channel.send("buttons", view=view)
    assert any("fields" in v for v in emu.violations)
    assert any("custom_id" in v for v in emu.violations)


async def test_pinging_message_is_flagged(emu: DiscordEmulator, client: RecordingClient) -> None:
    channel = client.get_channel(emu.channel.id)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("@everyone look", allowed_mentions=discord.AllowedMentions(everyone=True))
    await channel.send("@everyone and <@&5> and <@7> are safe here")
    assert emu.violations == [
        f"POST /api/v10/channels/{emu.channel.id}/messages: would ping @everyone"
    ]


@pytest.mark.parametrize("status", [429, 500])
async def test_channel_message_fault_is_retried(
    emu: DiscordEmulator, client: RecordingClient, status: int
) -> None:
    channel = client.get_channel(emu.channel.id)
    assert isinstance(channel, discord.TextChannel)
    emu.fail_next("channel_message", status)
    await channel.send("eventually")
    assert emu.faults.served == [("channel_message", status)]
    assert [m["content"] for m in emu.bot_messages_in(emu.channel)] == ["eventually"]


def add_echo(client: RecordingClient) -> None:
    @client.tree.command(name="echo", description="Say it back")
    async def echo(interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(text, ephemeral=True)

    @echo.autocomplete("text")
    async def suggest(interaction: discord.Interaction, current: str) -> list:
        return [app_commands.Choice(name=f"{current} {n}", value=str(n)) for n in range(30)]


async def test_sync_then_slash_command_round_trip(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    add_echo(client)
    await client.tree.sync()
    assert [c["name"] for c in emu.world.global_commands] == ["echo"]
    handle = await emu.slash("echo", {"text": "hi"}, user=emu.member("ann"))
    message = await handle.answer()
    assert message["content"] == "hi" and handle.ephemeral


async def test_twenty_six_choices_are_rejected(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    add_echo(client)
    await client.tree.sync()
    handle = await emu.autocomplete("echo", "text", "abc", user=emu.member("ann"))
    await handle.wait(lambda h: h.acts or emu.violations, "answered autocomplete")
    assert any("at most 25 choices" in v for v in emu.violations)


async def test_invalid_command_set_is_rejected(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    @client.tree.command(name="echo", description="x" * 101)
    async def echo(interaction: discord.Interaction) -> None: ...

    with pytest.raises(discord.HTTPException):
        await client.tree.sync()
    assert any("description" in v for v in emu.violations)


async def test_one_callback_per_interaction_and_no_followup_before_it(
    emu: DiscordEmulator, client: RecordingClient
) -> None:
    release = asyncio.Event()

    @client.tree.command(name="slow", description="Answers when released")
    async def slow(interaction: discord.Interaction) -> None:
        await release.wait()
        await interaction.response.send_message("done")

    await client.tree.sync()
    handle = await emu.slash("slow", user=emu.member("ann"))
    app = emu.world.application_id
    async with aiohttp.ClientSession() as http:
        early = await http.post(
            f"{emu.base_url}/webhooks/{app}/{handle.token}", json={"content": "too early"}
        )
        release.set()
        await handle.answer()
        again = await http.post(
            f"{emu.base_url}/interactions/{handle.id}/{handle.token}/callback",
            json={"type": 4, "data": {"content": "again", "allowed_mentions": {"parse": []}}},
        )
        assert (early.status, (await early.json())["code"]) == (404, 10015)
        assert (again.status, (await again.json())["code"]) == (400, 40060)


async def test_modal_round_trip(emu: DiscordEmulator, client: RecordingClient) -> None:
    received: list[str] = []

    class Feedback(discord.ui.Modal, title="Tell us more"):
        note = discord.ui.TextInput(label="Note", custom_id="note")

        async def on_submit(self, interaction: discord.Interaction) -> None:
            received.append(self.note.value)
            await interaction.response.send_message("thanks", ephemeral=True)

    @client.tree.command(name="feedback", description="Opens a form")
    async def feedback(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(Feedback(custom_id="pb:form"))

    await client.tree.sync()
    ann = emu.member("ann")
    opened = await emu.slash("feedback", user=ann)
    modal = await opened.callback_body()
    assert (modal["type"], modal["data"]["custom_id"]) == (9, "pb:form")
    submitted = await emu.submit_modal("pb:form", {"note": "very useful"}, user=ann)
    assert (await submitted.answer())["content"] == "thanks"
    assert received == ["very useful"]
