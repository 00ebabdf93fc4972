"""Operators' verbs: `policybot backup FILE`, `restore FILE`, `doctor` and `health`."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from bot.core import question_spill
from bot.core.backup import BackupError, backup, check_backup, restore, sqlite_file
from bot.core.health import health_problem
from bot.doctor import Check, Status, bad_settings, local_checks, print_report
from bot.settings import Settings


def add_ops_parsers(verbs: Any) -> None:
    save = verbs.add_parser("backup", help="copy the live database to FILE (safe while it runs)")
    save.add_argument("file", type=Path)
    save.set_defaults(handler=_backup)
    load = verbs.add_parser(
        "restore", help="replace the database with a backup (stop the bot first)"
    )
    load.add_argument("file", type=Path)
    load.set_defaults(handler=_restore)
    doctor = verbs.add_parser("doctor", help="check settings, database, knowledge and Discord")
    doctor.set_defaults(handler=_doctor)
    health = verbs.add_parser("health", help="is the running bot connected? (for HEALTHCHECK)")
    health.set_defaults(handler=_health)


def _backup(args: argparse.Namespace, settings: Settings) -> int:
    try:
        db = sqlite_file(settings.database)
        info = backup(db, args.file)
    except (BackupError, OSError) as error:
        print(f"policybot: {error}")
        return 1
    print(
        f"backed up {db} to {info.path}: schema {info.schema}, {info.entries} entries, "
        f"{info.questions} logged questions, {info.size} bytes, integrity ok"
    )
    return 0


def _restore(args: argparse.Namespace, settings: Settings) -> int:
    try:
        db = sqlite_file(settings.database)
        aside = restore(args.file, db)
        info = check_backup(db)
    except (BackupError, OSError) as error:
        print(f"policybot: {error}; nothing was changed")
        return 1
    print(
        f"restored {args.file} into {db}: {info.entries} entries, {info.questions} logged questions"
    )
    if aside is not None:
        print(f"the previous database is kept at {aside}")
    if aside is not None and question_spill.beside(aside).exists():
        print(f"questions it had not saved are kept with it, in {question_spill.beside(aside)}")
    return 0


def _doctor(args: argparse.Namespace, settings: Settings) -> int:
    checks = local_checks(settings)
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        checks.append(
            Check("discord", Status.SKIP, "DISCORD_TOKEN is not set; the Discord checks need it")
        )
    else:
        from bot.discord.doctor import Targets, discord_checks

        checks += asyncio.run(discord_checks(settings, token, Targets.from_settings(settings)))
    return print_report(checks)


def _health(args: argparse.Namespace, settings: Settings) -> int:
    problem = health_problem(settings.state_dir)
    print(f"unhealthy: {problem}" if problem else "healthy: connected to Discord")
    return 1 if problem else 0


def doctor_with_bad_settings(problems: list[str]) -> int:
    return print_report(bad_settings(problems))
