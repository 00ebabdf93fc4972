"""In-scope rows held at "did you mean" (or no answer) although the expected entry is among the
suggestions, sorted by the rule that held them (issue 9, round 13).

    python -m benchmarks.held_close                  # words only, every tuning set
    python -m benchmarks.held_close --semantic       # with the embedding (its veto shows)
    python -m benchmarks.held_close --rows           # also each row, its rule and candidates

The mechanism is read by replaying confidence.confident_choice on the question's plain,
one-question ranking: the close-call tie (and its pair of entries), the confident bar,
coverage, unexplained informative words, the kind of question; "embedding" when the words alone
would answer the expected entry, "later path" when they would and the full match (several
questions, backstory, doubt) did not.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence

from benchmarks.quality import BLIND_SETS, LEAVE_OUT, SETS, TUNING
from bot.core.confidence import (
    CLOSE_CALL,
    Candidate,
    Thresholds,
    Tier,
    _named_thing,
    close_call_choice,
    confident_choice,
    holding_rule,
)
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.matcher import Matcher
from bot.core.normalize import clean
from bot.core.routing import route
from bot.core.semantic import RULED, WIDE, bundled_meaning
from bot.core.taught_words import shipped_words
from testkit.labelled import load_set, shipped_entries, split_unknown

TIE = "close call: a near tie coverage does not settle"


def held_by(ruled: Sequence[Candidate], limits: Thresholds) -> tuple[str, str]:
    """(the rule that kept the question from a confident answer, the entry or pair it held)."""
    best = ruled[0]
    if best.score < limits.suggest:
        return "under the suggestion bar", best.entry_id
    if _named_thing(ruled, limits) is not None:
        return "asked what X is (answered)", best.entry_id
    chosen = close_call_choice(ruled, limits)
    if chosen is None:
        tied = [c for c in ruled if c.score > best.score - limits.margin]
        return TIE, " vs ".join(sorted(c.entry_id for c in tied[:2]))
    return holding_rule(chosen, limits) or "answered by words", chosen.entry_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="with the embedding")
    parser.add_argument("--rows", action="store_true", help="list each row")
    parser.add_argument("--set", action="append", choices=TUNING, help="(default: all)")
    parser.add_argument("--leave-out", action="append", choices=TUNING, default=[], help=LEAVE_OUT)
    args = parser.parse_args(argv)
    entries = shipped_entries()
    bundled = bundled_meaning() if args.semantic else None
    mechanisms: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for name in (n for n in args.set or TUNING if n not in args.leave_out):
        items = load_set(SETS[name])
        if name in BLIND_SETS:
            items, _ = split_unknown(items, entries)
        meaning = None
        if bundled is not None:
            meaning = bundled.leaving_out((i.question for i in items), {SETS[name].stem})
        spanish = name.endswith("-es")
        codes = languages() if spanish else [SOURCE_LANGUAGE]
        # The words of the taught questions (taught_words.py) out of sample, as the embedding's.
        taught = shipped_words().leaving_out((i.question for i in items), {SETS[name].stem})
        matchers = {c: Matcher(entries, language=c, meaning=meaning, taught=taught) for c in codes}
        for item in items:
            if not item.in_scope:
                continue
            if spanish:
                text = clean(item.question)
                routed = route(matchers, text)
                matcher, result = routed.matcher, routed.result
            else:
                text = item.question
                matcher = matchers[SOURCE_LANGUAGE]
                result = matcher.match(text)
            offered = {c.entry_id for c in result.candidates[:3]}
            if result.tier is Tier.CONFIDENT or offered.isdisjoint(item.expected):
                continue
            ranked = matcher.rank(text, limit=max(3, RULED, WIDE))
            shown = ranked[: max(3, RULED)]
            ruled = [
                *shown,
                *(c for c in ranked[len(shown) :] if c.score > shown[0].score - CLOSE_CALL),
            ]
            words = confident_choice(ruled, matcher.thresholds) if ruled else None
            if words is not None and words.entry_id in item.expected:
                mechanism = "embedding" if meaning is not None else "later path"
                held = words.entry_id
            elif words is not None:
                mechanism, held = "words answer another entry", words.entry_id
            elif ruled:
                mechanism, held = held_by(ruled, matcher.thresholds)
            else:
                mechanism, held = "no candidate on the plain path", ""
            mechanisms[mechanism] += 1
            if mechanism == TIE:
                pairs[held] += 1
            if args.rows:
                print(
                    f"{name} | {item.question} | {'/'.join(item.expected)} | {mechanism} | {held}"
                )
    print("\n| rule that held it | rows |\n|---|---:|")
    for mechanism, count in mechanisms.most_common():
        print(f"| {mechanism} | {count} |")
    print("\n| close-call pair | rows |\n|---|---:|")
    for pair, count in pairs.most_common():
        print(f"| {pair} | {count} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
