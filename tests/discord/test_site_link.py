"""Answers link to their public page ("Full answer and sources") when POLICYBOT_SITE_URL is
set, and carry no link otherwise; with a site folder, a /kb change rebuilds the site."""

from __future__ import annotations

from pathlib import Path

from bot.core.engine import Engine
from bot.discord.client import PolicyBot
from bot.discord.views import PAGE_LINK_LABEL
from bot.site.build import SiteConfig
from bot.site.rebuild import SiteRebuilder
from bot.site.urls import entry_path
from testkit.emulator import DiscordEmulator
from testkit.emulator.permissions import MANAGE_GUILD

from .conftest import StartBot

SITE = "https://example.org/kb/"
ENROLLED = "How many migrants were enrolled?"


def links(message: dict) -> dict[str, str]:
    """label → url of every link button on a message."""
    return {
        c["label"]: c["url"]
        for row in message.get("components", [])
        for c in row["components"]
        if c.get("style") == 5
    }


async def ask(emu: DiscordEmulator, question: str) -> dict:
    handle = await emu.slash("ask", {"question": question}, user=emu.member("ann"))
    return await handle.answer()


async def test_with_a_site_address_every_answer_links_to_its_page(
    emu: DiscordEmulator, start_bot: StartBot
) -> None:
    await start_bot(site_url=SITE)
    answer = await ask(emu, ENROLLED)
    assert links(answer) == {PAGE_LINK_LABEL: f"{SITE}answers/enrolled-45.html"}
    assert any(
        c.get("custom_id", "").startswith("pb:fb:")
        for r in answer["components"]
        for c in r["components"]
    )  # the other buttons stay

    press = await emu.click(answer, "pb:rel:en:apprehended-7m", user=emu.member("bob"))
    shown = await press.answer()
    assert links(shown) == {PAGE_LINK_LABEL: f"{SITE}answers/apprehended-7m.html"}

    assert links(await ask(emu, "is the app real")) == {}  # did you mean: no one page
    assert links(await ask(emu, "what is the capital of France?")) == {}


async def test_without_a_site_address_no_answer_carries_a_link(
    emu: DiscordEmulator, bot: PolicyBot
) -> None:
    answer = await ask(emu, ENROLLED)
    assert answer["embeds"] and answer["components"]
    assert links(answer) == {}


async def test_a_kb_change_rebuilds_the_site_folder(
    emu: DiscordEmulator, start_bot: StartBot, engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "site"
    rebuilder = SiteRebuilder(engine, folder, SiteConfig(site_url=SITE))
    await start_bot(site_url=SITE, site=rebuilder)
    await rebuilder.idle()
    assert (folder / entry_path("memo-recipients")).is_file()  # built when the bot started

    manager = emu.member("sam", permissions=MANAGE_GUILD)
    handle = await emu.slash(
        "kb delete", {"entry": "memo-recipients", "reason": "off topic"}, user=manager
    )
    assert "deleted" in (await handle.answer())["content"]
    await rebuilder.idle()
    assert not (folder / entry_path("memo-recipients")).exists()
    assert "memo-recipients" not in (folder / "index.html").read_text(encoding="utf-8")


async def test_a_closed_bot_no_longer_rebuilds_the_site(
    emu: DiscordEmulator, start_bot: StartBot, engine: Engine, tmp_path: Path
) -> None:
    rebuilder = SiteRebuilder(engine, tmp_path / "site", SiteConfig(site_url=SITE))
    bot = await start_bot(site_url=SITE, site=rebuilder)
    await rebuilder.idle()
    await bot.close()
    await engine.delete_entry("memo-recipients", author="cli", reason="off topic")
    await rebuilder.idle()
    assert rebuilder.builds == 1  # the one at startup
