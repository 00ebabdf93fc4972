"""`/kb add` end to end: the text form, the status and kind menus, the source form that saves;
invalid fields named and nothing saved; a draft that survives a closed form; moderators only,
at every step; two moderators adding the same id at once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.kb_add import NO_DRAFT
from testkit.emulator import DiscordEmulator
from testkit.emulator.interactions import InteractionHandle
from testkit.emulator.permissions import MANAGE_GUILD
from testkit.emulator.state import Role, User

from .steps import REFUSED, asked_answer, text_inputs

TEXT = {
    "Id (lower-case words with hyphens)": "app-languages",
    "Question": "Which languages does the check-in app support?",
    "Other wordings (one per line)": "is the app in spanish\nwhat languages is the app in",
    "Keywords (one per line)": "languages\nspanish",
    "Answer (neutral, attributed)": "U.S. Customs and Border Protection lists the app in "
    "English and Spanish. @everyone <@131313131313131313>",
}
SOURCE = {
    "Publisher (e.g. New York Post)": "U.S. Customs and Border Protection",
    "Title of the article or document": "CBP Home app",
    "Date (YYYY-MM-DD; empty if undated)": "2025-03-10",
    "URL, or why there is none": "https://www.cbp.gov/about/mobile-apps-directory/cbphome",
}


@pytest.fixture
def outsider(emu: DiscordEmulator, bot: PolicyBot) -> User:
    emu.permit_command("kb")
    return emu.member("oli")


async def write_text(
    emu: DiscordEmulator, user: User, typed: dict[str, str] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run /kb add and submit the text form; (the form as opened, the step message)."""
    opened = await emu.slash("kb add", user=user)
    form = (await opened.callback_body())["data"]
    step = await emu.fill_modal(opened, TEXT if typed is None else typed, user=user)
    return form, await step.answer()


async def pick(emu: DiscordEmulator, step: dict[str, Any], user: User, **picked: str) -> None:
    for menu, value in picked.items():
        press = await emu.click(step, f"pb:kbadd:{menu}", user=user, values=[value])
        assert (await press.callback_body())["type"] == 6  # acknowledged quietly


async def open_source(emu: DiscordEmulator, step: dict[str, Any], user: User) -> InteractionHandle:
    return await emu.click(step, "pb:kbadd:source", user=user)


async def submit_source(
    emu: DiscordEmulator, step: dict[str, Any], user: User, typed: dict[str, str] = SOURCE
) -> dict[str, Any]:
    """Open the source form from the draft and submit it; the reply."""
    opened = await open_source(emu, step, user)
    return await (await emu.fill_modal(opened, typed, user=user)).answer()


async def test_kb_add_is_registered_with_status_and_sources(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    command = next(c for c in emu.world.guild_commands[emu.guild.id] if c["name"] == "kb")
    names = {o["name"] for o in command["options"]}
    assert {"add", "status", "source"} <= names
    source = next(o for o in command["options"] if o["name"] == "source")
    assert source["type"] == 2 and {o["name"] for o in source["options"]} == {"add", "remove"}


async def test_a_new_entry_in_two_forms_answers_members(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    form, step = await write_text(emu, mod)
    assert len(text_inputs(form)) == 5
    assert "draft — not saved" in step["content"] and "app-languages" in step["content"]
    assert engine.entry("app-languages") is None
    await pick(emu, step, mod, status="public_record", kind="agency_data")
    saved = await submit_source(emu, step, mod)
    assert "Added `app-languages` (revision 1)" in saved["content"]
    assert "English and Spanish" in saved["embeds"][0]["description"]
    entry = engine.entry("app-languages")
    assert entry is not None and entry.paraphrases == [
        "is the app in spanish",
        "what languages is the app in",
    ]
    assert str(entry.sources[0].url).startswith("https://www.cbp.gov/")
    assert "English and Spanish" in await asked_answer(emu, "is the app in spanish")
    again = await emu.click(step, "pb:kbadd:source", user=mod)  # the draft is gone
    assert (await again.answer())["content"] == NO_DRAFT


@pytest.mark.parametrize(
    ("source", "text", "problems"),
    [
        ({"URL, or why there is none": ""}, {}, ["'URL, or why there is none' is required"]),
        ({"Date (YYYY-MM-DD; empty if undated)": "2025-02-30"}, {}, ["field 'sources.0.date'"]),
        ({"URL, or why there is none": "https://"}, {}, ["field 'sources.0.url'"]),
        ({}, {"Id (lower-case words with hyphens)": "Bad Id!"}, ["field 'id'"]),
        ({}, {"Id (lower-case words with hyphens)": "enrolled-45"}, ["already exists"]),
    ],
)
async def test_an_invalid_field_is_named_and_nothing_is_saved(
    emu: DiscordEmulator,
    engine: Engine,
    mod: User,
    source: dict[str, str],
    text: dict[str, str],
    problems: list[str],
) -> None:
    before = engine.export_files()
    _, step = await write_text(emu, mod, TEXT | text)
    await pick(emu, step, mod, status="public_record", kind="agency_data")
    opened = await open_source(emu, step, mod)
    if "is required" in problems[0]:  # Discord's own client refuses an empty required input
        with pytest.raises(AssertionError, match=problems[0]):
            await emu.fill_modal(opened, SOURCE | source, user=mod)
        return
    reply = await (await emu.fill_modal(opened, SOURCE | source, user=mod)).answer()
    assert "Not saved — nothing was changed" in reply["content"]
    for problem in problems:
        assert problem in reply["content"]
    assert engine.export_files() == before
    assert "draft — not saved" in reply["content"]  # the draft and its controls stay


async def test_no_status_or_kind_chosen_is_named(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    _, step = await write_text(emu, mod)
    reply = await submit_source(emu, step, mod)
    assert "field 'status'" in reply["content"] and "field 'sources.0.kind'" in reply["content"]
    assert engine.entry("app-languages") is None


async def test_the_anonymity_rules_hold_for_an_added_entry(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    _, step = await write_text(emu, mod)
    await pick(emu, step, mod, status="reported_unconfirmed", kind="anonymous")
    reply = await submit_source(emu, step, mod)
    assert "described_as" in reply["content"]
    fixed = SOURCE | {"Anonymous sources: how the outlet puts it": "a person familiar"}
    content = (await submit_source(emu, step, mod, fixed))["content"]
    assert "must say so" in content  # the answer does not say it rests on anonymous sources
    assert engine.entry("app-languages") is None


async def test_a_closed_form_resumes_where_it_was_left(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    _, step = await write_text(emu, mod)
    await pick(emu, step, mod, status="public_record", kind="agency_data")
    await (await open_source(emu, step, mod)).callback_body()  # the form is closed unsent
    assert engine.entry("app-languages") is None
    reopened = await emu.slash("kb add", user=mod)
    form = text_inputs((await reopened.callback_body())["data"])
    assert form == TEXT
    resumed = await (await emu.fill_modal(reopened, user=mod)).answer()
    assert "Agency data" in resumed["content"]  # the choices are kept too
    edit = await emu.click(resumed, "pb:kbadd:text", user=mod)
    assert text_inputs((await edit.callback_body())["data"]) == TEXT
    assert "Added" in (await submit_source(emu, resumed, mod))["content"]


async def test_a_discarded_draft_is_gone(emu: DiscordEmulator, mod: User) -> None:
    _, step = await write_text(emu, mod)
    discarded = await (await emu.click(step, "pb:kbadd:discard", user=mod)).answer()
    assert "nothing was saved" in discarded["content"]
    reopened = await emu.slash("kb add", user=mod)
    assert set(text_inputs((await reopened.callback_body())["data"]).values()) == {""}


async def test_every_step_refuses_a_non_moderator(
    emu: DiscordEmulator, engine: Engine, mod: User, outsider: User, mod_role: Role
) -> None:
    refused = await emu.slash("kb add", user=outsider)
    assert REFUSED in (await refused.answer())["content"]
    _, step = await write_text(emu, mod)
    for custom_id, values in [
        ("pb:kbadd:source", None),
        ("pb:kbadd:text", None),
        ("pb:kbadd:discard", None),
        ("pb:kbadd:status", ["public_record"]),
        ("pb:kbadd:kind", ["agency_data"]),
    ]:
        forged = await emu.click(step, custom_id, user=outsider, values=values)
        assert REFUSED in (await forged.answer())["content"], custom_id
    await pick(emu, step, mod, status="public_record", kind="agency_data")
    opened = await open_source(emu, step, mod)
    emu.guild.member_roles[mod.id] = []  # the moderator role is taken away mid-form
    late = await emu.fill_modal(opened, SOURCE, user=mod)
    assert REFUSED in (await late.answer())["content"]
    assert engine.entry("app-languages") is None


async def test_two_moderators_adding_one_id_at_once_one_wins(
    emu: DiscordEmulator, engine: Engine, mod: User, mod_role: Role
) -> None:
    other = emu.member("max", roles=(mod_role,))
    forms = []
    for user in (mod, other):
        _, step = await write_text(emu, user)
        await pick(emu, step, user, status="public_record", kind="agency_data")
        forms.append((await open_source(emu, step, user), user))
    submitted = await asyncio.gather(*(emu.fill_modal(f, SOURCE, user=u) for f, u in forms))
    replies = [(await handle.answer())["content"] for handle in submitted]
    assert sum("Added `app-languages`" in r for r in replies) == 1, replies
    assert sum("already exists" in r for r in replies) == 1
    assert await engine.latest_revision("app-languages") == 1


async def test_the_text_form_refuses_a_member_who_is_no_longer_a_moderator(
    emu: DiscordEmulator, engine: Engine, mod: User
) -> None:
    opened = await emu.slash("kb add", user=mod)
    await opened.callback_body()
    emu.guild.member_roles[mod.id] = []
    late = await emu.fill_modal(opened, TEXT, user=mod)
    assert REFUSED in (await late.answer())["content"]
    reopened_by_manager = emu.member("sam", permissions=MANAGE_GUILD)
    fresh = await emu.slash("kb add", user=reopened_by_manager)
    assert set(text_inputs((await fresh.callback_body())["data"]).values()) == {""}
