"""The words members ask an entry with: those of its taught questions (taught_data.py), for
the rules that decide whether an entry explains a question (ranking.py: its coverage, the
informative words it leaves unexplained), never for ranking nor to choose between entries.

A clear question whose right entry ranks first is often held at "did you mean" because one of
its informative words ("selfie", "anywhere", "sue", "certain") is in none of the entry's
questions, keywords or answer, although members who ask that entry use it: "how does the app
check in work, like a selfie?". A word is the entry's when the examples of at least MIN_SETS
labelled sets (different writers) asking that entry use it, DOMINANCE times as many sets as
ask any other entry with it ("drop" asks when the limits are lifted and when the order was
published: it tells neither; "currently" asks where things stand more than how many are on
ATD). Never a number (a number or year the entry does not say still counts against it), nor
doubt, nor the words of an example of several questions or of a backstory. Such a word covers
TAUGHT_FACTOR of what a word of the entry's questions covers, and explains what it says when
that leaves nothing informative unexplained (ranking.py also keeps out function words, strings
that are no word, and names the knowledge base asks other entries with). Neighbouring
questions keep their own words ("illegally", "population", "DACA"): out-of-scope examples give
no entry any word. MIN_SETS, DOMINANCE and TAUGHT_FACTOR were chosen on the tuning sets, each
measured with its own rows left out (benchmarks/README.md, round 14, cover14).

The words are read with the language's analysis only (no typo correction), once per language
and process.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.analysis import analysis
from bot.core.languages import SOURCE_LANGUAGE, languages
from bot.core.normalize import normalize
from bot.core.taught_data import Example, shipped_examples

log = logging.getLogger("policybot.taught_words")

MIN_SETS = 2
TAUGHT_FACTOR = 0.7
DOMINANCE = 2


def language_of(set_name: str) -> str:
    """The language a labelled set is written in: its name's last part when that is a language
    code ("blind7-es"), else the source language ("blind7-en", "heldout", "blind-2026")."""
    code = set_name.rsplit("-", 1)[-1]
    return code if code in languages() else SOURCE_LANGUAGE


_analysis = functools.cache(analysis)


@functools.lru_cache(maxsize=16384)
def _words(language: str, question: str) -> frozenset[str]:
    """The tokens of an example that asks one thing, chatter dropped; none for one of several
    questions or of a question after a backstory (whose words are not the entry's: "how many
    are in ATD and how much does it cost per day"); never a number, nor doubt ("is it a hoax"
    may be asked of any claim: doubt.py reads it)."""
    text = _analysis(language)
    asked = text.clauses(question)
    if len(asked) != 1:
        return frozenset()
    tokens = text.content_tokens(text.join_phrases(asked[0]))
    return frozenset(
        t for t in tokens if t not in text.doubt_tokens and not any(c.isdigit() for c in t)
    )


@dataclass(frozen=True)
class TaughtWords:
    """Labelled examples, some perhaps left out (benchmarks measure a set out of sample)."""

    examples: tuple[Example, ...] = ()

    def leaving_out(self, questions: Iterable[str], sets: Iterable[str] = ()) -> TaughtWords:
        """These examples without those of `sets` and those whose text is one of `questions`."""
        texts = {normalize(q) for q in questions}
        names = set(sets)
        kept = (
            e for e in self.examples if e.set not in names and normalize(e.question) not in texts
        )
        return TaughtWords(tuple(kept))

    def of_entries(self, language: str, ids: Sequence[str]) -> list[frozenset[str]]:
        """Per entry (`ids`, in the index's order): the tokens its examples in `language` use
        in at least MIN_SETS sets and DOMINANCE times as many as any other entry's do."""
        wanted = set(ids)
        sets_of: dict[tuple[str, str], set[str]] = {}
        for example in self.examples:
            if not example.entries or language_of(example.set) != language:
                continue
            for token in _words(language, example.question):
                for entry_id in example.entries:
                    sets_of.setdefault((entry_id, token), set()).add(example.set)
        most: dict[str, list[int]] = {}  # token -> the two largest numbers of sets
        for (_, token), sets in sets_of.items():
            top = most.setdefault(token, [0, 0])
            top[:] = sorted([*top, len(sets)], reverse=True)[:2]
        found: dict[str, set[str]] = {}
        for (entry_id, token), sets in sets_of.items():
            if entry_id not in wanted or len(sets) < MIN_SETS:
                continue
            first, second = most[token]
            other = second if len(sets) == first else first
            if len(sets) >= DOMINANCE * other:
                found.setdefault(entry_id, set()).add(token)
        return [frozenset(found.get(entry_id, ())) for entry_id in ids]


@functools.cache
def shipped_words() -> TaughtWords:
    """The shipped taught questions' words; none when they cannot be read."""
    try:
        return TaughtWords(tuple(shipped_examples()))
    except (OSError, ValueError) as error:
        log.warning("the taught questions could not be read (%s): coverage without them", error)
        return TaughtWords()
