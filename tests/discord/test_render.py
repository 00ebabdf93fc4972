"""Rendering alone (no network): every answer fits Discord's limits, checked by the same rules
the emulator applies."""

from __future__ import annotations

import dataclasses
import datetime as dt

import discord
import pytest

from bot.core.answers import Answer, Citation, Suggestion, answer_entry
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
