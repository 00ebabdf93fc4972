"""Which path made each confident answer on the tuning sets, and how low each path's scores go
(round 14, issues 9 and 11).

    python -m benchmarks.confident_paths [--semantic] [--set NAME] [--lowest N] [--json FILE]

A match becomes "confident" through the rules (confidence.py: the plain bar, or `_named_thing`
for "what is X"), the embedding's second opinion (second_opinion.py, from LEXICAL_FLOOR), doubt
about the whole report (one_question.py, from the suggestion bar) or about one claim, a "what
is that" named in the backstory (past_backstory.py, from the suggestion bar), a message of
several questions answered through one part (several_questions.py), or the question past its
backstory. This tool wraps those methods in this process only, tags the result each returns,
and prints per path: confident answers, how many are right, and the lowest-scoring ones.
"+addressed" marks a question whose "you" was read as the bot (chatter.py).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import bot.core.confidence as confidence
import bot.core.one_question as one_question
import bot.core.several_questions as several_questions
from benchmarks.quality import BLIND_SETS, SETS, TUNING
from bot.core.chatter import read_addressed, rewrite, strip_chatter
from bot.core.confidence import MatchResult, Tier
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.matcher import Matcher
from bot.core.normalize import clean
from bot.core.past_backstory import PastBackstory
from bot.core.routing import route
from bot.core.semantic import bundled_meaning
from testkit.labelled import (
    OUT_OF_SCOPE,
    Ours,
    OursDetecting,
    load_set,
    shipped_entries,
    split_unknown,
)

_tags: dict[int, str] = {}
_flags = {"named": False, "embedding": False}


def _tag(result: object, tag: str) -> None:
    if isinstance(result, MatchResult) and result.tier is Tier.CONFIDENT:
        inner = _tags.get(id(result))
        _tags[id(result)] = tag if inner is None else f"{tag}>{inner}"


def _install() -> None:
    """Wrap the paths' methods (this process only) so each confident result carries its tag."""
    named_thing = confidence._named_thing
    asking: Any = one_question  # names it imports, replaced here
    opinion: Callable[..., Any] = asking.second_opinion

    def named(*args: Any) -> Any:
        chosen = named_thing(*args)
        _flags["named"] = _flags["named"] or chosen is not None
        return chosen

    def second(candidates: Any, cosines: Any, ruled: Any, *rest: Any) -> Any:
        chosen = opinion(candidates, cosines, ruled, *rest)
        _flags["embedding"] = _flags["embedding"] or (ruled is None and chosen is not None)
        return chosen

    confidence._named_thing = named  # type: ignore[assignment]
    asking.second_opinion = second
    match_one = one_question.OneQuestion._match_one

    def one(self: Any, *args: Any, **kwargs: Any) -> MatchResult:
        _flags["named"] = _flags["embedding"] = False
        result = match_one(self, *args, **kwargs)
        path = "embedding" if _flags["embedding"] else "named_thing" if _flags["named"] else ""
        _tag(result, path or "rules")
        return result

    one_question.OneQuestion._match_one = one  # type: ignore[method-assign]
    _wrap(one_question.OneQuestion, "_whole_doubt_answer", "whole_doubt", None)
    _wrap(one_question.OneQuestion, "_doubted_claim", "doubted_claim", None)
    _wrap(PastBackstory, "_defined_in_backstory", "defined_in_backstory", None)
    _wrap(several_questions.SeveralQuestions, "_first_asked", "first_asked", 2)
    _wrap(several_questions.SeveralQuestions, "_one_of_several", "one_of_several", 2)
    several: Any = several_questions
    copy: Callable[..., Any] = several.replace

    def replaced(result: Any, **changes: Any) -> Any:
        made = copy(result, **changes)
        if id(result) in _tags:
            _tags[id(made)] = _tags[id(result)]
        return made

    several.replace = replaced
    message = Matcher.match_message

    def whole(self: Matcher, question: str, limit: int = 3) -> MatchResult:
        result = message(self, question, limit)
        if self._past_backstory(question) is not None and result.tier is Tier.CONFIDENT:
            tag = _tags.get(id(result), "?")
            _tags[id(result)] = tag if tag.startswith("backstory") else f"backstory>{tag}"
        return result

    Matcher.match_message = whole  # type: ignore[method-assign]


def _wrap(cls: type, name: str, tag: str, given: int | None) -> None:
    """Tag what `cls.name` returns; with `given`, only a result other than its argument
    number `given` (the result it may pass through unchanged)."""
    method: Callable[..., Any] = getattr(cls, name)

    def wrapped(self: Any, *args: Any) -> Any:
        result = method(self, *args)
        if given is None or result is not args[given]:
            _tag(result, tag)
        return result

    setattr(cls, name, wrapped)


def _addressed(matcher: Matcher, question: str) -> bool:
    data = languages()[matcher.language]
    plain = rewrite(
        strip_chatter(matcher._text.plain_words(question), matcher.language, own=False),
        data.rewrites,
    )
    return read_addressed(plain, matcher.language) != plain


def audit(semantic: bool, sets: Sequence[str]) -> list[dict[str, object]]:
    meaning = bundled_meaning() if semantic else None
    entries = shipped_entries()
    rows: list[dict[str, object]] = []
    for name in sets:
        items = load_set(SETS[name])
        if name in BLIND_SETS:
            items, _ = split_unknown(items, entries)
        used: Any = meaning
        if meaning is not None:  # out of sample, as benchmarks.quality measures
            used = meaning.leaving_out((item.question for item in items), {SETS[name].stem})
        detecting = OursDetecting(entries, meaning=used) if name.endswith("-es") else None
        ours = Ours(entries, language=SOURCE_LANGUAGE, meaning=used)
        for item in items:
            _tags.clear()
            if detecting is not None:
                routed = route(detecting.matchers, clean(item.question), detecting.preferred)
                result, matcher = routed.result, routed.matcher
            else:
                result, matcher = ours.matcher.match(item.question), ours.matcher
            if result.tier is not Tier.CONFIDENT or result.best is None:
                continue
            path = _tags.get(id(result), "?")
            if _addressed(matcher, item.question):
                path += "+addressed"
            rows.append(
                {
                    "set": name,
                    "question": item.question,
                    "label": "|".join(item.expected) if item.in_scope else OUT_OF_SCOPE,
                    "answer": result.best.entry_id,
                    "score": result.best.score,
                    "path": path,
                    "right": item.in_scope and result.best.entry_id in item.expected,
                }
            )
    return rows


def report(rows: list[dict[str, Any]], lowest: int) -> str:
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_path[row["path"]].append(row)
    lines = []
    for path, found in sorted(by_path.items(), key=lambda item: -len(item[1])):
        right = sum(bool(row["right"]) for row in found)
        lines.append(f"\n{path}: {len(found)} confident, {right} right")
        for row in sorted(found, key=lambda row: row["score"])[:lowest]:
            mark = "right" if row["right"] else "WRONG"
            lines.append(
                f"  {row['score']:5.1f} {mark} {row['set']}: {row['question'][:80]!r}"
                f" -> {row['answer']} (label {row['label']})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="with the embedding")
    parser.add_argument("--set", action="append", choices=TUNING, help="(default: all)")
    parser.add_argument("--lowest", type=int, default=5, help="lowest-scoring answers per path")
    parser.add_argument("--json", type=Path, help="write every confident answer here")
    args = parser.parse_args(argv)
    _install()
    rows = audit(args.semantic, args.set or TUNING)
    print(report(rows, args.lowest))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
