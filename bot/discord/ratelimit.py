"""A per-member sliding-window rate limit for questions, in constant time per question.

Members are kept in least-recently-active order, so forgetting the idle ones only ever looks
at the oldest few: the cost of a question does not grow with the number of members tracked.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Verdict:
    """Whether a member may go ahead; if not, how long to wait and whether to say so."""

    wait: float  # 0: allowed (and counted)
    notify: bool = False  # the first refusal in this cooldown: tell the member, once

    @property
    def allowed(self) -> bool:
        return self.wait == 0


@dataclass
class _Member:
    hits: deque[float] = field(default_factory=deque)
    last_seen: float = 0.0
    noticed_until: float = float("-inf")


class RateLimiter:
    def __init__(
        self, count: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.count = count
        self.window = window
        self._clock = clock
        self._members: OrderedDict[int, _Member] = OrderedDict()

    def __len__(self) -> int:
        """Members tracked now (active within the last window)."""
        return len(self._members)

    def check(self, member_id: int) -> Verdict:
        """Count a question if the member is under the limit; else say how long to wait, and
        whether this is the first refusal since the limit was reached (the one to answer)."""
        now = self._clock()
        self._forget_idle(now)
        member = self._members.get(member_id)
        if member is None:
            member = self._members[member_id] = _Member()
        else:
            self._members.move_to_end(member_id)
        member.last_seen = now
        hits = member.hits
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.count:
            wait = hits[0] + self.window - now
            notify = now >= member.noticed_until
            if notify:
                member.noticed_until = hits[0] + self.window
            return Verdict(wait, notify)
        hits.append(now)
        return Verdict(0.0)

    def _forget_idle(self, now: float) -> None:
        members = self._members
        while members:
            oldest_id, oldest = next(iter(members.items()))
            if oldest.last_seen > now - self.window:
                return
            del members[oldest_id]
