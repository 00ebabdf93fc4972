"""Rendering alone (no network): every answer fits Discord's limits, checked by the same rules
the emulator applies."""

from __future__ import annotations

import dataclasses
import datetime as dt

import discord
import pytest

from bot.core.answers import Answer, Suggestion, answer_entry
from bot.core.citations import VIA, Citation
from bot.core.i18n import texts
from bot.core.knowledge import load_directory
from bot.core.matcher import Tier
from bot.core.models import SourceKind
from bot.discord.limits import clip
from bot.discord.render import answer_embed, close_embed, not_known_embed
from bot.discord.views import answer_view
from bot.settings import SHIPPED_KNOWLEDGE
from testkit.emulator.validation import message_problems

LONG = "word " * 2000


def problems(embed: discord.Embed, view: discord.ui.View | None = None) -> list[str]:
    body = {
        "embeds": [embed.to_dict()],
        "components": view.to_components() if view else [],
        "allowed_mentions": {"parse": []},
    }
    return message_problems(body, creating=True, interaction=True)


def test_every_shipped_entry_renders_within_limits() -> None:
    knowledge = load_directory(SHIPPED_KNOWLEDGE)
    entries = {p.entry.id: p.entry for p in knowledge.ordered()}
    assert entries
    for entry in entries.values():
        related = [entries[r] for r in entry.related if r in entries]
        answer = answer_entry(entry.question, entry, 88.0, related)
        answer = dataclasses.replace(answer, question_id=123456789)
        assert problems(answer_embed(answer), answer_view(answer)) == [], entry.id


def sources_text(embed: discord.Embed) -> str:
    return "\n".join(f.value or "" for f in embed.fields if (f.name or "").startswith(SOURCES))


SOURCES = ("Sources", "Fuentes")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shipped_entry_shows_every_source_unclipped(language: str) -> None:
    knowledge = load_directory(SHIPPED_KNOWLEDGE)
    for entry in (p.entry for p in knowledge.ordered()):
        answer = answer_entry(entry.question, entry, 88.0, [], language)
        embed = answer_embed(answer)
        assert len(embed) <= 6000, entry.id
        for field in embed.fields:
            assert len(field.name or "") <= 256 and len(field.value or "") <= 1024, entry.id
        listed = sources_text(embed)
        assert "…" not in listed, entry.id
        for citation in answer.citations:
            assert citation.title in listed and citation.publisher in listed, entry.id
            assert citation.url is None or f"({citation.url})" in listed, entry.id
            via = texts(language).gettext(VIA).format(outlet=citation.via)  # who relayed it
            assert citation.via is None or via in listed, entry.id


def test_a_source_list_too_long_for_one_field_goes_on_in_another() -> None:
    citations = tuple(
        Citation(
            publisher=f"Publisher {n}",
            title=f"A fairly long headline about the check-in app, number {n}",
            date=dt.date(2024, 7, 12),
            url=f"https://example.org/news/2024/07/12/a-long-address-for-story-{n}",
            kind=SourceKind.OUTLET_ANALYSIS,
            anonymous=False,
            described_as=None,
            count=None,
            via=None,
        )
        for n in range(12)
    )
    answer = Answer(
        question="q",
        tier=Tier.CONFIDENT,
        score=90.0,
        entry_id="many-sources",
        matched_question="Which app is it?",
        text="An answer.",
        citations=citations,
        status="public_record",
        as_of=dt.date(2024, 7, 12),
    )
    embed = answer_embed(answer)
    assert problems(embed) == []
    names = [f.name for f in embed.fields]
    assert names.count("Sources") == 1 and "Sources (continued)" in names
    listed = sources_text(embed)
    assert "…" not in listed
    assert all(f"({c.url})" in listed for c in citations)


def test_the_status_field_says_when_sources_are_undated() -> None:
    knowledge = load_directory(SHIPPED_KNOWLEDGE)
    entry = next(p.entry for p in knowledge.ordered() if p.entry.id == "ice-check-in-app")
    assert all(source.date is None for source in entry.sources)
    status = {f.name: f.value for f in answer_embed(answer_entry("q", entry, 88.0, [])).fields}
    assert "sources undated; checked" in (status["Status"] or "")
    assert "information dates from" not in (status["Status"] or "")


def test_oversized_answer_is_clipped_to_every_limit() -> None:
    citation = Citation(
        publisher=LONG[:300],
        title=LONG[:300],
        date=dt.date(2024, 7, 12),
        url="https://example.org/" + "x" * 200,
        kind=SourceKind.ANONYMOUS,
        anonymous=True,
        described_as=LONG[:300],
        count=3,
        via=None,
    )
    related = tuple(Suggestion(f"entry-{n:02d}", LONG[:300]) for n in range(5))
    answer = Answer(
        question=LONG,
        tier=Tier.CONFIDENT,
        score=99.0,
        entry_id="big-entry",
        matched_question=LONG[:300],
        text=LONG[:4096],
        citations=(citation,) * 8,
        status="reported_unconfirmed",
        as_of=dt.date(2024, 7, 12),
        related=related,
        question_id=10**17,
    )
    embed = answer_embed(answer)
    assert problems(embed, answer_view(answer)) == []
    assert len(embed) <= 6000 and embed.description and embed.description.endswith("…")


def test_close_and_unknown_embeds_clip_the_echoed_question() -> None:
    suggestions = tuple(Suggestion(f"entry-{n}", LONG[:300]) for n in range(3))
    close = Answer(
        question=LONG, tier=Tier.CLOSE, score=60.0, message="Did you mean", suggestions=suggestions
    )
    unknown = Answer(question=LONG, tier=Tier.NONE, message="Not known")
    assert problems(close_embed(close), answer_view(close)) == []
    assert problems(not_known_embed(unknown, [LONG[:300]] * 10)) == []


@pytest.mark.parametrize(("text", "limit"), [("short", 10), ("a" * 50, 10), (LONG, 100)])
def test_clip(text: str, limit: int) -> None:
    clipped = clip(text, limit)
    assert len(clipped) <= limit
    assert clipped == text or clipped.endswith("…")


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_answer_to_one_part_of_a_message_says_so_within_limits(language: str) -> None:
    knowledge = load_directory(SHIPPED_KNOWLEDGE)
    entry = next(p.entry for p in knowledge.ordered())
    whole = answer_entry(entry.question, entry, 88.0, [], language)
    part = dataclasses.replace(whole, unanswered_parts=1)
    assert part.unanswered_note is not None
    notes = [f.value for f in answer_embed(part).fields]
    assert part.unanswered_note in notes
    titles = [f.name for f in answer_embed(part).fields]
    assert whole.unanswered_note is None
    assert len([f for f in answer_embed(whole).fields if f.name in titles]) == len(titles) - 1
    assert problems(answer_embed(part), answer_view(part)) == []
