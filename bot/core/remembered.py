"""Remembering what an index read from a question, while it is being asked.

One ask reads its question several times over (past its backstory, for doubt, when ranking,
for the definition it asks: matcher.py), each time to the same result, since an index never
changes. A method marked `remembered` keeps its results for the last few arguments it was
given, per index, so the reading is done once per question (round 14, issue 9's speed).
Results are shared between callers: only methods whose results are never changed by their
callers (strings, tuples, frozensets) may be marked.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Concatenate, ParamSpec, TypeVar

# Results remembered per index and method: one ask's question and its clauses, with room for
# another thread's asks and autocomplete (a full store is emptied, never searched for the oldest).
REMEMBERED = 64

S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")


def remembered(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """`method`, remembering its last REMEMBERED results on each instance, by its arguments."""
    store = f"_remembered_{method.__name__}"

    @functools.wraps(method)
    def recalled(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        seen: dict[Hashable, R] | None = vars(self).get(store)
        if seen is None:
            seen = vars(self).setdefault(store, {})
        key = (args, tuple(kwargs.items())) if kwargs else args
        # One lookup, never `in` then `[]`: a match in a worker thread and autocomplete on the
        # event loop may use the store at once, and either may empty it.
        found = seen.get(key, _NOTHING)
        if found is _NOTHING:
            if len(seen) >= REMEMBERED:
                seen.clear()
            found = seen[key] = method(self, *args, **kwargs)
        return found  # type: ignore[return-value]

    return recalled


_NOTHING = object()
