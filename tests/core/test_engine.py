"""The engine: answers, refusals, logging, and moderators' edits as revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError, load_directory, load_paths
from bot.core.matcher import Tier
from bot.core.models import Entry
from bot.core.store import Upsert, Vote

from .conftest import write_knowledge


async def test_a_known_question_gets_the_attributed_answer(engine: Engine) -> None:
    answer = await engine.ask("how many migrants were enrolled?", asker="42")
    assert answer.matched and answer.entry_id == "enrolled-45"
    assert answer.anonymous_sourcing and answer.warning is not None
    assert "not been confirmed on the record" in answer.warning
    (citation,) = answer.citations
    assert citation.text == (
        "New York Post, 12 July 2024, citing sources familiar with the app (2) (via Newsmax)"
    )
    assert [r.entry_id for r in answer.related] == ["apprehended-7m"]
    assert answer.question_id is not None


async def test_an_on_record_answer_carries_no_warning(engine: Engine) -> None:
    answer = await engine.ask("how many crossers were apprehended under Biden?")
    assert answer.entry_id == "apprehended-7m"
    assert not answer.anonymous_sourcing and answer.warning is None


async def test_an_unknown_question_is_not_answered_and_is_queued(engine: Engine) -> None:
    answer = await engine.ask("what is the capital of France?")
    assert answer.tier is Tier.NONE and answer.entry_id is None and answer.text is None
    assert "not in my knowledge base" in (answer.message or "")
    assert [q.text for q in await engine.unanswered()] == ["what is the capital of France?"]


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \n\t ",
        "x" * 10_000,
        "\x00\x01\x02\x03",
        "\u200b\u200c\u200d\ufeff",
        "\u202e\u202d\u2066",
        "😀🙂🎉",
        "!!!???",
    ],
)
async def test_bad_input_is_refused_politely_and_not_logged(engine: Engine, question: str) -> None:
    answer = await engine.ask(question)
    assert answer.tier is Tier.REFUSED and answer.message
    assert answer.question_id is None
    assert await engine.unanswered() == []


async def test_invisible_characters_do_not_hide_a_real_question(engine: Engine) -> None:
    answer = await engine.ask("\u202ehow many\u200b migrants were\x00 enrolled?")
    assert answer.entry_id == "enrolled-45"


async def test_saving_an_entry_is_a_revision_and_updates_answers(engine: Engine) -> None:
    entry = engine.entry("apprehended-7m")
    assert entry is not None
    changed = entry.model_copy(update={"answer": "CBP data: more than 7 million encounters."})
    revision = await engine.save_entry(changed, author="mod#1", reason="clarify")
    assert revision.number == 2
    answer = await engine.ask("how many crossers were apprehended under Biden?")
    assert answer.text == "CBP data: more than 7 million encounters."
    reverted = await engine.revert("apprehended-7m", 1, author="mod#2")
    assert reverted.number == 3
    assert engine.entry("apprehended-7m") == entry


async def test_an_edit_with_a_dangling_related_id_changes_nothing(engine: Engine) -> None:
    entry = engine.entry("apple-store")
    assert entry is not None
    broken = Entry.model_validate({**entry.to_file_dict(), "related": ["nope"]})
    with pytest.raises(KnowledgeError, match="nope"):
        await engine.save_entry(broken, author="mod", reason="x")
    assert engine.entry("apple-store") == entry
    assert len(await engine.history("apple-store")) == 1


async def test_an_entry_still_referenced_cannot_be_deleted(engine: Engine) -> None:
    with pytest.raises(KnowledgeError, match="enrolled-45"):
        await engine.delete_entry("apprehended-7m", author="mod", reason="x")
    await engine.delete_entry("apple-store", author="mod", reason="outdated")
    assert engine.entry("apple-store") is None
    assert (await engine.ask("is the app approved by the apple store?")).entry_id is None


async def test_an_invalid_import_changes_nothing(
    engine: Engine, tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    entries[0]["answer"] = "Changed, citing unnamed sources."
    entries[2]["related"] = ["missing-entry"]
    write_knowledge(tmp_path / "incoming", entries)
    incoming = load_paths([tmp_path / "incoming" / "test-topic.toml"], check_related=False)
    with pytest.raises(KnowledgeError, match="missing-entry"):
        await engine.import_knowledge(incoming, author="mod")
    assert len(await engine.history("enrolled-45")) == 1


async def test_export_then_import_round_trips_with_no_change(
    engine: Engine, tmp_path: Path
) -> None:
    engine.export_to(tmp_path / "export")
    incoming = load_directory(tmp_path / "export")
    assert await engine.import_knowledge(incoming, author="mod") == []
    assert [placed.entry for placed in incoming.ordered()] == engine.entries()


async def test_feedback_needs_a_real_question(engine: Engine) -> None:
    answer = await engine.ask("how many migrants were enrolled?")
    assert answer.question_id is not None
    assert await engine.record_feedback(answer.question_id, "m1", helpful=True) is Vote.COUNTED
    assert await engine.record_feedback(answer.question_id, "m1", helpful=True) is Vote.REPEATED
    assert await engine.record_feedback(999_999, "m1", helpful=True) is Vote.UNKNOWN_QUESTION
    usage = {entry: votes for entry, _, *votes in await engine.usage()}
    assert usage["enrolled-45"] == [1, 0]  # the unknown question's vote changed nothing


async def test_the_database_persists_across_restarts(open_engine: Any) -> None:
    async with open_engine() as engine:
        entry = engine.entry("apple-store")
        await engine.save_entry(
            entry.model_copy(update={"question": "Is it in the App Store?"}),
            author="mod",
            reason="wording",
        )
    async with open_engine() as engine:
        assert engine.entry("apple-store").question == "Is it in the App Store?"


def test_source_summary_counts_entries_per_publisher(engine: Engine) -> None:
    summary = {(s.publisher, s.kind.value): s.entries for s in engine.source_summary()}
    assert summary == {
        ("New York Post", "anonymous"): 2,
        ("U.S. Customs and Border Protection", "agency_data"): 1,
    }


async def test_teaching_a_queued_question_makes_it_answerable(engine: Engine) -> None:
    missed = await engine.ask("did ios block the tracker thing")
    assert missed.tier is not Tier.CONFIDENT and missed.question_id is not None
    revision = await engine.teach(missed.question_id, "apple-store", author="mod")
    assert revision.reason == f"taught question {missed.question_id}"
    assert await engine.unanswered() == []
    assert (await engine.ask("did ios block the tracker thing")).entry_id == "apple-store"
    with pytest.raises(KnowledgeError, match="not on the unanswered queue"):
        await engine.teach(missed.question_id, "apple-store", author="mod")
    answered = await engine.ask("how many migrants were enrolled?")
    assert answered.question_id is not None
    with pytest.raises(KnowledgeError, match="not on the unanswered queue"):
        await engine.teach(answered.question_id, "apple-store", author="mod")


async def test_dismissing_takes_a_question_off_the_queue_once(engine: Engine) -> None:
    missed = await engine.ask("what's the weather in Houston")
    assert missed.question_id is not None
    assert await engine.dismiss(missed.question_id, author="mod")
    assert not await engine.dismiss(missed.question_id, author="mod")
    assert await engine.unanswered() == []


async def test_editing_fields_validates_and_names_the_field(engine: Engine) -> None:
    revision = await engine.edit_entry(
        "apprehended-7m",
        {"paraphrases": ["how many people were caught at the border"]},
        author="mod",
        reason="better wording",
    )
    assert revision.number == 2
    assert engine.entry("apprehended-7m").paraphrases == [  # type: ignore[union-attr]
        "how many people were caught at the border"
    ]
    with pytest.raises(KnowledgeError, match=r"entry 'enrolled-45': field 'answer'"):
        await engine.edit_entry("enrolled-45", {"answer": ""}, author="mod", reason="x")
    with pytest.raises(KnowledgeError, match="anonymous"):
        await engine.edit_entry(
            "enrolled-45", {"answer": "Officials enrolled 45."}, author="mod", reason="x"
        )
    with pytest.raises(KnowledgeError, match="nothing changed"):
        await engine.edit_entry("apple-store", {}, author="mod", reason="x")
    assert len(await engine.history("enrolled-45")) == 1


async def test_an_edit_based_on_a_stale_revision_is_refused(engine: Engine) -> None:
    await engine.edit_entry(
        "apple-store", {"keywords": ["apple"]}, author="mod-a", reason="a", base_revision=1
    )
    with pytest.raises(KnowledgeError, match="changed by someone else since revision 1"):
        await engine.edit_entry(
            "apple-store", {"keywords": ["iphone"]}, author="mod-b", reason="b", base_revision=1
        )
    assert engine.entry("apple-store").keywords == ["apple"]  # type: ignore[union-attr]
    assert await engine.latest_revision("apple-store") == 2


async def test_a_save_slipping_in_after_the_check_still_refuses_the_stale_edit(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process saves between the engine's own check and its write: the store's check,
    # inside the write transaction, still refuses, and nothing of the stale edit is saved.
    store = engine._store
    real_apply = store.apply

    async def someone_saves_first(*args: Any, **kwargs: Any) -> Any:
        placed = engine._knowledge.entries["apple-store"]
        other = placed.entry.model_copy(update={"keywords": ["other"]})
        await real_apply([Upsert(other, placed.file, placed.position)], author="b", reason="b")
        return await real_apply(*args, **kwargs)

    monkeypatch.setattr(store, "apply", someone_saves_first)
    with pytest.raises(KnowledgeError, match="changed by someone else since revision 1"):
        await engine.edit_entry(
            "apple-store", {"keywords": ["iphone"]}, author="mod-a", reason="a", base_revision=1
        )
    monkeypatch.undo()
    assert [r.author for r in await engine.history("apple-store")][-1] == "b"
    await engine.refresh()
    assert engine.entry("apple-store").keywords == ["other"]  # type: ignore[union-attr]


async def test_opening_a_picked_entry_is_logged_and_can_take_a_vote(engine: Engine) -> None:
    opened = await engine.open_entry("apple-store", asker="7", channel="discord")
    assert opened is not None and opened.entry_id == "apple-store"
    assert opened.question_id is not None
    assert await engine.record_feedback(opened.question_id, "7", helpful=True) is Vote.COUNTED
    assert await engine.open_entry("no-such-entry") is None


async def test_check_claim_matches_each_part_once_and_logs_only_the_winner(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    matched: list[str] = []
    answer = engine.answer

    def counting(question: str, preferred_language: str | None = None, **options: Any) -> Any:
        matched.append(question)
        return answer(question, preferred_language, **options)

    monkeypatch.setattr(engine, "answer", counting)
    text = "Big news today. Apparently only 45 migrants were enrolled in the app! Crazy times."
    checked = await engine.check_claim(text, asker="7", channel="discord-menu")
    assert checked.claim == "Apparently only 45 migrants were enrolled in the app!"
    assert checked.answer.entry_id == "enrolled-45" and checked.answer.question_id is not None
    assert sorted(matched) == sorted(set(matched)) and len(matched) == 4  # whole + 3 sentences
    assert await engine.usage() == [("enrolled-45", 1, 0, 0)]
    assert await engine.unanswered() == []


async def test_check_claim_of_no_text_is_refused_and_not_logged(engine: Engine) -> None:
    checked = await engine.check_claim(" \n ")
    assert checked.claim == "" and checked.answer.tier is Tier.REFUSED
    assert checked.answer.question_id is None
