"""A question past the backstory told before it ("my brother is on ATD. who reported this?",
"hey i keep hearing about smartlink, what is that"): a base class of the Matcher, kept apart to
keep each file short (issues 9 and 11, round 12). The question is answered as if asked alone
when the backstory is only context for it; a "what is that" whose subject the backstory names
is answered by the entry asked what that is. Otherwise the whole message is read as before
(question_reading.py reads backstory as context, several_questions.py several questions).
"""

from __future__ import annotations

from bot.core.clauses import said_at
from bot.core.confidence import Candidate, MatchResult, Tier
from bot.core.languages import languages
from bot.core.semantic import WIDE
from bot.core.several_questions import SeveralQuestions


class PastBackstory(SeveralQuestions):
    """An index that finds the question past a message's backstory."""

    def _past_backstory(self, question: str) -> str | None:
        """The text of `question` from its first clause that asks, when every clause before it
        is backstory, said, not asked ("my brother is on ATD. who reported this?", "tengo miedo
        porque mi cuñado tiene check-in la otra semana, ¿es cierto que…?"): the asker tells of
        themselves or their own ("my", "tengo"), or it ends with "!" or a full stop (one that
        opens as a question must do both: "was reading about this on my break."), not a topic
        set out first ("encounters vs apprehensions vs actual ppl, whats the diff"). None for a
        message that opens with its question, or when the question may ask about what the
        backstory says (_only_context)."""
        language = languages()[self.language]
        told: list[str] = []
        after = -1  # where the last clause told starts: the question starts past it
        for plain, asks, start in self._clauses_at(question):
            words = plain.split()
            own = not language.first_person.isdisjoint(words)
            said = said_at(question, start)
            if asks and not (said and own):
                if not told or start <= after or not self._only_context(told, plain):
                    return None  # (a question told within a clause is not cut out of it)
                return question[start:]
            after = start
            if not (own or said):
                return None  # "ICE app in NYC, when does it start": what is asked about
            told.append(plain)
        return None

    def _backstory_narrows(self, question: str, asked: str, answer: Candidate, limit: int) -> bool:
        """Whether the backstory picks among what the question `asked` alone offers, so that
        `answer`, its answer alone, is not what is asked: the whole message reads as asking
        another entry that the question alone offers too ("i'm in ATD. how many were
        enrolled?" asks ATD's numbers, which "how many were enrolled" offers beside the app's
        45; "my brother is on ATD. who reported this?" offers no ATD entry)."""
        whole = self._match_doubting(question, limit).best
        if whole is None or whole.entry_id == answer.entry_id:
            return False
        offered = self.rank(asked, limit=max(limit, WIDE))
        return any(
            c.entry_id == whole.entry_id and c.score >= self.thresholds.suggest for c in offered
        )

    def _defined_in_backstory(self, question: str, limit: int) -> MatchResult | None:
        """A "what is that" question whose subject is named only in the backstory before it
        ("hey i keep hearing about smartlink, what is that", "mi tía usa una app que se llama
        SmartLINK, ¿qué es eso?"): answered by the entry asked what that is, when the backstory
        names what one entry's "what is X" questions ask about by a name proper to the
        knowledge base, rarer than any other's, and the message ranks it above the suggestion
        bar."""
        text = self._text
        clauses = self._clauses(question)
        first = next((n for n, (_, asks) in enumerate(clauses) if asks), 0)
        if first == 0:
            return None
        subject = text.definition_subject(clauses[first][0])
        if subject is None or text.reference_words.isdisjoint(subject.split()):
            return None
        if any(self._names_a_subject(word) for word in subject.split()):
            return None  # "what is that ice portal": the question names it
        told = set(self.query_tokens(" ".join(plain for plain, _ in clauses[:first])))
        named: dict[str, float] = {}
        for index, names in self._defines.items():
            for name in names[: self._asked_names[index]]:
                # a name proper to the knowledge base ("smartlink", "ice portal"), not words
                # any app is spoken of with ("ice check in app", "the app called")
                proper = [self._idf[t] for t in name if t in self._idf and self._specific(t) >= 1]
                if proper and told.issuperset(name):
                    named[self._ids[index]] = max(named.get(self._ids[index], 0.0), *proper)
        if not named:
            return None
        best = max(named.values())
        chosen = [entry for entry, weight in named.items() if weight == best]
        if len(chosen) != 1:
            return None
        ranked = self.rank(question, limit=max(limit, WIDE))
        for candidate in ranked:
            if candidate.entry_id == chosen[0] and candidate.score >= self.thresholds.suggest:
                rest = tuple(c for c in ranked if c is not candidate)
                return MatchResult(Tier.CONFIDENT, (candidate, *rest)[:limit])
        return None

    def _only_context(self, told: list[str], asked: str) -> bool:
        """Whether the backstory clauses `told` are only context for the question `asked`: it
        points at no person or place they tell of (`pointing_back`: "can he…", "…come here");
        they name nothing the knowledge base lacks once their words no entry uses are dropped
        ("my cousin has DACA, can he use the app", "my laptop keeps crashing every 5 min, how do
        i fix it"), and report nobody's claim ("my roommate says apple never okayed the app, is
        that right", "my dad quoted the 1.8 million number, where does that come from"). A
        question naming no subject of its own, nor asking a kind ("is it actually true?", "what
        is that app exactly", not "who reported this?"), asks about what the backstory names:
        then each clause must only point at the story ("this", "it") and alone match no entry
        ("my group chat is freaking out about this", not "my friend says Biden closes the
        border when it gets too busy" or "my friend used cbp one")."""
        text = self._text
        language = languages()[self.language]
        if not language.pointing_back.isdisjoint(asked.split()):
            return False  # "mi niño tiene calentura, ¿qué le puedo dar?": who "le" is matters
        leaning = not self._names_a_subject(asked) and not self._asks_a_kind(asked)
        for plain in told:
            words = plain.split()
            kept = self._without_backstory(plain)
            if kept and any(token not in self._idf for token in self.query_tokens(kept)):
                return False
            reported = next((n for n, word in enumerate(words) if word in language.reporting), None)
            if reported is not None and self._claimed(words[reported + 1 :], language.backstory):
                return False
            if leaning and (
                reported is not None
                or text.reference_words.isdisjoint(words)
                or self._match_one(plain, 1).tier is not Tier.NONE
            ):
                return False
        return True

    def _names_a_subject(self, plain: str) -> bool:
        """Whether a question names something of its own beyond the topic's words ("are they
        arresting people", not "what is that app" or "is it actually true")."""
        text = self._text
        aside = text.weak_tokens | text.doubt_tokens | text.never_missing
        return self._own_content(plain) and any(
            token in self._idf and token not in aside and not self._topical(token)
            for token in self.query_tokens(plain)
        )
