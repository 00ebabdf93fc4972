"""Entry-text embeddings kept between runs (bot/core/embedding_cache.py), with a stand-in model:
a second run embeds nothing already kept, another model's rows are not used, and a cache that
cannot be written only costs time."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")

from bot.core.embedding_cache import EmbeddingCache  # noqa: E402
from bot.core.semantic import BundledMeaning  # noqa: E402

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


def test_another_models_rows_are_not_used(tmp_path: Path) -> None:
    path = tmp_path / "bot.embeddings.sqlite3"
    BundledMeaning(StandInModel(), EmbeddingCache(path, "model-a")).warm(QUESTIONS)
    other = StandInModel()
    BundledMeaning(other, EmbeddingCache(path, "model-b")).warm(QUESTIONS)
    assert other.embedded == QUESTIONS
    rows = sqlite3.connect(path).execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
    assert rows == 4


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
