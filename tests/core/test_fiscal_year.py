"""A fiscal year written short ("fy24", "fy 22") is read as the year the entries write out
(FY2024, FY2022: the `rewrites` of the English language data), so a question about a year an
entry's figures give is not held at "did you mean" for a year it seems to lack (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.chatter import strip_chatter
from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    ("plain", "read"),
    [
        ("encounters in fy24", "encounters in fy2024"),
        ("fy 22 apprehensions", "fy2022 apprehensions"),
        ("encounters in fy2024", "encounters in fy2024"),  # already whole
        ("fy 2023 apprehensions", "fy 2023 apprehensions"),
        ("the fy245 form", "the fy245 form"),  # not a year
    ],
)
def test_a_short_fiscal_year_is_read_whole(plain: str, read: str) -> None:
    assert strip_chatter(plain) == read


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("sw border apprehensions in fy23?", "swb-apprehensions"),
        ("how many swb apprehensions were there in fy21", "swb-apprehensions"),
    ],
)
def test_a_year_the_entry_gives_is_answered(english: Matcher, question: str, entry: str) -> None:
    assert confident_entry(english, question) == entry


@pytest.mark.parametrize(
    "question",
    ["how many cbp encounters were there in fy18", "what was ice's fy25 budget"],
)
def test_a_year_no_entry_gives_is_not_answered(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) is None
