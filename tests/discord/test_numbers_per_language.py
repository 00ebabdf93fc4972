"""Counts, times and days in a moderator's reply are written in their language through Babel:
"12,345" and "12.345", "29/11/2026, 10:56" and "29/11/26, 10:56", never an ISO date."""

from __future__ import annotations

from bot.core.i18n import texts
from bot.core.store import PeriodStats, Revision
from bot.discord.moderation import history_text, stats_text

STATS = PeriodStats(
    since=None,
    asked=12345,
    confident=10000,
    close=1345,
    unknown=1000,
    helpful=2500,
    unhelpful=1500,
    top=(("enrolled-45", 4321, 1200, 30),),
    by_language=(("en", 8000, 7000, 2000, 1000), ("es", 4345, 3000, 500, 500)),
)


def test_stats_counts_are_grouped_the_languages_way() -> None:
    english = stats_text(texts("en"), STATS, 30, 1200, "12 July 2024")
    assert "12,345 questions; 10,000 answered, 2,345 unanswered" in english
    assert "1,345 'did you mean', 1,000 not known" in english
    assert "of 4,000 votes (👍 2,500 · 👎 1,500)" in english
    assert "`es` 4,345 · 3,000" in english and "`enrolled-45` 4,321 · 1,200 · 30" in english
    assert "1,200 entries" in english
    spanish = stats_text(texts("es"), STATS, 30, 1200, "12 de julio de 2024")
    assert "12.345 preguntas; 10.000 respondidas, 2.345" in spanish
    assert "`es` 4.345 · 3.000" in spanish and "`enrolled-45` 4.321 · 1.200 · 30" in spanish
    assert "12,345" not in spanish and "2,500" not in spanish


def test_a_revisions_time_is_written_the_languages_way() -> None:
    revision = Revision(
        rev=1,
        entry_id="enrolled-45",
        number=3,
        file="report.toml",
        position=0,
        entry=None,
        author="mia",
        reason="gone",
        created_at="2026-11-29T10:56:12.345+00:00",
    )
    assert "deleted 29/11/2026, 10:56 UTC by mia" in history_text(
        texts("en"), "enrolled-45", [revision]
    )
    spanish = history_text(texts("es"), "enrolled-45", [revision])
    assert "29/11/26, 10:56 UTC" in spanish and "2026-11-29" not in spanish


def test_a_stored_time_without_a_zone_is_utc() -> None:
    assert texts("en").moment("2026-11-29 10:56:12") == "29/11/2026, 10:56"
    assert texts("es").day("2026-11-29T23:59:00+00:00") == "29 de noviembre de 2026"
