"""Labelled question sets and the quality figures computed on them.

A set is a TSV file with the header `question<TAB>expected`, optionally followed by `<TAB>kind`.
`expected` is an entry id, `-` for a question the knowledge base does not cover, or several
ids separated by `|` (a two-questions-in-one question: any of them is a right answer). `kind`
(plain, conversational, slang, typo, doubt, two-in-one, neighbouring, unrelated, …) is free
text used to split the figures. Blank lines and lines starting with `#` are skipped.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.answers import answer_entry
from bot.core.index_cache import IndexCache
from bot.core.knowledge import load_directory
from bot.core.languages import languages
from bot.core.matcher import Matcher, MatchResult, Thresholds, Tier
from bot.core.models import Entry
from bot.core.normalize import clean
from bot.core.routing import route
from bot.core.semantic import Meaning
from bot.core.taught_words import TaughtWords
from testkit.perturb import perturb

REPOSITORY = Path(__file__).resolve().parent.parent
QUESTIONS = REPOSITORY / "benchmarks" / "questions"
KNOWLEDGE = REPOSITORY / "knowledge"
OUT_OF_SCOPE = "-"
NEIGHBOURING = "neighbouring"


@dataclass(frozen=True)
class Labelled:
    question: str
    expected: tuple[str, ...]  # empty: out of scope; several: any of them is right
    kind: str = ""

    @property
    def in_scope(self) -> bool:
        return bool(self.expected)


@dataclass(frozen=True)
class Decision:
    """What a method does with one question: answer an entry, and/or offer suggestions."""

    answer: str | None
    suggestions: tuple[str, ...] = ()


Decide = Callable[[str], Decision]
Miss = tuple[str, str, str | None]  # (question, expected, answered; None when refused)


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass(frozen=True)
class Figures:
    """Quality figures (fractions in 0..1) and the counts behind them."""

    precision: float  # confident answers that were an expected entry
    recall: float  # in-scope questions answered confidently and correctly
    wrong_confident: float  # in-scope questions answered confidently with a wrong entry
    found_in_three: float  # in-scope: right answer, or right entry among the did-you-mean top 3
    rejection: float  # out-of-scope questions that got no confident answer
    rejection_neighbouring: float | None  # None when the set has no neighbouring questions
    rejection_unrelated: float  # out-of-scope questions not labelled neighbouring
    anonymous_flag: float  # correct answers whose anonymous-sourcing flag and warning are right
    answered: int
    in_scope: int
    out_of_scope: int
    neighbouring: int
    by_kind: dict[str, Tally] = field(default_factory=dict)  # right = answered / rejected right
    wrong: tuple[Miss, ...] = ()


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
        ids = () if expected == OUT_OF_SCOPE else tuple(i.strip() for i in expected.split("|"))
        kind = row[2].strip() if len(row) > 2 else ""
        labelled.append(Labelled(row[0].strip(), ids, kind))
    return labelled


def check_labels(items: Sequence[Labelled], entries: Sequence[Entry], name: str) -> None:
    """For sets kept in step with the knowledge base: every label must name a real entry."""
    known = {entry.id for entry in entries}
    unknown = sorted({i for item in items for i in item.expected if i not in known})
    if unknown:
        raise ValueError(f"{name}: labels name entries that do not exist: {', '.join(unknown)}")


def split_unknown(
    items: Sequence[Labelled], entries: Sequence[Entry]
) -> tuple[list[Labelled], list[Labelled]]:
    """(questions that can be measured, questions whose expected entries do not exist).

    For a set written against a knowledge base still being extended: a question whose every
    expected entry is missing can be neither right nor out of scope, so it is counted apart.
    An id that does not exist is dropped from a label that also names one that does.
    """
    known = {entry.id for entry in entries}
    measured, missing = [], []
    for item in items:
        present = tuple(i for i in item.expected if i in known)
        if item.expected and not present:
            missing.append(item)
        else:
            measured.append(Labelled(item.question, present, item.kind))
    return measured, missing


def perturbed(items: Sequence[Labelled]) -> list[Labelled]:
    return [Labelled(perturb(item.question), item.expected, item.kind) for item in items]


def anonymous_flag_right(entry: Entry) -> bool:
    """Whether the answer the bot renders for `entry` flags anonymous sourcing exactly when a
    source is anonymous (in the JSON flag and the warning)."""
    anonymous = any(source.anonymous for source in entry.sources)
    shown = answer_entry(entry.question, entry, 100.0, []).to_json()
    return shown["anonymous_sourcing"] is anonymous and (shown["warning"] is not None) is anonymous


def evaluate(decide: Decide, items: Sequence[Labelled], entries: Sequence[Entry] = ()) -> Figures:
    """The figures for one method; `entries` (when given) are used to check the anonymous flag."""
    by_id = {entry.id: entry for entry in entries}
    answered = correct = wrong_confident = reached = flag_right = 0
    out_kinds: Counter[str] = Counter()
    rejected_kinds: Counter[str] = Counter()
    by_kind: dict[str, Tally] = {}
    wrong: list[Miss] = []
    for item in items:
        decision = decide(item.question)
        tally = by_kind.setdefault(item.kind or "-", Tally())
        tally.total += 1
        if decision.answer is not None:
            answered += 1
        if not item.in_scope:
            group = NEIGHBOURING if item.kind == NEIGHBOURING else "unrelated"
            out_kinds[group] += 1
            if decision.answer is None:
                rejected_kinds[group] += 1
                tally.right += 1
            else:
                wrong.append((item.question, OUT_OF_SCOPE, decision.answer))
            continue
        if decision.answer in item.expected:
            correct += 1
            reached += 1
            tally.right += 1
            entry = by_id.get(decision.answer or "")
            flag_right += entry is None or anonymous_flag_right(entry)
            continue
        if decision.answer is not None:
            wrong_confident += 1
        elif set(item.expected) & set(decision.suggestions[:3]):
            reached += 1
        wrong.append((item.question, "|".join(item.expected), decision.answer))
    in_scope = sum(item.in_scope for item in items)
    out_of_scope = len(items) - in_scope
    return Figures(
        precision=_ratio(correct, answered),
        recall=_ratio(correct, in_scope),
        wrong_confident=_ratio(wrong_confident, in_scope),
        found_in_three=_ratio(reached, in_scope),
        rejection=_ratio(sum(rejected_kinds.values()), out_of_scope),
        rejection_neighbouring=(
            _ratio(rejected_kinds[NEIGHBOURING], out_kinds[NEIGHBOURING])
            if out_kinds[NEIGHBOURING]
            else None
        ),
        rejection_unrelated=_ratio(rejected_kinds["unrelated"], out_kinds["unrelated"]),
        anonymous_flag=_ratio(flag_right, correct),
        answered=answered,
        in_scope=in_scope,
        out_of_scope=out_of_scope,
        neighbouring=out_kinds[NEIGHBOURING],
        by_kind=by_kind,
        wrong=tuple(wrong),
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class Ours:
    name = "ours (policybot matcher)"

    def __init__(
        self,
        entries: Sequence[Entry],
        thresholds: Thresholds | None = None,
        language: str = "en",
        meaning: Meaning | None = None,
        taught: TaughtWords | None = None,
        index_cache: IndexCache | None = None,
    ) -> None:
        self.matcher = Matcher(
            entries,
            thresholds,
            language=language,
            meaning=meaning,
            taught=taught,
            index_cache=index_cache,
        )

    def __call__(self, question: str) -> Decision:
        return _decided(self.matcher.match(question))


class OursDetecting:
    """What the engine does (bot/core/routing.py): detect each question's language, match in
    that language's index (an unclear one also in the others).
    `preferred`: the askers' language (their Discord locale) for questions too short to tell."""

    name = "ours, language detected per question"

    def __init__(
        self,
        entries: Sequence[Entry],
        thresholds: Thresholds | None = None,
        preferred: str | None = None,
        meaning: Meaning | None = None,
        taught: TaughtWords | None = None,
        index_cache: IndexCache | None = None,
    ) -> None:
        self.matchers = {
            code: Matcher(
                entries,
                thresholds,
                language=code,
                meaning=meaning,
                taught=taught,
                index_cache=index_cache,
            )
            for code in languages()
        }
        self.preferred = preferred

    def __call__(self, question: str) -> Decision:
        return _decided(route(self.matchers, clean(question), self.preferred).result)


def _decided(result: MatchResult) -> Decision:
    ids = tuple(c.entry_id for c in result.candidates)
    if result.tier is Tier.CONFIDENT:
        return Decision(ids[0])
    return Decision(None, ids if result.tier is Tier.CLOSE else ())
