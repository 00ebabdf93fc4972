"""/kb in the moderator's language, through the real discord.py client: a moderator whose
Discord is in Spanish (es-ES, es-419) gets Spanish replies, forms, menus, buttons and refusals,
one in English gets English; the audit channel speaks its server's language; a full database is
named in Spanish. Discord's limits and "ping nobody" are checked by the emulator on every
payload (the `emu` fixture fails the test on any violation)."""

from __future__ import annotations

from typing import Any

import pytest
import tomli_w

from bot.core.engine import Engine
from bot.core.i18n import texts
from bot.discord.audit import failure_embed
from bot.discord.client import PolicyBot
from bot.discord.errors import WHERE
from bot.discord.limits import MESSAGE_MAX
from bot.discord.moderation import MORE_NOT_SHOWN, fit_lines
from bot.discord.trust import NOT_A_MODERATOR
from testkit.emulator import DiscordEmulator
from testkit.emulator.state import Channel, Role, User

from .conftest import StartBot
from .test_ask import buttons
from .test_audit import fields, posted
from .test_database_trouble import disk_full
from .test_kb import REFUSED, ask, kb, text_inputs
from .test_kb_add import SOURCE, TEXT

PINGS = "@everyone <@131313131313131313>"
SPANISH_TEXT = {
    "Id (palabras en minúscula con guiones)": "app-languages",
    "Pregunta": TEXT["Question"],
    "Otras formulaciones (una por línea)": TEXT["Other wordings (one per line)"],
    "Palabras clave (una por línea)": TEXT["Keywords (one per line)"],
    "Respuesta (neutral, atribuida)": TEXT["Answer (neutral, attributed)"],
}
SPANISH_SOURCE = {
    "Medio o editor (p. ej., New York Post)": SOURCE["Publisher (e.g. New York Post)"],
    "Título del artículo o documento": SOURCE["Title of the article or document"],
    "Fecha (AAAA-MM-DD; vacía si no tiene)": SOURCE["Date (YYYY-MM-DD; empty if undated)"],
    "URL, o por qué no hay": SOURCE["URL, or why there is none"],
}


@pytest.fixture
def permitted(emu: DiscordEmulator, bot: PolicyBot, mod_role: Role) -> Role:
    emu.permit_command("kb", role=mod_role)
    return mod_role


@pytest.fixture(params=["es-ES", "es-419"])
def ana(request: pytest.FixtureRequest, emu: DiscordEmulator, permitted: Role) -> User:
    """A moderator whose Discord client is in Spanish."""
    return emu.member("ana", roles=(permitted,), locale=request.param)


@pytest.fixture
def ed(emu: DiscordEmulator, permitted: Role) -> User:
    """A moderator whose Discord client is in English."""
    return emu.member("ed", roles=(permitted,))


def _menu(message: dict[str, Any], custom_id: str) -> dict[str, Any]:
    return next(
        c
        for row in message["components"]
        for c in row["components"]
        if c.get("custom_id") == custom_id
    )


async def test_a_spanish_moderator_gets_spanish_replies_and_an_english_one_english(
    emu: DiscordEmulator, ana: User, ed: User
) -> None:
    missing = await kb(emu, "show", ana, entry=PINGS)
    assert missing["content"].startswith("No hay ninguna entrada `@everyone")
    assert (await kb(emu, "show", ed, entry=PINGS))["content"].startswith("No entry `@everyone")

    shown = await kb(emu, "show", ana, entry="enrolled-45")
    assert shown["content"] == "`enrolled-45` · revisión 1"
    assert shown["embeds"][0]["description"].startswith("El New York Post informó")
    english = await kb(emu, "show", ed, entry="enrolled-45")
    assert english["embeds"][0]["description"].startswith("The New York Post reported")

    history = await kb(emu, "history", ana, entry="enrolled-45")
    assert history["content"].startswith("Historial de `enrolled-45` (lo más reciente primero):")
    assert "Restaure una con `/kb revert`." in history["content"]
    assert (await kb(emu, "history", ed, entry="enrolled-45"))["content"].startswith(
        "History of `enrolled-45`"
    )

    stats = (await kb(emu, "stats", ana))["content"]
    assert "entradas, información al" in stats and "de 2024" in stats  # a date in Spanish
    assert "No se hicieron preguntas." in stats
    assert "entries, information as of" in (await kb(emu, "stats", ed))["content"]

    deleted = await kb(emu, "delete", ana, entry="memo-recipients", reason="ya no aplica")
    assert deleted["content"] == (
        "`memo-recipients` eliminada (revisión 2); `/kb revert` la recupera."
    )
    restored = await kb(emu, "revert", ed, entry="memo-recipients", revision=1)
    assert restored["content"] == "`memo-recipients`: restored revision 1 as revision 3."

    # A refusal the core marks is said in the moderator's language too.
    refused = await kb(emu, "revert", ana, entry="memo-recipients", revision=9)
    assert refused["content"] == "Sin cambios:\n• entrada 'memo-recipients': no hay revisión 9"
    refused = await kb(emu, "revert", ed, entry="memo-recipients", revision=9)
    assert refused["content"] == "Not changed:\n• entry 'memo-recipients': no revision 9"


async def test_the_queue_and_its_buttons_speak_the_moderators_language(
    emu: DiscordEmulator, ana: User, ed: User
) -> None:
    assert (await kb(emu, "queue", ana))["content"] == "No hay preguntas sin respuesta. 🎉"
    await ask(emu, "what is the capital of France?")
    queue = await kb(emu, "queue", ana)
    assert queue["content"].startswith("Preguntas sin respuesta, las parecidas agrupadas")
    assert "`/kb teach`" in queue["content"]
    assert all(label.startswith("Agregar entrada:") for label in buttons(queue).values())
    english = await kb(emu, "queue", ed)
    assert all(label.startswith("Add entry:") for label in buttons(english).values())


async def test_the_add_flow_forms_menus_and_buttons_are_in_spanish(
    emu: DiscordEmulator, engine: Engine, ana: User
) -> None:
    opened = await emu.slash("kb add", user=ana)
    form = (await opened.callback_body())["data"]
    assert form["title"] == "Entrada nueva: el texto"
    assert set(text_inputs(form)) == set(SPANISH_TEXT)
    step = await (await emu.fill_modal(opened, SPANISH_TEXT, user=ana)).answer()
    assert step["content"].startswith("El texto quedó guardado en su borrador.")
    assert "**Entrada nueva (borrador: sin guardar)**" in step["content"]
    labels = {c.get("label") for row in step["components"] for c in row["components"]}
    assert {"Fuente y guardar", "Editar el texto", "Descartar el borrador"} <= labels
    status = _menu(step, "pb:kbadd:status")
    assert status["placeholder"] == "Estado de la afirmación"
    assert "Registro público" in {o["label"] for o in status["options"]}
    assert _menu(step, "pb:kbadd:kind")["placeholder"] == "Tipo de fuente"
    for menu, value in {"status": "public_record", "kind": "agency_data"}.items():
        await emu.click(step, f"pb:kbadd:{menu}", user=ana, values=[value])
    source = await emu.click(step, "pb:kbadd:source", user=ana)
    source_form = (await source.callback_body())["data"]
    assert source_form["title"] == "Entrada nueva: la fuente"
    assert "Fuentes anónimas: cómo las describe el medio" in text_inputs(source_form)
    saved = await (await emu.fill_modal(source, SPANISH_SOURCE, user=ana)).answer()
    assert saved["content"] == (
        "Se agregó `app-languages` (revisión 1); los miembros ya la reciben."
    )
    entry = engine.entry("app-languages")
    assert entry is not None and entry.question == TEXT["Question"]  # typed text kept as typed


async def test_the_edit_and_source_forms_are_in_spanish(
    emu: DiscordEmulator, engine: Engine, ana: User
) -> None:
    opened = await emu.slash("kb edit", {"entry": "enrolled-45"}, user=ana)
    modal = (await opened.callback_body())["data"]
    assert modal["title"] == "Editar enrolled-45"
    labels = list(text_inputs(modal))
    assert labels == [
        "Pregunta principal",
        "Paráfrasis (una por línea)",
        "Palabras clave (una por línea)",
        "Respuesta (neutral, atribuida)",
        "Motivo del cambio",
    ]
    placeholder = modal["components"][4]["components"][0]["placeholder"]
    assert placeholder == "p. ej., redacción más clara"
    same = await (await emu.fill_modal(opened, {"Motivo del cambio": "nada"}, user=ana)).answer()
    assert same["content"].startswith("No se guardó; no se cambió nada:")

    form = await emu.slash(
        "kb status",
        {"entry": "enrolled-45", "status": "disputed", "kind": "official_record"},
        user=ana,
    )
    status_form = (await form.callback_body())["data"]
    assert status_form["title"] == "Estado de enrolled-45"
    assert "Qué cambió (se muestra en las respuestas)" in text_inputs(status_form)


async def test_a_member_who_is_not_a_moderator_is_refused_in_their_language(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    emu.permit_command("kb")
    lupe = emu.member("lupe", locale="es-419")
    refused = await kb(emu, "history", lupe, entry="enrolled-45")
    assert refused["content"].startswith(
        "Solo los moderadores del servidor principal de esta comunidad"
    )
    oli = emu.member("oli")
    assert (await kb(emu, "history", oli, entry="enrolled-45"))["content"] == NOT_A_MODERATOR
    assert NOT_A_MODERATOR.startswith(REFUSED)


async def test_kb_descriptions_are_synced_in_spanish_and_names_stay_english(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    command = next(c for c in emu.world.guild_commands[emu.guild.id] if c["name"] == "kb")
    assert command["description_localizations"]["es-ES"] == "Administrar la base de conocimientos"
    show = next(o for o in command["options"] if o["name"] == "show")
    assert show["description_localizations"]["es-419"] == (
        "Mostrar una entrada como la ven los miembros"
    )
    assert "name_localizations" not in show or not show["name_localizations"]
    status = next(o for o in command["options"] if o["name"] == "status")
    chosen = next(o for o in status["options"] if o["name"] == "status")
    public = next(c for c in chosen["choices"] if c["value"] == "public_record")
    assert public["name_localizations"]["es-ES"] == "Registro público"


async def test_a_full_database_is_named_in_spanish_to_a_spanish_moderator(
    emu: DiscordEmulator, engine: Engine, ana: User, ed: User
) -> None:
    store = await disk_full(engine)
    entry = {
        "id": "big",
        "question": "A long one?",
        "answer": "U.S. Customs and Border Protection said so." + " More detail." * 250,
        "sources": [
            {
                "publisher": "U.S. Customs and Border Protection",
                "title": "CBP Home app",
                "date": "2025-03-10",
                "url": "https://www.cbp.gov/about/mobile-apps-directory/cbphome",
                "kind": "agency_data",
            }
        ],
        "status": "public_record",
        "as_of": "2025-03-10",
    }
    big = [{**entry, "id": f"big-{n}"} for n in range(8)]
    upload = tomli_w.dumps({"topic": "Extra", "entry": big}).encode()
    spanish = await kb(emu, "import", ana, file=emu.attachment("extra.toml", upload))
    assert spanish["content"].startswith("Sin cambios: el disco donde está la base de datos")
    assert "está lleno; no se cambió nada" in spanish["content"]
    english = await kb(emu, "import", ed, file=emu.attachment("extra.toml", upload))
    assert english["content"].startswith("Not changed: the disk holding the database")
    await store._db.execute("PRAGMA max_page_count = 1073741823")
    assert await engine.latest_revision("big-0") == 0


@pytest.fixture
async def spanish_server(emu: DiscordEmulator, start_bot: StartBot, mod_role: Role) -> Channel:
    """A home server whose primary language is Spanish, with its audit channel."""
    emu.guild.preferred_locale = "es-419"
    audit = emu.guild.channels[1]
    await start_bot(audit_channel_id=audit.id)
    emu.permit_command("kb", role=mod_role)
    return audit


async def test_the_audit_channel_speaks_its_servers_language_whoever_acts(
    emu: DiscordEmulator, spanish_server: Channel, mod_role: Role
) -> None:
    ed = emu.member("ed", roles=(mod_role,))  # an English-speaking moderator acts
    reply = await kb(emu, "delete", ed, entry="memo-recipients", reason=f"gone {PINGS}")
    assert reply["content"].startswith("`memo-recipients` deleted")  # ed reads English
    embed = await posted(emu, spanish_server, 0)
    assert embed["title"] == "/kb delete · memo-recipients"
    assert "`memo-recipients` eliminada · revisión 2" in embed["description"]
    assert set(fields(embed)) == {"Quién", "Motivo"}


def test_a_failure_report_is_said_in_the_channels_language() -> None:
    spanish = failure_embed(WHERE["modal_submit"], "¿y la app?", ValueError("x"), texts("es"))
    assert spanish.title == "Falla al responder (un formulario)"
    assert [f.name for f in spanish.fields] == ["Pregunta", "Error"]
    assert failure_embed("/ask", None, ValueError("x"), texts("es")).title == (
        "Falla al responder (/ask)"
    )
    assert failure_embed(WHERE["mention"], None, ValueError("x")).title == (
        "Failure while answering (a mention)"
    )


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_long_list_keeps_its_note_within_discords_limit(code: str) -> None:
    words = texts(code)
    for first in (1900, 1969, 1970, 1990):  # a first line just under the old fixed margin
        text = fit_lines(words, ["x" * first, *(f"line {n} " + "y" * 90 for n in range(30))])
        assert len(text) <= MESSAGE_MAX
        assert text.endswith(words.gettext(MORE_NOT_SHOWN))
