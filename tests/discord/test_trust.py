"""The trust model: only the home server(s) moderate; everywhere else the bot only answers.

Anyone can invite a public bot to a server of their own, where they have every permission.
/kb is registered in the home servers only, and each /kb path (commands, autocomplete, the
edit form) is checked by the bot itself, so forged interactions — a command sent from a server
where it is not registered, a form submitted from elsewhere — are refused too.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.sync import STATE_FILE
from bot.discord.trust import NO_HOME_GUILD, Trust
from bot.settings import Settings
from testkit.emulator import DiscordEmulator, InteractionHandle
from testkit.emulator.permissions import MANAGE_GUILD
from testkit.emulator.state import Channel, Guild, Role, User

from .conftest import StartBot
from .steps import ANSWER, REFUSED


@pytest.fixture
def stranger_server(emu: DiscordEmulator, bot: PolicyBot) -> Guild:
    """A server someone invited the bot to; its owner has every permission there."""
    return emu.add_guild("Stranger's server", owner=emu.world.add_user("stranger"))


def owner_of(emu: DiscordEmulator, guild: Guild) -> User:
    return emu.world.users[guild.owner_id]


def channel_of(guild: Guild) -> Channel:
    return guild.channels[0]


def moderator_at_home_admin_there(
    emu: DiscordEmulator, name: str, mod_role: Role, there: Guild
) -> User:
    """One person: a moderator in the home server, with Manage Server in `there`."""
    emu.permit_command("kb", role=mod_role)
    person = emu.member(name, roles=(mod_role,))
    emu.member(name, user=person, guild=there, permissions=MANAGE_GUILD)
    return person


async def forged_kb(
    emu: DiscordEmulator, sub: str, user: User, channel: Channel, **options: Any
) -> dict:
    handle = await emu.slash(f"kb {sub}", options, user=user, channel=channel, forged=True)
    reply = await handle.answer()
    assert handle.ephemeral
    return reply


async def test_kb_is_registered_in_the_home_server_only(
    emu: DiscordEmulator, stranger_server: Guild
) -> None:
    assert "kb" not in {c["name"] for c in emu.world.global_commands}
    assert {c["name"] for c in emu.world.guild_commands[emu.guild.id]} == {"kb"}
    assert stranger_server.id not in emu.world.guild_commands
    owner = owner_of(emu, stranger_server)
    with pytest.raises(AssertionError, match="not registered"):
        await emu.slash("kb stats", user=owner, channel=channel_of(stranger_server))
    # /ask works there like everywhere else.
    asked = await emu.slash(
        "ask",
        {"question": "How many migrants were enrolled?"},
        user=owner,
        channel=channel_of(stranger_server),
    )
    assert "45 migrants" in (await asked.answer())["embeds"][0]["description"]


@pytest.mark.parametrize(
    ("sub", "options"),
    [
        ("delete", {"entry": "memo-recipients", "reason": "mine now"}),
        ("revert", {"entry": "enrolled-45", "revision": 1}),
        ("edit", {"entry": "enrolled-45"}),
        ("show", {"entry": "enrolled-45"}),
        ("stats", {}),
        ("queue", {}),
        ("export", {}),
        ("dismiss", {"question_id": 1}),
        ("teach", {"question_id": 1, "entry": "enrolled-45"}),
    ],
)
async def test_another_servers_owner_is_refused_on_every_forged_kb_command(
    emu: DiscordEmulator,
    engine: Engine,
    stranger_server: Guild,
    sub: str,
    options: dict[str, Any],
) -> None:
    before = engine.entries()
    owner = owner_of(emu, stranger_server)
    reply = await forged_kb(emu, sub, owner, channel_of(stranger_server), **options)
    assert REFUSED in reply["content"]
    assert reply.get("embeds", []) == [] and reply.get("attachments", []) == []
    assert engine.entries() == before


async def test_forged_import_from_another_server_changes_nothing(
    emu: DiscordEmulator, engine: Engine, stranger_server: Guild
) -> None:
    before = engine.entries()
    upload = emu.attachment("evil.toml", b'topic = "x"\n')
    reply = await forged_kb(
        emu, "import", owner_of(emu, stranger_server), channel_of(stranger_server), file=upload
    )
    assert REFUSED in reply["content"] and engine.entries() == before


async def test_autocomplete_gives_another_servers_owner_nothing(
    emu: DiscordEmulator, stranger_server: Guild
) -> None:
    handle = await emu.autocomplete(
        "kb show",
        "entry",
        "",
        user=owner_of(emu, stranger_server),
        channel=channel_of(stranger_server),
        forged=True,
    )
    assert await handle.choices() == []


async def test_manage_server_counts_only_in_a_home_server(
    emu: DiscordEmulator, engine: Engine, stranger_server: Guild, mod_role: Role
) -> None:
    """One person, a moderator at home and an admin elsewhere: only home counts."""
    person = moderator_at_home_admin_there(emu, "pat", mod_role, stranger_server)
    at_home = await emu.slash("kb show", {"entry": "enrolled-45"}, user=person)
    assert "revision 1" in (await at_home.answer())["content"]
    away = await forged_kb(emu, "show", person, channel_of(stranger_server), entry="enrolled-45")
    assert REFUSED in away["content"]


async def test_edit_form_submitted_from_elsewhere_or_by_a_member_is_refused(
    emu: DiscordEmulator, engine: Engine, stranger_server: Guild, mod_role: Role
) -> None:
    moderator = moderator_at_home_admin_there(emu, "mia", mod_role, stranger_server)
    opened = await emu.slash("kb edit", {"entry": "enrolled-45"}, user=moderator)
    modal = (await opened.callback_body())["data"]
    inputs = [c for row in modal["components"] for c in row["components"]]
    values = {c["custom_id"]: c.get("value") or "forged" for c in inputs}
    answer_id = next(c["custom_id"] for c in inputs if c["label"] == ANSWER)
    values[answer_id] = "The New York Post reported, citing unnamed sources, nothing at all."
    before = engine.entry("enrolled-45")
    member = emu.member("mallory")
    attempts: list[InteractionHandle] = [
        await emu.submit_modal(
            modal["custom_id"], values, user=moderator, channel=channel_of(stranger_server)
        ),
        await emu.submit_modal(modal["custom_id"], values, user=member),
    ]
    for attempt in attempts:
        reply = await attempt.answer()
        assert REFUSED in reply["content"] and attempt.ephemeral
    assert engine.entry("enrolled-45") == before


async def test_no_home_server_means_no_kb_anywhere_and_the_log_says_so(
    emu: DiscordEmulator, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="policybot.discord"):
        await start_bot(trust=Trust())
    assert NO_HOME_GUILD in caplog.text
    assert "kb" not in {c["name"] for c in emu.world.global_commands}
    assert emu.world.guild_commands.get(emu.guild.id, []) == []
    admin = emu.member("ada", permissions=MANAGE_GUILD)
    forged = await emu.slash("ask", {"question": "who was the memo addressed to"}, user=admin)
    assert (await forged.answer())["embeds"]  # members can still ask


async def test_a_server_that_stops_being_home_loses_kb_on_the_next_start(
    emu: DiscordEmulator, start_bot: StartBot, tmp_path: Path
) -> None:
    first = await start_bot()
    assert {c["name"] for c in emu.world.guild_commands[emu.guild.id]} == {"kb"}
    await first.close()
    await start_bot(trust=Trust())
    assert emu.world.guild_commands[emu.guild.id] == []
    state = json.loads((tmp_path / "data" / STATE_FILE).read_text())
    assert str(emu.guild.id) in state  # recorded as empty, so the next start syncs nothing


def test_settings_take_comma_separated_ids_and_refuse_a_role_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLICYBOT_HOME_GUILD_IDS", "111, 222")
    monkeypatch.setenv("POLICYBOT_MODERATOR_ROLE_IDS", "333")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.home_guild_ids == [111, 222] and settings.moderator_role_ids == [333]
    monkeypatch.setenv("POLICYBOT_MODERATOR_ROLE", "Policybot Moderator")
    with pytest.raises(ValueError, match="POLICYBOT_MODERATOR_ROLE_IDS"):
        Settings(_env_file=None)  # type: ignore[call-arg]
