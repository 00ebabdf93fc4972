"""Keeping Python's garbage collector off the objects that live as long as the bot.

After startup the heap holds ~100k long-lived objects: the knowledge, one index per language,
the stemmers, discord.py's and our modules. Each full (generation 2) collection walked all of
them: 60–80 ms of CPU each on the benchmark machine (hundreds of ms of wall time when it is
busy), several times a minute under load, every answer in flight waiting meanwhile — the
largest part of the slow tail in benchmarks/README.md's "Discord load". `gc.freeze()` moves
everything alive into a permanent generation that collections skip (the standard remedy for
long-lived servers; see the `gc` module's documentation); objects made later are collected
as before. When the knowledge changes, the old index is garbage: the frozen objects are
looked at once more, what is dead is collected, and the rest frozen again.

The youngest generation is also collected less often (`collect_young_less_often`): with the
default threshold (700 net allocations) a collection ran every few answers and walked every
object of the 64 answers in flight each time, 0.15–0.2 ms of CPU per answer in the Discord
load benchmark; with 10,000 it is a quarter of that, each collection still a few ms.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger("policybot.heap")


def freeze_long_lived() -> int:
    """Collect what is dead, then freeze everything alive; how many objects are frozen."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.debug("%d long-lived objects frozen out of the garbage collector's passes", frozen)
    return frozen


YOUNG_THRESHOLD = 10_000  # net allocations between collections of the youngest generation


def collect_young_less_often() -> None:
    """Raise the youngest generation's threshold; the older generations keep theirs."""
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
