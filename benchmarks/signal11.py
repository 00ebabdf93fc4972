"""Round 11 (signal11): do the labelled questions help as nearest-neighbour examples for the
embedding? Leave-one-set-out over every tuning set (benchmarks/README.md, "Round 11: taught
questions"). Nothing here runs in the bot.

    python -m benchmarks.decision_data --out /tmp/signal11-cache/rows.json   # the rows
    python -m benchmarks.signal11 --rows /tmp/signal11-cache/rows.json       # embeds, then tables

The examples are every labelled question of the tuning sets (benchmarks/questions, own-case
sets excluded), each with its entry id(s) or "out of scope", embedded as entry texts are
("passage:"). When a question of set S is decided, the examples leave out every row of S and
every row whose normalized text equals one of S's questions; when a setting is chosen for a
held-out set H, it is scored on the other sets with H's rows left out of the examples too
(nested), so neither the examples nor the numbers have seen H.

Uses, each acting on the whole-question match recorded by decision_data (as signal10):
- veto: refuse a confident answer (it becomes "did you mean") when the nearest out-of-scope
  example is closer than the best of the answered entry's own texts and examples by M;
- join: examples of entry E join E's texts in the second opinion's cosine (max over them), then
  the second opinion decides with its four numbers unchanged;
- join+veto: both (the veto compares with the joined cosine of the entry answered);
- knn: among the K nearest examples, when V or more are out of scope a confident answer is
  refused; when V or more ask one lexical candidate (passing the meaning checks, lexical score
  at least 30) a refused question is answered with it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.decision_data import language_of
from benchmarks.fit_decision import Tally
from benchmarks.quality import SETS, TUNING
from benchmarks.signal10 import Example, Vectors, examples, pooled
from bot.core import semantic
from bot.core.normalize import normalize
from bot.core.taught import LeftOut
from testkit.decision_layer import passes_meaning_checks
from testkit.labelled import (
    Decide,
    Ours,
    OursDetecting,
    load_set,
    shipped_entries,
    split_unknown,
)

CACHE = Path("/tmp/signal11-cache")
ROWS = CACHE / "rows.json"
VECTORS = CACHE / "vectors.pkl"
SEED = Path("/tmp/signal10-vectors.pkl")  # signal10's cache: most questions already embedded
OUT = "-"
NEAREST = 64  # nearest examples kept per question (more than any exclusion removes)

MARGINS = (None, 0.10, 0.08, 0.06, 0.05, 0.04, 0.03, 0.02, 0.01, 0.0, -0.01, -0.02)
KS = (3, 5, 7, 9)
VOTES = (1.0, 0.8, 0.6)  # share of the K nearest
Setting = tuple[float | int | None, ...]


@dataclass(frozen=True)
class Taught:
    """One labelled question used as an example."""

    set: str
    text: str
    labels: tuple[str, ...]  # empty: out of scope
    twins: frozenset[str]  # the sets holding a question with the same normalized text


def taught(names: Sequence[str]) -> list[Taught]:
    entries = shipped_entries()
    loaded = {name: split_unknown(load_set(SETS[name]), entries)[0] for name in names}
    holders: dict[str, set[str]] = {}
    for name, items in loaded.items():
        for item in items:
            holders.setdefault(normalize(item.question), set()).add(name)
    return [
        Taught(name, item.question, item.expected, frozenset(holders[normalize(item.question)]))
        for name, items in loaded.items()
        for item in items
    ]


@dataclass(frozen=True)
class Near:
    """A question's nearest examples and, per entry it may be answered with, its nearest ones
    of that entry (indices into the examples, cosines), nearest first."""

    nearest: tuple[tuple[int, float], ...]
    of_entry: dict[str, tuple[tuple[int, float], ...]]
    own: dict[str, float]  # the entry's own texts (question and paraphrases), best cosine


def nearness(found: Sequence[Row], bank: Sequence[Taught], vectors: Vectors) -> dict[int, Near]:
    matrix = np.stack([vectors.of(t.text, "passage") for t in bank])
    by_label: dict[str, np.ndarray] = {}
    for label in {label for t in bank for label in t.labels}:
        by_label[label] = np.array([i for i, t in enumerate(bank) if label in t.labels])
    entries = {e.id: e for e in shipped_entries()}

    def own_texts(entry_id: str, language: str) -> np.ndarray:
        entry = entries[entry_id]
        own = entry.in_language(language) or entry
        return np.stack([vectors.of(t, "passage") for t in (own.question, *own.paraphrases)])

    near: dict[int, Near] = {}
    for n, e in enumerate(found):
        ids = {c.entry_id for c in e.candidates} | ({e.answer} if e.answer else set())
        if not ids:
            continue
        q = vectors.of(e.text, "query")
        cos = matrix @ q
        order = np.argsort(-cos)[:NEAREST]
        of_entry = {}
        for entry_id in ids:
            rows = by_label.get(entry_id, np.array([], dtype=int))
            ranked = rows[np.argsort(-cos[rows])][:NEAREST] if rows.size else rows
            of_entry[entry_id] = tuple((int(i), float(cos[i])) for i in ranked)
        near[n] = Near(
            tuple((int(i), float(cos[i])) for i in order),
            of_entry,
            {i: float(np.max(own_texts(i, e.language) @ q)) for i in ids},
        )
    vectors.save()
    return near


@dataclass(frozen=True)
class Row(Example):
    """A recorded question, with the rules' own choice at its whole-question match."""

    ruled: str | None = None


def rows_of(recorded: Sequence[dict[str, Any]]) -> list[Row]:
    return [
        Row(
            **{f.name: getattr(e, f.name) for f in fields(e)},
            ruled=(row["calls"][0].get("ruled") if row["calls"] else None),
        )
        for e, row in zip(examples(recorded), recorded, strict=True)
    ]


Decided = tuple[str | None, bool]  # the answer, and whether the outcome is approximate
Rule = Callable[[Row, Near, Callable[[int], bool], Setting], Decided]


def usable(bank: Sequence[Taught], left_out: frozenset[str]) -> Callable[[int], bool]:
    return lambda i: not (bank[i].twins & left_out)


def first(pairs: Iterable[tuple[int, float]], ok: Callable[[int], bool]) -> float:
    return next((c for i, c in pairs if ok(i)), -1.0)


def out_of_scope_nearest(near: Near, bank: Sequence[Taught], ok: Callable[[int], bool]) -> float:
    return first(((i, c) for i, c in near.nearest if not bank[i].labels), ok)


def make_rules(bank: Sequence[Taught]) -> dict[str, tuple[Rule, tuple[Setting, ...]]]:
    def support(near: Near, entry_id: str, ok: Callable[[int], bool]) -> float:
        return max(near.own[entry_id], first(near.of_entry[entry_id], ok))

    def veto(e: Row, near: Near, ok: Callable[[int], bool], s: Setting) -> Decided:
        (margin,) = s
        if e.answer is None or margin is None:
            return e.answer, False
        outside = out_of_scope_nearest(near, bank, ok)
        if outside - support(near, e.answer, ok) >= margin:
            return None, False
        return e.answer, False

    def join(e: Row, near: Near, ok: Callable[[int], bool], s: Setting) -> Decided:
        if not e.candidates:
            return e.answer, False
        cosines = [
            max(c, first(near.of_entry[x.entry_id], ok))
            for c, x in zip(e.cosines, e.candidates, strict=True)
        ]
        ruled = next((c for c in e.candidates if c.entry_id == e.ruled), None)
        chosen = semantic.second_opinion(e.candidates, cosines, ruled)
        answer = None if chosen is None else chosen.entry_id
        if answer == e.opinion:
            answer, approximate = e.answer, False
        else:
            approximate = e.calls > 1
        (margin,) = s
        outside = out_of_scope_nearest(near, bank, ok)
        if answer is not None and margin is not None:
            vetoed = outside - support(near, answer, ok) >= margin
            return (None if vetoed else answer), approximate
        return answer, approximate

    def knn(e: Row, near: Near, ok: Callable[[int], bool], s: Setting) -> Decided:
        k, share = s
        if k is None or share is None:
            return e.answer, False
        votes: dict[str, float] = {}
        taken = 0
        for i, _ in near.nearest:
            if taken == k:
                break
            if ok(i):
                taken += 1
                for label in bank[i].labels or (OUT,):
                    votes[label] = votes.get(label, 0.0) + 1.0 / max(1, len(bank[i].labels))
        needed = share * k - 1e-9
        if e.answer is not None:
            return (None, False) if votes.get(OUT, 0.0) >= needed else (e.answer, False)
        if e.opinion is not None or not e.candidates:
            return e.answer, False
        for candidate in e.candidates:
            voted = votes.get(candidate.entry_id, 0.0) >= needed and candidate.score >= 30
            if voted and passes_meaning_checks(candidate):
                return candidate.entry_id, e.calls > 1
        return e.answer, False

    def knn_veto(e: Row, near: Near, ok: Callable[[int], bool], s: Setting) -> Decided:
        k, share, margin = s
        answer, approximate = knn(e, near, ok, (k, share))
        vetoed = (
            answer is not None
            and margin is not None
            and out_of_scope_nearest(near, bank, ok) - support(near, answer, ok) >= margin
        )
        return (None if vetoed else answer), approximate

    no_veto: tuple[Setting, ...] = ((None,),)
    return {
        "veto": (veto, tuple((m,) for m in MARGINS)),
        "join": (join, no_veto),
        "join+veto": (join, tuple((m,) for m in MARGINS)),
        "knn": (knn, ((None, None), *itertools.product(KS, VOTES))),
        "knn+veto": (
            knn_veto,
            ((None, None, None), *itertools.product(KS, (1.0,), (None, 0.03, 0.02, 0.01))),
        ),
    }


def outcomes(
    found: Sequence[Row],
    near: dict[int, Near],
    bank: Sequence[Taught],
    rule: Rule,
    setting: Setting,
    held: str,
) -> dict[str, Tally]:
    """Each set's tally with the rule at `setting`, the examples leaving out that set and
    `held` (the set the setting is being chosen for; '' when scoring the held-out set itself)."""
    by_set: dict[str, Tally] = {}
    oks: dict[str, Callable[[int], bool]] = {}
    for n, e in enumerate(found):
        if e.set == held:
            continue
        tally = by_set.setdefault(e.set, Tally())
        if n not in near:
            tally.add(e, e.answer, False)
            continue
        ok = oks.setdefault(e.set, usable(bank, frozenset({e.set, held} - {""})))
        tally.add(e, *rule(e, near[n], ok, setting))
    return by_set


def today(found: Sequence[Row]) -> dict[str, Tally]:
    by_set: dict[str, Tally] = {}
    for e in found:
        by_set.setdefault(e.set, Tally()).add(e, e.answer, False)
    return by_set


def gain(after: Tally, before: Tally) -> int:
    rejected = after.neighbouring_rejected + after.unrelated_rejected
    return (
        after.right
        - before.right
        + before.wrong
        - after.wrong
        + rejected
        - before.neighbouring_rejected
        - before.unrelated_rejected
    )


def no_worse(after: Tally, before: Tally) -> bool:
    return (
        after.right >= before.right
        and after.wrong <= before.wrong
        and after.neighbouring_rejected >= before.neighbouring_rejected
        and after.unrelated_rejected >= before.unrelated_rejected
    )


def safe(after: Tally, before: Tally) -> bool:
    """No wrong answer added, no out-of-scope question answered (right answers may drop)."""
    return (
        after.wrong <= before.wrong
        and after.neighbouring_rejected >= before.neighbouring_rejected
        and after.unrelated_rejected >= before.unrelated_rejected
    )


def loso(
    found: Sequence[Row],
    near: dict[int, Near],
    bank: Sequence[Taught],
    rule: Rule,
    settings: Sequence[Setting],
    baseline: tuple[Rule, Setting] | None = None,
) -> tuple[str, bool]:
    """Each set held out, the setting chosen on the others; against today's bot, or against
    `baseline` (a rule at one setting, the examples leaving out the same sets)."""

    def before_on(held: str) -> dict[str, Tally]:
        if baseline is None:
            return {n: t for n, t in today(found).items() if n != held}
        return outcomes(found, near, bank, *baseline, held)

    base = before_on("")
    names = list(base)
    held_out = {s: outcomes(found, near, bank, rule, s, "") for s in settings}
    lines = [
        "| held-out set | setting | in-scope right: today → taught | wrong confident "
        "| neighbouring rejected | unrelated rejected |",
        "|---|---|---:|---:|---:|---:|",
    ]
    better = worse = 0
    total = Tally()
    for name in names:
        before = pooled(list(before_on(name).values()))
        best: tuple[int, Setting] | None = None
        for setting in settings:
            after = pooled(list(outcomes(found, near, bank, rule, setting, name).values()))
            if safe(after, before) and (best is None or gain(after, before) > best[0]):
                best = (gain(after, before), setting)
        was = base[name]
        now = held_out[best[1]][name] if best else was
        total.merge(now)
        better += gain(now, was) > 0
        worse += not no_worse(now, was)
        shown = "none" if best is None else ", ".join("–" if v is None else f"{v}" for v in best[1])
        lines.append(
            f"| {name} | {shown} | {was.right}/{was.in_scope} → {now.right} "
            f"| {was.wrong} → {now.wrong} "
            f"| {was.neighbouring_rejected} → {now.neighbouring_rejected} / {was.neighbouring} "
            f"| {was.unrelated_rejected} → {now.unrelated_rejected} / {was.unrelated} |"
        )
    was = pooled(list(base.values()))
    lines.append(
        f"| **pooled** | | {was.right}/{was.in_scope} → {total.right} | {was.wrong} → "
        f"{total.wrong} | {was.neighbouring_rejected} → {total.neighbouring_rejected} / "
        f"{was.neighbouring} | {was.unrelated_rejected} → {total.unrelated_rejected} / "
        f"{was.unrelated} |"
    )
    everywhere: tuple[int, Setting] | None = None
    for setting in settings:
        after = pooled(list(held_out[setting].values()))
        if safe(after, was) and (everywhere is None or gain(after, was) > everywhere[0]):
            everywhere = (gain(after, was), setting)
    shipped = everywhere is not None and any(v is not None for v in everywhere[1])
    improves = total.right > was.right or total.wrong < was.wrong
    qualifies = improves and safe(total, was) and worse < len(names) / 2 and shipped
    lines.append(
        f"\nHeld-out sets better {better}, worse {worse} (fewer right, more wrong or an "
        f"out-of-scope question answered), of {len(names)}; approximate outcomes "
        f"{total.approximate}; the setting chosen on all {len(names)} sets: "
        + ("; ".join("–" if v is None else f"{v}" for v in everywhere[1]) if everywhere else "none")
        + (" (off)" if not shipped else "")
        + ": "
        + ("QUALIFIES." if qualifies else "does not qualify.")
    )
    return "\n".join(lines), qualifies


def every_setting(
    found: Sequence[Row],
    near: dict[int, Near],
    bank: Sequence[Taught],
    rule: Rule,
    settings: Sequence[Setting],
) -> str:
    """Each setting's pooled outcome with every set scored out of sample (for reading)."""
    base = pooled(list(today(found).values()))
    lines = [
        "| setting | right | wrong | neighbouring rejected | unrelated rejected |",
        "|---|---:|---:|---:|---:|",
    ]
    lines.append(
        f"| today | {base.right} | {base.wrong} | {base.neighbouring_rejected} "
        f"| {base.unrelated_rejected} |"
    )
    for setting in settings:
        t = pooled(list(outcomes(found, near, bank, rule, setting, "").values()))
        shown = ", ".join("–" if v is None else f"{v}" for v in setting)
        lines.append(
            f"| {shown} | {t.right} | {t.wrong} | {t.neighbouring_rejected} "
            f"| {t.unrelated_rejected} |"
        )
    return "\n".join(lines)


def the_bot(names: Sequence[str]) -> str:
    """Each set run through the bot as shipped (bot/core/taught.py, its set's rows left out of
    the examples) and without the taught questions: the end-to-end before and after."""
    entries = shipped_entries()
    meaning = semantic.bundled_meaning()
    if meaning is None or meaning.taught is None:
        raise SystemExit("the embedding and the shipped taught questions are needed")
    lines = [
        "| set | in-scope right: before → after | wrong confident | neighbouring rejected "
        "| unrelated rejected |",
        "|---|---:|---:|---:|---:|",
    ]
    totals = (Tally(), Tally())
    for name in names:
        items, _ = split_unknown(load_set(SETS[name]), entries)
        ways = (
            LeftOut(meaning, None),
            meaning.leaving_out((item.question for item in items), {SETS[name].stem}),
        )
        tallies = []
        for way, total in zip(ways, totals, strict=True):
            decide: Decide = (
                Ours(entries, meaning=way)
                if language_of(name) == "en"
                else OursDetecting(entries, meaning=way)
            )
            tally = Tally()
            for item in items:
                tally.add(item, decide(item.question).answer, False)
            total.merge(tally)
            tallies.append(tally)
        lines.append(bot_row(name, *tallies))
        print(lines[-1], flush=True)
    lines.append(bot_row("**pooled**", *totals))
    return "\n".join(lines)


def bot_row(name: str, was: Tally, now: Tally) -> str:
    return (
        f"| {name} | {was.right}/{was.in_scope} → {now.right} | {was.wrong} → {now.wrong} "
        f"| {was.neighbouring_rejected} → {now.neighbouring_rejected} / {was.neighbouring} "
        f"| {was.unrelated_rejected} → {now.unrelated_rejected} / {was.unrelated} |"
    )


def prepared(
    rows: Path, vectors: Path, seed: Path
) -> tuple[list[Row], list[Taught], dict[int, Near]]:
    """The recorded rows, the taught examples of their sets and each row's nearest examples;
    the embedding cache starts as a copy of `seed` (most questions already embedded)."""
    if not vectors.exists() and seed.exists():
        vectors.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seed, vectors)
    found = rows_of(json.loads(rows.read_text(encoding="utf-8")))
    sets = list(dict.fromkeys(e.set for e in found))
    bank = taught(sets)
    print(
        f"{len(found)} questions in {len(sets)} sets; {len(bank)} examples, "
        f"{sum(not t.labels for t in bank)} out of scope\n"
    )
    return found, bank, nearness(found, bank, Vectors(vectors))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, default=ROWS)
    parser.add_argument("--vectors", type=Path, default=VECTORS)
    parser.add_argument("--rule", action="append", help="default: every one")
    parser.add_argument("--grid", action="store_true", help="also every setting, pooled")
    parser.add_argument(
        "--bot", action="store_true", help="instead: every set through the bot as shipped"
    )
    args = parser.parse_args(argv)
    if args.bot:
        print(the_bot(TUNING))
        return 0
    found, bank, near = prepared(args.rows, args.vectors, SEED)
    verdicts = {}
    for name, (rule, settings) in make_rules(bank).items():
        if args.rule and name not in args.rule:
            continue
        text, verdicts[name] = loso(found, near, bank, rule, settings)
        print(f"\n### {name}, each set held out\n\n{text}")
        if args.grid:
            print("\n" + every_setting(found, near, bank, rule, settings))
    print("\nQualifying: " + (", ".join(k for k, v in verdicts.items() if v) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
