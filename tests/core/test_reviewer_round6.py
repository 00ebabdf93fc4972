"""The round-6 reviewer's finding: one common word carries a confident answer to a vague
question. A message that is nothing but one common word ("time?", "source?", "pocos") names no
subject and is not answered (round 7); one common word beside a question word ("which sites?",
"son poquitos?") is not either once the entry says it only beside something the message lacks
(asked_request.py, round 15). Making "few" and "pocos" stopwords cost right answers ("a pilot
in a few cities", "¿por qué tan poquitos?"), and declining every question of one common token
cost a sixth of the extra set's."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher, Tier


@pytest.mark.parametrize("message", ["time?", "few?", "source?", "source??"])
def test_one_common_word_is_no_confident_english_answer(english: Matcher, message: str) -> None:
    assert english.match(message).tier is not Tier.CONFIDENT


@pytest.mark.parametrize("message", ["poquitos", "pocos", "fuente?"])
def test_one_common_word_is_no_confident_spanish_answer(spanish: Matcher, message: str) -> None:
    assert spanish.match(message).tier is not Tier.CONFIDENT


@pytest.mark.parametrize(
    ("matcher", "message", "entry"),
    [
        ("english", "hoax?", "is-it-confirmed"),  # doubt asks whether the story is true
        ("english", "real or fake?", "is-it-confirmed"),
        ("english", "smartlink?", "smartlink"),  # a rare word names its subject
        ("spanish", "falso?", "is-it-confirmed"),
    ],
)
def test_one_word_of_doubt_or_a_rare_one_is_still_answered(
    matcher: str, message: str, entry: str, request: pytest.FixtureRequest
) -> None:
    result = request.getfixturevalue(matcher).match(message)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == entry


def test_a_common_word_no_entry_asks_about_carries_no_match(english: Matcher) -> None:
    # "time" was an entry's only hold on this ("wait times", a keyword of
    # ice-offices-underwater, whose questions never ask about time; dropped in round 8).
    assert english.match("check in one time?").tier is not Tier.CONFIDENT


@pytest.mark.parametrize("message", ["which sites?"])
def test_one_common_word_beside_others_is_no_confident_english_answer(
    english: Matcher, message: str
) -> None:
    assert english.match(message).tier is not Tier.CONFIDENT


@pytest.mark.parametrize("message", ["son poquitos?"])
def test_one_common_word_beside_others_is_no_confident_spanish_answer(
    spanish: Matcher, message: str
) -> None:
    assert spanish.match(message).tier is not Tier.CONFIDENT
