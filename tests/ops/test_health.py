"""The heartbeat file the running bot keeps, and `policybot health` that the image's
HEALTHCHECK runs."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import signal
from pathlib import Path

import pytest

from bot.cli import main
from bot.core import health
from bot.core.health import HEALTH_FILE, health_problem, write_health
from bot.discord import runner
from bot.settings import Settings
from testkit.emulator import DiscordEmulator, discord_py_pointed_at
from tests.discord.knowledge import write_knowledge

NOW = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)


def test_healthy_only_when_connected_recently(tmp_path: Path) -> None:
    assert "has not started" in (health_problem(tmp_path, NOW) or "")
    write_health(tmp_path, True, NOW)
    assert health_problem(tmp_path, NOW + dt.timedelta(seconds=30)) is None
    assert "stuck or stopped" in (health_problem(tmp_path, NOW + dt.timedelta(minutes=5)) or "")
    write_health(tmp_path, False, NOW)
    assert "not connected" in (health_problem(tmp_path, NOW) or "")
    (tmp_path / HEALTH_FILE).write_text("{", encoding="utf-8")
    assert "unreadable" in (health_problem(tmp_path, NOW) or "")


def test_a_heartbeat_without_time_zone_or_from_the_future_is_not_healthy(tmp_path: Path) -> None:
    beat = tmp_path / HEALTH_FILE
    beat.write_text(json.dumps({"at": "2026-01-01T12:00:00", "connected": True}))
    assert "unreadable" in (health_problem(tmp_path, NOW) or "")  # was a TypeError traceback
    write_health(tmp_path, True, NOW + dt.timedelta(days=365))  # e.g. the clock was set back
    assert "in the future" in (health_problem(tmp_path, NOW) or "")


async def test_the_running_bot_keeps_the_heartbeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(health, "WRITE_EVERY", 0.05)
    settings = Settings(
        database=str(tmp_path / "data" / "policybot.sqlite3"),
        knowledge_dir=write_knowledge(tmp_path / "knowledge"),
    )
    beat = settings.state_dir / HEALTH_FILE
    async with DiscordEmulator() as emu:
        with discord_py_pointed_at(emu):
            serving = asyncio.create_task(
                runner.serve(settings, emu.token, guild_ready_timeout=0.05)
            )
            await emu.wait_until_connected()
            while health_problem(settings.state_dir) is not None:
                await asyncio.sleep(0.02)
            monkeypatch.chdir(tmp_path)
            monkeypatch.setenv("POLICYBOT_DATABASE", settings.database)
            assert await asyncio.to_thread(main, ["health"]) == 0
            assert "healthy: connected" in capsys.readouterr().out
            os.kill(os.getpid(), signal.SIGTERM)
            assert await asyncio.wait_for(serving, 10) == runner.EXIT_OK
    assert json.loads(beat.read_text())["connected"] is False
    assert main(["health"]) == 1
    assert "unhealthy: the bot is running but not connected" in capsys.readouterr().out
