"""Overlapping entries on the reporting and the border order, each asked one thing (round 17,
issues 9 and 11); the shipped knowledge base, words only, new phrasings written for these tests.

- Who gave the outlet its information (the outlet named as the one told: "who told the Post…")
  is who-are-the-sources' question, not who-reported's (which outlet published it, and when).
  Of two entries both asked "who …", a near tie goes to the one whose best-matching question
  asks who, not when or where (question_shapes.OTHER_FORMS); not against one matched with a
  yes/no question, which would answer "who runs the New York Post" with the sources.
- How the threshold of the June 2024 proclamation works is eo-threshold's question also when
  members call it "Biden's order" or ask "per day or an average"; whether Biden shut the border
  at 2,500 a day (the article's claim) stays eo-2500-claim's.
- How many people were counted twice or more is unique-people's question (how many), whether
  the figures count the same person twice stays encounters-vs-apprehensions' (yes or no).
"""

from __future__ import annotations

import pytest

from bot.core.confidence import Candidate, Thresholds, close_call_choice
from bot.core.matcher import Matcher
from testkit.answers import confident_entry
from testkit.labelled import shipped_entries


@pytest.fixture(scope="module")
def matchers() -> dict[str, Matcher]:
    entries = shipped_entries()
    return {code: Matcher(entries, language=code) for code in ("en", "es")}


def _who(entry_id: str, score: float, matched_form: str) -> Candidate:
    return Candidate(
        entry_id, entry_id, score, "", alike=True, form="who", matched_form=matched_form
    )


def test_a_who_near_tie_goes_to_the_entry_matched_with_a_who_question() -> None:
    """Settled by confidence._matched_alike (held17), which also holds a who-entry far under
    the best of all candidates (test_matched_alike.py)."""
    limits = Thresholds()
    best = _who("asked-who", 84.0, "who")
    for other in ("when", "where"):
        assert close_call_choice([best, _who("rival", 82.0, other)], limits) == best
        assert close_call_choice([_who("rival", 84.0, other), best], limits) == best
    # …not when the rival also matched with a "who" question.
    assert close_call_choice([best, _who("rival", 82.0, "who")], limits) is None


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        # who gave the outlet its information: the sources
        ("en", "who told the new york post about this app", "who-are-the-sources"),
        ("en", "who told the ny post about the check-in app", "who-are-the-sources"),
        ("en", "who told the reporters about the app", "who-are-the-sources"),
        ("es", "¿quién le dio los datos al periódico?", "who-are-the-sources"),
        ("es", "¿y quién le contó al periódico lo de la aplicación?", "who-are-the-sources"),
        # which outlet published it: who-reported, as before
        ("en", "who published the check-in app story", "who-reported"),
        ("en", "when did the post publish the app story", "who-reported"),
        ("en", "which outlet first wrote about the app", "who-reported"),
        # about the outlet itself: neither
        ("en", "who runs the new york post", None),
    ],
)
def test_who_told_the_outlet_is_the_sources_question(
    matchers: dict[str, Matcher], language: str, question: str, expected: str | None
) -> None:
    assert confident_entry(matchers[language], question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # how the threshold works, the order named as members name it
        ("what is the actual trigger in biden's order", "eo-threshold"),
        ("how does biden's 2500 rule actually work", "eo-threshold"),
        ("is biden's 2500 limit per day or averaged", "eo-threshold"),
        ("so is 2500 per day or averaged over a week", "eo-threshold"),
        ("what counts toward the number in biden's executive order", "eo-threshold"),
        # the article's claim, as before
        ("did biden close the whole border at 2500 a day", "eo-2500-claim"),
        ("does biden close the border at 2500 per day", "eo-2500-claim"),
        ("what did biden's executive order in june do", "eo-2500-claim"),
    ],
)
def test_the_threshold_of_bidens_order_and_the_claim_about_it(
    matchers: dict[str, Matcher], question: str, expected: str
) -> None:
    assert confident_entry(matchers["en"], question) == expected


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        ("en", "how many people got caught twice or more at the border", "unique-people"),
        ("en", "how many migrants were caught twice, and how many only once", "unique-people"),
        ("es", "¿cuántos migrantes fueron detenidos dos veces o más?", "unique-people"),
        (
            "en",
            "does cbp count somebody caught twice as two encounters?",
            "encounters-vs-apprehensions",
        ),
    ],
)
def test_how_many_were_counted_twice_is_unique_peoples_question(
    matchers: dict[str, Matcher], language: str, question: str, expected: str
) -> None:
    assert confident_entry(matchers[language], question) == expected
