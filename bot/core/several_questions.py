"""Answering a message of several questions ("how many enrolled, and did it have glitches?"):
a base class of the Matcher, kept apart to keep each file short. Two questions in one are
answered through the first one asked that an entry fully covers, even when the second's words
outweigh it in the whole message; a part that names no subject of its own ("when does it end")
leans on another part's. A later part is never answered through an entry that the part asked
first, which some entries may answer, does not offer: those entries are offered instead.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.chatter import tells_backstory
from bot.core.clauses import marked_questions, statements
from bot.core.confidence import Candidate, MatchResult, Tier
from bot.core.doubt import Doubt
from bot.core.entry_index import KIND_BITS
from bot.core.languages import languages
from bot.core.one_question import OneQuestion

# A part of a message with this many words of substance names its own subject ("did it launch
# in NYC"); fewer ("when does it end") leave "it" to another part.
OWN_SUBJECT = 2


class SeveralQuestions(OneQuestion):
    """An index that answers a message of several questions through one of them."""

    def _first_asked(
        self, question: str, parts: list[str], result: MatchResult, limit: int
    ) -> MatchResult:
        """The answer to a message of several questions is the first one's (close8's rule),
        also when the words of a later one outweigh it in the whole message ("what's ATD and
        how many people are in it" answered by the ATD figures): when the first question alone
        is answered through another entry, and a later one alone ranks the message's entry, the
        first question's answer is the message's. When the first question is one some entries
        may answer, none for sure, and the message's entry is none of those but a later
        question's answer, the first question's entries are offered instead."""
        if len(parts) < 2 or result.best is None:
            return result
        asked = [p for p in parts if self._own_question(p)]
        if len(asked) < 2:
            return result
        first = self._match_doubting(asked[0], limit)
        if first.tier is not Tier.CONFIDENT and all(
            self._about_unknown(p, asked) for p in asked[1:]
        ):
            # "what is the U visa and who can apply for it": the rest asks about a thing no
            # entry names, which the entry the whole message matches does not speak of.
            return replace(result, tier=Tier.CLOSE)
        if first.tier is not Tier.CONFIDENT or first.best is None:
            marked = self._marked(question)
            either = self._either_or(question)  # "does it need a phone, or can i use a pc"
            if (
                asked[0] not in either
                and self._may_answer(asked[0], first, marked)
                and self._answers_only_later(first, asked[1:], result.best, limit)
            ):
                return _offering(first.candidates, result.best, limit)
            return self._noting_unanswered(asked, result, limit)
        if self._doubt(asked[0])[0] is Doubt.OUTLET and not any(
            self._doubt(later)[0] is Doubt.WHOLE for later in asked[1:]
        ):
            # "is newsmax even credible, and how many enrolled": asked first; not "is it newsmax
            # propaganda? is it confirmed?", which doubts the report, the outlet said as why.
            return first
        if first.best.coverage < 1.0:
            return result  # "quién dijo todo eso": an entry covering part of it is a guess
        if not self._asks_something(asked[0], first.best, self._said(question)):
            return result  # "idk if you can answer this, but do you lean left"
        chosen = result.best.entry_id
        if first.best.entry_id == chosen:
            return result
        later = [self._match_doubting(p, limit) for p in asked[1:]]
        if not any(chosen in {c.entry_id for c in one.candidates} for one in later):
            return result
        return first

    def _one_of_several(
        self, question: str, parts: list[str], result: MatchResult, limit: int
    ) -> MatchResult:
        """The answer to a message of several questions (`parts`) through the one an entry
        answers fully, or `result`, the whole message's own."""
        weak = self._text.weak_tokens
        ranked = {candidate.entry_id for candidate in result.candidates}
        # A part doubting an outlet alone ("is newsmax even credible") is read as such
        # (one_question.py): by its words alone, entries that share "post" would answer it.
        matched = [
            (part, self._match_doubting(part, limit))
            if self._doubt(part)[0] is Doubt.OUTLET
            else (part, self._match_one(part, limit))
            for part in parts
        ]
        # Parts that match nothing at all ("I volunteer at a shelter.") are context, not a
        # question: the one question beside them is judged as if asked alone.
        openers = self._text.question_openers
        context = [
            one.tier is Tier.NONE and part.partition(" ")[0] not in openers for part, one in matched
        ]
        alone = bool(openers) and sum(context) == len(parts) - 1
        # A part said, not asked ("It's been a while since this came out.", "thanks, that
        # helps."), beside a part that asks something of its own, is what the asker says around
        # the question: an entry it shares a word or two with does not answer the message.
        said = {p for s in statements(question) for p in self._text.clauses(s)}
        if said and any(p not in said and self._own_question(p) for p in parts):
            context = [
                aside or part in said for (part, _), aside in zip(matched, context, strict=True)
            ]
        # Each question in turn; a part of weak words only ("or is that fake") speaks of the
        # other part, unless it asks a kind of question of its own ("who reported this").
        full: list[tuple[str, MatchResult, bool]] = []  # …and whether one unanswered came first
        unanswered: list[str] = []
        confident = close = 0
        for part, one in (m for m, aside in zip(matched, context, strict=True) if not aside):
            if weak.issuperset(self.query_tokens(part)) and not self._asks_a_kind(part):
                continue
            if one.tier is not Tier.CONFIDENT:
                unanswered.append(part)
                close += one.tier is Tier.CLOSE
                continue
            confident += 1
            if one.best:
                full.append((part, one, bool(unanswered)))
        # A part is answered through an entry that covers all of it, unless every part is
        # answered (each as surely as if asked alone) or the others are context.
        # …or it is the question asked first, answered as surely as if asked alone, and not
        # one half of an either/or ("did it crash a lot, and why did they cancel the press
        # thing"), also beside a later part about nothing in the knowledge base ("is it on the
        # app store yet, and is there an android version", round 15), which the answer notes.
        # A later part must be covered whole: beside a first about nothing here ("what does
        # the weather look like, and …") it may share a word or two with an entry by chance.
        if unanswered and not alone:
            either = self._either_or(question)
            full = [
                (part, one, after)
                for n, (part, one, after) in enumerate(full)
                if one.best
                and (one.best.coverage >= 1.0 or (n == 0 and not after and part not in either))
            ]
        # A part answered is one the whole question ranks among its best ("1.8 million a year?
        # source?" asks for the figure's source, not who the story's sources are), unless it
        # is the one part answered, every other asks what no entry answers, and none of those
        # comes first: a later question may lean on an earlier one for its subject ("what is
        # TPS and when does it expire" does not ask when the border order ends).
        answered = [
            (part, one) for part, one, _ in full if one.best and one.best.entry_id in ranked
        ]
        # The first question, answered as surely as if asked alone, is the message's answer
        # even when the whole message ranks only a later one's entry ("how many enrolled? also
        # does it work on android": the second part's words outweigh the first's one word).
        first = full[0] if full else None
        if (
            first is not None
            and not first[2]
            and first[1].best is not None
            and any(one.best and one.best.entry_id in ranked for _, one, _ in full[1:])
        ):
            answered = [(first[0], first[1])]
        if not answered and unanswered and confident == 1:
            answered = [(part, one) for part, one, after_unanswered in full if not after_unanswered]
        # "When does it end? is the student loan pause over?": "it" is what the other part
        # names, which the entry that answers "when does it end" does not speak of.
        answered = [
            (part, one)
            for part, one in answered
            if one.best
            and not self._leans_on_other(part, one.best.entry_id, unanswered)
            and not self._about_unknown(part, parts)
        ]
        if not answered:
            return result
        # Several parts answered: the first asked, not whichever scores higher (the order a
        # member asks in says what they want to know first).
        best = answered[0][1]
        # …but not through an entry none of the questions asked before it offers, when some
        # entry may answer those ("¿cuánto es el umbral y cuándo se quita?").
        offered = self._offered_before(
            matched, context, answered[0][0], self._marked(question), self._either_or(question)
        )
        if offered and best.best and best.best.entry_id not in {c.entry_id for c in offered}:
            return _offering(offered, best.best, limit)
        # The note says the rest is not in the knowledge base: only when it is true of every
        # other part (a CLOSE part has entries to offer) and one part alone is answered.
        nothing = len(unanswered) - close
        return (
            replace(best, unanswered=nothing) if confident == 1 and not close and nothing else best
        )

    def _may_answer(self, part: str, one: MatchResult, marked: frozenset[str]) -> bool:
        """Whether `part` is a question some entries may answer, none for sure (CLOSE): it
        opens as a question, or after a question mark (`marked`: _marked's), and tells no
        backstory ("my cousin is on ATD")."""
        if one.tier is not Tier.CLOSE or tells_backstory(part, self.language):
            return False
        if self._text.weak_tokens.issuperset(self.query_tokens(part)):
            return False
        return self._asks(part) or part in marked

    def _marked(self, question: str) -> frozenset[str]:
        """The parts of `question` asked after an opening question mark ("¿de qué se trata
        este bot?")."""
        return frozenset(p for s in marked_questions(question) for p in self._text.clauses(s))

    def _answers_only_later(
        self, first: MatchResult, later: list[str], chosen: Candidate, limit: int
    ) -> bool:
        """Whether `chosen`, the whole message's answer, is none the first question offers but
        a later question's own answer ("¿cuánto es el umbral y cuándo se quita?": the lifting
        conditions answer the second part only)."""
        if chosen.entry_id in {c.entry_id for c in first.candidates}:
            return False
        for part in later:
            one = self._match_doubting(part, limit)
            if one.tier is Tier.CONFIDENT and one.best and one.best.entry_id == chosen.entry_id:
                return True
        return False

    def _offered_before(
        self,
        matched: list[tuple[str, MatchResult]],
        context: list[bool],
        answered: str,
        marked: frozenset[str],
        either: frozenset[str],
    ) -> tuple[Candidate, ...]:
        """The entries offered for the questions asked before part `answered` that some entry
        may answer, none for sure (_may_answer), best first; not for the first half of an
        either/or (`either`: _either_or's), which asks nothing alone."""
        offered: list[Candidate] = []
        for (part, one), aside in zip(matched, context, strict=True):
            if part == answered:
                break
            if not aside and part not in either and self._may_answer(part, one, marked):
                offered += one.candidates
        return tuple(offered)

    def _noting_unanswered(self, asked: list[str], result: MatchResult, limit: int) -> MatchResult:
        """`result`, the whole message's answer, counting the parts (`asked`) no entry answers
        when that is true of every part its entry does not answer ("how many did Biden deport,
        and where does the 7 million come from": the first part's only candidate is the 7
        million entry, which does not say). A part whose own candidates are only that entry,
        or none while it opens as a question, asks what is not in the knowledge base."""
        chosen = result.best
        if chosen is None:
            return result
        openers = self._text.question_openers
        answered = nothing = 0
        for part in asked:
            one = self._match_doubting(part, limit)
            offered = {c.entry_id for c in one.candidates} - {chosen.entry_id}
            if one.tier is Tier.CONFIDENT and one.best and one.best.entry_id == chosen.entry_id:
                answered += 1
            elif (
                not offered
                if one.tier is Tier.CLOSE
                else one.tier is Tier.NONE and part.partition(" ")[0] in openers
            ):
                nothing += 1
            else:
                return result  # another entry answers it, or may: the rest may be covered
        return replace(result, unanswered=nothing) if answered and nothing else result

    def _said(self, question: str) -> frozenset[str]:
        """The parts of `question` that ask nothing alone: said in a sentence ending with "!"
        or a full stop ("gracias por responder!"), or the first half of an either/or."""
        said = {p for s in statements(question) for p in self._text.clauses(s) if p}
        return frozenset(said) | self._either_or(question)

    def _either_or(self, question: str) -> frozenset[str]:
        """The parts of `question` that the next part offers an alternative to ("does it work
        or is it busted", "is it based on the Post, or did they make it up"): one question
        between two answers. The alternative word is language data (`[dismissal]`)."""
        choice = languages()[self.language].dismissal
        if choice is None:
            return frozenset()
        plain = self._text.plain_words(question)
        return frozenset(
            part
            for part in self._text.clauses(question)
            if re.search(rf"\b{re.escape(part)} {choice.alternative} ", plain)
        )

    def _asks_something(self, part: str, answer: Candidate, said_parts: frozenset[str]) -> bool:
        """Whether a part asks a question of its own, not only frames the next one: its entry
        is asked its kind of question ("who reported this", "how many enrolled") or what its
        subject is ("what's ATD"), it doubts the report ("is this fake"), it opens as a
        question about a word of substance in a sentence not said with "!" or a full stop
        ("what does smartlink do", not "gracias por responder!"), or it names OWN_SUBJECT words
        of substance (not "are those numbers real people"). `said_parts`: _said's."""
        text = self._text
        if answer.alike or text.definition_subject(text.plain_words(part)) is not None:
            return True
        if answer.entry_id in self._whole_doubt:
            return True  # "¿esto es falso?": doubt about the report, answered as such
        aside = text.never_missing | text.weak_tokens
        said = [t for t in self.query_tokens(part) if t not in aside and not self._topical(t)]
        if said and self._asks(part) and part not in said_parts:
            return True  # "what does smartlink do": opens as a question, about something
        return len(said) >= OWN_SUBJECT

    def _own_question(self, part: str) -> bool:
        """Whether a part of a message asks a question of its own: words beyond weak ones, a
        kind of question ("who reported this") or doubt about the report ("¿esto es falso?")."""
        text = self._text
        if not text.weak_tokens.issuperset(self.query_tokens(part)):
            return True
        if self._doubt(part)[0] is Doubt.WHOLE:
            return True
        return self._asks_a_kind(part)

    def _asks_a_kind(self, part: str) -> bool:
        """Whether a part asks who, when, where, why, how many…"""
        text = self._text
        return bool(KIND_BITS.get(text.question_kind(text.plain_words(part).split()), 0))

    def _about_unknown(self, part: str, parts: list[str]) -> bool:
        """Whether `part` follows a part asking what something no entry names is ("what is DACA
        and who can apply", "¿qué es el TPS y quién lo puede pedir?"): the rest of the message
        asks about that thing, unless it names one of the things entries are asked what they
        are ("what is DACA, and how many are on ATD")."""
        before = parts[: parts.index(part)] if part in parts else []
        if not any(self._asks_what_unknown(p) for p in before):
            return False
        return not any(
            token in self._asked_name_tokens and not self._topical(token)
            for token in self.query_tokens(part)
        )

    def _asks_what_unknown(self, part: str) -> bool:
        """Whether `part` asks what a thing is that the knowledge base never names: a word of
        its subject no entry uses ("what is daca"; not "what is smartlnk", read as SmartLINK)."""
        text = self._text
        subject = text.definition_subject(text.plain_words(part))
        if subject is None:
            return False
        said = set(text.tokens_of(subject.split())).intersection(self.query_tokens(part))
        return any(token not in self._idf for token in said) or _letter_named(subject.split())

    def _leans_on_other(self, part: str, entry_id: str, others: list[str]) -> bool:
        """Whether `part` names no subject of its own, only a word pointing elsewhere ("when
        does it end", not "did it launch in NYC"), and another part names something entry
        `entry_id` never speaks of, and nothing it does: then "it" is that something."""
        text = self._text
        if text.reference_words.isdisjoint(text.plain_words(part).split()):
            return False
        aside = text.never_missing | text.doubt_tokens
        if len([t for t in self.query_tokens(part) if t not in aside]) >= OWN_SUBJECT:
            return False
        if entry_id in self._whole_doubt:
            # "is this confirmed, and why is nobody else talking about it": doubt about "this"
            # beside a question that points back too is doubt about the story itself
            others = [o for o in others if text.reference_words.isdisjoint(o.split())]
            # …and so is one that names only who could confirm it, and how ("is it confirmed?
            # and why hasn't ICE said anything publicly?")
            aside = aside | self._doubt_words.whole | self._doubt_words.around
        named = self._entry_tokens(self._position[entry_id])
        for other in others:
            said = {
                t for t in self.query_tokens(other) if t not in aside and self._specific(t) >= 1
            }
            if said and said.isdisjoint(named):
                return True
        return False


def _letter_named(words: list[str]) -> bool:
    """Whether a thing asked about is named with a letter ("the U visa", "la visa U"): a one-letter
    word beside a longer one and no other one-letter word ("u s border policy" is the U.S.). Read
    as a word of the language ("u": "you", "or"), the letter is no token, so the thing would be
    read as what its other word names ("visa"), which entries speak of."""
    letters = [n for n, word in enumerate(words) if len(word) == 1 and word.isalpha()]
    if len(letters) != 1 or len(words) < 2:
        return False
    n = letters[0]
    return n in (0, len(words) - 1) or len(words[n + 1]) > 1


def _offering(first: tuple[Candidate, ...], later: Candidate, limit: int) -> MatchResult:
    """No answer, but the entries that may answer the question asked first, then the later
    question's answer: one part's words never win the message for an entry the part asked
    first does not offer ("¿cuánto es el umbral y cuándo se quita?")."""
    offered: list[Candidate] = []
    for candidate in first:
        if candidate.entry_id not in {later.entry_id, *(c.entry_id for c in offered)}:
            offered.append(candidate)
    return MatchResult(Tier.CLOSE, (*offered[: max(limit - 1, 1)], later)[:limit])
