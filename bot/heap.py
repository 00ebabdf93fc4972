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
