"""Keeps a built site in step with the knowledge base while the bot runs.

Every committed change schedules a rebuild; changes that land during a build cause exactly one
more build after it, so the site never lags the bot by more than the change being built.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from bot.core.engine import Engine
from bot.site.build import SiteConfig, build_site

log = logging.getLogger(__name__)


class SiteRebuilder:
    def __init__(self, engine: Engine, directory: Path, config: SiteConfig) -> None:
        self.engine = engine
        self.directory = directory
        self.config = config
        self.builds = 0
        self._dirty = False
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self) -> None:
        """Rebuild now, and after every change from here on (needs a running event loop)."""
        if self._unsubscribe is None:
            self._unsubscribe = self.engine.on_change(self.changed)
        self.changed()

    def detach(self) -> None:
        """No more rebuilds after changes (a build under way finishes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def changed(self) -> None:
        self._dirty = True
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def idle(self) -> None:
        """Wait until every scheduled rebuild has finished."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def _run(self) -> None:
        while self._dirty:
            self._dirty = False
            try:
                await build_site(self.engine, self.directory, self.config)
                self.builds += 1
            except Exception:  # a failed build must not take the bot down; the next change retries
                log.exception("rebuilding the knowledge site in %s failed", self.directory)
