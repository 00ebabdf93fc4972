"""Plain-text views of revisions, queues and usage for `/kb`, refusals, and the export archive.

Every text is in the moderator's language (`words`: their Discord client's, see
bot/discord/locale.py), from the gettext catalogue; what they or the files typed stays as typed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

import discord

from bot.core.i18n import N_, Texts, said
from bot.core.knowledge import KnowledgeError
from bot.core.models import Entry
from bot.core.store import PeriodStats, Revision, StoreError
from bot.discord.limits import CHOICE_MAX, CHOICES_MAX, MESSAGE_MAX, clip

MAX_UPLOAD_BYTES = 1_000_000
NO_ENTRY = N_("No entry {entry}.")
NOT_CHANGED = N_("Not changed:")
NOT_SAVED = N_("Not saved — nothing was changed:")
# A locked or full database: {problem} names it and says nothing was written.
NOT_CHANGED_STORE = N_("Not changed: {problem}.")
NOT_SAVED_STORE = N_("Not saved: {problem}.")
MORE_NOT_SHOWN = N_("… (more not shown)")


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


def no_entry_text(words: Texts, entry_id: str) -> str:
    return words.gettext(NO_ENTRY).format(entry=quoted(entry_id))


def refusal_text(words: Texts, error: KnowledgeError | StoreError, *, form: bool = False) -> str:
    """Why a change was refused (nothing was written): each invalid field, or a locked or full
    database named. `form`: the save of a form ("Not saved"), else a command ("Not changed")."""
    if isinstance(error, StoreError):
        text = words.gettext(NOT_SAVED_STORE if form else NOT_CHANGED_STORE)
        return clip(text.format(problem=error.said(words.code)), MESSAGE_MAX)
    return problems_text(words, words.gettext(NOT_SAVED if form else NOT_CHANGED), error.problems)


def history_text(words: Texts, entry_id: str, revisions: Sequence[Revision]) -> str:
    lines = [words.gettext("History of {entry} (newest first):").format(entry=f"`{entry_id}`")]
    for revision in reversed(revisions):
        line = (
            words.gettext("**#{number}** deleted {when} UTC by {author} — {reason}")
            if revision.entry is None
            else words.gettext("**#{number}** saved {when} UTC by {author} — {reason}")
        )
        lines.append(
            line.format(
                number=revision.number,
                when=words.moment(revision.created_at),
                author=revision.author,
                reason=revision.reason or words.gettext("no reason given"),
            )
        )
    lines.append(words.gettext("Restore one with `/kb revert`."))
    return fit_lines(words, lines)


def stats_text(words: Texts, stats: PeriodStats, days: int | None, entries: int, as_of: str) -> str:
    period = (
        words.ngettext("the last {days} day", "the last {days} days", days).format(
            days=words.number(days)
        )
        if days
        else words.gettext("all time")
    )
    counted = words.ngettext("{count} entry", "{count} entries", entries).format(
        count=words.number(entries)
    )
    lines = [
        words.gettext("{entries}, information as of {date}. Over {period}:").format(
            entries=counted, date=as_of, period=period
        )
    ]
    if not stats.asked:
        return fit_lines(words, [*lines, words.gettext("No questions asked.")])
    unanswered = stats.asked - stats.confident
    lines.append(
        words.gettext(
            "{asked} questions; {answered} answered, {unanswered} unanswered ({rate}: "
            "{close} 'did you mean', {unknown} not known)."
        ).format(
            asked=words.number(stats.asked),
            answered=words.number(stats.confident),
            unanswered=words.number(unanswered),
            rate=words.percent(stats.unanswered_rate or 0.0),
            close=words.number(stats.close),
            unknown=words.number(stats.unknown),
        )
    )
    ratio = stats.helpful_ratio
    lines.append(
        words.gettext("Helpful: {ratio} of {votes} votes (👍 {yes} · 👎 {no}).").format(
            ratio=words.percent(ratio),
            votes=words.number(stats.helpful + stats.unhelpful),
            yes=words.number(stats.helpful),
            no=words.number(stats.unhelpful),
        )
        if ratio is not None
        else words.gettext("No helpful/not helpful votes.")
    )
    if len(stats.by_language) > 1:
        lines.append(words.gettext("By language (asked · answered · 👍 · 👎):"))
        lines += [
            f"`{code}` {words.number(asked)} · {words.number(answered)} "
            f"({words.percent(answered / asked)}) · {words.number(yes)} · {words.number(no)}"
            for code, asked, answered, yes, no in stats.by_language
        ]
    if stats.top:
        lines.append(words.gettext("Most asked (answers · 👍 · 👎):"))
        lines += [
            f"`{entry_id}` {words.number(count)} · {words.number(yes)} · {words.number(no)}"
            for entry_id, count, yes, no in stats.top
        ]
    return fit_lines(words, lines)


def fit_lines(words: Texts, lines: Sequence[str], limit: int = MESSAGE_MAX) -> str:
    """Join lines, dropping the tail (with a note) rather than cutting one in half."""
    more = words.gettext(MORE_NOT_SHOWN)  # its length differs by language: room kept for it
    kept: list[str] = []
    for line in lines:
        if len("\n".join([*kept, line])) > limit - len(more) - 1:
            kept.append(more)
            break
        kept.append(line)
    return "\n".join(kept)


def problems_text(words: Texts, header: str, problems: Sequence[str]) -> str:
    """A refusal's header and each problem in the moderator's language where the core marked
    it (no such entry, changed by someone else, …); a file's validation problems stay as the
    model wrote them, in English (they name files, fields and ids as the files write them)."""
    return fit_lines(words, [header, *(f"• {clip(said(p, words.code), 300)}" for p in problems)])


def export_archive(files: dict[str, str]) -> discord.File:
    """The live knowledge base as a zip of topic files, as `policybot kb export` writes them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    buffer.seek(0)
    return discord.File(buffer, filename="policybot-knowledge.zip")
