"""The unanswered queue grouped by similarity, so moderators triage the twenty things people ask
instead of two hundred strings.

Greedy single pass, newest first: a question joins the group whose first (newest) question it
resembles best (rapidfuzz token-sort ratio on normalised text, at or above `threshold`), else it
starts a group. Token-sort rather than token-set: with token-set a short question ("the app")
would join every question that contains its words. The grouping is lexical: rewordings with
other words ("who made the app" / "who built the app", 73) stay apart. Groups are ordered by
size, then by when they were last asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.normalize import normalize
from bot.core.store import LoggedQuestion

SIMILAR = 75.0


@dataclass(frozen=True)
class QuestionGroup:
    questions: tuple[LoggedQuestion, ...]  # newest first

    @property
    def lead(self) -> LoggedQuestion:
        return self.questions[0]

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def last_asked(self) -> str:
        return self.lead.asked_at

    def wordings(self) -> list[str]:
        """The distinct wordings, newest first (the lead's first)."""
        seen: dict[str, str] = {}
        for question in self.questions:
            seen.setdefault(" ".join(question.text.casefold().split()), question.text)
        return list(seen.values())


def group_questions(
    questions: Sequence[LoggedQuestion], threshold: float = SIMILAR
) -> list[QuestionGroup]:
    newest_first = sorted(questions, key=lambda q: (q.asked_at, q.id), reverse=True)
    keys: list[str] = []
    members: list[list[LoggedQuestion]] = []
    for question in newest_first:
        key = normalize(question.text) or question.text.casefold()
        found = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
        if found is None:
            keys.append(key)
            members.append([question])
        else:
            members[found[2]].append(question)
    groups = [QuestionGroup(tuple(group)) for group in members]
    return sorted(groups, key=lambda g: (g.count, g.last_asked), reverse=True)
