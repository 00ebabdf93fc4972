"""Scheduled backups, run inside the bot process: one every interval into a folder, keeping the
newest few. After a restart the schedule continues from the newest backup in the folder, so a
crash loop does not turn the retained backups over."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from bot.core.background import running
from bot.core.backup import BackupError, backup_and_prune, scheduled_backups, sqlite_file

log = logging.getLogger("policybot.backup")

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def seconds_until_due(folder: Path, interval: float, now: dt.datetime) -> float:
    existing = scheduled_backups(folder)
    if not existing:
        return 0.0
    stamp = existing[-1].name.removeprefix("policybot-").removesuffix(".sqlite3")
    newest = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    return max(0.0, (newest - now).total_seconds() + interval)


async def run_backups(
    db: Path, folder: Path, interval: float, keep: int, clock: Clock = _utc_now
) -> None:
    """Back up every `interval` seconds until cancelled; a failed backup is logged and retried
    at the next interval, it never stops the bot."""
    await asyncio.sleep(seconds_until_due(folder, interval, clock()))
    while True:
        try:
            info, removed = await asyncio.to_thread(backup_and_prune, db, folder, keep, now=clock())
        except (BackupError, OSError) as error:
            log.error("scheduled backup failed: %s", error, extra={"event": "backup_failed"})
        else:
            log.info(
                "scheduled backup written",
                extra={
                    "event": "backup",
                    "path": str(info.path),
                    "bytes": info.size,
                    "pruned": len(removed),
                },
            )
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def backups_while_running(
    database: str, folder: Path | None, every_hours: float, keep: int
) -> AsyncIterator[None]:
    """Scheduled backups of the database setting's SQLite file for as long as the block runs
    (`every_hours` 0: none)."""
    if every_hours <= 0 or folder is None:
        yield
        return
    db = sqlite_file(database)
    async with running(run_backups(db, folder, every_hours * 3600, keep)):
        yield
