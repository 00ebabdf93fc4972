"""Finding the knowledge entry a question is about, or deciding that none is.

Conversation around the question (greetings, thanks, hedges, shorthand: chatter.py) is
dropped first. Strings that are not words are corrected to words the knowledge base uses
(typos.py); real words never are (commonness.py). The Matcher is built in layers, each a base
class in its own file: the index (entry_index.py), reading a question into weighted tokens
(question_reading.py), autocomplete (autocomplete.py), ranking entries for a question
(ranking.py), matching one question, its doubt read first (one_question.py), and a message of
several questions (several_questions.py).
Weights and thresholds were chosen on the tuning sets (benchmarks/README.md).
"""

from __future__ import annotations

from bot.core.confidence import (
    Candidate,
    MatchResult,
    Thresholds,
    Tier,
    confident_choice,
)
from bot.core.several_questions import SeveralQuestions

# The decision types live in confidence.py; they are re-exported here for the matcher's users.
__all__ = ["Candidate", "MatchResult", "Matcher", "Thresholds", "Tier", "confident_choice"]


class Matcher(SeveralQuestions):
    """Ranks an index's entries for a question and decides the tier; immutable, like the index."""

    def match(self, question: str, limit: int = 3) -> MatchResult:
        """Confident when one entry scores high enough, explains every informative word of the
        question, and no entry within the margin covers as much of it; otherwise the entries
        above the suggestion bar are offered as "did you mean".

        Two questions in one ("how many enrolled, and did it have glitches?") rarely fit one
        entry: when the whole is not answered, each part is matched on its own and the first
        part answered is answered, if its entry covers all of that part or every part is
        answered. The result counts the other parts no entry answers, for the answer to say so."""
        result = self._match_doubting(question, limit)
        parts = self._text.clauses(question)
        # "What is X and what is Y": no entry that only compares X and Y answers both.
        several = len(parts) > 1 and all(self._text.definition_subject(p) for p in parts)
        if result.tier is Tier.CONFIDENT and not several:
            return self._first_asked(question, parts, result, limit)
        if len(parts) < 2:
            return result
        return self._one_of_several(question, parts, result, limit)
