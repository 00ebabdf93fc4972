"""The note on doubt about an outlet (bot/core/outlet_doubt.py) in a Discord embed: read first, in
the answer's language, within every limit, pinging no one; an answer too long to share its
description with the note keeps its text whole and shows the note in a field."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.answers import Answer, answer_entry
from bot.core.i18n import texts
from bot.core.knowledge import load_directory
from bot.core.models import ANSWER_MAX_CHARS
from bot.core.outlet_doubt import framed
from bot.discord.limits import EMBED_DESCRIPTION_MAX
from bot.discord.render import OUTLET_NOTE_TITLE, answer_embed
from bot.discord.views import answer_view
from bot.settings import SHIPPED_KNOWLEDGE
from tests.discord.test_render import problems


def _who_reported(language: str) -> Answer:
    knowledge = load_directory(SHIPPED_KNOWLEDGE)
    entry = next(p.entry for p in knowledge.ordered() if p.entry.id == "who-reported")
    return answer_entry(entry.question, entry, 90.0, [], language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_note_opens_the_description_within_limits(language: str) -> None:
    plain = _who_reported(language)
    noted = framed(plain, True)
    assert noted.outlet_note
    embed = answer_embed(noted)
    assert (embed.description or "").startswith(f"*{noted.outlet_note}*")
    assert (embed.description or "").endswith(noted.text or "")
    assert answer_embed(plain).description == plain.text
    assert problems(embed, answer_view(noted)) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_long_answer_keeps_its_text_and_shows_the_note_in_a_field(language: str) -> None:
    noted = framed(_who_reported(language), True)
    long = dataclasses.replace(noted, text="word " * (ANSWER_MAX_CHARS // 5))
    assert len(long.text or "") <= EMBED_DESCRIPTION_MAX
    embed = answer_embed(long)
    assert embed.description == long.text
    title = texts(language).gettext(OUTLET_NOTE_TITLE)
    assert [f.value for f in embed.fields if f.name == title] == [long.outlet_note]
    assert problems(embed, answer_view(long)) == []
