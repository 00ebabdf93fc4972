"""`/kb status` with the source that justifies it, and `/kb source add|remove`, end to end:
answers show the new status and what changed when; history keeps the old; non-moderators are
refused at the command, the autocomplete and the form; concurrent changes conflict."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.core.models import Status
from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator
from testkit.emulator.interactions import InteractionHandle
from testkit.emulator.state import Role, User

from .steps import ENROLLED, REASON, REFUSED, ask, kb

ICE = {
    "Publisher (e.g. New York Post)": "U.S. Immigration and Customs Enforcement",
    "Title of the article or document": "Statement on the check-in app",
    "Date (YYYY-MM-DD; empty if undated)": "2025-03-03",
    "URL, or why there is none": "https://www.ice.gov/news/releases/check-in-app",
}
NOTE = "What changed (shown in answers)"


@pytest.fixture
def outsider(emu: DiscordEmulator, bot: PolicyBot) -> User:
    emu.permit_command("kb")
    return emu.member("oli")


async def status_form(
    emu: DiscordEmulator, user: User, status: str = "confirmed_on_record", **options: Any
) -> InteractionHandle:
    values = {"entry": "enrolled-45", "status": status, "kind": "official_record"} | options
    return await emu.slash("kb status", values, user=user)


async def test_a_status_change_shows_in_answers_with_what_changed_and_when(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    opened = await status_form(emu, mod)
    typed = ICE | {NOTE: "confirmed on the record by ICE @everyone"}
    saved = await (await emu.fill_modal(opened, typed, user=mod)).answer()
    assert "Saved `enrolled-45` as revision 2" in saved["content"]
    answer = (await ask(emu, ENROLLED))["embeds"][0]
    status = next(f["value"] for f in answer["fields"] if f["name"] == "Status")
    assert status.startswith("Confirmed on the record")
    assert "Update, 3 March 2025: confirmed on the record by ICE @everyone" in status
    assert "(before: Reported, not confirmed on the record)" in status
    sources = next(f["value"] for f in answer["fields"] if f["name"] == "Sources")
    assert sources.startswith("• **U.S. Immigration and Customs Enforcement**")
    history = await engine.history("enrolled-45")
    assert history[0].entry is not None
    assert history[0].entry.status is Status.REPORTED_UNCONFIRMED


async def test_retracted_can_be_chosen(emu: DiscordEmulator, engine: Engine, mod: User) -> None:
    opened = await status_form(emu, mod, status="retracted", kind="unattributed")
    typed = ICE | {
        "URL, or why there is none": "editor's note seen in print only",
        NOTE: "withdrawn by the New York Post",
    }
    await (await emu.fill_modal(opened, typed, user=mod)).answer()
    entry = engine.entry("enrolled-45")
    assert entry is not None and entry.status is Status.RETRACTED
    assert entry.sources[0].no_url_reason == "editor's note seen in print only"


async def test_an_invalid_status_change_changes_nothing(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    same = await status_form(emu, mod, status="reported_unconfirmed")
    reply = await (await emu.fill_modal(same, ICE | {NOTE: "again"}, user=mod)).answer()
    assert (
        "nothing was changed" in reply["content"]
        and "already reported_unconfirmed" in (reply["content"])
    )
    anonymous = await status_form(emu, mod, kind="anonymous")
    reply = await (await emu.fill_modal(anonymous, ICE | {NOTE: "x"}, user=mod)).answer()
    assert "described_as" in reply["content"]
    assert await engine.latest_revision("enrolled-45") == 1


async def test_a_source_is_added_and_removed(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    opened = await emu.slash(
        "kb source add", {"entry": "apprehended-7m", "kind": "official_record"}, user=mod
    )
    saved = await (
        await emu.fill_modal(opened, ICE | {REASON: "a second source"}, user=mod)
    ).answer()
    assert "revision 2" in saved["content"]
    choices = await (
        await emu.autocomplete(
            "kb source remove", "source", "", user=mod, others={"entry": "apprehended-7m"}
        )
    ).choices()
    assert [c["value"] for c in choices] == [1, 2]
    assert "U.S. Immigration" in choices[1]["name"]
    removed = await kb(
        emu, "source remove", mod, entry="apprehended-7m", source=1, reason="superseded"
    )
    assert "Removed source 1" in removed["content"]
    entry = engine.entry("apprehended-7m")
    assert entry is not None and [s.publisher for s in entry.sources] == [
        "U.S. Immigration and Customs Enforcement"
    ]
    last = await kb(emu, "source remove", mod, entry="apprehended-7m", source=1, reason="all")
    assert "Not changed" in last["content"] and "at least one source" in last["content"]


async def test_every_new_path_refuses_a_non_moderator(
    emu: DiscordEmulator, engine: Engine, mod: User, outsider: User
) -> None:
    for name, options in [
        ("kb status", {"entry": "enrolled-45", "status": "disputed", "kind": "official_record"}),
        ("kb source add", {"entry": "enrolled-45", "kind": "official_record"}),
        ("kb source remove", {"entry": "enrolled-45", "source": 1, "reason": "gone"}),
    ]:
        refused = await emu.slash(name, options, user=outsider)
        assert REFUSED in (await refused.answer())["content"], name
    for name, option, others in [
        ("kb status", "entry", {}),
        ("kb source add", "entry", {}),
        ("kb source remove", "entry", {}),
        ("kb source remove", "source", {"entry": "enrolled-45"}),
    ]:
        handle = await emu.autocomplete(name, option, "", user=outsider, others=others)
        assert await handle.choices() == [], (name, option)
    opened = await status_form(emu, mod)
    emu.guild.member_roles[mod.id] = []  # no longer a moderator when the form is sent
    late = await emu.fill_modal(opened, ICE | {NOTE: "x"}, user=mod)
    assert REFUSED in (await late.answer())["content"]
    assert await engine.latest_revision("enrolled-45") == 1


async def test_two_moderators_changing_one_status_at_once_one_wins(
    emu: DiscordEmulator, engine: Engine, mod: User, mod_role: Role
) -> None:
    other = emu.member("max", roles=(mod_role,))
    first = await status_form(emu, mod)
    second = await status_form(emu, other, status="disputed")
    await first.callback_body()
    await second.callback_body()
    sent = await asyncio.gather(
        emu.fill_modal(first, ICE | {NOTE: "confirmed"}, user=mod),
        emu.fill_modal(second, ICE | {NOTE: "disputed"}, user=other),
    )
    replies = [(await handle.answer())["content"] for handle in sent]
    assert sum("Saved" in r for r in replies) == 1
    assert sum("changed by someone else" in r for r in replies) == 1
    assert await engine.latest_revision("enrolled-45") == 2


async def test_choices_read_as_words_and_moderators_get_entries(
    emu: DiscordEmulator, mod: User
) -> None:
    command = next(c for c in emu.world.guild_commands[emu.guild.id] if c["name"] == "kb")
    status = next(o for o in command["options"] if o["name"] == "status")
    offered = {c["value"]: c["name"] for o in status["options"] for c in o.get("choices", [])}
    assert offered["retracted"] == "Retracted by the outlet that reported it"
    assert offered["anonymous"].startswith("Anonymous sources")
    handle = await emu.autocomplete("kb status", "entry", "enrol", user=mod)
    assert [c["value"] for c in await handle.choices()] == ["enrolled-45"]


async def test_the_source_form_refuses_a_member_who_is_no_longer_a_moderator(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    opened = await emu.slash(
        "kb source add", {"entry": "apprehended-7m", "kind": "official_record"}, user=mod
    )
    await opened.callback_body()
    emu.guild.member_roles[mod.id] = []
    late = await emu.fill_modal(opened, ICE | {REASON: "more"}, user=mod)
    assert REFUSED in (await late.answer())["content"]
    assert await engine.latest_revision("apprehended-7m") == 1
