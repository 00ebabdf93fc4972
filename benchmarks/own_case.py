"""How often the own-case notice is given, on own-case and on news questions, by language.

    python -m benchmarks.own_case --set dev4 --errors 20
    python -m benchmarks.own_case --set devs --errors 20   # all four development sets
    python -m benchmarks.own_case --set blind2

Sets (TSV `question<TAB>own_case<TAB>language`, own_case `yes`/`no`, language `en`/`es`):
`own-case-dev.tsv`, `-dev2` … `-dev6` hold our own development examples
(dev4: six probe batches written in the fourth round, each before the rules for it; dev5: round
19's batches on a relative's question passed on, a relative with a case who heard what will
happen to them, and a relative asking what the app does; dev6: round 20's three batches, each
written before the rules it was then used to fix, on a Spanish speaker's own situation told
without a case verb, a Spanish relative held or taken, an English relative asking whether they
must go, and Spanish news about what a lawyer or people did); `own-case.tsv` and
`own-case-blind2.tsv`, `-blind3`, `-blind4`, `-blind5` and `-blind6` (rounds 19–21: 160 questions
each) were written blind by someone else, each run before and after a round of work, and are
tuning data now (their misses may be listed). A set not in TUNING is held out: its misses are
never listed. Targets: the notice on 100% of own-case questions, on at most 5% of news
questions, in the language of the question.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.own_case import detect

QUESTIONS = Path(__file__).resolve().parent / "questions"
SETS = {
    "dev": QUESTIONS / "own-case-dev.tsv",
    "dev2": QUESTIONS / "own-case-dev2.tsv",
    "dev3": QUESTIONS / "own-case-dev3.tsv",
    "dev4": QUESTIONS / "own-case-dev4.tsv",
    "dev5": QUESTIONS / "own-case-dev5.tsv",  # round 19: relatives' questions passed on
    "dev6": QUESTIONS / "own-case-dev6.tsv",  # round 20: Spanish own situation, relatives held
    "blind": QUESTIONS / "own-case.tsv",
    "blind2": QUESTIONS / "own-case-blind2.tsv",  # round 2, written blind to every earlier set
    "blind3": QUESTIONS / "own-case-blind3.tsv",  # round 3, the same way
    "blind4": QUESTIONS / "own-case-blind4.tsv",  # round 19, the same way
    "blind5": QUESTIONS / "own-case-blind5.tsv",  # round 20, the same way
    "blind6": QUESTIONS / "own-case-blind6.tsv",  # round 21, the same way
    "blind7": QUESTIONS / "own-case-blind7.tsv",  # round 22, held out until run after it
}
DEVELOPMENT = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
# Sets whose misses may be listed: our own, and blind sets already run before and after a change.
TUNING = (*DEVELOPMENT, "blind", "blind2", "blind3", "blind4", "blind5", "blind6")


@dataclass(frozen=True)
class Row:
    question: str
    own_case: bool
    language: str


@dataclass(frozen=True)
class Result:
    row: Row
    notice: bool
    language: str | None


def load(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["question", "own_case", "language"]:
            raise SystemExit(f"{path.name}: unexpected header {header!r}")
        rows = []
        for number, fields in enumerate(reader, start=2):
            if not fields:
                continue
            if len(fields) != 3 or fields[1] not in {"yes", "no"} or fields[2] not in {"en", "es"}:
                raise SystemExit(f"{path.name}:{number}: expected question, yes/no, en/es")
            rows.append(Row(fields[0], fields[1] == "yes", fields[2]))
        return rows


def run(rows: Sequence[Row]) -> list[Result]:
    results = []
    for row in rows:
        found = detect(row.question)
        results.append(Result(row, found is not None, found.language if found else None))
    return results


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.1%})" if total else "—"


def table(name: str, results: Sequence[Result]) -> str:
    lines = [
        f"### {name} ({len(results)} questions)",
        "",
        "| language | notice on own-case questions (target 100%) | notice on news questions "
        "(target ≤ 5%) | notice in the question's language |",
        "|---|---:|---:|---:|",
    ]
    for language in ("en", "es", "all"):
        chosen = [r for r in results if language in ("all", r.row.language)]
        own = [r for r in chosen if r.row.own_case]
        news = [r for r in chosen if not r.row.own_case]
        noticed = [r for r in chosen if r.notice]
        lines.append(
            f"| {language} | {_share(sum(r.notice for r in own), len(own))} "
            f"| {_share(sum(r.notice for r in news), len(news))} "
            f"| {_share(sum(r.language == r.row.language for r in noticed), len(noticed))} |"
        )
    return "\n".join(lines)


def errors(results: Sequence[Result], limit: int) -> str:
    wrong = [
        r
        for r in results
        if r.notice != r.row.own_case or (r.notice and r.language != r.row.language)
    ]
    lines = [f"first {min(limit, len(wrong))} of {len(wrong)} misses:"]
    for r in wrong[:limit]:
        expected = f"own-case ({r.row.language})" if r.row.own_case else "news"
        got = f"notice ({r.language})" if r.notice else "no notice"
        lines.append(f"  {r.row.question!r}: expected {expected}, got {got}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--set",
        choices=(
            "dev",
            "dev2",
            "dev3",
            "dev4",
            "dev5",
            "dev6",
            "devs",
            "blind",
            "blind2",
            "blind3",
            "blind4",
            "blind5",
            "blind6",
            "blind7",
            "both",
        ),
        default="dev",
        help="devs: the development sets; both: the first development set and the blind set",
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list misses (tuning sets only)"
    )
    args = parser.parse_args(argv)
    groups = {"both": ["dev", "blind"], "devs": list(DEVELOPMENT)}
    names = groups.get(args.set, [args.set])
    for name in names:
        if not SETS[name].exists():
            print(f"{SETS[name].name}: not there yet")
            continue
        results = run(load(SETS[name]))
        print(table(f"{name}: {SETS[name].name}", results) + "\n")
        if args.errors and name in TUNING:
            print(errors(results, args.errors) + "\n")
        elif args.errors:
            print(f"(misses on {name} are not listed: a held-out set must not be tuned on)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
