"""An answer whose sources carry no date says so, and when the entry was checked, instead of
passing the checked date off as the date the information was published."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.console import render_answer
from bot.core.answers import Answer, answer_entry
from bot.core.models import Entry

from .conftest import CBP_DATA, ENTRIES

UNDATED_LISTING = {
    "publisher": "Apple App Store (third-party copy)",
    "title": "ICE Check-In App listing (undated copy)",
    "url": "https://example.org/ice-check-in-app",
    "kind": "agency_data",
}
KNOWLEDGE_AS_OF = dt.date(2026, 11, 29)


def console(answer: Answer) -> str:
    """The console's text with its line wrapping undone."""
    return " ".join(render_answer(answer)[0].split())


def entry(sources: list[dict[str, Any]], as_of: str) -> Entry:
    return Entry.model_validate(dict(ENTRIES[1], sources=sources, as_of=as_of))


@pytest.mark.parametrize(
    ("language", "dated", "undated"),
    [
        ("en", "information dates from 12 July 2024", "sources undated; checked 29 November 2026"),
        (
            "es",
            "información del 12 de julio de 2024",
            "fuentes sin fecha; última verificación: 29 de noviembre de 2026",
        ),
    ],
)
def test_a_dated_entry_gives_its_date_and_an_undated_one_says_it_is_undated(
    language: str, dated: str, undated: str
) -> None:
    with_date = answer_entry("q", entry([CBP_DATA], "2026-11-29"), 90.0, [], language)
    without = answer_entry("q", entry([UNDATED_LISTING], "2026-11-29"), 90.0, [], language)
    assert with_date.dates_line == dated and not with_date.sources_undated
    assert without.dates_line == undated and without.dates_from is None
    assert undated in console(without) and dated in console(with_date)
    assert "2026" not in (with_date.dates_line or "")


def test_the_json_keeps_dates_from_and_says_why_it_is_null() -> None:
    dated = answer_entry("q", entry([CBP_DATA], "2026-11-29"), 90.0, []).to_json()
    undated = answer_entry("q", entry([UNDATED_LISTING], "2026-11-29"), 90.0, []).to_json()
    assert dated["dates_from"] == "2024-07-12" and dated["sources_undated"] is False
    assert undated["dates_from"] is None and undated["sources_undated"] is True
    assert undated["as_of"] == "2026-11-29"


def test_an_undated_entry_checked_recently_is_not_called_old() -> None:
    answer = answer_entry(
        "q", entry([UNDATED_LISTING], "2026-11-29"), 90.0, [], knowledge_as_of=KNOWLEDGE_AS_OF
    )
    assert answer.newer_developments is None


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "sources are undated; it was last checked on 11 August 2024"),
        ("es", "no tienen fecha; se verificó por última vez el 11 de agosto de 2024"),
    ],
)
def test_an_undated_entry_last_checked_over_a_year_ago_says_so_without_inventing_a_date(
    language: str, words: str
) -> None:
    answer = answer_entry(
        "q",
        entry([UNDATED_LISTING], "2024-08-11"),
        90.0,
        [],
        language,
        knowledge_as_of=KNOWLEDGE_AS_OF,
    )
    assert answer.newer_developments is not None and words in answer.newer_developments
    assert "dates from" not in answer.newer_developments


def test_a_source_with_a_date_beside_an_undated_one_still_dates_the_entry() -> None:
    answer = answer_entry("q", entry([CBP_DATA, UNDATED_LISTING], "2024-11-22"), 90.0, [])
    assert answer.dates_from == dt.date(2024, 11, 22) and not answer.sources_undated
