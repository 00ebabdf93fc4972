"""Doubt about the outlet ("the Post is a tabloid, can I trust it", "¿newsmax es confiable?") is
answered by the entry saying who reported (one_question.py, Doubt.OUTLET); that answer opens
with a line in the bot's own voice, in the asker's language, saying it does not rate outlets and
here is who reported and on what sourcing (outlet_doubt.py). No other answer carries the line.
Words only, on the shipped knowledge base; the questions are this file's own."""

from __future__ import annotations

import dataclasses

import pytest

from bot.console import render_answer
from bot.core.engine import Engine
from bot.core.i18n import texts
from bot.core.matcher import Tier
from bot.core.outlet_doubt import FRAMING, framed, outlet_framing


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("can we even trust newsmax", "en"),
        ("is the new york post a trustworthy paper", "en"),
        ("honestly is newsmax a reliable source", "en"),
        ("¿se puede confiar en newsmax?", "es"),
        ("¿el new york post es confiable?", "es"),
    ],
)
async def test_doubt_about_an_outlet_is_answered_with_the_note_in_the_askers_language(
    shipped_engine: Engine, question: str, language: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.tier is Tier.CONFIDENT and answer.entry_id == "who-reported"
    assert answer.language == language
    assert answer.outlet_note == texts(language).gettext(FRAMING)
    assert answer.to_json()["outlet_note"] == answer.outlet_note
    # said first, before the answer's text
    text, _ = render_answer(answer)
    assert text.index(answer.outlet_note[:30]) < text.index((answer.text or "")[:30])


def test_the_note_is_translated_and_pings_no_one() -> None:
    english, spanish = outlet_framing("en"), outlet_framing("es")
    assert english == FRAMING and spanish != english
    assert "medio" in spanish and "fuentes" in spanish
    for note in (english, spanish):
        assert "@" not in note and "<" not in note and len(note) < 300


@pytest.mark.parametrize(
    "question",
    [
        "which outlet reported the ice app story",  # asked who reported, no doubt
        "quién publicó la noticia de la app",
        "is this story confirmed",  # doubt about the report, not an outlet
        "is the post reliable on the glitches",  # doubt about a claim
        "how many people enrolled",
    ],
)
async def test_no_other_answer_carries_the_note(shipped_engine: Engine, question: str) -> None:
    assert shipped_engine.answer(question).outlet_note is None


async def test_only_a_confident_answer_is_framed(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("can we even trust newsmax")
    assert framed(dataclasses.replace(answer, outlet_note=None), False).outlet_note is None
    held = dataclasses.replace(answer, tier=Tier.CLOSE, outlet_note=None)
    assert framed(held, True).outlet_note is None
    assert framed(dataclasses.replace(answer, outlet_note=None), True).outlet_note is not None
