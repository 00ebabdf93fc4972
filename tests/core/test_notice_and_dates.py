"""The own-case notice and the dates every answer carries, through the engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.console import render_answer
from bot.core.answers import WHERE_THINGS_STAND, is_dated
from bot.core.engine import Engine
from bot.core.matcher import Tier
from bot.core.notices import EOIR_PRO_BONO_URL, ICE_CHECK_IN_URL

from .conftest import CBP_DATA, write_knowledge

WHERE_THINGS_STAND_ENTRY: dict[str, Any] = {
    "id": WHERE_THINGS_STAND,
    "question": "Where do things stand now?",
    "paraphrases": ["is this still happening"],
    "keywords": ["still happening"],
    "answer": "As of 29 November 2026, ICE's check-in page lets people schedule appointments.",
    "sources": [CBP_DATA],
    "status": "public_record",
    "as_of": "2026-11-29",
}


async def test_an_own_case_question_gets_the_notice_first_and_then_the_facts(
    engine: Engine,
) -> None:
    answer = await engine.ask("I have a check-in, how many migrants were enrolled in the app?")
    assert answer.matched and answer.entry_id == "enrolled-45"
    assert answer.notice is not None and answer.notice.language == "en"
    assert "not legal advice" in answer.notice.title
    assert {link.url for link in answer.notice.links} == {EOIR_PRO_BONO_URL, ICE_CHECK_IN_URL}


async def test_a_news_question_gets_no_notice(engine: Engine) -> None:
    answer = await engine.ask("I heard 45 migrants were enrolled in the app, true?")
    assert answer.matched and answer.notice is None


async def test_the_notice_is_in_the_language_of_the_question(engine: Engine) -> None:
    answer = await engine.ask("¿puedo usar la app para mi cita?")
    assert answer.notice is not None and answer.notice.language == "es"
    assert "asesoría legal" in answer.notice.title


async def test_an_own_case_question_that_matches_nothing_still_gets_the_notice(
    engine: Engine,
) -> None:
    answer = await engine.ask("should I go to my court hearing in Denver next Tuesday?")
    assert answer.tier is Tier.NONE and answer.text is None
    assert "not in my knowledge base" in (answer.message or "")
    assert answer.notice is not None


async def test_a_refused_question_carries_no_notice(engine: Engine) -> None:
    answer = await engine.ask("my check-in " + "x" * 600)
    assert answer.tier is Tier.REFUSED and answer.notice is None


async def test_the_json_contract_carries_the_notice_and_the_dates(engine: Engine) -> None:
    data = (await engine.ask("can I skip my check-in if I use the app?")).to_json()
    assert data["notice"]["language"] == "en"
    assert [link["url"] for link in data["notice"]["links"]] == [
        EOIR_PRO_BONO_URL,
        ICE_CHECK_IN_URL,
    ]
    news = (await engine.ask("how many migrants were enrolled?")).to_json()
    assert news["notice"] is None
    assert news["dates_from"] == "2024-07-12" and news["knowledge_as_of"] == "2024-07-12"
    assert news["newer_developments"] is None


def test_a_year_is_measured_on_the_calendar() -> None:
    as_of = dt.date(2026, 11, 29)
    assert not is_dated(dt.date(2025, 11, 29), as_of)
    assert is_dated(dt.date(2025, 11, 28), as_of)
    assert is_dated(dt.date(2023, 2, 27), dt.date(2024, 2, 29))
    assert not is_dated(dt.date(2023, 2, 28), dt.date(2024, 2, 29))


async def test_an_old_answer_says_newer_developments_may_exist_and_points_to_where_things_stand(
    tmp_path: Path, entries: list[dict[str, Any]], open_engine: Callable[[], Any]
) -> None:
    write_knowledge(tmp_path / "knowledge", [*entries, WHERE_THINGS_STAND_ENTRY])
    async with open_engine() as engine:
        old = engine.answer("how many migrants were enrolled?")
        fresh = engine.answer("is this still happening?")
    assert old.dates_from == dt.date(2024, 7, 12)
    assert old.knowledge_as_of == dt.date(2026, 11, 29)
    assert old.newer_developments is not None
    assert "12 July 2024" in old.newer_developments
    assert "Where do things stand now?" in old.newer_developments
    assert old.related[0].entry_id == WHERE_THINGS_STAND
    assert fresh.entry_id == WHERE_THINGS_STAND
    assert fresh.newer_developments is None
    assert all(r.entry_id != WHERE_THINGS_STAND for r in fresh.related)


async def test_a_source_within_the_year_is_not_called_dated(
    tmp_path: Path, entries: list[dict[str, Any]], open_engine: Callable[[], Any]
) -> None:
    recent = dict(entries[1], as_of="2026-01-02", sources=[dict(CBP_DATA, date="2026-01-02")])
    write_knowledge(
        tmp_path / "knowledge", [entries[0], recent, entries[2], WHERE_THINGS_STAND_ENTRY]
    )
    async with open_engine() as engine:
        answer = engine.answer("how many border crossers were apprehended under Biden?")
    assert answer.entry_id == "apprehended-7m"
    assert answer.dates_from == dt.date(2026, 1, 2)
    assert answer.newer_developments is None


async def test_the_console_shows_the_notice_first_and_the_dates(
    tmp_path: Path, entries: list[dict[str, Any]], open_engine: Callable[[], Any]
) -> None:
    write_knowledge(tmp_path / "knowledge", [*entries, WHERE_THINGS_STAND_ENTRY])
    async with open_engine() as engine:
        own = render_answer(
            engine.answer("I have a check-in, how many migrants were enrolled in the app?")
        )[0]
        unknown = render_answer(engine.answer("should I go to my court hearing in Denver?"))[0]
        news = render_answer(engine.answer("how many migrants were enrolled?"))[0]
    assert own.startswith("NOTICE — About your own case: this is not legal advice.")
    assert own.index("NOTICE") < own.index("45") and EOIR_PRO_BONO_URL in own
    assert "information dates from 12 July 2024" in own
    assert "NOTE: This information dates from 12 July 2024" in own
    assert unknown.startswith("NOTICE") and "not in my knowledge base" in unknown
    assert "NOTICE" not in news


def test_a_checked_message_about_ones_own_case_carries_the_notice(engine: Engine) -> None:
    checked = engine.claim(
        "My husband has an ICE check-in tomorrow. "
        "I heard only 45 migrants were enrolled in the app."
    )
    assert checked.answer.notice is not None
    news = engine.claim("Someone said only 45 migrants were enrolled in the app. Is that true?")
    assert news.answer.notice is None
