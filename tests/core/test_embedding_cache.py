"""Entry-text embeddings kept between runs (bot/core/embedding_cache.py), with a stand-in model:
a second run embeds nothing already kept, another model's rows and texts no longer written are
pruned, texts beyond what is remembered are kept in the file, and a cache that cannot be written
only costs time."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")

from bot.core import embedding_cache as cache_module  # noqa: E402
from bot.core import semantic  # noqa: E402
from bot.core.embedding_cache import EmbeddingCache  # noqa: E402
from bot.core.semantic import BundledMeaning  # noqa: E402
from bot.settings import embedding_cache  # noqa: E402

QUESTIONS = ["Is this bot biased?", "How many migrants were enrolled in the app?"]


class StandInModel:
    """Unit vectors from the text's letters; counts what it embeds."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def _vector(self, text: str) -> Any:
        vector = np.zeros(8, dtype=np.float32)
        for position, letter in enumerate(text.lower()):
            vector[(ord(letter) + position) % 8] += 1.0
        return vector / np.linalg.norm(vector)

    def query(self, text: str) -> Any:
        return self._vector(text)

    def encode(self, texts: list[str], is_query: bool = False) -> Any:
        self.embedded += texts
        return np.stack([self._vector(t) for t in texts])


def test_a_second_run_embeds_nothing_already_kept(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    first = StandInModel()
    meaning = BundledMeaning(first, EmbeddingCache(path, "model-a"))
    before = meaning.cosines("is the bot neutral", [QUESTIONS[:1], QUESTIONS[1:]])
    meaning.close()
    assert first.embedded == QUESTIONS

    second = StandInModel()
    again = BundledMeaning(second, EmbeddingCache(path, "model-a"))
    again.warm(QUESTIONS)
    assert again.cosines("is the bot neutral", [QUESTIONS[:1], QUESTIONS[1:]]) == before
    assert second.embedded == []


def rows(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        return set(connection.execute("SELECT model, text FROM embeddings"))


def test_another_models_rows_are_not_used_and_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    BundledMeaning(StandInModel(), EmbeddingCache(path, "model-a")).warm(QUESTIONS)
    other = StandInModel()
    BundledMeaning(other, EmbeddingCache(path, "model-b")).warm(QUESTIONS)
    assert other.embedded == QUESTIONS
    assert rows(path) == {("model-b", text) for text in QUESTIONS}


def test_texts_no_longer_written_are_pruned_a_few_rows_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "PRUNE_ROWS", 2)  # several steps, each giving way
    path = tmp_path / "bot.embeddings.sqlite3"
    gone = [f"an edited question, version {n}" for n in range(5)]
    BundledMeaning(StandInModel(), EmbeddingCache(path, "m")).warm([*gone, *QUESTIONS])
    model = StandInModel()
    BundledMeaning(model, EmbeddingCache(path, "m")).warm(QUESTIONS)
    assert model.embedded == []
    assert rows(path) == {("m", text) for text in QUESTIONS}


def test_a_text_a_question_embedded_is_not_pruned(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    meaning = BundledMeaning(StandInModel(), EmbeddingCache(path, "m"))
    # An entry edited after the warm-up was handed the knowledge base's texts.
    meaning.cosines("is this bot biased", [["Is this bot neutral?"]])
    meaning.warm(QUESTIONS)
    assert ("m", "Is this bot neutral?") in rows(path)


def test_pruning_deletes_only_the_rows_it_judged_when_another_process_writes_meanwhile(
    tmp_path: Path,
) -> None:
    """Between reading a step's rows and deleting the stale ones, another process may delete
    the last of them and write a text it needs, which SQLite gives the freed rowid."""
    path = tmp_path / "bot.embeddings.sqlite3"
    BundledMeaning(StandInModel(), EmbeddingCache(path, "m")).warm(["an edited question"])
    needed = "a text the other process needs"
    other = sqlite3.connect(path)

    def keep(text: str) -> bool:
        with other:  # the other process, while this one judges its rows
            other.execute("DELETE FROM embeddings WHERE text = ?", (text,))
            other.execute("INSERT INTO embeddings VALUES ('m', ?, x'00000000')", (needed,))
        return False

    assert EmbeddingCache(path, "m").prune(keep) is None
    other.close()
    assert rows(path) == {("m", needed)}


def test_a_busy_or_read_only_file_is_not_pruned_and_still_read(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    BundledMeaning(StandInModel(), EmbeddingCache(path, "old")).warm(QUESTIONS)
    BundledMeaning(StandInModel(), EmbeddingCache(path, "m")).warm(QUESTIONS)

    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing
    busy, busy_cache = StandInModel(), EmbeddingCache(path, "m")
    BundledMeaning(busy, busy_cache).warm(QUESTIONS[:1])
    other.execute("ROLLBACK")
    other.close()
    assert busy.embedded == [] and busy_cache.on  # read from the file, which stays in use
    assert ("m", QUESTIONS[1]) in rows(path)  # not pruned: another start will

    read_only = EmbeddingCache(path, "m")
    connection = read_only._open()
    assert connection is not None
    connection.execute("PRAGMA query_only = ON")  # as a file the bot may not write
    model = StandInModel()
    BundledMeaning(model, read_only).warm(QUESTIONS[:1])
    assert model.embedded == [] and read_only.on
    assert ("m", QUESTIONS[1]) in rows(path)


def test_texts_beyond_those_remembered_are_embedded_into_the_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semantic, "PASSAGES_KEPT", 2)
    texts = [*QUESTIONS, "Is this legal advice?", "Who wrote the report?"]
    path = tmp_path / "bot.embeddings.sqlite3"
    first = StandInModel()
    meaning = BundledMeaning(first, EmbeddingCache(path, "m"))
    meaning.warm(texts)
    assert first.embedded == texts
    assert list(meaning._passages) == QUESTIONS  # the first ones, not evicted by the rest
    assert rows(path) == {("m", text) for text in texts}

    second = StandInModel()
    again = BundledMeaning(second, EmbeddingCache(path, "m"))
    again.warm(texts)  # nothing pruned: every text is still written
    again.cosines("who wrote it", [texts[3:]])  # read back, not embedded
    assert second.embedded == []

    without_file = StandInModel()
    BundledMeaning(without_file).warm(texts)
    assert without_file.embedded == QUESTIONS  # embedding more would only evict


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache's folder should be")
    model = StandInModel()
    meaning = BundledMeaning(model, EmbeddingCache(blocker / "bot.embeddings.sqlite3", "m"))
    near, far = meaning.cosines("is this bot biased", [QUESTIONS[:1], QUESTIONS[1:]])
    assert near > far
    assert model.embedded == QUESTIONS
    assert "cache" in caplog.text and "off for this run" in caplog.text


def test_a_damaged_row_is_embedded_again_and_written_over(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    BundledMeaning(StandInModel(), EmbeddingCache(path, "m", 8)).warm(QUESTIONS)
    with sqlite3.connect(path) as damage:
        damage.execute("UPDATE embeddings SET vector = x'000000' WHERE text = ?", QUESTIONS[:1])
    model = StandInModel()
    meaning = BundledMeaning(model, EmbeddingCache(path, "m", 8))
    near, far = meaning.cosines("is this bot biased", [QUESTIONS[:1], QUESTIONS[1:]])
    assert near > far
    assert model.embedded == QUESTIONS[:1]
    meaning.close()
    again = StandInModel()
    BundledMeaning(again, EmbeddingCache(path, "m", 8)).warm(QUESTIONS)
    assert again.embedded == []


def test_a_write_that_finds_the_file_busy_waits_and_the_cache_stays_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "BUSY_PAUSE_SECONDS", 0.0)  # the next write tries again
    path = tmp_path / "bot.embeddings.sqlite3"
    cache = EmbeddingCache(path, "m")
    meaning = BundledMeaning(StandInModel(), cache)
    meaning.warm(QUESTIONS[:1])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing
    meaning.warm(QUESTIONS[1:])
    other.execute("ROLLBACK")
    other.close()
    assert rows(path) == {("m", QUESTIONS[0])}  # the busy write waits…
    meaning.warm(["Is this legal advice?"])
    assert rows(path) == {("m", text) for text in [*QUESTIONS, "Is this legal advice?"]}


def test_an_in_memory_database_has_no_cache_file() -> None:
    assert embedding_cache(":memory:") is None
    assert embedding_cache("sqlite:///:memory:") is None
    assert embedding_cache("data/policybot.sqlite3") == Path("data/policybot.embeddings.sqlite3")


def test_the_warm_up_embeds_at_most_what_it_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    texts = [*QUESTIONS, "Is this legal advice?", "Who wrote the report?"]
    BundledMeaning(StandInModel(), EmbeddingCache(path, "m")).warm(texts[:1])
    model = StandInModel()
    BundledMeaning(model, EmbeddingCache(path, "m"), embed_ahead=2).warm(texts)
    assert model.embedded == texts[1:3]  # the one kept was read, not counted
    none = StandInModel()
    meaning = BundledMeaning(none, EmbeddingCache(path, "m"), embed_ahead=0)
    meaning.warm(texts)
    assert none.embedded == []
    assert len(meaning._passages) == 3  # what the file holds is still read


def test_the_warm_up_setting_reaches_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from bot import settings as settings_module

    asked: list[object] = []

    def bundled(cache: Path | None = None, embed_ahead: int | None = None) -> None:
        asked.append(embed_ahead)

    monkeypatch.setattr(settings_module, "bundled_meaning", bundled)
    monkeypatch.setenv("POLICYBOT_DATABASE", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("POLICYBOT_SEMANTIC", "true")  # the stand-in above loads nothing
    for value, expected in (("", None), ("0", 0), ("300", 300)):
        monkeypatch.setenv("POLICYBOT_WARM_UP_TEXTS", value)
        settings = settings_module.Settings(_env_file=None)  # type: ignore[call-arg]

        async def opened(settings: settings_module.Settings = settings) -> None:
            async with settings_module.open_engine(settings):
                pass

        asyncio.run(opened())
        assert asked[-1] == expected
    monkeypatch.setenv("POLICYBOT_WARM_UP_TEXTS", "-1")
    with pytest.raises(ValueError):
        settings_module.Settings(_env_file=None)  # type: ignore[call-arg]
