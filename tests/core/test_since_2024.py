"""The shipped "what happened next" entries answer the questions members ask now, with dates and
sources; old answers say newer developments may exist; own-case questions get the notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.answers import WHERE_THINGS_STAND
from bot.core.engine import Engine
from bot.core.models import SourceKind

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 29)


@pytest.fixture
async def shipped(tmp_path: Path) -> AsyncIterator[Engine]:
    async with Engine.open(tmp_path / "shipped.sqlite3", ROOT / "knowledge") as engine:
        yield engine


def test_the_knowledge_base_is_dated_by_where_things_stand(shipped: Engine) -> None:
    entry = shipped.entry(WHERE_THINGS_STAND)
    assert entry is not None and entry.as_of == AS_OF == shipped.as_of
    assert "29 November 2026" in entry.answer and "Not known" in entry.answer


@pytest.mark.parametrize(
    "question", ["Is this still happening?", "what happened after the election?"]
)
def test_questions_about_now_are_answered_from_where_things_stand(
    shipped: Engine, question: str
) -> None:
    answer = shipped.answer(question)
    assert answer.matched and answer.entry_id == WHERE_THINGS_STAND
    assert answer.knowledge_as_of == AS_OF and answer.as_of == AS_OF
    # Its sources are undated pages: it says when it was checked, not when they were published.
    assert answer.dates_from is None and answer.sources_undated
    assert answer.newer_developments is None
    assert answer.citations and all(c.url or c.title for c in answer.citations)
    assert answer.notice is None


def test_can_i_get_arrested_at_my_check_in_gets_the_notice_then_the_guardian_estimate(
    shipped: Engine,
) -> None:
    answer = shipped.answer("can I get arrested at my check-in?")
    assert answer.notice is not None
    assert answer.matched and answer.entry_id == "check-in-arrests-2025"
    assert answer.text is not None and "The Guardian estimated" in answer.text
    assert "1,400" in answer.text and "16,500" in answer.text
    (citation,) = answer.citations
    assert citation.publisher == "The Guardian" and citation.kind is SourceKind.OUTLET_ANALYSIS
    # The Guardian piece's exact date is not verified: checked 1 March 2025, no date claimed.
    assert answer.dates_from is None and answer.as_of == dt.date(2025, 3, 1)
    # Over a year older than the knowledge base: it points to where things stand.
    assert answer.newer_developments is not None
    assert WHERE_THINGS_STAND in [r.entry_id for r in answer.related]


def test_an_old_entry_says_newer_developments_may_exist_and_a_fresh_one_does_not(
    shipped: Engine,
) -> None:
    old = shipped.answer("how many migrants were enrolled in the app?")
    assert old.entry_id == "enrolled-45"
    assert old.dates_from is not None and old.dates_from.year == 2024
    assert old.newer_developments is not None and "Newer developments may exist" in (
        old.newer_developments
    )
    assert old.related[0].entry_id == WHERE_THINGS_STAND
    fresh = shipped.answer("where can I get free legal help?")
    assert fresh.entry_id == "legal-help" and fresh.newer_developments is None


def test_later_reporting_is_attributed_and_anonymity_is_flagged(shipped: Engine) -> None:
    ghost = shipped.answer("what is ghost mode?")
    assert ghost.entry_id == "ghost-mode-criticism"
    assert ghost.anonymous_sourcing and ghost.warning is not None
    assert {c.publisher for c in ghost.citations} == {"Breitbart News"}
    attorney = shipped.answer("who is Ed Cuccia?")
    assert attorney.entry_id == "attorney-pilot-clients" and not attorney.anonymous_sourcing
    assert attorney.citations[0].kind is SourceKind.NAMED_PERSON
