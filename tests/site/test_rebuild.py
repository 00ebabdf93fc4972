"""The site follows the knowledge base while the bot runs: each change triggers a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.settings import SHIPPED_KNOWLEDGE
from bot.site.rebuild import SiteRebuilder
from bot.site.urls import entry_path

from .conftest import CONFIG, read_page


async def test_every_change_is_on_the_site_once_the_rebuild_finishes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        rebuilder = SiteRebuilder(engine, site, CONFIG)
        rebuilder.attach()
        await rebuilder.idle()
        assert rebuilder.builds == 1 and (site / "index.html").is_file()

        await engine.edit_entry(
            "enrolled-45", {"question": "How many were enrolled, first?"}, author="m", reason="r"
        )
        await engine.edit_entry(
            "enrolled-45", {"question": "How many were enrolled, second?"}, author="m", reason="r"
        )
        await rebuilder.idle()
        assert rebuilder.builds in {2, 3}  # the second change may land during the first build
        page = read_page(site / entry_path("enrolled-45"))
        assert "How many were enrolled, second?" in page.visible_text


async def test_changes_that_arrive_together_cost_one_build(tmp_path: Path) -> None:
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        rebuilder = SiteRebuilder(engine, tmp_path / "site", CONFIG)
        for _ in range(5):
            rebuilder.changed()
        await rebuilder.idle()
        assert rebuilder.builds == 1


async def test_a_failed_rebuild_is_logged_and_the_next_change_retries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the site should go", encoding="utf-8")
    async with Engine.open(tmp_path / "db.sqlite3", SHIPPED_KNOWLEDGE) as engine:
        rebuilder = SiteRebuilder(engine, blocked, CONFIG)
        rebuilder.attach()
        await rebuilder.idle()
        assert rebuilder.builds == 0
        assert "rebuilding the knowledge site in" in caplog.text
        blocked.unlink()
        await engine.edit_entry("enrolled-45", {"tags": ["app"]}, author="m", reason="r")
        await rebuilder.idle()
        assert rebuilder.builds == 1 and (blocked / "index.html").is_file()
