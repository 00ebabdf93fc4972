"""Plain-text views of revisions, queues and usage for `/kb`, and the export archive."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

import discord

from bot.core.models import Entry
from bot.core.store import PeriodStats, Revision
from bot.discord.limits import CHOICE_MAX, CHOICES_MAX, MESSAGE_MAX, clip

MAX_UPLOAD_BYTES = 1_000_000


def quoted(text: str, limit: int = 100) -> str:
    """What a member typed, shown inside a message: clipped, as inline code that cannot break."""
    return "`" + clip(text, limit).replace("`", "ˋ") + "`"


def author_of(interaction: discord.Interaction[Any]) -> str:
    return f"discord:{interaction.user.id} ({interaction.user.name})"


def entry_choices(entries: Sequence[Entry], typed: str) -> list[discord.app_commands.Choice[str]]:
    """Entries whose id or question contains what was typed, best (id prefix) first."""
    needle = typed.casefold().strip()
    ranked = sorted(
        (not e.id.startswith(needle), e.id)
        for e in entries
        if needle in e.id or needle in e.question.casefold()
    )
    by_id = {e.id: e for e in entries}
    return [
        discord.app_commands.Choice(name=clip(f"{i} — {by_id[i].question}", CHOICE_MAX), value=i)
        for _, i in ranked[:CHOICES_MAX]
    ]


def history_text(entry_id: str, revisions: Sequence[Revision]) -> str:
    lines = [f"History of `{entry_id}` (newest first):"]
    for revision in reversed(revisions):
        state = "deleted" if revision.entry is None else "saved"
        lines.append(
            f"**#{revision.number}** {state} {revision.created_at[:16].replace('T', ' ')} UTC "
            f"by {revision.author} — {revision.reason or 'no reason given'}"
        )
    lines.append("Restore one with `/kb revert`.")
    return fit_lines(lines)


def stats_text(stats: PeriodStats, days: int | None, entries: int, as_of: str) -> str:
    period = f"the last {days} days" if days else "all time"
    lines = [f"{entries} entries, information as of {as_of}. Over {period}:"]
    if not stats.asked:
        return fit_lines([*lines, "No questions asked."])
    unanswered = stats.asked - stats.confident
    rate = stats.unanswered_rate or 0.0
    lines.append(
        f"{stats.asked} questions; {stats.confident} answered, {unanswered} unanswered "
        f"({rate:.0%}: {stats.close} 'did you mean', {stats.unknown} not known)."
    )
    ratio = stats.helpful_ratio
    votes = stats.helpful + stats.unhelpful
    lines.append(
        f"Helpful: {ratio:.0%} of {votes} votes (👍 {stats.helpful} · 👎 {stats.unhelpful})."
        if ratio is not None
        else "No helpful/not helpful votes."
    )
    if len(stats.by_language) > 1:
        lines.append("By language (asked · answered · 👍 · 👎):")
        lines += [
            f"`{code}` {asked} · {answered} ({answered / asked:.0%}) · {yes} · {no}"
            for code, asked, answered, yes, no in stats.by_language
        ]
    if stats.top:
        lines.append("Most asked (answers · 👍 · 👎):")
        lines += [f"`{entry_id}` {n} · {yes} · {no}" for entry_id, n, yes, no in stats.top]
    return fit_lines(lines)


def fit_lines(lines: Sequence[str], limit: int = MESSAGE_MAX) -> str:
    """Join lines, dropping the tail (with a note) rather than cutting one in half."""
    kept: list[str] = []
    for line in lines:
        if len("\n".join([*kept, line])) > limit - 30:
            kept.append("… (more not shown)")
            break
        kept.append(line)
    return "\n".join(kept)


def problems_text(header: str, problems: Sequence[str]) -> str:
    return fit_lines([header, *(f"• {clip(p, 300)}" for p in problems)])


def export_archive(files: dict[str, str]) -> discord.File:
    """The live knowledge base as a zip of topic files, as `policybot kb export` writes them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    buffer.seek(0)
    return discord.File(buffer, filename="policybot-knowledge.zip")
