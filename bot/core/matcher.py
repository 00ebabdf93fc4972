"""Finding the knowledge entry a question is about, or deciding that none is.

Conversation around the question (greetings, thanks, hedges, shorthand: chatter.py) is
dropped first. Strings that are not words are corrected to words the knowledge base uses
(typos.py); real words never are, but for slips of function words (commonness.py,
misspellings.py). The Matcher is built in layers, each a base class in its own file: the index
(entry_index.py), reading misspelt words as meant (misspellings.py), reading a question into
weighted tokens (question_reading.py), autocomplete (autocomplete.py), ranking entries for a
question (ranking.py), whether an entry is asked what a question asks for (asked_request.py),
matching one question, its doubt read first (one_question.py), a message of
several questions (several_questions.py), and the question past a message's backstory
(past_backstory.py).
Weights and thresholds were chosen on the tuning sets (benchmarks/README.md).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from bot.core.bot_subject import bot_is_subject, bot_may_answer
from bot.core.confidence import (
    Candidate,
    MatchResult,
    Thresholds,
    Tier,
    confident_choice,
)
from bot.core.entry_digest import asks_digest
from bot.core.index_cache import IndexCache
from bot.core.models import Entry, Status
from bot.core.past_backstory import PastBackstory
from bot.core.semantic import Meaning, Refusing
from bot.core.taught_words import TaughtWords

log = logging.getLogger("policybot.matcher")

# The decision types live in confidence.py; they are re-exported here for the matcher's users.
__all__ = ["Candidate", "MatchResult", "Matcher", "Thresholds", "Tier", "confident_choice"]


class Matcher(PastBackstory):
    """Ranks an index's entries for a question and decides the tier; immutable, like the index."""

    def __init__(
        self,
        entries: Sequence[Entry],
        thresholds: Thresholds | None = None,
        language: str = "en",
        meaning: Meaning | None = None,
        taught: TaughtWords | None = None,
        index_cache: IndexCache | None = None,
    ) -> None:
        """`index_cache`: where the built index is kept between runs (index_cache.py), if
        anywhere; the same index is loaded as would be built."""
        super().__init__(entries, thresholds, language, meaning, taught, index_cache=index_cache)
        # A retracted entry's labelled questions (taught.py) do not speak for it.
        self._retracted = frozenset(e.id for e in entries if e.status is Status.RETRACTED)
        # Their out-of-scope ones veto only entries asking what they asked then (entry_digest.py).
        self._asks_digest = {e.id: asks_digest(e) for e in entries}
        # The entries about the bot, the only ones to answer a question whose subject it is.
        self._bot_entry_ids = frozenset(self._ids[index] for index in self._about_bot)

    def match(self, question: str, limit: int = 3) -> MatchResult:
        """The message's match (`match_message`), unless the labelled questions the embedding
        knows (taught.py) find the message closer to an out-of-scope one than to any question
        of the entry it would be answered with: then "did you mean" that entry."""
        result = self.match_message(question, limit)
        if result.tier is Tier.CONFIDENT and (
            not self._answers_of_bot(question, result)
            or (result.best is not None and self._lone_word_unasked(question, result.best.entry_id))
        ):
            return self._held(result)
        meaning = self.meaning
        if result.tier is not Tier.CONFIDENT or not isinstance(meaning, Refusing):
            return result
        chosen = result.candidates[0].entry_id
        try:
            refused = meaning.refuses(
                question,
                chosen,
                self._written[chosen],
                chosen not in self._retracted,
                self._asks_digest[chosen],
            )
        except Exception:
            log.warning("the taught questions failed: answering as matched", exc_info=True)
            return result
        if not refused:
            return result
        return self._held(result)

    def _held(self, result: MatchResult) -> MatchResult:
        """A confident result held back: "did you mean" its candidates above the bar, if any."""
        close = tuple(c for c in result.candidates if c.score >= self.thresholds.suggest)
        return replace(result, tier=Tier.CLOSE if close else Tier.NONE, candidates=close)

    def _answers_of_bot(self, question: str, result: MatchResult) -> bool:
        """False when the bot is the question's subject ("are you free to use") and the answer
        is not an entry about the bot asked what the question asks of it (bot_subject.py)."""
        if not bot_is_subject(self._text.plain_words(question), self.language):
            return True
        passed = self._text.doubt_tokens | self._bot_tokens
        tokens = self.query_tokens(question)
        return result.best is not None and bot_may_answer(
            result.best,
            self._bot_entry_ids,
            tokens,
            passed,
            lambda entry_id: self._asked_tokens(self._position[entry_id]),
        )

    def match_message(self, question: str, limit: int = 3) -> MatchResult:
        """Confident when one entry scores high enough, explains every informative word of the
        question, and no entry within the margin covers as much of it; otherwise the entries
        above the suggestion bar are offered as "did you mean".

        Two questions in one ("how many enrolled, and did it have glitches?") rarely fit one
        entry: when the whole is not answered, each part is matched on its own and the first
        part answered is answered, if its entry covers all of that part or every part is
        answered. The result counts the other parts no entry answers, for the answer to say so."""
        # Backstory before the question ("my brother is on ATD. who reported this?"): the
        # question answered as surely alone is what is asked; its words pull no other entry.
        asked = self._past_backstory(question)
        if asked is not None:
            alone = self.match_message(asked, limit)
            sure = alone.tier is Tier.CONFIDENT and alone.best and alone.best.coverage >= 1.0
            if (
                sure
                and alone.best
                and not self._backstory_narrows(question, asked, alone.best, limit)
            ):
                return alone
        defined = self._defined_in_backstory(question, limit)
        if defined is not None:
            return defined
        result = self._match_doubting(question, limit)
        parts = self._text.clauses(question)
        # "What is X and what is Y": no entry that only compares X and Y answers both.
        several = len(parts) > 1 and all(self._text.definition_subject(p) for p in parts)
        if result.tier is Tier.CONFIDENT and not several:
            return self._first_asked(question, parts, result, limit)
        if len(parts) < 2:
            return result
        return self._one_of_several(question, parts, result, limit)
