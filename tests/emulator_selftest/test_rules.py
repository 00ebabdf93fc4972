"""The emulator's rules reject what Discord rejects (pure checks the bot's tests lean on)."""

from __future__ import annotations

import pytest

from testkit.emulator.attachments import Upload, upload_problems
from testkit.emulator.command_rules import command_problems, typed_value_problems
from testkit.emulator.permissions import ADMINISTRATOR, MANAGE_GUILD, command_unavailable
from testkit.emulator.state import World


def group(*subcommands: dict, **extra: object) -> dict:
    return {"name": "kb", "description": "d", "type": 1, "options": list(subcommands)} | extra


def sub(name: str, **extra: object) -> dict:
    return {"name": name, "description": "d", "type": 1} | extra


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        (group(*(sub(f"s{n}") for n in range(26))), "at most 25"),
        (group(sub("Show")), "lowercase"),
        (group(sub("show", description="")), "description"),
        (group(sub("show"), {"name": "x", "description": "d", "type": 3}), "mixed"),
        (group(sub("show", options=[sub("deeper")])), "nested too deep"),
        (group(sub("show"), default_member_permissions="manage"), "default_member_permissions"),
        (group(sub("show"), contexts=[0, 7]), "contexts"),
        (
            group(
                sub(
                    "show",
                    options=[{"name": "f", "description": "d", "type": 11, "autocomplete": True}],
                )
            ),
            "autocomplete",
        ),
    ],
)
def test_bad_command_groups_are_rejected(command: dict, problem: str) -> None:
    assert any(problem in p for p in command_problems(command))


def test_a_valid_group_passes() -> None:
    command = group(sub("show"), sub("stats"), default_member_permissions=32, contexts=[0])
    assert command_problems(command) == []


def test_client_side_option_limits() -> None:
    ranged = {"name": "revision", "type": 4, "min_value": 1}
    assert typed_value_problems(ranged, 0, focused=False)
    assert typed_value_problems(ranged, "1", focused=False)
    assert typed_value_problems(ranged, 1, focused=False) == []


def test_upload_limits() -> None:
    big = Upload(0, "a.zip", b"x" * 11, "application/zip")
    assert any("limit" in p for p in upload_problems({}, [big], size_limit=10))
    many = [Upload(n, f"{n}.txt", b"x", "text/plain") for n in range(11)]
    assert any("at most 10" in p for p in upload_problems({}, many, size_limit=100))
    missing = {"attachments": [{"id": 1, "filename": "b.txt"}]}
    assert upload_problems(missing, [big], size_limit=100)


def test_command_visibility_follows_permissions_and_overrides() -> None:
    world = World.create()
    guild = world.add_guild("g")
    channel = guild.channels[0]
    member, admin = world.add_user("m"), world.add_user("a")
    world.join(guild, member)
    world.join(guild, admin, (world.add_role(guild, "admins", ADMINISTRATOR),))
    command = {"id": "1", "name": "kb", "default_member_permissions": str(MANAGE_GUILD)}
    assert command_unavailable(command, member, channel, guild)
    assert command_unavailable(command, admin, channel, guild) == ""
    guild.command_permissions["1"] = {guild.id: True}
    assert command_unavailable(command, member, channel, guild) == ""
    guild.command_permissions["1"][member.id] = False
    assert command_unavailable(command, member, channel, guild)
