"""When a match is good enough to answer: the tiers, the thresholds, and the rule that picks
the entry to answer with among close candidates.

The matcher (matcher.py) ranks entries and measures, for each candidate, how much of the
question the entry's questions cover and how much informative content (commonness.py) the
whole entry leaves unexplained; this module turns that into a decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.core.question_shapes import OTHER_FORMS

# The kinds of question a near tie may be settled by (_matched_alike).
ASKED_KINDS = frozenset({"who", "when", "where", "why", "how many", "how long"})

# A confident answer leaves less than this much of the question unexplained: the summed
# informativeness (commonness.py, 0..1 per word) of the question's words the entry lacks.
MISSING_LIMIT = 0.5
# …or, in a question with many informative words, less than this share of them.
MISSING_SHARE = 0.3
# Candidates within CLOSE_CALL points of the best are a close call: there, an entry whose
# questions cover COVER_LEAD more of the question's weight than each other one's wins.
CLOSE_CALL = 6.0
COVER_LEAD = 0.1
# A confident answer's questions cover at least this share of the question's weight.
MIN_COVERAGE = 0.5
# An entry that lacks an informative word of the question gives way to one within EARLIER_CALL
# points of it named by that word (_named_by_lacking).
EARLIER_CALL = 15.0


class Tier(StrEnum):
    CONFIDENT = "confident"
    CLOSE = "close"
    NONE = "none"
    REFUSED = "refused"  # answers only: the question itself was refused (empty, too long)


@dataclass(frozen=True)
class Thresholds:
    confident: float = 50.0
    suggest: float = 40.0
    margin: float = 5.0


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    question: str  # the entry's canonical question
    score: float  # 0-100
    matched: str  # which of the entry's questions scored best (normalised)
    coverage: float = 1.0  # share of the question's weight found in the entry's questions
    # …counting the words members ask the entry with (taught_words.py) and the words that say
    # what the entry's say (equivalents.py); for MIN_COVERAGE only.
    taught_coverage: float = 0.0
    # Informativeness of the question's words the entry lacks; measured only for candidates
    # within CLOSE_CALL of the best, the only ones that can be answered with.
    missing: float = 0.0
    # …and of one beyond CLOSE_CALL of the best, within EARLIER_CALL (_named_by_lacking).
    missing_beyond: float = 0.0
    informative: float = 0.0  # informativeness of all the question's words (when any lack)
    alike: bool = False  # the entry has a question of the same kind ("who …", "how many …")
    alike_about: bool = False  # …one that shares a word with the question
    counting: bool = False  # the question asks how many or how much
    defines: bool = True  # a "what is X" question: the entry is asked what X is
    named: bool = True  # …and one of its own questions asks it (not only its keywords name X)
    asks_what: bool = False  # the question asks what X is, and X is read (`named` says of it)
    asks_kind: bool = False  # the question asks a kind of its own: who, when, where, why
    # The whole question is one common word ("time?", "source?", "pocos"): it names no subject
    # of its own, and which of the entries using that word it means is a guess.
    one_common_word: bool = False
    # The form the question is asked in ("which …", "is it …", "who …": question_form.py; ""
    # when its opening does not say), and the form of the entry's best-matching question.
    form: str = ""
    matched_form: str = ""
    # The question's tokens the whole entry lacks that alone leave too much unexplained
    # (MISSING_LIMIT; measured as `missing` is), and those among the entry's keywords.
    lacks: frozenset[str] = frozenset()
    keyed: frozenset[str] = frozenset()

    @property
    def covers(self) -> bool:
        """Whether the entry covers enough of the question to answer it (MIN_COVERAGE)."""
        return max(self.coverage, self.taught_coverage) >= MIN_COVERAGE

    @property
    def explains(self) -> bool:
        """Whether the entry leaves too little of the question unexplained to answer it."""
        return self.missing < max(MISSING_LIMIT, MISSING_SHARE * self.informative)


@dataclass(frozen=True)
class MatchResult:
    tier: Tier
    candidates: tuple[Candidate, ...]  # best first, at most the requested limit
    # Of a message of several questions answered through one: how many of the others no entry
    # answers (the answer says so).
    unanswered: int = 0

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def confident_choice(candidates: Sequence[Candidate], limits: Thresholds) -> Candidate | None:
    """The candidate to answer with, if any (candidates best first).

    It scores at least `limits.confident`, its questions cover at least MIN_COVERAGE of the
    question, it leaves nothing informative in the question unexplained, it is asked for a
    number if the question asks "how many", the question is more than one common word, and
    it either leads the runner-up by `limits.margin` or, when others score within CLOSE_CALL
    of the best (the close-call rule), its questions cover COVER_LEAD more of the question
    than each of theirs do: the entry that covers the whole question wins over one that
    covers part of it. A near tie that coverage does not settle goes to the one entry asked
    the same kind of question ("who …"), if only one is, else to the best when only its
    best-matching question is asked in the question's form ("is it …", "which …": _asked_alike),
    else to the one entry whose best-matching question asks the question's kind ("who …",
    "how many …": _matched_alike).
    A "what is X" question needs an entry asked what X is (`defines`), and a question asking
    who, when, where, why or how many an entry asked that kind of question; when one entry's
    own questions ask what X is, it answers, whatever entries that only mention X score
    (_named_thing).
    """
    if not candidates:
        return None
    named = _named_thing(candidates, limits)
    if named is not None:
        return named
    chosen = close_call_choice(candidates, limits)
    if chosen is not None:
        chosen = _named_by_lacking(chosen, candidates, limits)
    if chosen is None or holding_rule(chosen, limits) is not None:
        return None
    return chosen


def _named_by_lacking(
    chosen: Candidate, candidates: Sequence[Candidate], limits: Thresholds
) -> Candidate:
    """The rival an informative word of the question names, when the chosen candidate lacks
    it: a word one entry is named by (its keywords) and the other never says settles which of
    two overlapping entries is asked, when that entry also covers more of the question and
    could be answered with itself (holding_rule). "¿alguien demandó la orden de Biden que
    cerró la frontera?" asks about the lawsuit ("demanda"), whatever the closing of the border
    scores. Rivals within EARLIER_CALL points of the chosen one count, beyond the close call:
    a word the best lacks outright outweighs the points the rest of the question gives it."""
    if not chosen.lacks:
        return chosen
    floor = candidates[0].score - EARLIER_CALL  # the candidates whose `lacks` is measured
    rivals = [
        c
        for c in candidates
        if c is not chosen
        and c.score > max(floor, chosen.score - EARLIER_CALL)
        and not chosen.lacks.isdisjoint(c.keyed)
        and c.coverage > chosen.coverage
        and holding_rule(replace(c, missing=c.missing + c.missing_beyond), limits) is None
    ]
    if not rivals:
        return chosen
    return max(rivals, key=lambda c: (c.coverage, c.score))


def close_call_choice(candidates: Sequence[Candidate], limits: Thresholds) -> Candidate | None:
    """The candidate the close-call rule picks (see confident_choice), before the rules that
    may still hold it back; None for a near tie that neither coverage nor the kind of question
    settles."""
    best = candidates[0]
    top = best.score
    if (best.counting or best.asks_kind) and not best.alike:
        # Asked who, when or how many: the entries asked that kind of question are the
        # candidates, when one covers more of the question than the best does (or, of a name
        # many entries share, the one asked that kind of question about it: _asked_kind_about).
        alike = [c for c in candidates if c.alike and c.coverage > best.coverage]
        alike = alike or _asked_kind_about(candidates, best)
        if alike:
            candidates = alike
            best = candidates[0]
    # A rival that could not be answered itself (it covers too little of the question, leaves
    # informative words unexplained, or is never asked the kind of question: _rival_answers)
    # does not make a close call.
    close = [
        c
        for c in candidates
        if c.score > best.score - CLOSE_CALL and (c is best or _rival_answers(c, best))
    ]
    chosen = max(close, key=lambda c: (c.coverage, c.score))
    if any(o is not chosen and o.coverage + COVER_LEAD > chosen.coverage for o in close):
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        if best.score - runner_up >= limits.margin:
            chosen = best
        else:
            # A near tie: the one entry asked the same kind of question ("who …") wins.
            tied = [c for c in candidates if c.score > best.score - limits.margin]
            alike = [c for c in tied if c.alike]
            if len(alike) != 1:
                # …or, asked what X is, the one entry one of whose questions asks what X is.
                alike = [c for c in tied if c.named]
                if len(alike) != 1:
                    alike = (
                        _asked_alike(tied)
                        or _matched_alike(tied, top - limits.margin)
                        or _asked_alike_among(tied)
                    )
                    if len(alike) != 1:
                        return None
            chosen = alike[0]
    return chosen


def _rival_answers(rival: Candidate, best: Candidate) -> bool:
    """Whether a rival within the close call could be answered with itself, and so make a
    close call: it covers enough of the question and explains it, and, of a question asking
    who, when, where or how many whose best entry is asked that kind, it is asked it too.
    "how many ppl are in the ATD programm" is the entry asked how many people are in ATD,
    though the one asked what the ATD program is says "program" too: that one would only be
    held ("kind of question not asked"), and the count with it."""
    if not (rival.covers and rival.explains):
        return False
    asks_kind = best.counting or best.asks_kind
    return not (asks_kind and best.alike and not rival.alike)


def _asked_kind_about(candidates: Sequence[Candidate], best: Candidate) -> list[Candidate]:
    """Asked who, when, where or how many, of a best candidate never asked that kind of
    question: the one entry within the close call asked it about a word of the question
    (`alike_about`) whose questions cover the whole question, as the best's do. A name many
    entries share ("who can use the ICE check-in app") scores every entry that says it alike;
    the kind of question is what tells them apart. Empty when none or several are, or when the
    best leaves part of the question to other entries ("who are the sources in the article")."""
    if best.coverage < 1.0:
        return []
    about = [
        c
        for c in candidates
        if c.alike_about and c.score > best.score - CLOSE_CALL and c.coverage >= 1.0 and c.explains
    ]
    return about if len(about) == 1 else []


def _asked_alike(tied: Sequence[Candidate]) -> list[Candidate]:
    """Of a near tie (best first): the one entry whose best-matching question is asked the way
    the question is (`form`: yes/no or "which …") when each other's asks another thing
    (OTHER_FORMS). "is the app a pilot program in some cities" goes to the entry that matched
    with "is the app starting as a pilot program", not to the one that matched with "which
    cities are in the pilot program"; "what cities is the app tested in" the other way round,
    whichever of the two scores a point more (_asked_alike_below). Empty otherwise."""
    best = tied[0]
    other = OTHER_FORMS.get(best.form, frozenset())
    if not other:
        return []
    if best.matched_form != best.form:
        return _asked_alike_below(tied, other)
    if not (best.covers and best.explains):
        return []
    if any(c.matched_form not in other for c in tied[1:]):
        return []
    return [best]


def _asked_alike_below(tied: Sequence[Candidate], other: frozenset[str]) -> list[Candidate]:
    """Of a near tie whose best matched with a question asked another way than the question
    (OTHER_FORMS): the one other entry that matched with a question asked its way, when each
    of the rest matched with one asked another way too, and it covers as much of the question
    as any of them and leaves nothing informative in it unexplained. A point of score between
    two entries that both cover the whole question says less than the form of the question
    each was matched with ("what cities is the check-in app being tested in": "which cities
    are testing the ice app", not "is the checkin app going everywhere at once")."""
    asked = [c for c in tied if c.matched_form == c.form]
    if len(asked) != 1:
        return []
    chosen = asked[0]
    rest = [c for c in tied if c is not chosen]
    if any(c.matched_form not in other for c in rest):
        return []
    if not (chosen.covers and chosen.explains and not chosen.missing):
        return []
    if any(c.coverage > chosen.coverage for c in rest):
        return []
    return [chosen]


def _asked_alike_among(tied: Sequence[Candidate]) -> list[Candidate]:
    """Of a near tie (best first) where several entries matched with a question asked the way
    the question is (`form`: yes/no, "which …", "what is …") and each other one with a question
    asked another way (OTHER_FORMS): the entries asked another way drop out, as _asked_alike
    drops them when one entry is asked alike, and of those asked alike the one that covers
    most of the question, then scores best, answers, when it covers as much of the question as
    any in the tie and leaves nothing informative in it unexplained. "is it just a pilot thing
    for now" is the entry matched with "is it a pilot program", not the one matched with
    "where exactly is the pilot happening" (asked another way), nor the one matched with "did
    migrants actually use the app in the pilot" (asked alike, scoring less). Empty otherwise
    (one entry asked alike is _asked_alike's; with none asked another way, nothing drops out)."""
    other = OTHER_FORMS.get(tied[0].form, frozenset())
    if not other:
        return []
    asked = [c for c in tied if c.matched_form == c.form]
    rest = [c for c in tied if c.matched_form != c.form]
    if len(asked) < 2 or not rest or any(c.matched_form not in other for c in rest):
        return []
    chosen = max(asked, key=lambda c: (c.coverage, c.score))
    if not (chosen.covers and chosen.explains and not chosen.missing):
        return []
    if any(c.coverage > chosen.coverage for c in tied):
        return []
    return [chosen]


def _matched_alike(tied: Sequence[Candidate], floor: float) -> list[Candidate]:
    """Of a near tie asking who, when, where, why or how many (`form`): the one entry whose
    best-matching question asks that kind too, when it covers the whole question, leaves
    nothing in it unexplained and scores within the margin of the best of all candidates
    (`floor`: not only of those asked the kind). "who told the post about the app" goes to the
    entry that matched with "who told the nypost this", not to the one that matched with "when
    was the story published". Empty otherwise."""
    same = [
        c
        for c in tied
        if c.form in ASKED_KINDS
        and c.matched_form == c.form
        and c.score > floor
        and c.coverage >= 1.0
        and not c.missing
        and c.explains
    ]
    return same if len(same) == 1 else []


def holding_rule(chosen: Candidate, limits: Thresholds) -> str | None:
    """Why the chosen candidate may not be answered with, or None when it may: the first rule
    that holds it (benchmarks/held_close.py counts them)."""
    if chosen.score < limits.confident:
        return "confident bar (score under it)"
    if not chosen.covers:
        return "coverage under MIN_COVERAGE"
    if not chosen.explains:
        return "informative words unexplained"
    if not chosen.defines:
        return "asked what X is, the entry only mentions X"
    if chosen.one_common_word:
        # "source?": of the story, of a figure, of the bot's facts? Offer choices.
        return "one common word"
    if (chosen.counting or chosen.asks_kind) and not chosen.alike:
        # Asked for a number (a person, a date…), the entry is never asked for one.
        return "kind of question not asked"
    if (chosen.counting or chosen.asks_kind) and chosen.missing and not chosen.alike_about:
        # "Who won the 2024 election": the entry explains all but "won", and is asked who
        # only about something else ("who says immigration is a burden"). What it leaves
        # unexplained is what the who asks about.
        return "kind of question, asked about something else"
    return None


def _named_thing(candidates: Sequence[Candidate], limits: Thresholds) -> Candidate | None:
    """Asked what one thing is ("what is the ICE check-in app that shows up in the app
    store", "¿para qué se usaba la aplicación CBP One?"): the one entry whose own questions
    ask what it is, when it scores high enough and leaves nothing informative unexplained;
    entries that only mention the thing (where it is listed, which app the story means) do
    not make a close call. None for other questions, or when no entry or several are asked
    what it is."""
    if not candidates[0].asks_what:
        return None
    named = [c for c in candidates if c.named and c.score >= limits.suggest]
    if len(named) != 1:
        return None
    chosen = named[0]
    if chosen.score < limits.confident or not chosen.explains or chosen.one_common_word:
        return None
    return chosen
