"""Ctrl-C pressed once, twice, three times, for the command line and the Discord runner.

The first press starts a graceful shutdown (the engine writes its question log and closes).
A second press while that goes on does not cut it off: it says what is still being saved and
shutdown goes on, bounded by its own timeouts. A third quits at once.

Python's own handling (`asyncio.run`'s) turns the second press into a KeyboardInterrupt that
cancels every task, the shielded close and the question log's writer included, so questions
answered moments before were lost. This handler is in place from before the engine opens until
after it has closed. It is a plain `signal.signal` handler, not the event loop's: the console
reads its prompt with a blocking `input()` on the loop's thread, where only a handler that
raises can interrupt it (`at_prompt`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TypeVar

from bot.core.i18n import operator_language, texts

log = logging.getLogger("policybot")

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
T = TypeVar("T")


class CtrlC:
    """Counts Ctrl-C presses; `stop` is how the first one shuts the program down."""

    def __init__(self, loop: asyncio.AbstractEventLoop, stop: Callable[[], object]) -> None:
        self._loop = loop
        self._stop = stop
        self.presses = 0
        self.saving: Callable[[], int] = lambda: 0  # questions not yet in the database
        self._prompting = False
        # What the presses say: in the console's language once it has one, before that (and
        # for the Discord runner, which has no asker) in the terminal's locale.
        self.language = operator_language()

    def speak(self, code: str) -> None:
        """Say what the presses say in this language (the console's, as it changes)."""
        self.language = code

    def at_prompt(self, read: Callable[[str], T]) -> Callable[[str], T]:
        """`read` (e.g. `input`) that a first Ctrl-C interrupts with KeyboardInterrupt, as
        Python's default handler would: the console then leaves the way Ctrl-D does."""

        def reading(prompt: str) -> T:
            self._prompting = True
            try:
                return read(prompt)
            finally:
                self._prompting = False

        return reading

    def pressed(self, signum: int, frame: FrameType | None) -> None:
        """The signal handler. It runs on the main thread between two steps of whatever runs
        there, so it only counts, raises at the prompt, or leaves the work to the loop."""
        self.presses += 1
        if self.presses == 1:
            self._loop.call_soon_threadsafe(self._first, not self._prompting)
            if self._prompting:
                raise KeyboardInterrupt
        elif self.presses == 2:
            self._loop.call_soon_threadsafe(self._second)
        else:
            self._quit_now()

    def _first(self, stop: bool) -> None:
        log.info("%s", texts(self.language).gettext("Ctrl-C: shutting down"))
        if stop:  # (at the prompt, the KeyboardInterrupt ends the console)
            self._stop()

    def _second(self) -> None:
        count = self.saving()
        still_closing = texts(self.language).ngettext(
            "still closing: saving {count} question — press Ctrl-C again to quit now",
            "still closing: saving {count} questions — press Ctrl-C again to quit now",
            count,
        )
        log.warning("%s", still_closing.format(count=texts(self.language).number(count)))

    def _quit_now(self) -> None:
        """Exit without closing anything: a third Ctrl-C means now. What the database has
        committed stays (SQLite and PostgreSQL roll an unfinished transaction back)."""
        with contextlib.suppress(Exception):  # the handler may have cut a write to stderr
            count = self.saving()
            quitting = texts(self.language).ngettext(
                "Ctrl-C a third time: quitting now, {count} question not saved",
                "Ctrl-C a third time: quitting now, {count} questions not saved",
                count,
            )
            log.error("%s", quitting.format(count=texts(self.language).number(count)))
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(EXIT_INTERRUPTED)


@contextlib.contextmanager
def handled(stop: Callable[[], object]) -> Iterator[CtrlC]:
    """Handle Ctrl-C (SIGINT) as this module says while the block runs; `stop` is called on
    the event loop at the first press. Enter it in a coroutine on the main thread (elsewhere
    signals are left alone)."""
    presses = CtrlC(asyncio.get_running_loop(), stop)
    try:
        previous = signal.signal(signal.SIGINT, presses.pressed)
        installed = True
    except ValueError:  # not the main thread: signals are not ours to handle
        installed = False
    try:
        yield presses
    finally:
        if installed:
            signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def cancelling_this_task() -> Iterator[CtrlC]:
    """`handled`, where the first press cancels the task that runs the block (the command
    line's main task). The block then ends in KeyboardInterrupt rather than the cancellation,
    as under `asyncio.run`'s own handler."""
    task = asyncio.current_task()
    assert task is not None, "enter in a coroutine"
    with handled(task.cancel) as presses:
        try:
            yield presses
        except asyncio.CancelledError:
            if presses.presses and task.uncancel() == 0:
                raise KeyboardInterrupt from None
            raise
