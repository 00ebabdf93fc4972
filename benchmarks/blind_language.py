"""Quality on a blind question set in another language: aggregate figures only, never its rows.

    python -m benchmarks.blind_language --set blind-es

The set is `question<TAB>expected<TAB>kind`; `expected` is an entry id, `-` (out of scope), or
several ids joined by `|` (any of them is right). It was written by someone blind to the
paraphrases: it is measured, never read or tuned on, so this prints no question.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.labelled import QUESTIONS, Decision, shipped_entries
from bot.core.language_detect import detect_language
from bot.core.languages import languages
from bot.core.matcher import Matcher, Tier
from bot.core.models import Entry
from bot.core.normalize import clean


@dataclass(frozen=True)
class BlindItem:
    question: str
    expected: frozenset[str]  # empty: out of scope
    kind: str


def load_blind(path: Path) -> list[BlindItem]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [cell.strip() for cell in rows[0][:3]] != ["question", "expected", "kind"]:
        raise ValueError(f"{path}: the first line must be 'question<TAB>expected<TAB>kind'")
    items = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 3:
            raise ValueError(f"{path}:{number}: expected three tab-separated columns")
        expected = row[1].strip()
        ids = frozenset() if expected == "-" else frozenset(expected.split("|"))
        items.append(BlindItem(row[0].strip(), ids, row[2].strip()))
    return items


def only_existing(items: Sequence[BlindItem], known: set[str]) -> tuple[list[BlindItem], int]:
    """Labels keep only entries that exist. A question whose every expected entry is still
    planned is out of scope today: the right reply is "not in my knowledge base"."""
    kept = [BlindItem(i.question, i.expected & known, i.kind) for i in items]
    planned = sum(
        1 for old, new in zip(items, kept, strict=True) if old.expected and not new.expected
    )
    return kept, planned


def english_matcher(entries: Sequence[Entry]) -> Callable[[str], Decision]:
    """The English-only matcher as shipped before Spanish (the 'before' figure)."""
    matcher = Matcher(entries)

    def decide(question: str) -> Decision:
        result = matcher.match(question)
        ids = tuple(c.entry_id for c in result.candidates)
        if result.tier is Tier.CONFIDENT:
            return Decision(ids[0])
        return Decision(None, ids if result.tier is Tier.CLOSE else ())

    return decide


def multilingual_matcher(
    entries: Sequence[Entry], preferred: str | None = None
) -> Callable[[str], Decision]:
    """What the engine does: detect each question's language, match in that language's index."""
    matchers = {code: Matcher(entries, language=code) for code in languages()}

    def decide(question: str) -> Decision:
        code = detect_language(clean(question), preferred).code
        result = matchers[code].match(clean(question))
        ids = tuple(c.entry_id for c in result.candidates)
        if result.tier is Tier.CONFIDENT:
            return Decision(ids[0])
        return Decision(None, ids if result.tier is Tier.CLOSE else ())

    return decide


def figures(decide: Callable[[str], Decision], items: Sequence[BlindItem]) -> dict[str, float]:
    in_scope = [item for item in items if item.expected]
    out_scope = [item for item in items if not item.expected]
    right = wrong_confident = reached = rejected = 0
    for item in items:
        decision = decide(item.question)
        if not item.expected:
            rejected += decision.answer is None
            continue
        if decision.answer in item.expected:
            right += 1
            reached += 1
        elif decision.answer is not None:
            wrong_confident += 1
        elif item.expected & set(decision.suggestions[:3]):
            reached += 1
    return {
        "in scope": len(in_scope),
        "out of scope": len(out_scope),
        "in-scope answered right": right / max(1, len(in_scope)),
        "wrong confident answers (in scope)": wrong_confident,
        "right entry in answer or did-you-mean top 3": reached / max(1, len(in_scope)),
        "out-of-scope rejected": rejected / max(1, len(out_scope)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="blind-es", help="file name in benchmarks/questions")
    parser.add_argument(
        "--method",
        choices=("english-only", "multilingual"),
        default="multilingual",
        help="english-only: the matcher before Spanish (the 'before' figure)",
    )
    parser.add_argument(
        "--preferred",
        metavar="CODE",
        help="the askers' language (their Discord locale) for questions too short to tell",
    )
    args = parser.parse_args(argv)
    entries = shipped_entries()
    items = load_blind(QUESTIONS / f"{args.set}.tsv")
    items, planned = only_existing(items, {entry.id for entry in entries})
    print(f"{args.set}: {len(items)} questions; kinds: {dict(Counter(i.kind for i in items))}")
    print(f"{planned} labelled only with entries not yet written: scored as out of scope\n")
    print("| figure | value |\n|---|---:|")
    if args.method == "english-only":
        decide = english_matcher(entries)
    else:
        decide = multilingual_matcher(entries, args.preferred)
    print(f"method: {args.method}, preferred language: {args.preferred or 'none'}\n")
    for name, value in figures(decide, items).items():
        shown = f"{value:.1%}" if isinstance(value, float) else str(value)
        print(f"| {name} | {shown} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
