"""The embedding's second opinion on the rules' decision: cosines in, a candidate or none out.

The lexical matcher (matcher.py) finds the candidate entries and its rules (confidence.py)
decide. The embedding (semantic.py) then may do two things, never more:
- answer what the rules refuse, with the candidate whose questions are closest in meaning to
  the question, when that closeness reaches ANSWER_COSINE, leads the next candidate's by
  COSINE_LEAD, the candidate shares enough words with the question (LEXICAL_FLOOR) and it
  passes the rules' own meaning checks (a "what is X" question needs an entry asked what X is;
  "how many", "who", "when" an entry asked that kind of question);
- refuse a confident answer when another candidate is closer in meaning by VETO_LEAD (when
  the question doubts a claim and the rules' entry was asked that doubt, the closer candidate
  must also cover as much of the question's words).
It never answers a one-common-word question the rules refused ("source?").

The four numbers were chosen leave-one-set-out on fifteen tuning sets and then checked,
unchanged, on the round-6 blind sets (benchmarks/README.md, "A semantic signal …").
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.confidence import Candidate, Thresholds

ANSWER_COSINE = 0.90
COSINE_LEAD = 0.02
LEXICAL_FLOOR = 30.0
VETO_LEAD = 0.03

DEFAULT_LIMITS = Thresholds()


def second_opinion(
    candidates: Sequence[Candidate],
    cosines: Sequence[float],
    ruled: Candidate | None,
    limits: Thresholds = DEFAULT_LIMITS,
    doubted: frozenset[str] = frozenset(),
) -> Candidate | None:
    """The candidate to answer with, given the rules' choice `ruled` (None: they refused) and
    each candidate's cosine (candidates best lexical score first, at most WIDE). An operator who
    raises the confident score (POLICYBOT_CONFIDENT_SCORE) raises LEXICAL_FLOOR as much.

    `doubted`: the candidates asked the question's own words of doubt ("se lo inventó el Post",
    "is the Post story a hoax"). The embedding reads what a question is about, not that it
    doubts it: closer in meaning to the outlet's entry, such a question still asks whether the
    story is true. The rules' choice of one of them is vetoed only by an entry closer in meaning
    that also covers as much of the question's words."""
    if not candidates:
        return None
    ranked = sorted(zip(cosines, candidates, strict=True), key=lambda pair: -pair[0])
    first_cosine, first = ranked[0]
    if ruled is not None:
        own = cosines[candidates.index(ruled)]
        rivals = [
            candidate
            for cosine, candidate in ranked
            if cosine - own >= VETO_LEAD
            and (ruled.entry_id not in doubted or candidate.coverage >= ruled.coverage)
        ]
        return None if rivals else ruled
    next_cosine = ranked[1][0] if len(ranked) > 1 else 0.0
    if first_cosine < ANSWER_COSINE or first_cosine - next_cosine < COSINE_LEAD:
        return None
    floor = LEXICAL_FLOOR + limits.confident - DEFAULT_LIMITS.confident
    if first.score < floor or not first.defines:
        return None
    if first.one_common_word:
        return None  # "fuente?", "source?": the rules offer choices; closeness is no reason to pick
    if (first.counting or first.asks_kind) and not first.alike:
        return None
    return first
