"""Two questions in one message on every tuning set: how the matcher answers them, and what
a change does to every outcome (issues 9 and 11, round 11).

    python -m benchmarks.two_in_one                     # the two-in-one table, words only
    python -m benchmarks.two_in_one --semantic          # …with the embedding
    python -m benchmarks.two_in_one --rows              # …and every two-in-one row, read
    python -m benchmarks.two_in_one --dump before.json  # every tuning row's outcome, to compare
    python -m benchmarks.two_in_one --compare before.json after.json
    python -m benchmarks.two_in_one --by-set before.json after.json   # per set, before → after

English sets are matched in the English index, Spanish ones (-es) with the language detected
per question, as benchmarks.quality does.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks.quality import BLIND_SETS, SETS, TUNING
from bot.core.confidence import MatchResult, Tier
from bot.core.matcher import Matcher
from bot.core.normalize import clean
from bot.core.routing import route
from bot.core.semantic import Meaning, bundled_meaning
from testkit.labelled import (
    Labelled,
    OursDetecting,
    load_set,
    shipped_entries,
    split_unknown,
)

KIND = "two-in-one"


def _outcome(item: Labelled, result: MatchResult) -> str:
    answer = result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None
    if not item.in_scope:
        return "refused" if answer is None else "WRONG"
    if answer is None:
        return "refused"
    return "right" if answer in item.expected else "WRONG"


def _answer(result: MatchResult) -> str | None:
    return result.best.entry_id if result.tier is Tier.CONFIDENT and result.best else None


def _sets() -> list[tuple[str, list[Labelled]]]:
    entries = shipped_entries()
    loaded = []
    for name in TUNING:
        items = load_set(SETS[name])
        if name in BLIND_SETS:
            items = split_unknown(items, entries)[0]
        loaded.append((name, items))
    return loaded


class Matchers:
    def __init__(self, meaning: Meaning | None) -> None:
        self.detecting = OursDetecting(shipped_entries(), meaning=meaning)

    def matcher_for(self, name: str, question: str) -> tuple[Matcher, MatchResult]:
        if name.endswith("-es"):
            routed = route(self.detecting.matchers, clean(question))
            return routed.matcher, routed.result
        english = self.detecting.matchers["en"]
        return english, english.match(question)


def _part(matcher: Matcher, part: str) -> str:
    one = matcher._match_doubting(part, 3)
    best = one.best
    if best is None:
        return f"{one.tier.name.lower()}"
    return f"{one.tier.name.lower()} {best.entry_id} {best.score:.2f}/{best.coverage:.2f}"


def diagnose(matcher: Matcher, item: Labelled, result: MatchResult) -> dict[str, object]:
    """How the message was read: its parts, the whole's own answer, each part's, the outcome,
    and which part (if any) the label names."""
    parts = matcher._text.clauses(item.question)
    whole = matcher._match_doubting(item.question, 3)
    answered = _answer(result)
    firsts = [matcher._match_doubting(p, 3) for p in parts]
    labelled_part = "-"
    for index, one in enumerate(firsts):
        if _answer(one) in item.expected:
            labelled_part = str(index + 1)
            break
    won = "-"
    for index, one in enumerate(firsts):
        if answered is not None and _answer(one) == answered:
            won = str(index + 1)
            break
    return {
        "parts": parts,
        "split": len(parts) > 1,
        "whole": _part(matcher, item.question) if whole else "",
        "each": [_part(matcher, p) for p in parts],
        "answered": answered,
        "unanswered": result.unanswered,
        "won": won,
        "labelled_part": labelled_part,
    }


def run(meaning: Meaning | None) -> dict[str, dict[str, object]]:
    matchers = Matchers(meaning)
    rows: dict[str, dict[str, object]] = {}
    for name, items in _sets():
        for item in items:
            matcher, result = matchers.matcher_for(name, item.question)
            row: dict[str, object] = {
                "set": name,
                "question": item.question,
                "expected": "|".join(item.expected) or "-",
                "kind": item.kind,
                "outcome": _outcome(item, result),
                "answered": _answer(result),
            }
            if item.kind == KIND:
                row |= diagnose(matcher, item, result)
            rows[f"{name}\t{item.question}"] = row
    return rows


def table(rows: Sequence[dict[str, object]]) -> str:
    """The two-in-one rows by language, split or not, and outcome."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        language = "es" if str(row["set"]).endswith("-es") else "en"
        split = "split" if row["split"] else "one part"
        counts[(language, split, str(row["outcome"]))] += 1
    lines = [
        "| language | read as | rows | right | WRONG | refused |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for language in ("en", "es"):
        for split in ("split", "one part"):
            cells = [counts[(language, split, o)] for o in ("right", "WRONG", "refused")]
            shown = " | ".join(map(str, cells))
            lines.append(f"| {language} | {split} | {sum(cells)} | {shown} |")
    return "\n".join(lines)


def by_set(before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]) -> str:
    """Per set, before → after: in-scope rows answered right, in-scope rows answered wrong
    (confidently), and out-of-scope rows answered, from two dumps of every tuning row."""
    names = list(dict.fromkeys(str(row["set"]) for row in before.values()))
    lines = [
        "| set | in scope | right | wrong confident | out of scope | answered |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        cells: list[str] = []
        rows = {k: r for k, r in before.items() if r["set"] == name}
        scope = [k for k, r in rows.items() if r["expected"] != "-"]
        out = [k for k, r in rows.items() if r["expected"] == "-"]
        for keys, outcome in ((scope, "right"), (scope, "WRONG"), (out, "WRONG")):
            was = sum(before[k]["outcome"] == outcome for k in keys)
            now = sum(after[k]["outcome"] == outcome for k in keys)
            shown = f"{was} → **{now}**" if was != now else f"{was} → {now}"
            cells.append(shown)
        lines.append(
            f"| {name} | {len(scope)} | {cells[0]} | {cells[1]} | {len(out)} | {cells[2]} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="with the embedding")
    parser.add_argument("--rows", action="store_true", help="print every two-in-one row")
    parser.add_argument("--dump", type=Path, help="write every tuning row's outcome here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--by-set", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.by_set:
        print(by_set(*(json.loads(p.read_text()) for p in args.by_set)))
        return 0
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        changed = [k for k in before if before[k]["answered"] != after.get(k, {}).get("answered")]
        moves: Counter[str] = Counter()
        for key in changed:
            b, a = before[key], after[key]
            moves[f"{b['outcome']}→{a['outcome']}"] += 1
            print(
                f"{b['set']}\t{b['kind']}\t{b['outcome']}→{a['outcome']}\t{b['question']!r}"
                f"\texpected {b['expected']}\t{b['answered']} → {a['answered']}"
            )
        print(dict(moves))
        return 0
    meaning = bundled_meaning() if args.semantic else None
    rows = run(meaning)
    if args.dump:
        args.dump.write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    two = [row for row in rows.values() if row["kind"] == KIND]
    print(table(two))
    if args.rows:
        for row in two:
            print(
                f"{row['set']}\t{row['outcome']}\t{row['question']!r}\texp {row['expected']}"
                f"\tans {row['answered']} (part {row['won']}, labelled part "
                f"{row['labelled_part']}, note {row['unanswered']})\n\twhole {row['whole']}"
                f"\n\tparts {row['parts']}\n\teach {row['each']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
