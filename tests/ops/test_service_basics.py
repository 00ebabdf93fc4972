"""Log lines, progress output, scheduled backups and the backup/restore verbs."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.backup import scheduled_backups
from bot.core.backup_schedule import backups_while_running, run_backups, seconds_until_due
from bot.logs import configure_logging
from bot.progress import Progress
from bot.settings import Settings

from .conftest import questions


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _log_an_error(stream: io.StringIO, log_format: str) -> list[str]:
    configure_logging("INFO", log_format, stream)
    log = logging.getLogger("policybot.test")
    log.debug("not shown")
    log.info('said "hi"\nsecond line', extra={"event": "greeting", "guild": 42})
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("it failed")
    return stream.getvalue().splitlines()


def test_json_logs_are_one_object_per_event(restore_logging: None) -> None:
    lines = _log_an_error(io.StringIO(), "json")
    assert len(lines) == 2  # the newline in a message and the traceback stay inside one line
    first, second = map(json.loads, lines)
    assert first["level"] == "INFO" and first["logger"] == "policybot.test"
    assert first["msg"] == 'said "hi"\nsecond line'
    assert first["event"] == "greeting" and first["guild"] == 42
    assert dt.datetime.fromisoformat(first["ts"]).tzinfo is not None
    assert second["level"] == "ERROR" and "ValueError: boom" in second["exc"]


def test_text_logs_are_key_value_lines(restore_logging: None) -> None:
    lines = _log_an_error(io.StringIO(), "text")
    assert len(lines) == 2
    assert " level=INFO logger=policybot.test " in lines[0]
    assert 'msg="said \\"hi\\"\\nsecond line" event=greeting guild=42' in lines[0]
    assert lines[1].startswith("ts=") and 'exc="Traceback' in lines[1]


def test_log_format_is_a_checked_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_LOG_FORMAT", "xml")
    with pytest.raises(ValueError, match="log_format"):
        Settings()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_off_a_terminal() -> None:
    piped = io.StringIO()
    with Progress("reading", 3, piped) as progress:
        assert list(progress.iterate("abc")) == ["a", "b", "c"]
        progress.phase("importing")
    assert piped.getvalue() == ""


def test_progress_redraws_one_line_on_a_terminal() -> None:
    screen = Terminal()
    with Progress("reading", 2, screen) as progress:
        list(progress.iterate("ab"))
        progress.phase("importing")
    out = screen.getvalue()
    assert "reading 2/2" in out and "\rimporting" in out and "\n" not in out
    assert out.endswith("\r")  # the line is wiped when done


# -- scheduled backups -----------------------------------------------------------------------


def test_the_schedule_continues_from_the_newest_backup(live_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    assert seconds_until_due(folder, 3600, now) == 0
    folder.mkdir()
    (folder / "policybot-20260101T113000Z.sqlite3").touch()
    assert seconds_until_due(folder, 3600, now) == 1800
    assert seconds_until_due(folder, 600, now) == 0


async def test_scheduled_backups_run_and_keep_the_newest(live_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    hours = iter(dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=n) for n in range(99))
    task = asyncio.create_task(run_backups(live_db, folder, 0.2, 2, clock=lambda: next(hours)))
    wanted = ["policybot-20260101T030000Z.sqlite3", "policybot-20260101T040000Z.sqlite3"]
    deadline = asyncio.get_running_loop().time() + 10
    while [p.name for p in scheduled_backups(folder)] != wanted:
        assert asyncio.get_running_loop().time() < deadline, scheduled_backups(folder)
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert all(questions(p) == questions(live_db) for p in scheduled_backups(folder))


async def test_a_failing_backup_is_logged_and_the_bot_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with backups_while_running(tmp_path / "missing.sqlite3", tmp_path / "b", 1 / 3600, 3):
        while not caplog.records:
            await asyncio.sleep(0.01)
    assert "scheduled backup failed: there is no database" in caplog.records[0].getMessage()


# -- the verbs -------------------------------------------------------------------------------


def test_backup_and_restore_verbs(
    live_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_DATABASE", str(live_db))
    saved = tmp_path / "saved.sqlite3"
    assert main(["backup", str(saved)]) == 0
    assert "3 logged questions" in capsys.readouterr().out and saved.exists()
    assert main(["restore", str(tmp_path / "nothing-here.sqlite3")]) == 1
    assert "nothing was changed" in capsys.readouterr().out
    assert main(["restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert f"restored {saved} into {live_db}" in out and "previous database is kept at" in out


def test_kb_import_shows_progress_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.discord.knowledge import write_knowledge

    knowledge = write_knowledge(tmp_path / "knowledge")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_DATABASE", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE_DIR", str(knowledge))
    assert main(["kb", "import", str(knowledge)]) == 0
    piped = capsys.readouterr()
    assert "reading" not in piped.err and "imported:" in piped.out
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    assert main(["kb", "import", str(knowledge)]) == 0
    assert "reading 1/1" in screen.getvalue() and "importing 4 entries" in screen.getvalue()
    assert "reading" not in capsys.readouterr().out


def test_site_build_shows_progress_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.discord.knowledge import write_knowledge

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_DATABASE", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE_DIR", str(write_knowledge(tmp_path / "knowledge")))
    assert main(["site", "build", str(tmp_path / "piped")]) == 0
    assert "building the site" not in capsys.readouterr().err
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    assert main(["site", "build", str(tmp_path / "shown")]) == 0
    assert "building the site from 4 entries" in screen.getvalue()
