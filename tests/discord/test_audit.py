"""The audit channel: every moderator action posted there as an embed (who, what, a compact diff,
the reason), the bot's own failures as a short report, and nothing posted can ping anyone."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.core.models import Status
from bot.discord.client import PolicyBot
from bot.discord.errors import SORRY, SORRY_REPORTED, sorry_text
from bot.discord.trust import Trust
from bot.settings import Settings
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import Channel, Role, User

from .conftest import StartBot
from .knowledge import CBP
from .steps import ANSWER, NEW_ANSWER, NEW_ENTRY, REASON, ask, edit, failing, kb, toml_file
from .test_ask import buttons

PINGS = "@everyone <@&424242424242424242> <@131313131313131313> **bold** `code`"


@pytest.fixture
def audit(emu: DiscordEmulator) -> Channel:
    return emu.guild.channels[1]  # #random


@pytest.fixture
async def audited(start_bot: StartBot, audit: Channel) -> PolicyBot:
    return await start_bot(audit_channel_id=audit.id)


@pytest.fixture
def mod(emu: DiscordEmulator, audited: PolicyBot, mod_role: Role) -> User:
    emu.permit_command("kb", role=mod_role)
    return emu.member("mia", roles=(mod_role,))


async def posted(emu: DiscordEmulator, audit: Channel, index: int) -> dict[str, Any]:
    """The `index`-th embed the bot posted in the audit channel."""
    message = await emu.wait_for_bot_message(audit, after=index)
    assert message["content"] == ""
    (embed,) = message["embeds"]
    return embed


def fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


def test_the_setting_is_optional_and_empty_means_none() -> None:
    assert Settings(_env_file=None).audit_channel_id is None  # type: ignore[call-arg]
    assert Settings(_env_file=None, audit_channel_id="").audit_channel_id is None  # type: ignore[call-arg]
    assert Settings(_env_file=None, audit_channel_id="42").audit_channel_id == 42  # type: ignore[call-arg]


async def test_an_edit_is_posted_with_who_what_diff_and_reason(
    emu: DiscordEmulator, audit: Channel, mod: User
) -> None:
    await edit(emu, mod, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: f"shorter {PINGS}"})
    embed = await posted(emu, audit, 0)
    assert embed["title"] == "/kb edit · enrolled-45"
    assert "revision 2" in embed["description"]
    assert (
        "**answer**:" in embed["description"]
        and "only 45 migrants could be" in (embed["description"])
    )
    shown = fields(embed)
    assert "mia" in shown["Who"] and "shorter" in shown["Reason"]
    # Markdown is shown as typed, and the mention syntax cannot ping (the emulator checks
    # allowed_mentions on every message; embeds never ping).
    assert r"\*\*bold\*\*" in shown["Reason"]


async def test_each_existing_action_is_posted(
    emu: DiscordEmulator, engine: Engine, audit: Channel, mod: User
) -> None:
    await kb(emu, "revert", mod, entry="enrolled-45", revision=9)  # no such revision: refused
    await edit(emu, mod, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: "shorter"})
    await kb(emu, "revert", mod, entry="enrolled-45", revision=1)
    await kb(emu, "delete", mod, entry="memo-recipients", reason="off topic")
    await ask(emu, "will the app be offered in Spanish")
    await ask(emu, "what's the weather in Paris")
    queued = {q.text: q.id for q in await engine.unanswered()}
    spanish, weather = (
        queued["will the app be offered in Spanish"],
        queued["what's the weather in Paris"],
    )
    await kb(emu, "teach", mod, question_id=spanish, entry="apple-store")
    await kb(emu, "dismiss", mod, question_id=weather)
    upload = emu.attachment("extra.toml", toml_file("Extra", [NEW_ENTRY]))
    await kb(emu, "import", mod, file=upload)
    titles = [(await posted(emu, audit, n))["title"] for n in range(6)]
    assert titles == [
        "/kb edit · enrolled-45",
        "/kb revert · enrolled-45",
        "/kb delete · memo-recipients",
        "/kb teach · apple-store",
        "/kb dismiss",
        "/kb import · spanish-app",
    ]
    taught = await posted(emu, audit, 3)
    assert "will the app be offered in Spanish" in taught["description"]
    assert "**paraphrases**" in taught["description"]
    dismissed = await posted(emu, audit, 4)
    assert f"Question {weather}" in dismissed["description"]
    imported = await posted(emu, audit, 5)
    assert "`spanish-app` added · revision 1" in imported["description"]
    assert len(emu.bot_messages_in(audit)) == 6  # the refused revert posted nothing


async def test_a_failure_is_reported_short_and_the_member_is_told_moderators_know(
    emu: DiscordEmulator,
    audited: PolicyBot,
    audit: Channel,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    error = RuntimeError(f"database on fire; token {emu.token}")
    monkeypatch.setattr(audited.service, "ask", failing(error))
    handle = await emu.slash("ask", {"question": f"is it real? {PINGS}"}, user=emu.member("ann"))
    assert (await handle.answer())["content"] == SORRY_REPORTED
    embed = await posted(emu, audit, 0)
    text = str(embed)
    assert embed["title"] == "Failure while answering (/ask)"
    assert "is it real?" in fields(embed)["Question"] and fields(embed)["Error"] == "RuntimeError"
    assert "database on fire" not in text and emu.token not in text
    assert "Traceback" not in text and "ann" not in text
    ben = emu.member("ben")
    await emu.dm("How many migrants were enrolled?", user=ben)
    dm = await emu.wait_for_bot_message(emu.world.dm_channel(ben))
    assert dm["content"] == SORRY_REPORTED
    reported = await posted(emu, audit, 1)
    assert reported["title"] == "Failure while answering (a direct message)"
    assert "How many migrants were enrolled?" in fields(reported)["Question"]
    tracebacks = [r for r in caplog.records if r.exc_info]
    assert len(tracebacks) == 2  # the full tracebacks are in the log
    caplog.clear()


async def test_without_an_audit_channel_nobody_is_promised_anything(
    emu: DiscordEmulator,
    bot: PolicyBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(bot.service, "ask", failing(RuntimeError("boom")))
    handle = await emu.slash("ask", {"question": "is it real?"}, user=emu.member("ann"))
    assert (await handle.answer())["content"] == SORRY
    assert "moderators" not in SORRY
    assert [m for m in emu.bot_messages if m["embeds"]] == []
    caplog.clear()


async def test_a_channel_outside_the_home_servers_gets_nothing(
    emu: DiscordEmulator,
    start_bot: StartBot,
    engine: Engine,
    mod_role: Role,
    caplog: pytest.LogCaptureFixture,
) -> None:
    elsewhere = emu.add_guild("Someone else's server")
    outside = elsewhere.channels[0]
    started = await start_bot(
        audit_channel_id=outside.id, trust=Trust.of([emu.guild.id], [mod_role.id])
    )
    emu.permit_command("kb", role=mod_role)
    mod = emu.member("mia", roles=(mod_role,))
    await edit(emu, mod, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: "shorter"})
    await kb(emu, "history", mod, entry="enrolled-45")  # the audit post has had its turn
    assert emu.bot_messages_in(outside) == []
    assert sorry_text(started) == SORRY  # so members are not promised anything
    warned = [
        r for r in caplog.records if r.levelno == logging.WARNING and "audit" in r.getMessage()
    ]
    assert warned


async def test_add_status_and_sources_are_posted(
    emu: DiscordEmulator, engine: Engine, audit: Channel, audited: PolicyBot
) -> None:
    """The same engine events whichever front end made the change (the forms: test_kb_add.py,
    test_kb_status.py)."""
    await engine.add_entry(NEW_ENTRY, author="discord:1 (mia)", reason=f"asked often {PINGS}")
    ice = CBP | {"publisher": "ICE", "title": "Statement", "kind": "official_record"}
    await engine.set_status(
        "apple-store", Status.DISPUTED, ice, "disputed by ICE", author="discord:1 (mia)"
    )
    await engine.add_source("spanish-app", ice, author="discord:1 (mia)", reason="second")
    added, status, sources = [await posted(emu, audit, n) for n in range(3)]
    assert added["title"] == "/kb add · spanish-app"
    assert "`spanish-app` added · revision 1" in added["description"]
    assert "status public_record; 1 source" in added["description"]
    assert status["title"] == "/kb status · apple-store"
    assert "**status**: reported\\_unconfirmed → disputed" in status["description"]
    assert fields(status)["Reason"] == "disputed by ICE"
    assert sources["title"] == "/kb sources · spanish-app"
    assert "+ ICE, “Statement”" in sources["description"]


async def test_a_long_change_fits_discord(
    emu: DiscordEmulator, engine: Engine, audit: Channel, audited: PolicyBot
) -> None:
    entry = engine.entry("apprehended-7m")
    assert entry is not None
    long = (entry.answer + " More detail." * 400)[:4090]
    await engine.edit_entry(
        "apprehended-7m",
        {"answer": long, "keywords": [f"word {n}" for n in range(200)]},
        author="x" * 500,
        reason="r" * 500,
    )
    embed = await posted(emu, audit, 0)  # the emulator rejects anything over Discord's limits
    assert len(embed["description"]) <= 4096 and "…" in embed["description"]


async def test_a_failing_button_is_reported_without_member_text(
    emu: DiscordEmulator,
    audited: PolicyBot,
    audit: Channel,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    answer = await ask(emu, "How many migrants were enrolled?")
    monkeypatch.setattr(audited.service, "vote", failing(ValueError("secret detail")))
    vote = next(i for i in buttons(answer) if i.startswith("pb:fb:"))
    pressed = await emu.click(answer, vote, user=emu.member("bob"))
    assert (await pressed.answer())["content"] == SORRY_REPORTED
    embed = await posted(emu, audit, 0)
    assert embed["title"] == "Failure while answering (a button or menu)"
    assert "Question" not in fields(embed) and "secret" not in str(embed)
    caplog.clear()
