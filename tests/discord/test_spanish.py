"""Spanish through the real discord.py client: localized command names in the synced payload,
and a Spanish /ask, an es-ES member, a DM and "Check this claim" answered in Spanish."""

from __future__ import annotations

from bot.discord.client import PolicyBot
from testkit.emulator import DiscordEmulator

from .test_ask import buttons

ES_QUESTION = "¿Cuántos migrantes se inscribieron en la aplicación?"
SPANISH_ANSWER = "El New York Post informó, citando fuentes anónimas"


def _fields(message: dict) -> dict[str, str]:
    return {f["name"]: f["value"] for f in message["embeds"][0]["fields"]}


def _assert_spanish_answer(message: dict) -> None:
    embed = message["embeds"][0]
    assert embed["description"].startswith(SPANISH_ANSWER)
    fields = _fields(message)
    warning = next(name for name in fields if "Fuentes anónimas" in name)
    assert "No ha sido confirmado oficialmente" in fields[warning]
    assert "**New York Post**, 12 de julio de 2024" in fields["Fuentes"]
    assert "sources familiar with the app" in fields["Fuentes"]  # as the outlet described them
    assert "al 12 de julio de 2024" in fields["Estado"]
    assert "July" not in str(embed)


async def test_command_names_and_descriptions_are_synced_in_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    commands = {(c.get("type", 1), c["name"]): c for c in emu.world.global_commands}
    ask = commands[(1, "ask")]
    assert (
        ask["name_localizations"].items() >= {"es-ES": "preguntar", "es-419": "preguntar"}.items()
    )
    assert ask["description_localizations"]["es-419"].startswith("Pregunte sobre")
    question = next(o for o in ask["options"] if o["name"] == "question")
    assert question["name_localizations"]["es-ES"] == "pregunta"
    assert question["description_localizations"]["es-ES"].startswith("Su pregunta")
    assert commands[(1, "sources")]["name_localizations"]["es-419"] == "fuentes"
    menu = commands[(3, "Check this claim")]
    assert (
        menu["name_localizations"].items()
        >= {"es-ES": "Verificar esta afirmación", "es-419": "Verificar esta afirmación"}.items()
    )
    # The emulator checks every synced payload as Discord would (locales, name rules, lengths).


async def test_a_spanish_ask_gets_a_spanish_answer_warning_sources_and_buttons(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    handle = await emu.slash("ask", {"question": ES_QUESTION}, user=emu.member("ana"))
    message = await handle.answer()
    _assert_spanish_answer(message)
    labels = buttons(message)
    assert {"Útil", "No útil"} <= set(labels.values())
    related = next(i for i in labels if i.startswith("pb:rel:es:"))
    shown = await (await emu.click(message, related, user=emu.member("bea"))).answer()
    assert shown["embeds"][0]["fields"][0]["name"] == "🌐 Aún sin traducir"  # English, noted


async def test_a_member_with_a_spanish_discord_gets_spanish_for_an_unclear_question(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    lupe = emu.member("lupe", locale="es-419")
    answered = await (await emu.slash("ask", {"question": "45?"}, user=lupe)).answer()
    assert answered["embeds"][0]["description"].startswith(SPANISH_ANSWER)
    english = emu.member("ed")  # the same words from an English client stay English
    other = await (await emu.slash("ask", {"question": "45?"}, user=english)).answer()
    assert other["embeds"][0]["description"].startswith("The New York Post")
    about = await (await emu.slash("about", {}, user=lupe)).answer()
    assert about["embeds"][0]["title"] == "Acerca de policybot"


async def test_a_spanish_dm_is_answered_in_spanish(emu: DiscordEmulator, bot: PolicyBot) -> None:
    ana = emu.member("ana")
    await emu.dm("oye, cuántos migrantes se inscribieron en la app?", user=ana)
    reply = await emu.wait_for_bot_message(emu.world.dm_channel(ana))
    _assert_spanish_answer(reply)


async def test_check_this_claim_on_a_spanish_message_answers_in_spanish(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    target = await emu.say(
        "Qué locura. Dicen que solo 45 migrantes se inscribieron en la aplicación. Increíble.",
        user=emu.member("ana"),
    )
    handle = await emu.message_command(
        "Check this claim", target, user=emu.member("beto", locale="es-ES")
    )
    reply = await handle.answer()
    assert handle.ephemeral
    assert reply["content"].startswith("Verificando esta parte del mensaje:")
    assert "45 migrantes se inscribieron" in reply["content"]
    _assert_spanish_answer(reply)
