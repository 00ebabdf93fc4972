"""Fixtures for core tests: small knowledge sets written to a temporary folder."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from bot.core.engine import Engine
from bot.core.matcher import Matcher
from bot.core.semantic import BundledMeaning, bundled_meaning
from testkit.labelled import KNOWLEDGE, shipped_entries

NYP_ANONYMOUS = {
    "publisher": "New York Post",
    "title": "Report on the ICE check-in app (headline not verified)",
    "date": "2024-07-12",
    "kind": "anonymous",
    "described_as": "sources familiar with the app",
    "count": 2,
    "via": "Newsmax",
}
CBP_DATA = {
    "publisher": "U.S. Customs and Border Protection",
    "title": "Southwest Land Border Encounters",
    "date": "2024-07-12",
    "url": "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters",
    "kind": "agency_data",
}

ENTRIES: list[dict[str, Any]] = [
    {
        "id": "enrolled-45",
        "question": "How many migrants were enrolled in the app?",
        "paraphrases": [
            "how many people signed up for the check-in app",
            "45 enrolled out of hundreds?",
            "what were the enrollment numbers",
        ],
        "keywords": ["45", "enrolled", "hundreds"],
        "answer": "The New York Post reported, citing an unnamed source, that officials could "
        "enroll only 45 migrants out of hundreds because of technical issues.",
        "sources": [NYP_ANONYMOUS],
        "status": "reported_unconfirmed",
        "as_of": "2024-07-12",
        "related": ["apprehended-7m"],
        "tags": ["app"],
    },
    {
        "id": "apprehended-7m",
        "question": "How many border crossers were apprehended under Biden?",
        "paraphrases": [
            "how many illegal crossers were caught since biden took office",
            "7 million apprehended?",
        ],
        "keywords": ["7 million", "apprehended"],
        "answer": "Newsmax wrote that CBP data indicate more than 7 million illegal "
        "border-crossers were apprehended since January 2021. CBP counts encounter events, "
        "not unique people.",
        "sources": [CBP_DATA],
        "status": "public_record",
        "as_of": "2024-07-12",
    },
    {
        "id": "apple-store",
        "question": "Is the app approved by the Apple store?",
        "paraphrases": ["is the ice app on the app store", "can I get it on my iphone"],
        "keywords": ["apple", "approved"],
        "answer": "Newsmax, relaying the New York Post's report citing unnamed sources, wrote "
        "that the app had not been approved by the Apple store.",
        "sources": [NYP_ANONYMOUS],
        "status": "reported_unconfirmed",
        "as_of": "2024-07-12",
    },
]


def write_knowledge(directory: Path, entries: list[dict[str, Any]], topic: str = "Test") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "test-topic.toml"
    path.write_text(tomli_w.dumps({"topic": topic, "entry": entries}), encoding="utf-8")
    return path


@pytest.fixture
def entries() -> list[dict[str, Any]]:
    return copy.deepcopy(ENTRIES)


@pytest.fixture
def knowledge_dir(tmp_path: Path, entries: list[dict[str, Any]]) -> Path:
    write_knowledge(tmp_path / "knowledge", entries)
    return tmp_path / "knowledge"


@pytest.fixture
def open_engine(tmp_path: Path, knowledge_dir: Path) -> Callable[[], Any]:
    """A factory: `async with open_engine() as engine` on a fresh database in tmp_path."""

    def factory() -> Any:
        return Engine.open(tmp_path / "db" / "test.sqlite3", knowledge_dir)

    return factory


@pytest.fixture
async def engine(open_engine: Callable[[], Any]) -> AsyncIterator[Engine]:
    async with open_engine() as opened:
        yield opened


@pytest.fixture
async def shipped_engine(tmp_path: Path) -> AsyncIterator[Engine]:
    """An engine over the shipped knowledge, on a fresh database in tmp_path."""
    async with Engine.open(tmp_path / "db.sqlite3", KNOWLEDGE) as opened:
        yield opened


# The matcher over the shipped knowledge, built once per test module that asks for it.
@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher(shipped_entries())


@pytest.fixture(scope="module")
def english(shipped: Matcher) -> Matcher:
    return shipped


@pytest.fixture(scope="module")
def spanish() -> Matcher:
    return Matcher(shipped_entries(), language="es")


@pytest.fixture(scope="session")
def bundled() -> BundledMeaning:
    """The bundled sentence-embedding model, one for the whole run: entry texts it has
    embedded for one test are remembered for the next (skipped where it cannot run)."""
    meaning = bundled_meaning()
    if meaning is None:
        pytest.skip("the bundled sentence-embedding model cannot run here")
    return meaning
