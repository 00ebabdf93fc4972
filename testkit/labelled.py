"""Labelled question sets and the quality figures computed on them.

A set is a TSV file with the header `question<TAB>expected`; `expected` is an entry id, or `-`
for a question the knowledge base does not cover. Blank lines and lines starting with `#` are
skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.knowledge import load_directory
from bot.core.matcher import Matcher, Thresholds, Tier
from bot.core.models import Entry
from testkit.perturb import perturb

REPOSITORY = Path(__file__).resolve().parent.parent
QUESTIONS = REPOSITORY / "benchmarks" / "questions"
KNOWLEDGE = REPOSITORY / "knowledge"
OUT_OF_SCOPE = "-"


@dataclass(frozen=True)
class Labelled:
    question: str
    expected: str | None  # None: out of scope


@dataclass(frozen=True)
class Decision:
    """What a method does with one question: answer an entry, and/or offer suggestions."""

    answer: str | None
    suggestions: tuple[str, ...] = ()


Decide = Callable[[str], Decision]


@dataclass(frozen=True)
class Figures:
    """The four quality figures (fractions in 0..1) and the counts behind them."""

    precision: float  # confident answers that were the expected entry
    recall: float  # in-scope questions answered confidently and correctly
    found_in_three: float  # in-scope: right answer, or right entry among the did-you-mean top 3
    rejection: float  # out-of-scope questions that got no confident answer
    answered: int
    in_scope: int
    out_of_scope: int
    wrong: tuple[tuple[str, str | None, str | None], ...]  # (question, expected, answered)


def shipped_entries(directory: Path = KNOWLEDGE) -> list[Entry]:
    return [placed.entry for placed in load_directory(directory).ordered()]


def load_set(path: Path) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [cell.strip() for cell in rows[0][:2]] != ["question", "expected"]:
        raise ValueError(f"{path}: the first line must be 'question<TAB>expected'")
    labelled = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2:
            raise ValueError(f"{path}:{number}: expected two tab-separated columns")
        expected = row[1].strip()
        labelled.append(Labelled(row[0].strip(), None if expected == OUT_OF_SCOPE else expected))
    return labelled


def check_labels(items: Sequence[Labelled], entries: Sequence[Entry], name: str) -> None:
    known = {entry.id for entry in entries}
    unknown = sorted({i.expected for i in items if i.expected and i.expected not in known})
    if unknown:
        raise ValueError(f"{name}: labels name entries that do not exist: {', '.join(unknown)}")


def perturbed(items: Sequence[Labelled]) -> list[Labelled]:
    return [Labelled(perturb(item.question), item.expected) for item in items]


def evaluate(decide: Decide, items: Sequence[Labelled]) -> Figures:
    answered = correct = reached = rejected = in_scope = 0
    wrong = []
    for item in items:
        decision = decide(item.question)
        if decision.answer is not None:
            answered += 1
        if item.expected is None:
            rejected += decision.answer is None
            if decision.answer is not None:
                wrong.append((item.question, None, decision.answer))
            continue
        in_scope += 1
        if decision.answer == item.expected:
            correct += 1
            reached += 1
            continue
        if decision.answer is None and item.expected in decision.suggestions[:3]:
            reached += 1
        wrong.append((item.question, item.expected, decision.answer))
    out_of_scope = len(items) - in_scope
    return Figures(
        precision=_ratio(correct, answered),
        recall=_ratio(correct, in_scope),
        found_in_three=_ratio(reached, in_scope),
        rejection=_ratio(rejected, out_of_scope),
        answered=answered,
        in_scope=in_scope,
        out_of_scope=out_of_scope,
        wrong=tuple(wrong),
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class Ours:
    name = "ours (policybot matcher)"

    def __init__(self, entries: Sequence[Entry], thresholds: Thresholds | None = None) -> None:
        self.matcher = Matcher(entries, thresholds)

    def __call__(self, question: str) -> Decision:
        result = self.matcher.match(question)
        ids = tuple(c.entry_id for c in result.candidates)
        if result.tier is Tier.CONFIDENT:
            return Decision(ids[0])
        return Decision(None, ids if result.tier is Tier.CLOSE else ())
