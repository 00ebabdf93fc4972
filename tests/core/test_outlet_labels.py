"""An outlet named and called something ("is newsmax propaganda", "the ny post is a tabloid, why
would I believe it", "is the ny post fake news", "¿el new york post es amarillista?") doubts the
outlet, as a word of trust said of it does ("can I trust newsmax"): the entry asked which outlet
reported answers, with the line saying the bot rates no outlet (doubt.py `labels`,
outlet_doubt.py), also when that doubt is the first of two questions. A label said of the
report ("newsmax ran it, is this propaganda"), or doubt said of "this" beside it, is the
report's doubt; a question only naming an outlet gets no line. Words only, on the shipped
knowledge base; the questions are this file's own (round 21, know21)."""

from __future__ import annotations

import pytest

from bot.core.doubt import DoubtWords, outlet_labels
from bot.core.engine import Engine
from bot.core.matcher import Tier


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("is newsmax propaganda", "en"),
        ("the ny post is a tabloid, why would i believe it", "en"),
        ("is the ny post fake news?", "en"),
        ("honestly the post is so biased", "en"),
        ("isn't the post a tabloid", "en"),
        ("¿newsmax es propaganda?", "es"),
        ("¿el new york post es amarillista?", "es"),
        ("el post es muy tendencioso", "es"),
        ("¿newsmax es de derecha?", "es"),
    ],
)
async def test_an_outlet_called_something_is_answered_with_who_reported_and_the_line(
    shipped_engine: Engine, question: str, language: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.tier is Tier.CONFIDENT and answer.entry_id == "who-reported"
    assert answer.language == language and answer.outlet_note is not None


@pytest.mark.parametrize(
    "question",
    [
        "is the ny post fake news? and how many people enrolled",
        "is newsmax propaganda, and did the app launch in nyc",
        "¿el post es amarillista? ¿cuántas personas se inscribieron en la app?",
    ],
)
async def test_an_outlet_doubted_first_of_two_questions_gets_the_line(
    shipped_engine: Engine, question: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.entry_id == "who-reported" and answer.outlet_note is not None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what did the ny post report", "who-reported"),  # an outlet named, no doubt
        ("qué publicó el new york post", "who-reported"),
        ("newsmax and the ny post ran it... is this just propaganda", "is-it-confirmed"),
        ("is newsmax propaganda? is this even confirmed?", "is-it-confirmed"),
    ],
)
async def test_no_line_without_doubt_about_the_outlet(
    shipped_engine: Engine, question: str, entry: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.entry_id == entry and answer.outlet_note is None


async def test_doubt_said_of_this_beside_a_label_is_not_the_outlets(shipped_engine: Engine) -> None:
    # "should I believe this": what is believed is the report, whatever newsmax is called.
    assert shipped_engine.answer("newsmax is biased, should i believe this").outlet_note is None


WORDS = DoubtWords(
    marks=frozenset({"true", "hoax"}),
    core=frozenset({"true", "hoax"}),
    whole=frozenset({"news"}),
    outlets=frozenset({"post"}),
    whose=frozenset({"this", "my"}),
    labels=(("propaganda",), ("fake", "news"), ("tabloid",)),
    back=frozenset({"it"}),
)
TOKENS = {"post": "post", "propaganda": "hoax", "fake": "true", "news": "news"}
TOKENS |= {"tabloid": "tabloid", "believe": "true", "just": "just"}


def _tokens(word: str) -> list[str]:
    return [TOKENS[word]] if word in TOKENS else []


@pytest.mark.parametrize(
    ("question", "labelled"),
    [
        ("is the post propaganda", {"hoax"}),
        ("is the post fake news", {"true", "news"}),  # a label of two words, whole
        ("the post is a tabloid why would i believe it", {"tabloid"}),  # "it": the post
        ("the post is a tabloid should i believe this", set()),  # "this": the report
        ("the post ran it is it propaganda", set()),  # said of "it", not of the post
        ("is my post propaganda", set()),  # someone's post
        ("is the post fake", set()),  # a part of a label is none
    ],
)
def test_a_label_said_of_an_outlet(question: str, labelled: set[str]) -> None:
    found = outlet_labels(question.split(), WORDS, _tokens, frozenset({"just"}), {"it", "this"})
    assert found == labelled
