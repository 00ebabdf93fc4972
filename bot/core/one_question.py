"""Matching one question: the rules (confidence.py) decide from the ranked candidates, the
embedding (semantic.py) may overrule them; a base class of the Matcher, kept apart to keep each
file short. The close call weighs every candidate near the best, not only the first three.
Doubt is read first (doubt.py): about the whole report ("is this just propaganda") it is
answered by the entry asked whether the report is confirmed, about one claim ("is the NYC
launch real") by that claim's entry, about an outlet alone ("is newsmax even credible") by the
entry asked which outlet reported, or it is held.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.alternatives import split_alternative
from bot.core.asked_request import COMPANION, AskedRequest
from bot.core.commonness import informativeness
from bot.core.confidence import CLOSE_CALL, MatchResult, Thresholds, Tier, confident_choice
from bot.core.doubt import (
    Doubt,
    asks_whole_doubt,
    doubt_words,
    judges_outlet,
    outlet_labels,
    read_doubt,
)
from bot.core.equivalents import equivalents
from bot.core.index_cache import IndexCache
from bot.core.languages import languages
from bot.core.models import Entry, Status
from bot.core.semantic import RULED, WIDE, Meaning, safe_cosines, second_opinion
from bot.core.slips import slip_meant, with_word
from bot.core.taught_words import TaughtWords, shipped_words

# A token this unspecific (entry_index._specific) is the topic's, used across the knowledge base:
# "ice", "app", "migrants", "check-in", "border" (0.4-0.6 on the shipped entries), not "pilot",
# "biden", "phone" (0.98): doubt said beside topic words only doubts the whole report.
TOPICAL = 0.7


class OneQuestion(AskedRequest):
    """An index that answers one question, or decides that no entry does."""

    def __init__(
        self,
        entries: Sequence[Entry],
        thresholds: Thresholds | None = None,
        language: str = "en",
        meaning: Meaning | None = None,
        taught: TaughtWords | None = None,
        *,
        index_cache: IndexCache | None = None,
    ) -> None:
        """The rules (confidence.py) decide whether to answer with one of the ranked
        candidates; `meaning`, when given, may overrule that decision (semantic.py).
        `taught`: the words members ask each entry with (default: the shipped ones); a
        retracted entry's examples do not speak for it. `index_cache`: entry_index.py."""
        super().__init__(entries, language, index_cache=index_cache)
        taught = shipped_words() if taught is None else taught
        self._taught_words = taught.of_entries(
            language, [e.id if e.status is not Status.RETRACTED else "" for e in entries]
        )
        self._equivalents = equivalents(language)
        self.thresholds = thresholds or Thresholds()
        self.meaning = meaning
        # Each entry's questions as written in this index's language, for `meaning` to compare.
        self._written: dict[str, tuple[str, ...]] = {}
        self._doubt_words = doubt_words(self._text)
        # Each entry's answer as written in this index's language (_over_whole_doubt).
        self._answer_text = {e.id: (e.in_language(language) or e).answer for e in entries}
        self._whole_doubt = self._asked_whole_doubt()
        self._outlet_asked = self._asked_outlet()
        if meaning is not None:
            for entry in entries:
                own = entry.in_language(language) or entry
                self._written[entry.id] = (own.question, *own.paraphrases)

    def _match_doubting(self, question: str, limit: int) -> MatchResult:
        """One question, its doubt read first (doubt.py): doubt about the whole report is
        answered by the entry asked whether it is confirmed, doubt about one claim by that
        claim's entry when the question does not answer otherwise."""
        reading, named = self._doubt(question)
        if reading is Doubt.WHOLE:
            whole = self._whole_doubt_answer(question, limit)
            if whole is not None:
                return whole
        result = self._match_one(question, limit)
        if reading is Doubt.OUTLET:
            return self._outlet_answer(question, result, limit)
        if reading is not Doubt.CLAIM:
            return result
        # A claim named in words of its own is its entry's to answer, even when the words of
        # doubt rank first the entry asked whether the report is confirmed ("the 45 enrolled
        # thing sounds made up, is there any proof?"): _over_whole_doubt.
        ruled = result.tier is Tier.CONFIDENT
        if ruled and result.candidates[0].entry_id not in self._whole_doubt:
            return result
        claim = self._doubted_claim(question, named, limit)
        if claim is None or (ruled and not self._over_whole_doubt(question, named, claim)):
            return result
        return claim

    def _over_whole_doubt(self, question: str, named: frozenset[str], claim: MatchResult) -> bool:
        """Whether a claim's entry answers a doubting question the rules answer with the entry
        asked whether the report is confirmed: the question names no report ("this story", "esta
        noticia", "the reporting" say the doubt is the report's, whatever else they say), and
        the claim's entry states it: its answer says a word naming the claim ("45", "glitches";
        not a judgement like "puro cuento" or "de derecha", nor "still"), and none of its
        clauses doubts what it points at alone ("¿esto es falso? ¿de verdad ICE va a usar una
        app…?": the report)."""
        text = self._text
        if claim.best is None or not self._doubt_words.whole.isdisjoint(
            self.query_tokens(question)
        ):
            return False
        # (a clause only asking whether "it" is true reads as the language's word for a rumor)
        dismissal = languages()[self.language].dismissal if self.language in languages() else None
        rumor = dismissal.means if dismissal else None
        for clause in text.clauses(question):
            words = text.plain_words(clause).split()
            pointing = not text.reference_words.isdisjoint(words) or words == [rumor]
            if pointing and self._doubt(clause)[0] is Doubt.WHOLE:
                return False
        answer = self._answer_text.get(claim.best.entry_id, "")
        said = self._text.tokens_of(self._text.plain_words(answer).split())
        return not named.isdisjoint(said)

    def _stands_alone(self, plain: str) -> bool:
        """Whether a question asks something of its own, alone (question_reading.py): content
        of its own, and an entry that answers it confidently as it is."""
        return (
            super()._stands_alone(plain) and self._match_doubting(plain, 1).tier is Tier.CONFIDENT
        )

    def _asked_whole_doubt(self) -> frozenset[str]:
        """The entries asked whether the report as a whole is true ("is this confirmed", "is
        the story legit"): those with the most such questions."""
        words, topical, tokens = self._doubt_words, self._topical, self._tokens
        # A question with no word of doubt asks none, whatever its other words: only those with
        # one are read (at 100k entries the others took a tenth of the build).
        asked = {
            self._ids[index]: sum(
                asks_whole_doubt([t for t in tokens[p] if not topical(t)], words)
                for p in range(self._starts[index], self._starts[index + 1])
                if not words.marks.isdisjoint(tokens[p])
            )
            for index in range(len(self._ids))
        }
        most = max(asked.values(), default=0)
        return frozenset(i for i, n in asked.items() if n == most and n > 0)

    def _asked_outlet(self) -> frozenset[str]:
        """The entries asked which outlet reported ("what outlet reported this", "was it the ny
        post"): those with the most questions whose words, beyond the topic's and weak ones, are
        only outlets."""
        outlets, topical, tokens = self._doubt_words.outlets, self._topical, self._tokens
        aside = self._text.weak_tokens | self._text.never_missing
        asked = {
            self._ids[index]: sum(
                bool(own) and own <= outlets
                for p in range(self._starts[index], self._starts[index + 1])
                if not outlets.isdisjoint(tokens[p])
                for own in [{t for t in tokens[p] if t not in aside and not topical(t)}]
            )
            for index in range(len(self._ids))
        }
        most = max(asked.values(), default=0)
        return frozenset(i for i, n in asked.items() if n == most and n > 0)

    def _outlet_answer(self, question: str, result: MatchResult, limit: int) -> MatchResult:
        """Whether to trust an outlet ("is newsmax even credible", "should we trust the Post on
        this"): no entry judges an outlet; the entry asked which outlet reported says who
        reported and on what sources, and answers when among the question's candidates above the
        suggestion bar. Another entry is no answer ("who are the sources" only shares "post"):
        the question is held at what it matched."""
        # What the outlet is called ("amarillista", "a rag") names nothing an entry says.
        labels = self._labels(question) - self._doubt_words.marks
        ranked = self.rank(question, limit=max(limit, WIDE), leave_out=labels)
        for candidate in ranked:
            if (
                candidate.entry_id in self._outlet_asked
                and candidate.score >= self.thresholds.suggest
            ):
                rest = tuple(c for c in ranked if c is not candidate)
                return MatchResult(Tier.CONFIDENT, (candidate, *rest)[:limit])
        if result.tier is Tier.CONFIDENT:
            return MatchResult(Tier.CLOSE, result.candidates)
        return result

    def doubts_outlet(self, question: str, entry_id: str) -> bool:
        """Whether `question`, or one of its questions ("is the ny post fake news? and how
        many enrolled"), doubts an outlet alone ("is newsmax even credible") and is answered by
        `entry_id`, the entry asked which outlet reported: its answer is framed so
        (outlet_doubt.py)."""
        if entry_id not in self._outlet_asked:
            return False
        asked = (question, *self._text.clauses(question))
        return any(self._doubt(part)[0] is Doubt.OUTLET for part in asked)

    def _topical(self, token: str) -> bool:
        """A word of the topic that most entries use ("ice", "app"): it names no claim."""
        return token in self._idf and self._specific(token) < TOPICAL

    def _doubt(self, question: str) -> tuple[Doubt, frozenset[str]]:
        text = self._text
        aside = text.weak_tokens | text.never_missing
        words = text.plain_words(question).split()
        pointing = not text.reference_words.isdisjoint(words)
        tokens = self.query_tokens(question)
        told = self._outlet_says(words)
        if told:  # "what the post wrote": the word saying so names nothing
            reporting = languages()[self.language].reporting
            aside |= frozenset(text.tokens_of([w for w in words if w in reporting]))
        joined = text.join_phrases(" ".join(words)).split()
        doubt, weak = self._doubt_words, text.weak_tokens
        judged = judges_outlet(joined, doubt, self._word_tokens, weak)
        labelled = self._labels(question)
        return read_doubt(tokens, doubt, aside, self._topical, pointing, told, judged, labelled)

    def _labels(self, question: str) -> frozenset[str]:
        """The tokens of what a question calls an outlet ("is newsmax propaganda"): doubt.py."""
        text = self._text
        joined = text.join_phrases(text.plain_words(question)).split()
        weak, pointing = text.weak_tokens, text.reference_words
        return outlet_labels(joined, self._doubt_words, self._word_tokens, weak, pointing)

    def _word_tokens(self, word: str) -> list[str]:
        return self._text.tokens_of([word])

    def _outlet_says(self, words: list[str]) -> bool:
        """Whether a question (plain words) names what an outlet says: an outlet's word just
        before a reporting word ("what the post says", "newsmax claims"), the report itself."""
        reporting = languages()[self.language].reporting if self.language in languages() else ()
        around = self._doubt_words.around
        return any(
            word in reporting and not around.isdisjoint(self._text.tokens_of(words[at - 1 : at]))
            for at, word in enumerate(words)
            if at
        )

    def _doubted(self, question: str) -> frozenset[str]:
        """The entries asked the question's doubt: when it doubts anything ("se lo inventó el
        Post", "¿no será pura propaganda eso del check-in por celular?"), the entries asked
        whether the report is confirmed (not every entry one of whose questions says "true")."""
        return frozenset() if self._doubt(question)[0] is Doubt.NONE else self._whole_doubt

    def _whole_doubt_answer(self, question: str, limit: int) -> MatchResult | None:
        """Doubt about the whole report ("is this just propaganda", "is there anything official
        backing it"), answered by the entry asked whether it is confirmed, when that entry is
        among the question's candidates above the suggestion bar. The topic's words in such a
        question only name the report ("can I trust this ice app story"): when that entry is not
        among them, the question is ranked again without them."""
        ranked = self.rank(question, limit=max(limit, WIDE))
        if not self._whole_doubt.intersection(c.entry_id for c in ranked):
            topical = frozenset(t for t in self.query_tokens(question) if self._topical(t))
            if topical:
                ranked = self.rank(question, limit=max(limit, WIDE), leave_out=topical)
        for candidate in ranked:
            if (
                candidate.entry_id in self._whole_doubt
                and candidate.score >= self.thresholds.suggest
            ):
                rest = tuple(c for c in ranked if c is not candidate)
                return MatchResult(Tier.CONFIDENT, (candidate, *rest)[:limit])
        return None

    def _doubted_claim(
        self, question: str, named: frozenset[str], limit: int
    ) -> MatchResult | None:
        """Doubt about one claim ("is the NYC launch real or just a rumor", "45 enrolled sounds
        made up"): the entry on that claim says how it is sourced, so when the question without
        its doubt words is answered confidently, that entry answers it. `named`: the words
        naming the claim (doubt.py)."""
        # What else a doubting question says in words the knowledge base never uses ("seems
        # way inflated", "gossip from insiders") judges the claim; numbers still count.
        tokens = set(self.query_tokens(question))
        judging = {t for t in tokens if t not in self._idf and not any(c.isdigit() for c in t)}
        # Only a claim said in more than one word ("is this right wing propaganda" names a
        # leaning, not a claim), one of them specific and among the words naming it.
        claimed = tokens - self._text.doubt_tokens - judging - self._text.weak_tokens
        if len(claimed) < 2 or all(self._specific(t) < TOPICAL for t in claimed & named):
            return None
        if len(judging) > len(claimed):
            return None  # mostly words no entry uses: a claim about something else
        if self._judging_names_claim(question, judging, claimed):
            return None  # "the weather in nyc": a claim about the weather
        doubt = self._doubt_words.marks
        claim = self._match_one(question, limit, leave_out=doubt | judging)
        return claim if claim.tier is Tier.CONFIDENT else None

    def _judging_names_claim(self, question: str, judging: set[str], claimed: set[str]) -> bool:
        """Whether a word no entry uses is said of a word of the claim ("the weather in nyc",
        "the subway in nyc", "el metro de nueva york"): then it names the claim's subject, and
        doubting it is no doubt about the knowledge base's claim."""
        said_of = languages()[self.language].said_of if self.language in languages() else ()
        words = self._text.plain_words(question).split()
        for at in range(1, len(words) - 1):
            if words[at] not in said_of:
                continue
            if not judging.intersection(self._text.tokens_of(words[at - 1 : at])):
                continue
            # the next word that says something, past an article ("in the city"), and says it
            # in any talk: a place or a body, not "in person"
            said = next((w for w in words[at + 1 : at + 3] if self._text.tokens_of([w])), "")
            if not said or claimed.isdisjoint(self._text.tokens_of([said])):
                continue
            if informativeness(said, self.language) >= COMPANION:
                return True
        return False

    def _match_one(
        self, question: str, limit: int, leave_out: frozenset[str] = frozenset()
    ) -> MatchResult:
        """One question as ruled (_match_ruled), or, when held, read again — with a word its
        best entry lacks read as the word of that entry's best-matching question it is a slip
        of (slips.py: "did the ap have glitchs"), or as what it asks before an alternative it
        offers (alternatives.py: "is it sourced or just the writer's spin") — and answered when
        that reading answers with the same entry."""
        result = self._match_ruled(question, limit, leave_out)
        if result.tier is Tier.CONFIDENT or not result.candidates or leave_out:
            return result  # (a doubted claim read without its doubt words is read as it is)
        best = result.candidates[0]
        retyped = self._slip_read(question, best.lacks, best.matched)
        if retyped is not None:
            again = self._match_ruled(retyped, limit, leave_out)
            if again.tier is Tier.CONFIDENT and again.best and again.best.entry_id == best.entry_id:
                return again
        asked = self._asked_before_alternative(question, best.entry_id, leave_out)
        if asked is not None:
            again = self._match_ruled(asked, limit, leave_out)
            if again.tier is Tier.CONFIDENT and again.best and again.best.entry_id == best.entry_id:
                return again
        return result

    def _asked_before_alternative(
        self, question: str, entry_id: str, leave_out: frozenset[str]
    ) -> str | None:
        """What a question offering an alternative asks, said before it (alternatives.py: "is
        the line sourced or is that the writer's spin"), when the alternative asks nothing of
        its own (no "who …", "how many …") and the whole question already singles out the entry
        (`entry_id`, its best): it leads the runner-up by the margin. None otherwise."""
        split = split_alternative(question, self.language)
        if split is None or self._doubt(question)[0] is not Doubt.NONE:
            return None  # (doubt is read as doubt.py and dismissal.py read it)
        asked, offered = split
        if self._text.question_kind(self._text.plain_words(offered).split()):
            return None
        ranked = self.rank(question, limit=2, leave_out=leave_out)
        if not ranked or ranked[0].entry_id != entry_id:
            return None
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        return asked if ranked[0].score - runner_up >= self.thresholds.margin else None

    def _slip_read(self, question: str, lacks: frozenset[str], matched: str) -> str | None:
        """`question` with a word its best entry lacks read as the word of that entry's
        best-matching question (`matched`) it is a slip of (slips.py); None when none is."""
        if not lacks:
            return None
        plain, context = self._read(question)
        _, typed, read = self._weighted_tokens(plain, context)
        words = self._text.join_phrases(read).split()
        retyped = question
        for token in sorted(lacks):
            slip = str(typed.get(token, ""))
            meant = slip_meant(slip, words, matched.split()) if token not in self._idf else None
            if meant is not None:
                retyped = with_word(retyped, slip, meant)
        return retyped if retyped != question else None

    def _match_ruled(
        self, question: str, limit: int, leave_out: frozenset[str] = frozenset()
    ) -> MatchResult:
        meaning = self.meaning
        candidates = self.rank(question, limit=max(limit, RULED, WIDE), leave_out=leave_out)
        if not candidates:
            return MatchResult(Tier.NONE, ())
        limits = self.thresholds
        shown = candidates[: max(limit, RULED)]
        # The rules weigh every candidate within the close call, not only the first few: a
        # fifth entry as close and covering as much makes the first a guess.
        ruled = [
            *shown,
            *(c for c in candidates[len(shown) :] if c.score > shown[0].score - CLOSE_CALL),
        ]
        chosen = confident_choice(ruled, limits) if candidates[0].score >= limits.suggest else None
        if meaning is not None:
            written = [self._written[c.entry_id] for c in candidates]
            cosines = safe_cosines(meaning, question, written)
            if cosines is not None:
                doubted = frozenset() if leave_out else self._doubted(question)
                chosen = second_opinion(candidates, cosines, chosen, limits, doubted)
        if chosen is not None and self._request_unasked(question, chosen.entry_id):
            chosen = None  # not asked the way it asks for (asked_request.py)
        if chosen is not None:
            rest = tuple(c for c in shown if c is not chosen)
            return MatchResult(Tier.CONFIDENT, (chosen, *rest)[:limit])
        close = tuple(c for c in shown[:limit] if c.score >= limits.suggest)
        return MatchResult(Tier.CLOSE if close else Tier.NONE, close)
