"""What the fact-check review of issue 7 established about the shipped knowledge base.

Each rule is checked on the real `knowledge/` folder and, so that the check itself can be seen to
fail, on a sentence that breaks it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeSet, load_directory, provenance_problems
from bot.core.models import Entry, SourceKind

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
POST = "New York Post"
# Both Post stories on the app rest on unnamed sources, wherever they are cited.
JULY_STORY = dt.date(2024, 7, 12)
NOVEMBER_STORY = dt.date(2024, 11, 21)
ANONYMOUS_POST_STORIES = {JULY_STORY, NOVEMBER_STORY}
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")
ABOUT_1_44_MILLION = re.compile(r"1\.44\s*million|1,44\d,\d{3}")


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeSet:
    return load_directory(KNOWLEDGE)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with Engine.open(tmp_path / "review.sqlite3", KNOWLEDGE) as opened:
        yield opened


def entries(knowledge: KnowledgeSet) -> list[Entry]:
    return [placed.entry for placed in knowledge.ordered()]


def sentences(text: str) -> list[str]:
    return SENTENCE.split(text)


def credits_the_post_with_almost(text: str) -> bool:
    """A sentence gives "almost 1.8 million" without saying it is Newsmax's word."""
    return any(
        "almost 1.8 million" in s.lower() and ("Newsmax" not in s or "Post" in s)
        for s in sentences(text)
    )


def calls_1_44_million_apprehensions(text: str) -> bool:
    """A sentence gives about 1.44 million as apprehensions rather than as encounters."""
    return any(
        ABOUT_1_44_MILLION.search(s)
        and "apprehension" in s.lower()
        and "not border patrol apprehensions" not in s.lower()
        for s in sentences(text)
    )


# -- the November 2024 story ---------------------------------------------------------------


def test_the_november_story_is_anonymous_wherever_it_is_cited(knowledge: KnowledgeSet) -> None:
    citing = {
        entry.id: source
        for entry in entries(knowledge)
        for source in entry.sources
        if source.publisher == POST and source.date == NOVEMBER_STORY
    }
    assert {"nyc-rollout", "which-app-is-it", "pilot-cities-unknown"} <= set(citing)
    for entry_id, source in citing.items():
        assert source.kind is SourceKind.ANONYMOUS, entry_id
        assert source.described_as == "Homeland Security sources", entry_id


def test_every_entry_citing_an_anonymously_sourced_post_story_is_flagged(
    knowledge: KnowledgeSet,
) -> None:
    unflagged = [
        entry.id
        for entry in entries(knowledge)
        if any(s.publisher == POST and s.date in ANONYMOUS_POST_STORIES for s in entry.sources)
        and not entry.anonymous_sourcing
    ]
    assert unflagged == []


@pytest.mark.parametrize(
    "question",
    [
        "Did the app launch in New York City?",
        "Which cities are in the pilot program?",
        "Is this the same app as SmartLINK or CBP One?",
    ],
)
def test_answers_resting_on_the_november_story_carry_the_warning(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.matched
    assert answer.warning is not None
    assert "Homeland Security sources" in answer.warning
    assert "unnamed" in (answer.text or "")


# -- the 1.8 million figure ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "breaks_the_rule"),
    [
        ("The Post estimated almost 1.8 million a year.", True),
        ("The New York Post said almost 1.8 million would come.", True),
        ('"Almost 1.8 million" is Newsmax\'s wording.', False),
        ('The Post wrote "at least 1.8 million".', False),
    ],
)
def test_the_almost_check_can_tell(text: str, breaks_the_rule: bool) -> None:
    assert credits_the_post_with_almost(text) is breaks_the_rule


def test_no_answer_credits_the_post_with_almost_1_8_million(knowledge: KnowledgeSet) -> None:
    assert [e.id for e in entries(knowledge) if credits_the_post_with_almost(e.answer)] == []


def test_the_1_8_million_answer_gives_the_posts_words_and_sum(knowledge: KnowledgeSet) -> None:
    answer = knowledge.entries["post-1-8-million"].entry.answer
    assert '"at least 1.8 million"' in answer
    assert "1,801,750" in answer
    assert "lawful pathways" in answer


# -- the 1.44 million figure ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "breaks_the_rule"),
    [
        ("Border Patrol apprehensions were about 1.44 million from February 2021.", True),
        ("CIS counted 1,440,123 apprehensions.", True),
        ("About 1.44 million were encounters, not Border Patrol apprehensions.", False),
        ("Apprehensions were 1,659,206 in FY2021.", False),
    ],
)
def test_the_1_44_million_check_can_tell(text: str, breaks_the_rule: bool) -> None:
    assert calls_1_44_million_apprehensions(text) is breaks_the_rule


def test_no_entry_states_1_44_million_as_apprehensions(knowledge: KnowledgeSet) -> None:
    texts = {
        entry.id: " ".join([entry.answer, *(s.title for s in entry.sources)])
        for entry in entries(knowledge)
    }
    assert [i for i, text in texts.items() if calls_1_44_million_apprehensions(text)] == []


def test_yearly_apprehensions_are_cbps_own_figures(knowledge: KnowledgeSet) -> None:
    entry = knowledge.entries["swb-apprehensions"].entry
    for figure in ("1,659,206", "2,045,838", "1,530,523"):
        assert figure in entry.answer
    assert {s.publisher for s in entry.sources} == {"U.S. Customs and Border Protection"}
    assert all(s.url is not None for s in entry.sources)


# -- provenance ----------------------------------------------------------------------------


def test_every_shipped_source_gives_its_url_or_why_not(knowledge: KnowledgeSet) -> None:
    assert provenance_problems(knowledge) == []


def test_every_entry_is_in_the_audit_trail(knowledge: KnowledgeSet) -> None:
    trail = (KNOWLEDGE / "SOURCES.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### `([a-z0-9-]+)`", trail, flags=re.MULTILINE))
    assert set(knowledge.entries) - headings == set()
