"""Finding the extensions to load: every module of `bot.discord.cogs` (as python-discord/bot's
`walk_extensions` does), so a new slash command is one new file with an `async def setup(bot)`."""

from __future__ import annotations

import pkgutil
from collections.abc import Iterator
from types import ModuleType

from bot.discord import cogs


def walk_extensions(package: ModuleType = cogs) -> Iterator[str]:
    """The dotted names of the package's modules, sorted; `_private` modules are skipped."""
    found = pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    for module in sorted(found, key=lambda m: m.name):
        if module.ispkg or module.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        yield module.name
