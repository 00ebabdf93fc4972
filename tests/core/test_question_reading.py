"""Reading a question out of a message: which clause asks, and what the rest is."""

from __future__ import annotations

import pytest

from bot.core.chatter import tells_backstory
from bot.core.matcher import Matcher, Tier
from bot.core.question_reading import ContextWord


def test_a_message_is_read_as_clauses_that_ask_or_tell(shipped: Matcher) -> None:
    assert shipped._clauses("my aunt posted this on facebook, who reported it first?") == [
        ("my aunt posted this on facebook", False),
        ("who reported it first", True),
    ]
    # A message passed on is chatter (chatter.py): only the question is left.
    assert shipped._clauses("my aunt forwarded me this on facebook, who reported it first?") == [
        ("who reported it first", True),
    ]
    # A question mark marks the question even without a question word.
    assert shipped._clauses("I work nights. the app is approved?") == [
        ("i work nights", False),
        ("the app is approved", True),
    ]
    # A comma starts a new clause only before a question.
    assert shipped._clauses("is the app approved, or not?") == [
        ("is the app approved or not", True)
    ]
    assert shipped._clauses("i know, if not where can i get help") == [
        ("i know", False),
        ("if not where can i get help", True),
    ]


def test_backstory_is_the_asker_or_people_around_them() -> None:
    assert tells_backstory("i volunteer at a shelter")
    assert tells_backstory("my cousin sent me this")
    # A thing of the asker's is what is asked about, not who asks.
    assert not tells_backstory("my laptop keeps crashing")
    assert not tells_backstory("i volunteer", language="xx")  # a language without the data


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my aunt forwarded me this on facebook, who reported it first?", "who-reported"),
        (
            "I work with asylum seekers, how would they check in through the app?",
            "app-how-it-works",
        ),
    ],
)
def test_backstory_beside_a_clear_question_does_not_keep_it_from_an_answer(
    shipped: Matcher, question: str, expected: str
) -> None:
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


def test_backstory_words_no_entry_uses_are_dropped_and_the_rest_weigh_less(
    shipped: Matcher,
) -> None:
    plain, context = shipped._read("I volunteer with asylum seekers, how would they check in?")
    assert "volunteer" not in plain.split()  # a word of the language no entry uses
    assert {"asylum", "seekers"} <= context  # words the knowledge base uses stay, as context
    asked = shipped._weighted_tokens("asylum seekers")[0]
    told, typed, _ = shipped._weighted_tokens("asylum seekers", frozenset({"asylum"}))
    assert told["asylum"] < asked["asylum"]
    assert isinstance(typed["asylum"], ContextWord)
    token = "asylum"
    assert shipped._informativeness(typed[token], token) < shipped._informativeness(token, token)


@pytest.mark.parametrize(
    "question",
    [
        # The question points back at the context: the context is what is asked about.
        "my friend sent me this on whatsapp. is it true?",
        # (What the asker reports having read is what is asked; "I read" is not, and is
        # dropped: test_reported_backstory.py.)
        "I read the app crashed all the time, how common was that?",
        # Context that is no backstory: a place, a thing of the asker's.
        "In Chicago, how many people enrolled in the app?",
        "my laptop keeps crashing every 5 min, how do i fix it",
    ],
)
def test_context_that_the_question_is_about_stays_whole(shipped: Matcher, question: str) -> None:
    plain, context = shipped._read(question)
    assert context == frozenset()
    whole = shipped._text.strip_chatter(shipped._text.plain_words(question))
    assert plain == whole.removeprefix("i read ")


def test_a_problem_of_the_askers_own_is_not_answered_from_its_last_words(
    shipped: Matcher,
) -> None:
    assert shipped.match("my laptop keeps crashing every 5 min, how do i fix it").tier is not (
        Tier.CONFIDENT
    )


def test_a_question_that_leans_on_its_backstory_drops_the_backstorys_own_words(
    shipped: Matcher,
) -> None:
    # "what even is that" has no content of its own: the backstory says what is asked about,
    # but "uncle" (a word no entry uses) is still not something an answer has to explain.
    plain, context = shipped._read("my uncle has to use smartlink, what even is that")
    assert "uncle" not in plain.split() and "smartlink" in plain.split()
    assert context == frozenset()  # what the backstory says counts in full
    plain, _ = shipped._read("my roommate says apple never okayed the app, is that right")
    assert "roommate" not in plain.split() and "apple" in plain.split()
    # Who tells, even a word an entry uses ("lawyer"), is not what is asked about…
    plain, _ = shipped._read("my lawyer mentioned the ice portal, what is that")
    assert "lawyer" not in plain.split() and {"ice", "portal"} <= set(plain.split())
    # …but what the backstory is about may be ("my cousin needs a lawyer").
    _, context = shipped._read("my cousin needs a lawyer, where can he find one")
    assert "lawyer" in context


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my uncle has to use smartlink, what even is that", "smartlink"),
        (
            "my roommate works in tech and says apple never approved the app, is that right",
            "apple-store",
        ),
        ("my attorney mentioned something called the ice portal. what is it?", "ice-portal"),
    ],
)
def test_a_question_that_leans_on_its_backstory_is_answered(
    shipped: Matcher, question: str, expected: str
) -> None:
    result = shipped.match(question)
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == expected


def test_names_and_numbers_in_the_backstory_still_say_what_is_asked(shipped: Matcher) -> None:
    # A name is used alike in English and Spanish (commonness.is_shared): it stays, typed in
    # capitals or not; a word of English alone ("cousin") does not.
    for question in ("my cousin has DACA, can he renew it", "my cousin has daca, is that real"):
        plain, _ = shipped._read(question)
        assert "daca" in plain.split() and "cousin" not in plain.split()
    assert "2027" in shipped._read("my dad has a hearing in 2027, is that normal")[0].split()


@pytest.mark.parametrize(
    "question",
    [
        "my cousin has DACA, can he renew it",
        "my cousin has daca, is that real",
        "my cousin has DACA, can he use the app",
        "my friend has TPS, what is that",
        "my dad has a hearing in 2027, is that normal",
    ],
)
def test_a_neighbouring_question_with_backstory_is_not_answered(
    shipped: Matcher, question: str
) -> None:
    assert shipped.match(question).tier is not Tier.CONFIDENT


def test_a_message_with_no_clause_that_asks_is_read_whole(shipped: Matcher) -> None:
    # Matching a message's parts one by one (Matcher.match) reads each part alone: a part
    # that only tells ("my neighbor needs help with her asylum case") is no question leaning
    # on backstory, and keeps every word.
    question = "my neighbor needs help with her asylum case but has basically no money"
    plain, context = shipped._read(question)
    assert plain == shipped._text.strip_chatter(shipped._text.plain_words(question))
    assert context == frozenset()


def test_where_the_asker_talks_and_reads_is_backstory(shipped: Matcher) -> None:
    assert tells_backstory("my group chat is arguing")
    assert tells_backstory("my feed only showed a screenshot")
    # The aside beside the question no longer counts against the entry that answers it.
    result = shipped.match("who first published this story? my group chat keeps fighting")
    assert result.tier is Tier.CONFIDENT
    assert result.best is not None and result.best.entry_id == "who-reported"
