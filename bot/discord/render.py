"""Answers and summaries as Discord embeds, every text clipped to Discord's limits.

Every label is in the answer's language, from the catalogue (bot/core/i18n.py)."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.core.answers import Answer
from bot.core.citations import SOURCE_KIND_LABELS, VIA, Citation
from bot.core.engine import SourceSummary
from bot.core.i18n import N_, texts
from bot.core.languages import SOURCE_LANGUAGE
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
WARNING_TITLE = N_("⚠️ Anonymous sources — not confirmed on the record")
NOT_KNOWN_TITLE = N_("That is not in my knowledge base yet")
NEWER_TITLE = N_("🕓 Newer developments may exist")
DID_YOU_MEAN = N_("Did you mean…")
NOT_TRANSLATED_TITLE = N_("🌐 Not translated yet")
UNANSWERED_PART_TITLE = N_("❔ Only part of your message is answered")
OUTLET_NOTE_TITLE = N_("📰 About the outlet")


def answer_embed(answer: Answer) -> discord.Embed:
    """A confident answer: text, warning, sources, status and as-of, match in the footer."""
    words = texts(answer.language)
    colour = ANONYMOUS_COLOUR if answer.anonymous_sourcing else CONFIRMED_COLOUR
    noted = _noted(answer)
    embed = discord.Embed(
        title=clip(answer.matched_question or answer.question, EMBED_TITLE_MAX),
        description=clip(noted or answer.text or "", EMBED_DESCRIPTION_MAX),
        colour=colour,
    )
    if answer.outlet_note and noted is None:
        _add_field(embed, words.gettext(OUTLET_NOTE_TITLE), answer.outlet_note)
    if answer.not_translated_note:
        _add_field(embed, words.gettext(NOT_TRANSLATED_TITLE), answer.not_translated_note)
    if answer.unanswered_note:
        _add_field(embed, words.gettext(UNANSWERED_PART_TITLE), answer.unanswered_note)
    if answer.warning:
        _add_field(embed, words.gettext(WARNING_TITLE), answer.warning)
    if answer.newer_developments:
        _add_field(embed, words.gettext(NEWER_TITLE), answer.newer_developments)
    sources = [_citation_line(c) for c in answer.citations]
    for number, chunk in enumerate(_pack(sources, FIELD_VALUE_MAX)):
        name = words.gettext("Sources") if number == 0 else words.gettext("Sources (continued)")
        _add_field(embed, name, chunk)
    status = answer.status_label or words.gettext("Unknown")
    if answer.as_of:
        status += " · " + words.gettext("as of {date}").format(date=words.date(answer.as_of))
    if answer.dates_line:
        status += " · " + answer.dates_line
    if answer.update:
        status += "\n" + answer.update
    _add_field(embed, words.gettext("Status"), status)
    footer = words.gettext("Matched “{question}” · score {score}/100").format(
        question=answer.matched_question, score=f"{answer.score:.0f}"
    )
    embed.set_footer(text=clip(footer, FOOTER_MAX))
    return fit(embed)


def _noted(answer: Answer) -> str | None:
    """The answer's text after its note on the outlet (in italics), when it has one and both
    fit in a description; None otherwise (the note, if any, is then a field of its own)."""
    if not answer.outlet_note:
        return None
    both = f"*{answer.outlet_note}*\n\n{answer.text or ''}"
    return both if len(both) <= EMBED_DESCRIPTION_MAX else None


def _citation_line(citation: Citation) -> str:
    quoted = texts(citation.language).quoted(citation.title)  # «…» in Spanish
    title = f"[{citation.title}]({citation.url})" if citation.url else quoted
    line = f"• **{citation.publisher}**, {citation.when} — {title}; {citation.attribution}"
    if citation.via:  # who relayed it, as the console and the site say
        line += " " + texts(citation.language).gettext(VIA).format(outlet=citation.via)
    return line


def _you_asked(answer: Answer) -> str:
    you_asked = texts(answer.language).gettext("You asked: {question}")
    return clip(you_asked.format(question=answer.question), FOOTER_MAX)


def close_embed(answer: Answer) -> discord.Embed:
    words = texts(answer.language)
    lines = [f"{n}. {s.question}" for n, s in enumerate(answer.suggestions, start=1)]
    description = (answer.message or words.gettext(DID_YOU_MEAN)) + "\n" + "\n".join(lines)
    embed = discord.Embed(
        title=words.gettext(DID_YOU_MEAN),
        description=clip(description, EMBED_DESCRIPTION_MAX),
        colour=NEUTRAL_COLOUR,
    )
    embed.set_footer(text=_you_asked(answer))
    return fit(embed)


def not_known_embed(answer: Answer, topics: Sequence[str]) -> discord.Embed:
    words = texts(answer.language)
    title = words.gettext(NOT_KNOWN_TITLE)
    embed = discord.Embed(
        title=title,
        description=clip(answer.message or title, EMBED_DESCRIPTION_MAX),
        colour=NEUTRAL_COLOUR,
    )
    if topics:
        covered = "\n".join(f"• {t}" for t in topics)
        _add_field(embed, words.gettext("What I can answer about"), covered)
    embed.set_footer(text=_you_asked(answer))
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
    fallback = texts(answer.language).gettext("Please ask a question in words.")
    return clip(answer.message or fallback, MESSAGE_MAX)


def answer_to_embed(answer: Answer, topics: Sequence[str]) -> discord.Embed | None:
    """The embed for any answer, or None when the question itself was refused."""
    if answer.tier is Tier.CONFIDENT:
        return answer_embed(answer)
    if answer.tier is Tier.CLOSE:
        return close_embed(answer)
    if answer.tier is Tier.NONE:
        return not_known_embed(answer, topics)
    return None


def sources_embed(
    summaries: Sequence[SourceSummary], language: str = SOURCE_LANGUAGE
) -> discord.Embed:
    """Who is quoted and how, grouped by kind of attribution, with entry counts."""
    words = texts(language)
    by_kind: dict[SourceKind, list[str]] = {}
    for summary in summaries:
        count = words.ngettext("{count} entry", "{count} entries", summary.entries)
        by_kind.setdefault(summary.kind, []).append(
            f"• {summary.publisher}: {count.format(count=words.number(summary.entries))}"
        )
    embed = discord.Embed(
        title=words.gettext("Who is quoted, and how"),
        description=words.gettext(
            "Each answer cites its sources. Anonymous sourcing is flagged on every "
            "answer that rests on it."
        ),
        colour=NEUTRAL_COLOUR,
    )
    for kind, lines in by_kind.items():
        label = words.gettext(SOURCE_KIND_LABELS[kind])
        _add_field(embed, f"{label[:1].upper()}{label[1:]} ({len(lines)})", "\n".join(lines))
    return fit(embed)


def about_embed(
    topics: Sequence[str], entries: int, as_of: str | None, language: str = SOURCE_LANGUAGE
) -> discord.Embed:
    """`as_of`: the knowledge base's date, already written in `language`."""
    words = texts(language)
    embed = discord.Embed(
        title=words.gettext("About policybot"),
        description=words.gettext(
            "I answer questions about one reported policy: ICE letting migrants check in "
            "through a phone app instead of in person. Every answer comes from a curated, "
            "sourced knowledge base and says who reported it; when a claim rests on "
            "anonymous sources, I say so. I never guess: what I don't know, I say I don't "
            "know, and moderators see the question."
        ),
        colour=NEUTRAL_COLOUR,
    )
    covered = "\n".join(f"• {t}" for t in topics) or words.gettext("Nothing yet.")
    _add_field(embed, words.gettext("Covers"), covered)
    _add_field(
        embed,
        words.gettext("Limits"),
        words.gettext(
            "Not legal advice. For your own case, rely on official notices, your ICE officer "
            "or an immigration attorney; official information is at ice.gov and cbp.gov."
        ),
    )
    footer = words.ngettext(
        "{count} entry · knowledge as of {date}",
        "{count} entries · knowledge as of {date}",
        entries,
    )
    embed.set_footer(
        text=footer.format(count=words.number(entries), date=as_of or words.gettext("unknown"))
    )
    return fit(embed)


def _add_field(embed: discord.Embed, name: str, value: str) -> None:
    if len(embed.fields) >= EMBED_FIELDS_MAX or not value.strip():
        return
    embed.add_field(
        name=clip(name, FIELD_NAME_MAX), value=clip(value, FIELD_VALUE_MAX), inline=False
    )


def _pack(lines: Sequence[str], limit: int) -> list[str]:
    """`lines` joined into as few texts of at most `limit` characters as they fit in, so a long
    list goes on in another field instead of being cut mid-line (only a single line longer
    than `limit` is clipped)."""
    chunks: list[str] = []
    for line in lines:
        if chunks and len(chunks[-1]) + 1 + len(line) <= limit:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return chunks


def fit(embed: discord.Embed) -> discord.Embed:
    """Keep the whole embed within Discord's 6,000-character total."""
    excess = len(embed) - EMBED_TOTAL_MAX
    if excess > 0 and embed.description:
        keep = max(len(embed.description) - excess, 100)
        embed.description = clip(embed.description, keep)
    while len(embed) > EMBED_TOTAL_MAX and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    return embed
