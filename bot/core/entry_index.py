"""The index the matcher searches: each entry's questions, keywords and answer read into
tokens, with postings, word weights (idf) and what the decision rules need to know about each
entry (which kinds of question it is asked, what its "what is X" questions name, the multi-word
names among its keywords). Built once per set of entries; the query side is matcher.py.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Sequence
from sys import intern
from typing import Any

from bot.core.analysis import TextAnalysis, analysis
from bot.core.data_analysis import BORROWED
from bot.core.index_cache import IndexCache, index_key, restore, state_of
from bot.core.keyword_names import keyword_names
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.models import Entry
from bot.core.question_shapes import (
    HOW_LONG,
    HOW_MANY,
    HOW_TO,
    QUESTION_KINDS,
)
from bot.core.sound_slips import language_slips
from bot.core.typos import TypoCorrector

WEAK_FACTOR = 0.35  # weight of chatter-like tokens relative to their idf
UNKNOWN_FACTOR = 1.3  # an unknown word weighs this much more than the rarest known word
# Postings longer than this are not walked for a query; such common words only add to
# entries already found through rarer ones. This bounds per-query work at any size.
COMMON_POSTINGS = 2000
# A ranking wanting only the best few walks a token's postings longer than this only while an
# entry not found yet may still be among them (_accumulate): shorter ones cost less to walk.
PRUNED_WALK = 64
# A query word found only in an entry's answer counts this much of a word in its questions.
ANSWER_FACTOR = 0.7
# The tag of the entries about the bot itself (what it is, whether it is biased, its warnings).
BOT_TAG = "bot"
# A word used by more than a tenth of the entries is the topic's ("migrants", "ice", "app"): an
# entry that lacks it is not missing much (its share of that counts, _specific).
TOPIC_IDF = math.log(1 + 10)
# The longest ending an inflected form adds to its stem ("phones", "migrantes"); a word longer
# than its stem by more is read on its own (_informativeness).
INFLECTION_ENDING = 2
# One bit per kind of question ("who", "how many", …): which kinds an entry's questions ask.
KIND_BITS = {
    kind: 1 << bit
    for bit, kind in enumerate(sorted({*QUESTION_KINDS.values(), HOW_LONG, HOW_MANY, HOW_TO}))
}

# What a built index is (EntryIndex._build), as saved between runs (index_cache.py); arrays are
# saved as their bytes, by type code.
_ARRAYS = {"_kinds": "H", "_text_kinds": "H", "_text_weight": "d"}
_SAVED = (
    *_ARRAYS,
    *("_ids", "_position", "_about_bot", "_bot_tokens", "_questions", "_texts", "_tokens"),
    *("_starts", "_keywords", "_keyword_groups", "_answers", "_defines", "_asked_names"),
    *("_asked_name_tokens", "_name_parts", "_exact", "_postings", "_phrase_parts"),
    *("_idf", "_answer_postings", "_unknown_weight", "_common", "_common_answers"),
    *("_vocabulary", "_part_words", "_word_use", "_sounds"),
)


class EntryIndex:
    """An immutable index over a set of entries; build a new one when the entries change."""

    def __init__(
        self,
        entries: Sequence[Entry],
        language: str = "en",
        *,
        index_cache: IndexCache | None = None,
    ) -> None:
        """`language`: the index reads each entry's words in that language (its translation,
        or the English text while it has none) and reads questions with that language's rules.
        `index_cache`: where built indexes are kept between runs (index_cache.py), if anywhere:
        an index saved for the same entries, code and language is loaded instead of built, and
        one built is saved; the index is the same either way."""
        self.language = language
        self._text: TextAnalysis = analysis(language)
        key = index_key(entries, language) if index_cache is not None else b""
        state = index_cache.load(key, language) if index_cache is not None else None
        if state is None or not restore(self, state, _SAVED, _ARRAYS):
            self._build(entries)
            if index_cache is not None:
                index_cache.save(key, language, self._state())
        self._typos = TypoCorrector(self._word_use, language_slips(language))

    def _state(self) -> dict[str, Any]:
        """The built index as plain values (index_cache.py)."""
        return state_of(self, _SAVED, _ARRAYS)

    def _build(self, entries: Sequence[Entry]) -> None:
        """Read the entries into the index (every name in _SAVED)."""
        language = self.language
        self._ids = [entry.id for entry in entries]
        # An entry's position by id: `list.index` costs a scan of 100k ids per look-up.
        self._position: dict[str, int] = {}
        for index, entry_id in enumerate(self._ids):
            self._position.setdefault(entry_id, index)
        # Entries about the bot itself (tagged BOT_TAG), and the token of the bot's own word.
        self._about_bot = frozenset(i for i, entry in enumerate(entries) if BOT_TAG in entry.tags)
        bot_word = languages()[language].bot_word if language in languages() else ""
        self._bot_tokens = frozenset(self._text.tokens_of([bot_word]) if bot_word else ())
        # Each entry's words in the index's language, made once (a copy per call: issue 9's speed).
        # (The source language's words are the entry's own: no copy of each entry.)
        owns = (
            list(entries)
            if language == SOURCE_LANGUAGE
            else [entry.in_language(language) or entry for entry in entries]
        )
        self._questions = [own.question for own in owns]
        # Questions of entry i are _texts[_starts[i]:_starts[i + 1]], flat to keep 100k small.
        self._texts: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        self._starts = [0]
        # Few words each: tuples are a quarter the size of frozensets and as fast to search.
        self._keywords: list[tuple[str, ...]] = []
        # Multi-word names among the keywords ("deportation data project") whose words the
        # entry's questions do not use: they count only when the question has all of them.
        self._keyword_groups: list[tuple[tuple[str, ...], ...]] = []
        self._answers: list[tuple[str, ...]] = []  # answer words not in the entry's questions
        self._kinds = array("H")  # per entry: the KIND_BITS of the kinds its questions ask
        self._text_kinds = array("H")  # per question text: the KIND_BITS of the kind it asks
        # Entry index -> what its "what is X" questions ask about, as tokens (few entries have
        # any), and for those its keywords too (its names).
        self._defines: dict[int, list[tuple[str, ...]]] = {}
        self._asked_names: dict[int, int] = {}  # how many of those come from its questions
        self._asked_name_tokens: set[str] = set()  # every token of those, of every entry
        # Entry index -> the words of the longer names its questions use ("cbp" of "CBP One")
        # that they never use alone: said alone, such a word names something else (CBP).
        self._name_parts: dict[int, frozenset[str]] = {}
        self._exact: dict[str, int] = {}  # questions with no content word, e.g. "who are you"
        self._postings: dict[str, list[int]] = {}
        self._phrase_parts: dict[str, set[str]] = {}  # "apple" -> {"appstore"}, for autocomplete
        answer_postings: dict[str, list[int]] = {}
        keyword_tokens: dict[str, tuple[str, ...]] = {}  # many entries share a keyword
        surface: set[str] = set()  # every word as written, for typo correction
        # Each text is seen once, so the normaliser's cache is skipped (word_list); tokens are
        # interned so that entries share one string object per token.
        ends = self._text.definition_ends  # a quick test before the "what is X" patterns
        for index, (entry, own) in enumerate(zip(entries, owns, strict=True)):
            union: set[str] = set()
            kinds = 0
            names: list[str] = []  # what its "what is X" questions ask about…
            parts: set[str] = set()  # words inside its questions' longer names
            defines = False
            for text in [own.question, *own.paraphrases]:
                words = self._text.word_list(text)
                text_kind = KIND_BITS.get(self._text.question_kind(words), 0)
                kinds |= text_kind
                normalized = " ".join(words)
                subject = (
                    self._text.definition_subject(normalized)
                    if words and (words[0] in ends or words[-1] in ends)
                    else None
                )
                if subject is not None:
                    names.append(subject)
                    defines = True
                elif self._text.stopwords.isdisjoint(words):  # a bare name, "intensive …"
                    names.append(normalized)
                surface.update(words)
                # A word of a name alone ("app") joins nothing: the text is its own joined form
                # (most such texts of a large base; the name patterns are slow to run twice).
                if self._text.has_phrase_words(words) and (
                    found := self._text.phrase_parts(normalized)
                ):
                    for word, joined in found:
                        self._phrase_parts.setdefault(word, set()).add(joined)
                        parts.add(word)
                    normalized = self._text.join_phrases(normalized)
                    words = normalized.split()
                    surface.update(words)  # the joined names too: "chekin" is "checkin"
                tokens = tuple(map(intern, dict.fromkeys(self._text.tokens_of(words))))
                if not tokens:
                    self._exact.setdefault(normalized, index)
                self._texts.append(normalized)
                self._tokens.append(tokens)
                self._text_kinds.append(text_kind)
                union.update(tokens)
            self._starts.append(len(self._texts))
            self._kinds.append(kinds)
            if parts and (alone := frozenset(self._text.tokens_of(sorted(parts))) - union):
                self._name_parts[index] = alone
            keywords, groups = keyword_names(self._text, own.keywords, union, keyword_tokens)
            self._keywords.append(keywords)
            if defines:  # …and, for an entry asked what X is, the names of X it lists
                named = [*map(self._name, names), *((k,) for k in keywords), *groups]
                self._defines[index] = named
                self._asked_names[index] = len(names)
                self._asked_name_tokens.update(t for name in named[: len(names)] for t in name)
            self._keyword_groups.append(groups)
            if language != SOURCE_LANGUAGE:  # its English words, for questions that mix them in
                keywords = (*keywords, *_borrowed(entry))
                self._keywords[-1] = keywords
            union.update(keywords)
            union.update(token for group in groups for token in group)
            for token in union:
                self._postings.setdefault(token, []).append(index)
            answer_words = self._text.word_list(own.answer)
            surface.update(answer_words)
            answer = tuple(
                dict.fromkeys(
                    intern(t)
                    for t in self._text.content_tokens(
                        self._text.join_phrases(" ".join(answer_words))
                    )
                    if t not in union
                )
            )
            self._answers.append(answer)
            for token in answer:
                answer_postings.setdefault(token, []).append(index)
        total = max(len(entries), 1)
        frequency = {token: len(postings) for token, postings in self._postings.items()}
        self._idf = {token: math.log(1 + total / df) for token, df in frequency.items()}
        # Words only answers use are known, but weigh by how many answers use them.
        for token, postings in answer_postings.items():
            if token not in self._idf:
                self._idf[token] = math.log(1 + total / len(postings))
                frequency[token] = len(postings)
        self._answer_postings = answer_postings
        self._unknown_weight = math.log(1 + total) * UNKNOWN_FACTOR
        idf = self._idf
        self._text_weight = array("d", [sum(map(idf.__getitem__, t)) for t in self._tokens])
        self._common = _common_members(self._postings)
        self._common_answers = _common_members(answer_postings)
        self._vocabulary = sorted(self._postings)
        self._part_words = sorted(self._phrase_parts)
        # A written word is as common as its token; function words are known too (and most
        # common), so "wolud" is read as "would", not as a rare word.
        usage = {
            word: len(self._postings.get(token, ())) + len(answer_postings.get(token, ()))
            for word in surface
            if (token := self._text.stem(word))
        }
        usage.update(dict.fromkeys(self._text.stopwords, total + 1))
        self._word_use = usage  # for the typo corrector (__init__)
        # Written words by what they sound like, the most used first ("fayas" -> "fallas").
        self._sounds: dict[str, str] = {}
        ordered = sorted(usage, key=lambda w: (-usage[w], w))
        for word in ordered:
            if (key := self._text.sound_key(word)) is not None:
                self._sounds.setdefault(key, word)
        # …then the English names as members of another language spell them by ear ("ais" is
        # "ice"), never taking the place of a word that is spelt so.
        for word in ordered:
            for key in self._text.heard_keys(word):
                self._sounds.setdefault(key, word)

    def _name(self, words: str) -> tuple[str, ...]:
        return tuple(map(intern, self._text.content_tokens(self._text.join_phrases(words))))

    def _named(self, index: int, weights: dict[str, float]) -> set[str]:
        """The tokens of the entry's multi-word names the question has in full."""
        if not self._keyword_groups[index]:
            return set()
        return {
            token
            for group in self._keyword_groups[index]
            if all(token in weights for token in group)
            for token in group
        }

    def _entry_tokens(self, index: int) -> set[str]:
        """Every token entry `index` uses: its keywords, its questions and its answer."""
        return self._asked_tokens(index) | set(self._answers[index])

    def _asked_tokens(self, index: int) -> set[str]:
        """The tokens entry `index` is asked with: its questions' and its keywords'."""
        tokens = set(self._keywords[index])
        for position in range(self._starts[index], self._starts[index + 1]):
            tokens.update(self._tokens[position])
        return tokens

    def __len__(self) -> int:
        return len(self._ids)

    def weight(self, token: str) -> float:
        idf = self._idf.get(token, self._unknown_weight)
        return idf * WEAK_FACTOR if token in self._text.weak_tokens else idf

    def _frames(self, word: str, token: str) -> bool:
        """Whether a question word says how it is asked rather than what about: a framing word
        as typed, or a word meaning one ("flop" is read as "fail")."""
        text = self._text
        return word in text.framing_words or (
            token in text.never_missing and token not in text.weak_tokens
        )

    def _specific(self, token: str) -> float:
        """0..1: how specific a token is within the knowledge base; a word a large share of its
        entries use ("migrants", "ice", "app") is the topic's, and an entry that lacks it still
        answers a question about the topic."""
        idf = self._idf.get(token)
        return 1.0 if idf is None else min(1.0, idf / TOPIC_IDF)

    def _informativeness(self, word: str, token: str) -> float:
        """How much a question word the entry lacks says; the more common of the word as typed
        and its token decides ("phones" counts as "phone") when the word is its token with an
        ending. A stem cut further is often another word ("canada" stems to "can"), whose
        commonness says nothing of the word typed."""
        if token in self._text.never_missing or word in self._text.framing_words:
            return 0.0  # chatter-like, or framing ("flop" means "fail", which frames)
        said = self._text.informativeness
        if token == word or not token.isalpha() or len(word) - len(token) > INFLECTION_ENDING:
            return said(word)
        return min(said(word), said(token))

    def _accumulate(
        self, weights: dict[str, float], scan_limit: int | None, keep: int | None = None
    ) -> dict[int, float]:
        """Entry index -> summed weight of the query tokens it contains.

        Rare tokens walk their postings; common ones only add to entries already found, unless
        nothing was found, when the rarest walks its postings (at most `scan_limit` of them).
        `keep`: only the `keep` highest sums are wanted: once the tokens not yet walked weigh
        less than the `keep`-th sum found, an entry not found yet can never reach it, and
        they only add to entries found (the `keep` highest are those of a full walk).
        """
        lists = [
            (postings, weight * factor, common.get(token))
            for token, weight in weights.items()
            for source, common, factor in (
                (self._postings, self._common, 1.0),
                (self._answer_postings, self._common_answers, ANSWER_FACTOR),
            )
            if (postings := source.get(token)) is not None
        ]
        lists.sort(key=lambda item: len(item[0]))
        left = sum(weight for _, weight, _ in lists)  # what an entry not found yet may still get
        wanted = keep if keep and all(weight >= 0 for _, weight, _ in lists) else 0
        closed = False  # once True, only entries found are added to
        # Each entry is in a token's postings once (entry_index builds them from sets), so a
        # walk is a dict of its own merged into what was found; new entries keep their order.
        found: dict[int, float] = {}
        for postings, weight, members in lists:
            if wanted and not closed and len(found) >= wanted and len(postings) > PRUNED_WALK:
                # (a margin for rounding: sums in another order may differ in the last bit)
                closed = left * (1 + 1e-9) < heapq.nlargest(wanted, found.values())[-1]
            left -= weight
            if members is not None and found:
                for index in members.intersection(found):
                    found[index] += weight
                continue
            if closed and found:
                for index in found.keys() & postings:
                    found[index] += weight
                continue
            walked = dict.fromkeys(
                postings[:scan_limit] if members is not None else postings, weight
            )
            for index in walked.keys() & found.keys():
                walked[index] = found[index] + weight
            found.update(walked)
        return found


def _borrowed(entry: Entry) -> tuple[str, ...]:
    """The tokens of an entry's English questions and keywords, word by word and marked
    BORROWED: what a word of English in another language's question is matched with."""
    english = analysis(SOURCE_LANGUAGE)
    tokens: dict[str, None] = {}
    for text in [entry.question, *entry.paraphrases, *entry.keywords]:
        for token in english.tokens_of(english.word_list(text)):
            tokens[intern(BORROWED + token)] = None
    return tuple(tokens)


def _common_members(postings: dict[str, list[int]]) -> dict[str, frozenset[int]]:
    """Token -> the entries using it, for tokens too common to walk per query."""
    return {
        token: frozenset(indices)
        for token, indices in postings.items()
        if len(indices) > COMMON_POSTINGS
    }
