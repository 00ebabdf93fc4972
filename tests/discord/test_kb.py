"""`/kb …` end to end: who may curate, and every moderator action changing what `/ask` says.

/kb is registered in the home server only (the emulator's test guild here; other servers:
test_trust.py). Discord hides it there (default_member_permissions = Manage Server) until a
server admin allows it for a role in Server Settings → Integrations (`emu.permit_command`); the
bot's own check is the real gate, so these tests also open /kb to members who are not moderators.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.core.engine import Engine
from bot.core.knowledge import load_documents
from bot.discord import runner
from bot.discord.client import PolicyBot
from bot.discord.trust import Trust
from bot.settings import Settings
from testkit.emulator import DiscordEmulator
from testkit.emulator.permissions import MANAGE_GUILD
from testkit.emulator.state import Role, User

from .conftest import StartBot
from .knowledge import ENTRIES
from .steps import (
    ANSWER,
    ENROLLED,
    NEW_ANSWER,
    NEW_ENTRY,
    REASON,
    REFUSED,
    ask,
    asked_answer,
    edit,
    kb,
    text_inputs,
    toml_file,
)


@pytest.fixture
def by_role(emu: DiscordEmulator, bot: PolicyBot, mod_role: Role) -> User:
    """A moderator by the configured role, which the admin allowed to use /kb."""
    emu.permit_command("kb", role=mod_role)
    return emu.member("mia", roles=(mod_role,))


@pytest.fixture
def manager(emu: DiscordEmulator, bot: PolicyBot) -> User:
    """A member with Manage Server: Discord shows them /kb without any override."""
    return emu.member("sam", permissions=MANAGE_GUILD)


@pytest.fixture(params=["by_role", "manager"])
def moderator(request: pytest.FixtureRequest) -> User:
    return request.getfixturevalue(request.param)


@pytest.fixture
def outsider(emu: DiscordEmulator, bot: PolicyBot) -> User:
    """A member with neither, in a server whose admin let @everyone see /kb."""
    emu.permit_command("kb")
    return emu.member("oli", roles=(emu.role("Helpers"),))


# --- who may curate ---------------------------------------------------------------------------


async def test_kb_is_a_server_only_group_hidden_from_members(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    assert "kb" not in {c["name"] for c in emu.world.global_commands}
    command = next(c for c in emu.world.guild_commands[emu.guild.id] if c["name"] == "kb")
    assert int(command["default_member_permissions"]) == MANAGE_GUILD
    assert command["contexts"] == [0]
    subcommands = {o["name"] for o in command["options"] if o["type"] == 1}
    assert subcommands >= {"show", "edit", "history", "revert", "delete", "queue", "teach"}
    assert subcommands >= {"dismiss", "import", "export", "stats"}
    with pytest.raises(AssertionError, match="may not use /kb"):
        await emu.slash("kb stats", user=emu.member("ann"))


async def test_outsider_is_refused_politely_and_gets_no_choices(
    emu: DiscordEmulator, engine: Engine, outsider: User, manager: User
) -> None:
    shown = await kb(emu, "show", outsider, entry="enrolled-45")
    assert REFUSED in shown["content"]
    assert shown["embeds"] == []
    deleted = await kb(emu, "delete", outsider, entry="memo-recipients", reason="spam")
    assert REFUSED in deleted["content"]
    assert engine.entry("memo-recipients") is not None
    refused = await emu.autocomplete("kb show", "entry", "", user=outsider)
    assert await refused.choices() == []
    offered = await emu.autocomplete("kb show", "entry", "", user=manager)
    assert {c["value"] for c in await offered.choices()} == {e["id"] for e in ENTRIES}


async def test_the_moderator_roles_are_a_setting_by_id_not_by_name(
    emu: DiscordEmulator, engine: Engine, start_bot: StartBot, tmp_path: Path
) -> None:
    curators = emu.role("Curators")
    settings = Settings(
        database=tmp_path / "data" / "x.sqlite3",
        home_guild_ids=[emu.guild.id],
        moderator_role_ids=[curators.id],
    )
    assert runner.build_bot(engine, settings).trust == Trust.of([emu.guild.id], [curators.id])
    await start_bot(trust=settings_trust(settings))
    emu.permit_command("kb")
    curator = emu.member("cur", roles=(curators,))
    # Anyone with Manage Roles can make a role with the same name: it counts for nothing.
    namesake = emu.member("def", roles=(emu.role("Curators"),))
    assert "revision 1" in (await kb(emu, "show", curator, entry="apple-store"))["content"]
    refused = await kb(emu, "show", namesake, entry="apple-store")
    assert REFUSED in refused["content"]


def settings_trust(settings: Settings) -> Trust:
    return Trust.of(settings.home_guild_ids, settings.moderator_role_ids)


async def test_moderator_autocomplete_finds_entries_by_id_or_question(
    emu: DiscordEmulator, by_role: User
) -> None:
    handle = await emu.autocomplete("kb history", "entry", "apple", user=by_role)
    assert [c["value"] for c in await handle.choices()] == ["apple-store"]
    handle = await emu.autocomplete("kb teach", "entry", "MEMO", user=by_role)
    assert [c["value"] for c in await handle.choices()] == ["memo-recipients"]


# --- show and edit ----------------------------------------------------------------------------


async def test_moderator_can_show_an_entry(emu: DiscordEmulator, moderator: User) -> None:
    reply = await kb(emu, "show", moderator, entry="enrolled-45")
    assert "revision 1" in reply["content"]
    assert "45 migrants" in reply["embeds"][0]["description"]
    missing = await kb(emu, "show", moderator, entry="no-such-entry")
    assert "No entry" in missing["content"]


async def test_edit_form_opens_with_current_values_and_changes_the_live_answer(
    emu: DiscordEmulator, engine: Engine, moderator: User
) -> None:
    entry = engine.entry("enrolled-45")
    assert entry is not None
    modal, reply = await edit(
        emu, moderator, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: "shorter"}
    )
    shown = text_inputs(modal)
    assert shown["Canonical question"] == entry.question
    assert shown[ANSWER] == entry.answer
    assert shown["Paraphrases (one per line)"].splitlines() == entry.paraphrases
    assert shown["Keywords (one per line)"].splitlines() == entry.keywords
    assert "Saved `enrolled-45` as revision 2" in reply["content"]
    assert await asked_answer(emu, ENROLLED) == NEW_ANSWER
    edited = engine.entry("enrolled-45")
    assert edited is not None and edited.keywords == entry.keywords


async def test_keyword_with_a_comma_survives_an_edit(
    emu: DiscordEmulator, engine: Engine, manager: User
) -> None:
    _, reply = await edit(
        emu,
        manager,
        "apprehended-7m",
        {"Keywords (one per line)": "7 million\n3,201,144", REASON: "add the FY figure"},
    )
    assert "Saved" in reply["content"]
    edited = engine.entry("apprehended-7m")
    assert edited is not None and edited.keywords == ["7 million", "3,201,144"]


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ("Officials enrolled only 45 migrants out of hundreds.", "anonymous sources"),
        ("   ", "field 'answer'"),
    ],
)
async def test_invalid_edit_changes_nothing_and_names_the_field(
    emu: DiscordEmulator, engine: Engine, by_role: User, answer: str, problem: str
) -> None:
    before = engine.entry("enrolled-45")
    _, reply = await edit(emu, by_role, "enrolled-45", {ANSWER: answer, REASON: "test"})
    assert "nothing was changed" in reply["content"]
    assert "answer" in reply["content"] and problem in reply["content"]
    assert engine.entry("enrolled-45") == before
    assert await engine.latest_revision("enrolled-45") == 1
    assert "45 migrants out of hundreds" in await asked_answer(emu, ENROLLED)


async def test_stale_form_is_refused(
    emu: DiscordEmulator, engine: Engine, by_role: User, manager: User
) -> None:
    stale = await emu.slash("kb edit", {"entry": "enrolled-45"}, user=by_role)
    await stale.callback_body()
    _, first = await edit(emu, manager, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: "newer"})
    assert "revision 2" in first["content"]
    late = await emu.fill_modal(
        stale, {ANSWER: NEW_ANSWER + " (late)", REASON: "older"}, user=by_role
    )
    content = (await late.answer())["content"]
    assert "nothing was changed" in content and "changed by someone else" in content
    assert await asked_answer(emu, ENROLLED) == NEW_ANSWER


async def test_form_is_not_offered_for_an_answer_too_long_for_it(
    emu: DiscordEmulator, engine: Engine, manager: User
) -> None:
    long_entry = engine.entry("apprehended-7m")
    assert long_entry is not None
    padded = (long_entry.answer + " More detail." * 320)[:4050]
    await engine.edit_entry("apprehended-7m", {"answer": padded}, author="t", reason="long")
    opened = await emu.slash("kb edit", {"entry": "apprehended-7m"}, user=manager)
    reply = await opened.answer()
    assert "too long to edit in a Discord form" in reply["content"] and "answer" in reply["content"]


# --- history, revert, delete ------------------------------------------------------------------


async def test_history_lists_revisions_and_revert_restores(
    emu: DiscordEmulator, engine: Engine, moderator: User
) -> None:
    original = await asked_answer(emu, ENROLLED)
    await edit(emu, moderator, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: "shorter"})
    history = (await kb(emu, "history", moderator, entry="enrolled-45"))["content"]
    assert "**#2** saved" in history and "shorter" in history and "**#1** saved" in history
    assert history.index("#2") < history.index("#1")
    reverted = await kb(emu, "revert", moderator, entry="enrolled-45", revision=1)
    assert "restored revision 1 as revision 3" in reverted["content"]
    assert await asked_answer(emu, ENROLLED) == original
    missing = await kb(emu, "revert", moderator, entry="enrolled-45", revision=9)
    assert "Not changed" in missing["content"] and "no revision 9" in missing["content"]


async def test_delete_is_refused_while_listed_as_related_and_works_otherwise(
    emu: DiscordEmulator, engine: Engine, moderator: User
) -> None:
    refused = await kb(emu, "delete", moderator, entry="apple-store", reason="retracted")
    assert "Not changed" in refused["content"] and "enrolled-45" in refused["content"]
    assert engine.entry("apple-store") is not None
    deleted = await kb(emu, "delete", moderator, entry="memo-recipients", reason="off topic")
    assert "deleted (revision 2)" in deleted["content"]
    gone = await ask(emu, "who was the memo addressed to")
    assert gone["embeds"][0]["title"] == "That is not in my knowledge base yet"
    restored = await kb(emu, "revert", moderator, entry="memo-recipients", revision=1)
    assert "revision 3" in restored["content"]
    assert "memo" in await asked_answer(emu, "who was the memo addressed to")


# --- the unanswered queue -----------------------------------------------------------------------

UNKNOWN = "will the app be offered in Spanish"
OTHER = "what's the weather in Paris"


async def test_queue_teach_and_dismiss(
    emu: DiscordEmulator, engine: Engine, moderator: User
) -> None:
    assert (await ask(emu, UNKNOWN))["embeds"][0]["title"] == "That is not in my knowledge base yet"
    await ask(emu, OTHER)
    queued = {q.text: q.id for q in await engine.unanswered()}
    queue = (await kb(emu, "queue", moderator))["content"]
    assert f"`{queued[UNKNOWN]}`" in queue and UNKNOWN in queue and OTHER in queue

    taught = await kb(emu, "teach", moderator, question_id=queued[UNKNOWN], entry="apple-store")
    assert "Added question" in taught["content"]
    assert "Apple store" in await asked_answer(emu, UNKNOWN)

    dismissed = await kb(emu, "dismiss", moderator, question_id=queued[OTHER])
    assert "dismissed" in dismissed["content"]
    again = await kb(emu, "dismiss", moderator, question_id=queued[OTHER])
    assert "not on the queue" in again["content"]
    assert (await kb(emu, "queue", moderator))["content"].startswith("No unanswered questions")


async def test_mention_syntax_in_replies_never_pings(emu: DiscordEmulator, manager: User) -> None:
    pings = f"@everyone <@&{emu.role('staff').id}> <@{manager.id}>"
    await ask(emu, f"{pings} what about the weather")
    queue = (await kb(emu, "queue", manager))["content"]
    assert "what about the weather" in queue
    await kb(emu, "delete", manager, entry="memo-recipients", reason=f"{pings} off topic")
    history = (await kb(emu, "history", manager, entry="memo-recipients"))["content"]
    assert pings in history
    await kb(emu, "revert", manager, entry="memo-recipients", revision=1)
    shown = await kb(emu, "show", manager, entry="memo-recipients")
    assert "@everyone" in shown["embeds"][0]["description"]
    # The emulator fixture fails the test if any of these replies could ping.


# --- files --------------------------------------------------------------------------------------


async def test_import_of_a_valid_file_creates_revisions(
    emu: DiscordEmulator, engine: Engine, moderator: User
) -> None:
    upload = emu.attachment("extra.toml", toml_file("Extra", [NEW_ENTRY]))
    reply = await kb(emu, "import", moderator, file=upload)
    assert "1 revision —" in reply["content"] and "spanish-app" in reply["content"]
    assert "English and Spanish" in await asked_answer(emu, "does the app speak spanish")
    assert await engine.latest_revision("spanish-app") == 1
    again = emu.attachment("extra.toml", toml_file("Extra", [NEW_ENTRY]))
    assert "nothing (no changes)" in (await kb(emu, "import", moderator, file=again))["content"]


@pytest.mark.parametrize(
    ("name", "entries", "expected"),
    [
        (
            "bad.toml",
            [NEW_ENTRY, {**ENTRIES[0], "answer": "Only 45 migrants were enrolled."}],
            ["bad.toml", "entry 'enrolled-45'", "anonymous sources"],
        ),
        (
            "dangling.toml",
            [{**NEW_ENTRY, "related": ["no-such-entry"]}],
            ["dangling.toml", "entry 'spanish-app'", "field 'related.0'"],
        ),
        ("notes.txt", [NEW_ENTRY], ["notes.txt", "end in .toml"]),
    ],
)
async def test_import_of_an_invalid_file_changes_nothing(
    emu: DiscordEmulator,
    engine: Engine,
    manager: User,
    name: str,
    entries: list[dict[str, Any]],
    expected: list[str],
) -> None:
    before = engine.export_files()
    reply = await kb(emu, "import", manager, file=emu.attachment(name, toml_file("T", entries)))
    assert reply["content"].startswith("Not changed")
    for part in expected:
        assert part in reply["content"]
    assert engine.export_files() == before
    assert await engine.latest_revision("spanish-app") == 0


async def test_export_is_a_zip_that_round_trips(
    emu: DiscordEmulator, engine: Engine, moderator: User
) -> None:
    await edit(emu, moderator, "enrolled-45", {ANSWER: NEW_ANSWER, REASON: "shorter"})
    reply = await kb(emu, "export", moderator)
    assert "4 entries" in reply["content"]
    [archive] = reply["attachments"]
    assert archive["filename"].endswith(".zip")
    async with aiohttp.ClientSession() as http, http.get(archive["url"]) as response:
        assert response.status == 200
        data = await response.read()
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        files = {name: opened.read(name) for name in opened.namelist()}
    assert list(files) == ["discord-test.toml"]
    exported = {name: text.encode() for name, text in engine.export_files().items()}
    assert load_documents(files).entries == load_documents(exported).entries


async def test_stats_show_counts(emu: DiscordEmulator, engine: Engine, by_role: User) -> None:
    await ask(emu, ENROLLED)
    await ask(emu, ENROLLED)
    await ask(emu, OTHER)
    stats = (await kb(emu, "stats", by_role))["content"]
    assert "4 entries" in stats and "1 unanswered" in stats
    assert "`enrolled-45` 2 · 0 · 0" in stats


# --- translations -------------------------------------------------------------------------------

ES_ANSWER = (
    "El New York Post informó, citando fuentes anónimas, que solo 45 migrantes pudieron "
    "inscribirse en la aplicación."
)


async def test_edit_form_edits_the_spanish_words_and_keeps_the_english(
    emu: DiscordEmulator, engine: Engine, manager: User
) -> None:
    before = engine.entry("enrolled-45")
    assert before is not None and "es" in before.translations
    opened = await emu.slash("kb edit", {"entry": "enrolled-45", "language": "es"}, user=manager)
    modal = (await opened.callback_body())["data"]
    assert modal["title"] == "Edit enrolled-45 (es)"
    shown = text_inputs(modal)
    assert shown["Canonical question"] == before.translations["es"].question
    submitted = await emu.fill_modal(opened, {ANSWER: ES_ANSWER, REASON: "es"}, user=manager)
    assert "Saved `enrolled-45` as revision 2" in (await submitted.answer())["content"]
    after = engine.entry("enrolled-45")
    assert after is not None and after.translations["es"].answer == ES_ANSWER
    assert after.answer == before.answer and after.question == before.question


async def test_a_spanish_edit_that_changes_a_number_is_refused(
    emu: DiscordEmulator, engine: Engine, manager: User
) -> None:
    opened = await emu.slash("kb edit", {"entry": "enrolled-45", "language": "es"}, user=manager)
    wrong = ES_ANSWER.replace("45", "46")
    submitted = await emu.fill_modal(opened, {ANSWER: wrong, REASON: "typo"}, user=manager)
    reply = (await submitted.answer())["content"]
    assert "Not saved" in reply and "numbers" in reply
    still = engine.entry("enrolled-45")
    assert still is not None and "45" in still.translations["es"].answer
