"""What a question asks for, which the entry it would be answered with must be asked too
(round 15, issue 9: an honest miss beats a confident wrong answer); a base class of the
Matcher, kept apart to keep each file short (one_question.py applies it to the rules' choice).

Three shapes of question share an entry's words and still ask something no entry answers:
- A way to do something ("how do I become an immigration lawyer", "how does someone become a
  sponsor", "¿cómo puedo renovar mi permiso?"): the verb is what is asked, and "become" or
  "renew" is none of the legal-help or parole entry's questions. Only an entry asked with that
  verb (its questions, keywords, or the words members ask it with) answers it.
- One word carrying the whole match ("what are the inflation numbers", "I got a parking
  ticket. how do I pay it?", "which sites?", "are you anonymous"): the message's only content
  word, which every question of the entry that says it says beside something informative, not
  of the topic, the message does not ("inflated by repeat crossings", "can't pay for a
  lawyer", "anonymous sources"). The entry is about that word in another matter. Not a word
  the entry lists alone as a keyword (its name), nor doubt ("fake?").
- A "what is X" whose X says several things ("the ICE portal's phone number"): every word of X
  must be asked of the entry, not only most of it (the definition rule, ranking.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.models import Entry
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
# Words between the opening and the verb that do not change what is asked: "how do I even…".
_HEDGES = frozenset("even actually really just ever still go le me lo la se".split())
# A companion word is informative from this much (commonness.py, 0..1): "lawyer", "crossings",
# not "long" or "last"; and no word of the topic most entries use ("app", "ice": TOPICAL).
COMPANION = 0.5
TOPICAL = 0.7


class AskedRequest(Ranking):
    """An index that knows whether an entry is asked what a question asks for."""

    def __init__(self, entries: Sequence[Entry], language: str = "en") -> None:
        super().__init__(entries, language)
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
        weights, typed, _ = self._weighted_tokens(plain, context)
        index = self._position[entry_id]
        asked = self._asked_tokens(index) | self._taught_words[index] | self._named(index, weights)
        verb = self._how_to_verb(plain.split(), typed)
        if verb is not None and verb not in asked:
            return True
        return not asked.issuperset(self._named_subject(plain, weights, typed))

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
        and the verb is one of its tokens."""
        tokens = {word: token for token, word in typed.items()}
        for opening in HOW_TO_OPENINGS.get(self.language, ()):
            if tuple(words[: len(opening)]) != opening:
                continue
            rest = [word for word in words[len(opening) :] if word not in _HEDGES]
            return tokens.get(rest[0]) if rest else None
        return None

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
