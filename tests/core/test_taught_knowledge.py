"""The taught questions' veto as the knowledge base grows (bot/core/taught.py, entry_digest.py):
an out-of-scope label means no entry answered the question when it was labelled, so an entry
a moderator adds or re-asks since is not vetoed; an untouched one still is. Through the Engine,
over a copy of the shipped knowledge, with a stand-in model (tests/core/test_taught.py's)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from bot.core.engine import Engine
from bot.core.entry_digest import asks_digest
from bot.core.matcher import Tier
from bot.core.models import Entry
from bot.core.semantic import BundledMeaning
from bot.core.taught import Example, Taught
from bot.settings import SHIPPED_KNOWLEDGE
from testkit.taught_examples import known_entries
from tests.core.test_taught import ANSWERED, AWAY, QUESTION, TwoDirections

DACA = {
    "id": "daca-renewal",
    "question": "Can DACA recipients renew through an app?",
    "paraphrases": ["is there an app for the DACA renewal"],
    "keywords": ["DACA", "renewal"],
    "answer": "USCIS says DACA renewals are filed online or on paper, not through ICE's app.",
    "sources": [
        {
            "publisher": "U.S. Citizenship and Immigration Services",
            "title": "Consideration of Deferred Action for Childhood Arrivals (DACA)",
            "date": "2024-07-12",
            "url": "https://www.uscis.gov/DACA",
            "kind": "agency_data",
        }
    ],
    "status": "public_record",
    "as_of": "2024-07-12",
}


def meaning(known: Mapping[str, str]) -> BundledMeaning:
    """The out-of-scope example AWAY (a DACA question) and QUESTION point one way, every entry
    text the other: QUESTION, answered by the words with ANSWERED, is nearer AWAY."""
    model = TwoDirections({QUESTION, AWAY})
    examples = [Example("set", AWAY, ())]
    return BundledMeaning(model, taught=Taught(examples, model.encode([AWAY]), known))


def knowledge(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, copy)
    return copy


async def test_an_entry_a_moderator_adds_answers_what_was_out_of_scope(tmp_path: Path) -> None:
    folder = knowledge(tmp_path)
    async with Engine.open(tmp_path / "db.sqlite3", folder, meaning=meaning(known_entries())) as e:
        assert (await e.ask(AWAY)).tier is not Tier.CONFIDENT  # nothing answers it yet
        await e.save_entry(Entry.model_validate(DACA), author="mod", reason="DACA asked")
        answered = await e.ask(AWAY)
        assert answered.tier is Tier.CONFIDENT and answered.entry_id == "daca-renewal"
        assert (await e.ask(QUESTION)).tier is Tier.CLOSE  # an untouched entry is still vetoed


async def test_an_entry_the_labels_knew_would_have_been_vetoed(tmp_path: Path) -> None:
    # The control: the same entry, had it been in the knowledge base when labelled.
    folder = knowledge(tmp_path)
    daca = Entry.model_validate(DACA)
    known = {**known_entries(), daca.id: asks_digest(daca)}
    async with Engine.open(tmp_path / "db.sqlite3", folder, meaning=meaning(known)) as e:
        await e.save_entry(daca, author="mod", reason="DACA asked")
        assert (await e.ask(AWAY)).tier is Tier.CLOSE


async def test_a_refused_answer_is_queued_and_teaching_the_entry_lifts_the_veto(
    tmp_path: Path,
) -> None:
    folder = knowledge(tmp_path)
    async with Engine.open(tmp_path / "db.sqlite3", folder, meaning=meaning(known_entries())) as e:
        refused = await e.ask(QUESTION)
        assert refused.tier is Tier.CLOSE and refused.question_id is not None
        assert refused.question_id in {q.id for q in await e.unanswered()}
        # A moderator teaches the entry another queued question (not QUESTION itself, which
        # would be near by its own text): the entry now asks something the labels never saw.
        other = await e.ask("what happens with the flux capacitor")
        assert other.tier is not Tier.CONFIDENT and other.question_id is not None
        await e.teach(other.question_id, ANSWERED, author="mod")
        answered = await e.ask(QUESTION)
        assert answered.tier is Tier.CONFIDENT and answered.entry_id == ANSWERED


async def test_words_alone_answer_as_before(tmp_path: Path) -> None:
    folder = knowledge(tmp_path)
    async with Engine.open(tmp_path / "db.sqlite3", folder) as e:
        before = await e.ask(QUESTION)
        assert before.tier is Tier.CONFIDENT and before.entry_id == ANSWERED
        await e.save_entry(Entry.model_validate(DACA), author="mod", reason="DACA asked")
        added = await e.ask(AWAY)
        assert added.tier is Tier.CONFIDENT and added.entry_id == "daca-renewal"
