"""Faults on the way: a gateway drop, RECONNECT, invalid sessions and a silent (stalled)
connection mid-question; 429s, 5xx and slow REST on responses; a failing handler; the
per-member rate limit. Each recovers by itself and the question still gets its answer."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.discord import respond
from bot.discord.client import PolicyBot
from bot.discord.errors import SORRY
from testkit.emulator import DiscordEmulator

from .conftest import StartBot
from .steps import failing

QUESTION = {"question": "How many migrants were enrolled?"}


def take_the_slow_path(monkeypatch: pytest.MonkeyPatch, bot: PolicyBot) -> None:
    """Answers take a moment and the bot defers at once: the answer is edited in."""
    monkeypatch.setattr(respond, "DEFER_AFTER_SECONDS", 0.0)
    ask = bot.service.ask

    async def slow_ask(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0.05)
        return await ask(*args, **kwargs)

    monkeypatch.setattr(bot.service, "ask", slow_ask)


async def test_question_sent_while_gateway_is_down_is_answered_after_resume(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    await emu.drop_gateway()
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))  # queued for replay
    message = await handle.answer()
    assert "45 migrants" in message["embeds"][0]["description"]
    resumed = emu.gateway.connections[-1]
    assert (resumed.opening, resumed.path) == ("resume", "/resume")
    assert resumed.replayed >= 1


async def test_question_sent_around_a_reconnect_request_is_answered(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    await emu.request_reconnect()
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    assert "45 migrants" in (await handle.answer())["embeds"][0]["description"]
    assert emu.gateway.connections[-1].opening == "resume"


async def test_question_sent_during_a_resumable_invalid_session_is_answered(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    await emu.invalidate_session(resumable=True)
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    assert "45 migrants" in (await handle.answer())["embeds"][0]["description"]


async def test_after_a_lost_session_the_bot_identifies_again_and_answers(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    identified = sum(c.opening == "identify" for c in emu.gateway.connections)
    await emu.invalidate_session(resumable=False)
    await emu.wait_until_connected()
    assert sum(c.opening == "identify" for c in emu.gateway.connections) == identified + 1
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    assert "45 migrants" in (await handle.answer())["embeds"][0]["description"]


async def test_a_stalled_gateway_is_noticed_and_the_question_answered_after_resume(
    emu: DiscordEmulator, start_bot: StartBot
) -> None:
    await start_bot(heartbeat_timeout=1.0)
    emu.stall_gateway()
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))  # waits for the resume
    assert "45 migrants" in (await handle.answer())["embeds"][0]["description"]
    resumed = emu.gateway.connections[-1]
    assert resumed.opening == "resume" and resumed.replayed >= 1


@pytest.mark.parametrize("route", ["callback", "webhook_message"])
async def test_slow_rest_still_answers(
    emu: DiscordEmulator, bot: PolicyBot, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    if route == "webhook_message":
        take_the_slow_path(monkeypatch, bot)  # answer by editing
    emu.slow_next(route, 1.0)
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    assert "45 migrants" in (await handle.answer())["embeds"][0]["description"]


@pytest.mark.parametrize("status", [429, 500, 502])
async def test_failed_mention_reply_is_retried(
    emu: DiscordEmulator, bot: PolicyBot, status: int
) -> None:
    emu.fail_next("channel_message", status)
    await emu.say(
        f"<@{emu.bot_user.id}> How many migrants were enrolled?",
        user=emu.member("ann"),
        mentions=(emu.bot_user,),
    )
    reply = await emu.wait_for_bot_message(emu.channel)
    assert "45 migrants" in reply["embeds"][0]["description"]
    assert emu.faults.served == [("channel_message", status)]


@pytest.mark.parametrize("status", [429, 500, 502])
async def test_failed_callback_is_retried(
    emu: DiscordEmulator, bot: PolicyBot, status: int
) -> None:
    emu.fail_next("callback", status)
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    assert "45 migrants" in (await handle.answer())["embeds"][0]["description"]
    assert emu.faults.served == [("callback", status)]


async def test_deferred_answer_survives_429_and_5xx_on_the_edit(
    emu: DiscordEmulator, bot: PolicyBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    take_the_slow_path(monkeypatch, bot)
    emu.fail_next("webhook_message", 500)
    emu.fail_next("webhook_message", 429)
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    message = await handle.answer()
    assert (await handle.callback_body())["type"] == 5  # deferred first
    assert "45 migrants" in message["embeds"][0]["description"]
    assert emu.faults.served == [("webhook_message", 500), ("webhook_message", 429)]


async def test_a_failing_command_gets_one_short_private_message(
    emu: DiscordEmulator,
    bot: PolicyBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.service, "ask", failing(RuntimeError("database on fire")))
    handle = await emu.slash("ask", QUESTION, user=emu.member("ann"))
    message = await handle.answer()
    assert message["content"] == SORRY and handle.ephemeral
    assert "database on fire" not in str(handle.acts)
    logged = [r for r in caplog.records if r.exc_info and "database on fire" in str(r.exc_info[1])]
    assert len(logged) == 1  # the traceback went to the log, once
    caplog.clear()


async def test_rate_limit_per_member(emu: DiscordEmulator, start_bot: StartBot) -> None:
    await start_bot(rate_limit_count=2, rate_limit_seconds=600)
    ann, ben = emu.member("ann"), emu.member("ben")
    for _ in range(2):
        await (await emu.slash("ask", QUESTION, user=ann)).answer()
    await emu.dm("How many migrants were enrolled?", user=ann)
    dm_note = await emu.wait_for_bot_message(emu.world.dm_channel(ann))
    assert "please wait" in dm_note["content"]
    limited = await emu.slash("ask", QUESTION, user=ann)  # an interaction is always answered
    note = await limited.answer()
    assert limited.ephemeral and "please wait" in note["content"]
    other = await (await emu.slash("ask", QUESTION, user=ben)).answer()
    assert "45 migrants" in other["embeds"][0]["description"]
