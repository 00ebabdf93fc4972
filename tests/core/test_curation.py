"""Adding entries, changing a claim's status with its source, adding and removing sources, and
the moderation events every change announces; concurrent changes on a real database file."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.core.events import Action, ModerationEvent, changed_span, field_changes
from bot.core.knowledge import KnowledgeError, PlacedEntry, load_directory, load_documents
from bot.core.models import Source, SourceKind, Status
from bot.site.build import SiteConfig, build_site
from bot.site.claimreview import verdict
from bot.site.urls import entry_path

from .conftest import CBP_DATA

ICE = Source(
    publisher="U.S. Immigration and Customs Enforcement",
    title="Statement on the ICE check-in app",
    date=dt.date(2025, 3, 3),
    url="https://www.ice.gov/news/releases/check-in-app",  # type: ignore[arg-type]
    kind=SourceKind.OFFICIAL_RECORD,
)
NEW = {
    "id": "app-languages",
    "question": "Which languages does the check-in app support?",
    "keywords": ["languages"],
    "answer": "CBP data list the app in English and Spanish.",
    "sources": [CBP_DATA],
    "status": "public_record",
    "as_of": "2024-07-12",
}


def recorder(engine: Engine) -> list[ModerationEvent]:
    events: list[ModerationEvent] = []
    engine.on_moderation(events.append)
    return events


async def test_add_entry_answers_and_is_announced(engine: Engine) -> None:
    events = recorder(engine)
    revision = await engine.add_entry(dict(NEW), author="mod", reason="asked often")
    assert revision.number == 1
    answer = engine.answer("which languages does the check-in app support?")
    assert answer.entry_id == "app-languages"
    (event,) = events
    assert (event.action, event.author, event.reason) == (Action.ADD, "mod", "asked often")
    assert event.changes[0].before is None and event.changes[0].after is not None


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"id": "Bad Id"}, "field 'id'"),
        ({"answer": ""}, "field 'answer'"),
        ({"sources": []}, "at least one source"),
        ({"sources": [CBP_DATA | {"url": None}]}, "no_url_reason"),
        ({"sources": [CBP_DATA | {"date": "2024-02-30"}]}, "field 'sources.0.date'"),
        ({"status": "true"}, "field 'status'"),
        ({"id": "enrolled-45"}, "already exists"),
    ],
)
async def test_an_invalid_add_names_the_field_and_saves_nothing(
    engine: Engine, change: dict[str, Any], problem: str
) -> None:
    events = recorder(engine)
    raw: dict[str, Any] = {**NEW, **change}
    if raw["sources"] and raw["sources"][0].get("url", "") is None:
        raw["sources"] = [{k: v for k, v in raw["sources"][0].items() if k != "url"}]
    with pytest.raises(KnowledgeError) as raised:
        await engine.add_entry(raw, author="mod", reason="x")
    assert problem in "\n".join(raised.value.problems)
    assert engine.entry("app-languages") is None and events == []
    assert len(engine.entries()) == 3


async def test_status_change_with_its_source_shows_in_answers_and_keeps_history(
    engine: Engine,
) -> None:
    events = recorder(engine)
    note = "confirmed on the record by ICE"
    await engine.set_status("apple-store", Status.CONFIRMED_ON_RECORD, ICE, note, author="mod")
    entry = engine.entry("apple-store")
    assert entry is not None and entry.status is Status.CONFIRMED_ON_RECORD
    assert entry.sources[0] == ICE and entry.as_of == dt.date(2025, 3, 3)
    answer = engine.answer_for_entry("apple-store")
    assert answer is not None and answer.status is Status.CONFIRMED_ON_RECORD
    assert answer.update == (
        "Update, 3 March 2025: confirmed on the record by ICE "
        "(before: Reported, not confirmed on the record)"
    )
    assert answer.citations[0].publisher.startswith("U.S. Immigration")
    history = await engine.history("apple-store")
    assert history[0].entry is not None
    assert history[0].entry.status is Status.REPORTED_UNCONFIRMED
    (event,) = events
    assert event.action is Action.STATUS and event.reason == note
    fields = {name for name, _, _ in field_changes(event.changes[0].before, entry)}
    assert {"status", "status_change", "sources", "as_of"} <= fields


async def test_retracted_is_a_status_with_its_own_words(engine: Engine) -> None:
    nyp = Source(
        publisher="New York Post",
        title="Editor's note",
        date=dt.date(2025, 1, 2),
        no_url_reason="editor's note seen in print only",
        kind=SourceKind.UNATTRIBUTED,
    )
    await engine.set_status("apple-store", Status.RETRACTED, nyp, "withdrawn", author="m")
    entry = engine.entry("apple-store")
    assert entry is not None and entry.status is Status.RETRACTED
    answer = engine.answer_for_entry("apple-store")
    assert answer is not None and answer.status_label == "Retracted by the outlet that reported it"
    assert verdict(entry) == "Retracted by the outlet that reported it"


async def test_status_change_refuses_the_same_status_and_a_source_without_provenance(
    engine: Engine,
) -> None:
    with pytest.raises(KnowledgeError, match="already reported_unconfirmed"):
        await engine.set_status(
            "apple-store", Status.REPORTED_UNCONFIRMED, ICE, "again", author="m"
        )
    assert await engine.latest_revision("apple-store") == 1


async def test_sources_added_and_removed_but_never_the_last(engine: Engine) -> None:
    events = recorder(engine)
    await engine.add_source("apprehended-7m", ICE, author="m", reason="more")
    entry = engine.entry("apprehended-7m")
    assert entry is not None and entry.sources[-1] == ICE
    with pytest.raises(KnowledgeError, match="already listed"):
        await engine.add_source("apprehended-7m", ICE, author="m", reason="twice")
    await engine.remove_source("apprehended-7m", 0, author="m", reason="superseded")
    entry = engine.entry("apprehended-7m")
    assert entry is not None and entry.sources == [ICE]
    with pytest.raises(KnowledgeError, match="at least one source"):
        await engine.remove_source("apprehended-7m", 0, author="m", reason="all")
    with pytest.raises(KnowledgeError, match="no source #5"):
        await engine.remove_source("apprehended-7m", 4, author="m", reason="x")
    assert [e.action for e in events] == [Action.SOURCES, Action.SOURCES]


async def test_every_moderator_action_is_announced(engine: Engine) -> None:
    events = recorder(engine)
    await engine.edit_entry("apple-store", {"keywords": ["apple"]}, author="m", reason="fewer")
    await engine.revert("apple-store", 1, author="m")
    missed = await engine.ask("will the app be offered in Spanish")
    other = await engine.ask("what's the weather in Paris")
    assert missed.question_id is not None and other.question_id is not None
    await engine.teach(missed.question_id, "apple-store", author="m")
    await engine.dismiss(other.question_id, author="m")
    await engine.delete_entry("apple-store", author="m", reason="gone")
    await engine.revert("apple-store", 4, author="m")  # brought back as it was when taught
    await engine.revert("apple-store", 5, author="m")  # revision 5 is the deletion
    assert [e.action for e in events] == [
        Action.EDIT,
        Action.REVERT,
        Action.TEACH,
        Action.DISMISS,
        Action.DELETE,
        Action.REVERT,
        Action.REVERT,
    ]
    assert events[-1].changes[0].after is None and events[-2].changes[0].before is None
    teach, dismiss = events[2], events[3]
    assert teach.question == "will the app be offered in Spanish"
    assert dismiss.question_id == other.question_id
    edit = field_changes(events[0].changes[0].before, events[0].changes[0].after)
    assert edit == [("keywords", "− approved", "")]


async def test_import_is_one_event_listing_each_entry(engine: Engine, knowledge_dir: Any) -> None:
    events = recorder(engine)
    incoming = load_directory(knowledge_dir)
    assert await engine.import_knowledge(incoming, author="m") == []
    assert events == []  # nothing changed, nothing said
    placed = incoming.entries["apple-store"]
    changed = placed.entry.model_copy(update={"keywords": ["apple"]})
    incoming.entries["apple-store"] = PlacedEntry(changed, placed.file, placed.position)
    await engine.import_knowledge(incoming, author="m")
    (event,) = events
    assert event.action is Action.IMPORT
    assert [(c.entry_id, c.revision) for c in event.changes] == [("apple-store", 2)]


async def test_two_moderators_changing_one_entry_at_once_one_wins(
    open_engine: Callable[[], Any],
) -> None:
    """Real concurrent tasks on a real database file: the loser gets a conflict, not a lost
    update, whichever order the tasks run in."""
    async with open_engine() as engine:
        other = ICE.model_copy(update={"title": "Second statement"})
        results = await asyncio.gather(
            engine.set_status("apple-store", Status.CONFIRMED_ON_RECORD, ICE, "a", author="A"),
            engine.set_status("apple-store", Status.DISPUTED, other, "b", author="B"),
            return_exceptions=True,
        )
        conflicts = [r for r in results if isinstance(r, KnowledgeError)]
        assert len(conflicts) == 1 and "changed by someone else" in str(conflicts[0])
        assert await engine.latest_revision("apple-store") == 2
        added = await asyncio.gather(
            engine.add_entry(dict(NEW), author="A", reason="a"),
            engine.add_entry(
                dict(NEW) | {"answer": "CBP data list one language."}, author="B", reason="b"
            ),
            return_exceptions=True,
        )
        assert sum(isinstance(r, KnowledgeError) for r in added) == 1
    async with open_engine() as reopened:  # what is on disk is the winner's, whole
        history = await reopened.history("apple-store")
        assert len(history) == 2
        assert reopened.entry("apple-store") == history[-1].entry
        assert await reopened.latest_revision("app-languages") == 1


async def test_a_status_change_round_trips_through_files_and_shows_on_the_site(
    engine: Engine, tmp_path: Any
) -> None:
    await engine.set_status(
        "apple-store",
        Status.CONFIRMED_ON_RECORD,
        ICE,
        "confirmed on the record by ICE",
        author="m",
    )
    files = engine.export_files()
    reloaded = load_documents({name: text.encode() for name, text in files.items()})
    assert reloaded.entries["apple-store"].entry == engine.entry("apple-store")
    assert "[entry.status_change]" in files["test-topic.toml"]
    site = tmp_path / "site"
    await build_site(engine, site, SiteConfig())
    page = (site / entry_path("apple-store")).read_text(encoding="utf-8")
    assert "Update, 3 March 2025: confirmed on the record by ICE" in page


def test_a_small_change_in_a_long_text_shows_where_it_is() -> None:
    old = "The Post reported that officials could enroll only 45 migrants out of hundreds."
    new = old.replace("45", "46")
    assert changed_span(old, new) == (
        "… officials could enroll only 45 migrants out of hundreds.",
        "… officials could enroll only 46 migrants out of hundreds.",
    )
    assert changed_span("same words", "same  words") == ("same words", "same  words")
