"""Answers and summaries as Discord embeds, every text clipped to Discord's limits."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.core.answers import Answer, Citation, format_date
from bot.core.engine import SourceSummary
from bot.core.matcher import Tier
from bot.core.models import SourceKind
from bot.discord.limits import (
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELDS_MAX,
    EMBED_TITLE_MAX,
    EMBED_TOTAL_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FOOTER_MAX,
    MESSAGE_MAX,
    clip,
)

CONFIRMED_COLOUR = discord.Colour.blue()
ANONYMOUS_COLOUR = discord.Colour.orange()
NEUTRAL_COLOUR = discord.Colour.light_grey()
WARNING_TITLE = "⚠️ Anonymous sources — not confirmed on the record"
NOT_KNOWN_TITLE = "That is not in my knowledge base yet"
NEWER_TITLE = "🕓 Newer developments may exist"
KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.ANONYMOUS: "anonymous sources",
    SourceKind.NAMED_PERSON: "named people",
    SourceKind.OFFICIAL_RECORD: "official documents",
    SourceKind.AGENCY_DATA: "agency data",
    SourceKind.OUTLET_ANALYSIS: "the outlet's own analysis",
    SourceKind.UNATTRIBUTED: "unattributed",
}


def answer_embed(answer: Answer) -> discord.Embed:
    """A confident answer: text, warning, sources, status and as-of, match in the footer."""
    colour = ANONYMOUS_COLOUR if answer.anonymous_sourcing else CONFIRMED_COLOUR
    embed = discord.Embed(
        title=clip(answer.matched_question or answer.question, EMBED_TITLE_MAX),
        description=clip(answer.text or "", EMBED_DESCRIPTION_MAX),
        colour=colour,
    )
    if answer.warning:
        _add_field(embed, WARNING_TITLE, answer.warning)
    if answer.newer_developments:
        _add_field(embed, NEWER_TITLE, answer.newer_developments)
    _add_field(embed, "Sources", "\n".join(_citation_line(c) for c in answer.citations))
    status = answer.status_label or "Unknown"
    if answer.as_of:
        status += f" · as of {format_date(answer.as_of)}"
    if answer.dates_from:
        status += f" · information dates from {format_date(answer.dates_from)}"
    _add_field(embed, "Status", status)
    embed.set_footer(
        text=clip(f"Matched “{answer.matched_question}” · score {answer.score:.0f}/100", FOOTER_MAX)
    )
    return fit(embed)


def _citation_line(citation: Citation) -> str:
    title = f"[{citation.title}]({citation.url})" if citation.url else f"“{citation.title}”"
    when = format_date(citation.date) if citation.date else "undated"
    return f"• **{citation.publisher}**, {when} — {title}; {citation.attribution}"


def close_embed(answer: Answer) -> discord.Embed:
    lines = [f"{n}. {s.question}" for n, s in enumerate(answer.suggestions, start=1)]
    description = (answer.message or "Did you mean…") + "\n" + "\n".join(lines)
    embed = discord.Embed(
        title="Did you mean…",
        description=clip(description, EMBED_DESCRIPTION_MAX),
        colour=NEUTRAL_COLOUR,
    )
    embed.set_footer(text=clip(f"You asked: {answer.question}", FOOTER_MAX))
    return fit(embed)


def not_known_embed(answer: Answer, topics: Sequence[str]) -> discord.Embed:
    embed = discord.Embed(
        title=NOT_KNOWN_TITLE,
        description=clip(answer.message or NOT_KNOWN_TITLE, EMBED_DESCRIPTION_MAX),
        colour=NEUTRAL_COLOUR,
    )
    if topics:
        _add_field(embed, "What I can answer about", "\n".join(f"• {t}" for t in topics))
    embed.set_footer(text=clip(f"You asked: {answer.question}", FOOTER_MAX))
    return fit(embed)


def notice_text(answer: Answer) -> str | None:
    """The own-case notice as message text above the embed, so it is read first. Links are in
    <…> so Discord shows no preview cards for them."""
    if answer.notice is None:
        return None
    notice = answer.notice
    links = "\n".join(f"• {link.label}: <{link.url}>" for link in notice.links)
    return clip(f"⚠️ **{notice.title}**\n{notice.text}\n{links}", MESSAGE_MAX)


def refusal_text(answer: Answer) -> str:
    return clip(answer.message or "Please ask a question in words.", MESSAGE_MAX)


def answer_to_embed(answer: Answer, topics: Sequence[str]) -> discord.Embed | None:
    """The embed for any answer, or None when the question itself was refused."""
    if answer.tier is Tier.CONFIDENT:
        return answer_embed(answer)
    if answer.tier is Tier.CLOSE:
        return close_embed(answer)
    if answer.tier is Tier.NONE:
        return not_known_embed(answer, topics)
    return None


def sources_embed(summaries: Sequence[SourceSummary]) -> discord.Embed:
    """Who is quoted and how, grouped by kind of attribution, with entry counts."""
    by_kind: dict[SourceKind, list[str]] = {}
    for summary in summaries:
        entries = "entry" if summary.entries == 1 else "entries"
        by_kind.setdefault(summary.kind, []).append(
            f"• {summary.publisher}: {summary.entries} {entries}"
        )
    embed = discord.Embed(
        title="Who is quoted, and how",
        description="Each answer cites its sources. Anonymous sourcing is flagged on every "
        "answer that rests on it.",
        colour=NEUTRAL_COLOUR,
    )
    for kind, lines in by_kind.items():
        _add_field(embed, f"{KIND_LABELS[kind].capitalize()} ({len(lines)})", "\n".join(lines))
    return fit(embed)


def about_embed(topics: Sequence[str], entries: int, as_of: str | None) -> discord.Embed:
    embed = discord.Embed(
        title="About policybot",
        description=(
            "I answer questions about one reported policy: ICE letting migrants check in "
            "through a phone app instead of in person. Every answer comes from a curated, "
            "sourced knowledge base and says who reported it; when a claim rests on "
            "anonymous sources, I say so. I never guess: what I don't know, I say I don't "
            "know, and moderators see the question."
        ),
        colour=NEUTRAL_COLOUR,
    )
    _add_field(embed, "Covers", "\n".join(f"• {t}" for t in topics) or "Nothing yet.")
    _add_field(
        embed,
        "Limits",
        "Not legal advice. For your own case, rely on official notices, your ICE officer "
        "or an immigration attorney; official information is at ice.gov and cbp.gov.",
    )
    embed.set_footer(text=f"{entries} entries · knowledge as of {as_of or 'unknown'}")
    return fit(embed)


def _add_field(embed: discord.Embed, name: str, value: str) -> None:
    if len(embed.fields) >= EMBED_FIELDS_MAX or not value.strip():
        return
    embed.add_field(
        name=clip(name, FIELD_NAME_MAX), value=clip(value, FIELD_VALUE_MAX), inline=False
    )


def fit(embed: discord.Embed) -> discord.Embed:
    """Keep the whole embed within Discord's 6,000-character total."""
    excess = len(embed) - EMBED_TOTAL_MAX
    if excess > 0 and embed.description:
        keep = max(len(embed.description) - excess, 100)
        embed.description = clip(embed.description, keep)
    while len(embed) > EMBED_TOTAL_MAX and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    return embed
