"""What a question asks for, which the entry it would be answered with must be asked too
(round 15, issue 9: an honest miss beats a confident wrong answer); a base class of the
Matcher, kept apart to keep each file short (one_question.py applies it to the rules' choice).

Three shapes of question share an entry's words and still ask something no entry answers:
- A way to do something ("how do I become an immigration lawyer", "how does someone become a
  sponsor", "¿cómo puedo renovar mi permiso?"): the verb is what is asked, and "become" or
  "renew" is none of the legal-help or parole entry's questions. Only an entry asked with that
  verb (its questions, keywords, or the words members ask it with) answers it. Spanish also
  asks it with the verb itself, in the first person ("¿cómo actualizo el iOS?", "¿cómo pido
  asilo?"): the verb counts as asked when the entry is asked its infinitive ("actualizar",
  "pedir") or the form itself (_first_person_verb). So is the verb a permission is asked for
  (round 18): "am I allowed to work while I wait for my hearing" asks about working, which the
  entry on who may use the app ("allowed to use") does not answer.
- One word carrying the whole match ("what are the inflation numbers", "I got a parking
  ticket. how do I pay it?", "which sites?", "are you anonymous"): the message's only content
  word, which every question of the entry that says it says beside something informative, not
  of the topic, the message does not ("inflated by repeat crossings", "can't pay for a
  lawyer", "anonymous sources"). The entry is about that word in another matter. Not a word
  the entry lists alone as a keyword (its name), nor doubt ("fake?").
- A "what is X" whose X says several things ("the ICE portal's phone number"): every word of X
  must be asked of the entry, not only most of it (the definition rule, ranking.py).
- A comparison of two things ("what's the difference between ICE and border patrol"), of which
  the entry is not asked about both (round 19): each of the pair must share a word with what the
  entry is asked (the entry on encounters and apprehensions answers no other pair).
- Something the whole entry, answer included, never says, which the rest of the question's
  words cannot outweigh (round 17): a year ("how many were caught in 1995"), a count asked for
  a time counted from now ("how many crossed yesterday"), a cost ("how much does an ankle
  monitor cost per day"), or the time of someone no entry names ("under obama"). The entry's
  figures are for other times, people or things: its answer would look like one and is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bot.core.commonness import is_shared, is_word
from bot.core.index_cache import IndexCache
from bot.core.languages import languages
from bot.core.models import Entry
from bot.core.question_shapes import HOW_MANY
from bot.core.ranking import Ranking

# "how do I …" and "¿cómo …?" openings, the verb asked for right after them: plain words.
# Anyone's way counts too ("how does someone become a sponsor").
_ANYONE = ("someone", "somebody", "one", "a person", "people", "they", "you")
HOW_TO_OPENINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        *(
            ("how", verb, person)
            for verb in ("do", "can", "could", "should")
            for person in ("i", "u", "we")
        ),
        *(
            ("how", verb, *person.split())
            for verb in ("do", "does", "can", "could", "would", "should")
            for person in _ANYONE
        ),
    ),
    "es": (
        ("como", "puedo"),
        ("como", "podria"),
        ("como", "hago", "para"),
        ("como", "le", "hago", "para"),
        ("como", "hago", "pa"),
    ),
}
# Permission asked for a verb anywhere in a question ("am I allowed to work while I wait", "are
# kids still allowed to ask for asylum"): the verb after it is what is asked, as after "how do I".
PERMISSION_ASKED: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("allowed", "to"), ("permitted", "to")),
}
# …looked for among this many words after it: "allowed to get the app", "to go to college".
PERMISSION_REACH = 4
# "¿cómo actualizo …?": an opening followed by a verb in the first person, and the letters the
# first person of the present ends with ("actualizo", "pido").
FIRST_PERSON_HOW: dict[str, tuple[str, str]] = {"es": ("como", "o")}
# Stem changes of the first person undone to find the infinitive: "renuevo" (renovar), "pido"
# (pedir), "pongo" (poner), "conozco" (conocer), "elijo" (elegir); each tried alone.
_STEM_CHANGES: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (("ue", "o"), ("ie", "e"), ("i", "e"), ("g", ""), ("g", "gu"), ("zc", "c"), ("j", "g")),
}
# Words between the opening and the verb that do not change what is asked: "how do I even…".
_HEDGES = frozenset("even actually really just ever still go le me lo la se".split())
# A year: "how many were caught in 1995" asks of a year the entry's figures are not for.
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# A companion word is informative from this much (commonness.py, 0..1): "lawyer", "crossings",
# not "long" or "last"; and no word of the topic most entries use ("app", "ice": TOPICAL).
COMPANION = 0.5
TOPICAL = 0.7


class AskedRequest(Ranking):
    """An index that knows whether an entry is asked what a question asks for."""

    def __init__(
        self,
        entries: Sequence[Entry],
        language: str = "en",
        *,
        index_cache: IndexCache | None = None,
    ) -> None:
        super().__init__(entries, language, index_cache=index_cache)
        # Per entry: the tokens of its one-word keywords (the names it is asked by alone).
        self._lone_keywords: list[frozenset[str]] = []
        for entry in entries:
            own = entry.in_language(language) or entry
            lone = (self._text.content_tokens(self._text.normalize(k)) for k in own.keywords)
            self._lone_keywords.append(frozenset(t[0] for t in lone if len(t) == 1))

    def _request_unasked(self, question: str, entry_id: str) -> bool:
        """Whether the entry is not asked what the question asks for: the verb of a "how do I
        …" question, or a word of the thing a "what is X" question names (module docstring).
        Applied to each question of a message (one_question.py)."""
        plain, context = self._read(question)
        weights, typed, read = self._weighted_tokens(plain, context)
        index = self._position[entry_id]
        asked = self._asked_tokens(index) | self._taught_words[index] | self._named(index, weights)
        verb = self._how_to_verb(plain.split(), typed)
        if verb is not None and verb not in asked:
            return True
        if self._unsaid(read, context, weights, typed, asked | self._entry_tokens(index)):
            return True
        if any(asked.isdisjoint(side) for side in self._compared_pair(read, weights)):
            return True
        forms = self._first_person_verb(question, plain.split(), typed)
        if forms and asked.isdisjoint(forms):
            return True
        return not asked.issuperset(self._named_subject(plain, weights, typed))

    def _unsaid(
        self,
        read: str,
        context: frozenset[str],
        weights: dict[str, float],
        typed: dict[str, str],
        said: set[str],
    ) -> bool:
        """Whether the question asks of something the whole entry, answer included, never says
        (module docstring): a year, the rule of someone no entry names, the time a count is
        asked for, or a cost. `read`: the question's words as meant (misspellings.py)."""
        data = languages().get(self.language)
        asked = {typed[t]: t for t in weights if typed[t] not in context and t not in said}
        if any(_YEAR.fullmatch(word) for word in asked):
            return True
        if data is None:
            return False
        if not data.prices.isdisjoint(asked):
            return True
        words = read.split()
        # (a time word may carry no weight of its own: Spanish "ayer" is none of the tokens)
        times = [w for w in words if w in data.times and w not in context]
        if self._text.question_kind(words) == HOW_MANY and any(
            said.isdisjoint(self._text.tokens_of([w])) for w in times
        ):
            return True
        # the name after "under", "during", past a function word ("during the bush years")
        kept = [w for w in words if w in data.ruled_by or w not in self._text.stopwords]
        return any(
            before in data.ruled_by and word in asked and self._unknown_name(word, asked[word])
            for before, word in pairwise(kept)
        )

    def _compared_pair(self, read: str, weights: dict[str, float]) -> list[set[str]]:
        """The content tokens of each of the two things a "difference between X and Y" question
        compares; empty when it compares nothing, or one of the pair says nothing ("between them
        and us"). Y runs to the question's end: what follows it ("…, and which one is the 7
        million") only adds words it may share with the entry."""
        data = languages().get(self.language)
        if data is None or not data.pair_joined:
            return []
        words = read.split()
        for opening in data.compared:
            for at in range(len(words) - len(opening)):
                if tuple(words[at : at + len(opening)]) != opening:
                    continue
                rest = words[at + len(opening) :]
                if data.pair_joined not in rest[1:]:
                    return []
                joined = rest.index(data.pair_joined, 1)
                sides = [
                    {t for t in self._text.tokens_of(self._joined(side)) if t in weights}
                    for side in (rest[:joined], rest[joined + 1 :])
                ]
                return sides if all(sides) else []
        return []

    def _joined(self, words: list[str]) -> list[str]:
        """`words` with the domain's names joined ("check in": "checkin"), as tokens are."""
        return self._text.join_phrases(" ".join(words)).split()

    def _unknown_name(self, word: str, token: str) -> bool:
        """Whether a word is a name no entry says ("obama", "reagan"): a word used alike in
        every language the bot reads (commonness.is_shared) that says something and that the
        knowledge base does not know."""
        # …said with its possessive "s" ("under obama's presidency") as well
        return (
            word.isalpha()
            and token not in self._idf
            and any(is_shared(name, languages()) for name in {word, word.removesuffix("s")})
            and self._informativeness(word, token) > 0.0
        )

    def _named_subject(
        self, plain: str, weights: dict[str, float], typed: dict[str, str]
    ) -> list[str]:
        """The tokens of what a "what is X" question names, when X says several things ("the
        ICE portal's phone number": ice, portal, phone); empty otherwise."""
        subject = self._text.definition_subject(plain)
        if subject is None:
            return []
        tokens = [
            token
            for token in self._text.tokens_of(self._text.join_phrases(subject).split())
            if token in weights
            and not self._frames(typed[token], token)
            and token not in self._text.doubt_tokens  # "the real threshold" names a threshold
        ]
        return tokens if len(tokens) > 1 else []

    def _lone_word_unasked(self, question: str, entry_id: str) -> bool:
        """Whether the whole message's one content word is, in every question of the entry
        that says it, said beside an informative word the message lacks. Applied to the whole
        message (matcher.py): a part of it may name its subject in another ("is it official")."""
        plain, context = self._read(question)
        weights, typed, _ = self._weighted_tokens(plain, context)
        return self._lone_word_elsewhere(self._position[entry_id], weights, typed)

    def _how_to_verb(self, words: list[str], typed: dict[str, str]) -> str | None:
        """The token of the verb a "how do I …" question asks for, when the question opens so
        and the verb is one of its tokens; else of what a permission is asked for ("am I allowed
        to work": _permitted_verb)."""
        tokens = {word: token for token, word in typed.items()}
        for opening in HOW_TO_OPENINGS.get(self.language, ()):
            if tuple(words[: len(opening)]) != opening:
                continue
            rest = [word for word in words[len(opening) :] if word not in _HEDGES]
            return tokens.get(rest[0]) if rest else None
        for asked in PERMISSION_ASKED.get(self.language, ()):
            for at in range(len(words) - len(asked)):
                if tuple(words[at : at + len(asked)]) == asked:
                    return self._permitted_verb(words[at + len(asked) :], tokens)
        return None

    def _permitted_verb(self, rest: list[str], tokens: dict[str, str]) -> str | None:
        """The token of what a permission is asked for, from the words after "allowed to": its
        verb, or past a function word ("get", "go", "do") the word it is said of ("get married",
        "go to college", "do ICE check ins online"). "Use" is a verb of its own ("allowed to
        use the remote check in"). A word of the topic most entries use ("allowed to do her ICE
        check-in online") asks for nothing of its own."""
        data = languages().get(self.language)
        people = data.pointing_back if data is not None else frozenset()  # "her check in"
        joined = self._text.join_phrases(" ".join(rest)).split()  # "check in": "checkin"
        words = [w for w in joined[:PERMISSION_REACH] if w in tokens and w not in people]
        token = tokens[words[0]] if words else None
        return None if token is None or self._specific(token) < TOPICAL else token

    def _first_person_verb(
        self, question: str, words: list[str], typed: dict[str, str]
    ) -> tuple[str, ...]:
        """The tokens a "¿cómo actualizo …?" question's verb is asked by: its own and its
        infinitive's ("actualizar"); empty when the question does not open so, or the word after
        the opening is no first person of a verb, or one that frames the question ("hago"). A
        past tense written with its accent ("cómo informó el diario") is no first person."""
        opening = FIRST_PERSON_HOW.get(self.language)
        if opening is None or words[:1] != [opening[0]]:
            return ()
        if any(tuple(words[: len(o)]) == o for o in HOW_TO_OPENINGS.get(self.language, ())):
            return ()  # "cómo le hago para avisar": the verb after the opening is asked
        rest = [word for word in words[1:] if word not in _HEDGES]
        if not rest or not rest[0].endswith(opening[1]):
            return ()
        word = rest[0]
        own = self._text.tokens_of([word])
        stem = word[: -len(opening[1])]
        past = re.compile(rf"(?<!\w){re.escape(stem)}ó(?!\w)")  # "informó"
        if not own or own[0] not in typed or past.search(question.casefold()):
            return ()
        if self._frames(word, own[0]):
            return ()  # "cómo hago el check-in": "hago" frames what is asked
        infinitives = [
            changed + ending
            for changed in _unchanged_stems(stem, _STEM_CHANGES.get(self.language, ()))
            for ending in languages()[self.language].verb_endings
            if is_word(changed + ending, self.language)
        ]
        return (own[0], *self._text.tokens_of(infinitives)) if infinitives else ()

    def _lone_word_elsewhere(
        self, index: int, weights: dict[str, float], typed: dict[str, str]
    ) -> bool:
        """Whether the question's one content word is, in every question of the entry that
        says it, said beside an informative word the question lacks."""
        text = self._text
        content = [
            token
            for token in weights
            if not self._frames(typed[token], token) and token not in self._bot_tokens
        ]
        if len(content) != 1:
            return False
        word = content[0]
        if (
            word in text.doubt_tokens
            or word in self._lone_keywords[index]
            or self._informativeness(typed[word], word) <= 0.0
        ):
            return False
        saying = [
            self._tokens[position]
            for position in range(self._starts[index], self._starts[index + 1])
            if word in self._tokens[position]
        ]
        return bool(saying) and all(
            any(
                token not in weights
                and text.informativeness(token) >= COMPANION
                and self._specific(token) >= TOPICAL
                for token in tokens
            )
            for tokens in saying
        )


def _unchanged_stems(stem: str, changes: Sequence[tuple[str, str]]) -> list[str]:
    """`stem` and the stems it is with one or two of `changes` undone at their last place:
    "renuev" -> "renov", "consig" -> "conseg", "consegu" ("consigo": conseguir)."""
    found = [stem]
    for _ in range(2):
        found += [
            before[: before.rindex(old)] + new + before[before.rindex(old) + len(old) :]
            for before in list(found)
            for old, new in changes
            if old in before
        ]
    return list(dict.fromkeys(found))
