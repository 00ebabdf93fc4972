"""Reading the backstory beside a question: the clauses that tell who asks and why, or what
someone told them, read for what they leave of the question (question_reading.py reads a
message's clauses and weighs their words; this base class of its reader keeps each file short).

"my friend volunteers at a shelter and says it's only a test, is that right?" asks about the
claim told (_leaning, _claimed); "my cousin needs a lawyer. what is the ICE portal?" keeps of
the backstory only the words an entry or a name may answer (_without_backstory).
"""

from __future__ import annotations

from bot.core.chatter import seen_at_opening
from bot.core.commonness import is_shared
from bot.core.languages import languages
from bot.core.misspellings import MisspellingReader


class BackstoryReader(MisspellingReader):
    """An index that reads the backstory clauses around a question."""

    def _leaning(
        self, clauses: list[tuple[str, bool]], told: list[bool]
    ) -> tuple[str, frozenset[str]]:
        """A message whose question leans on its backstory, as _read returns it. A backstory
        clause that says what someone told, or what the asker heard or read, names the claim
        after its first reporting word ("my friend volunteers at a shelter and says [it's only
        a test]", "me cuentan que [las oficinas están llenas]"). The claim is what is asked: it
        is kept whole but for the people it opens on (_claimed), so a claim in words no entry
        uses is no entry's ("…dice que ya se puede renovar el pasaporte por una app"). The
        words before it are who told, where and when: its words of the language are dropped,
        even those an entry uses ("works", "family"), while names and numbers still say where
        or what ("mi cuñado vive en Nueva York y dice que allá…"). A backstory clause that
        reports nothing loses only the words no entry uses (_without_backstory), and so does
        one whose reporting word ends it ("the glitches my cousin told me about")."""
        text = self._text
        reporting = languages()[self.language].reporting
        told_words = languages()[self.language].backstory
        read: list[str] = []

        def spoken(word: str) -> bool:
            return word.isalpha() and text.is_word(word) and not is_shared(word, languages())

        for (plain, _), backstory in zip(clauses, told, strict=True):
            words = plain.split()
            said = next((n for n, word in enumerate(words) if word in reporting), None)
            if said is not None and not self._claimed(words[said + 1 :], told_words):
                # "the glitches my aunt told me about", "me lo dijo mi abogado": it claims
                # nothing after it, where only who told may stand
                words = [*words[:said], *(w for w in words[said + 1 :] if w not in told_words)]
                plain, said = " ".join(words), None
            if not backstory:
                read.append(plain)
            elif said is None:
                read.append(self._without_backstory(plain, True))
            else:
                teller, claim = words[: said + 1], words[said + 1 :]
                kept = (w for w in teller if not spoken(w) and w not in told_words)
                read.append(" ".join(kept))
                read.append(" ".join(self._claimed(claim, told_words)))
        return " ".join(plain for plain in read if plain), frozenset()

    def _claimed(self, claim: list[str], told_words: frozenset[str]) -> list[str]:
        """A reported claim without the people it opens on ("says [my cousin] got arrested",
        "says [kids] traveling alone are exempt"): they are whom it is about, not what; nor
        where it was seen or heard (`media`: "saw [a headline that] ICE…", "vi [en facebook
        que] la app…"). Past its first other content word it is kept whole, people too ("the
        app is for everyone" is no claim about the app alone)."""
        stopwords = self._text.stopwords
        claim = claim[seen_at_opening(claim, self.language) :]
        kept: list[str] = []
        for word in claim:
            if any(said not in stopwords for said in kept) or word not in told_words:
                kept.append(word)
        # only function words ("…told me about", "me lo dijo mi suegra"): nothing is claimed
        return kept if any(said not in stopwords for said in kept) else []

    def _without_backstory(self, plain: str, asked_about: bool = False) -> str:
        """A backstory clause without the words of the language that no entry uses ("uncle",
        "roommate", "tech", "abogada"). Typos, numbers, the knowledge base's words and names
        stay: a word used alike in every language the bot reads ("daca", "queens", "houston")
        may say what is asked about, unless it is one of the words that make it backstory
        ("mama"). When the question asks about what the clause says (`asked_about`), the
        clause's first content word, if one of those, is who tells and is dropped even if an
        entry uses it ("my lawyer mentioned the ice portal, what is that"; not "my cousin needs
        a lawyer")."""
        text = self._text
        told = languages()[self.language].backstory
        kept = []
        teller = asked_about  # until the first content word
        for word in text.join_phrases(plain).split():
            tokens = text.tokens_of([word])
            if tokens and teller and word in told:
                teller = False
                continue
            teller = teller and not tokens
            if (
                tokens
                and word.isalpha()
                and text.is_word(word)
                and not self._known(tokens[0], word)
                and (word in told or not is_shared(word, languages()))
            ):
                continue
            kept.append(word)
        return " ".join(kept)

    def _known(self, token: str, word: str) -> bool:
        """Whether the index knows a word: its token, or the English one it borrows."""
        borrowed = self._text.borrowed_tokens(word) or ()
        return token in self._idf or any(t in self._idf for t in borrowed)
