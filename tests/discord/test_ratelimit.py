"""The per-member rate limiter: the sliding window, one notice per cooldown, idle members
forgotten, and a cost per question that does not grow with the members tracked (counted in
members looked at, not in seconds)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, TypeVar

from bot.discord.ratelimit import RateLimiter

T = TypeVar("T")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_window_allows_count_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(2, 60.0, clock)
    assert limiter.check(1).allowed and limiter.check(1).allowed
    clock.now += 10
    refused = limiter.check(1)
    assert not refused.allowed and refused.wait == 50.0
    assert limiter.check(2).allowed  # another member is not affected
    clock.now += 50
    assert limiter.check(1).allowed


def test_one_notice_per_member_per_cooldown() -> None:
    clock = Clock()
    limiter = RateLimiter(1, 60.0, clock)
    assert limiter.check(7).allowed
    verdicts = [limiter.check(7) for _ in range(100)]
    assert [v.notify for v in verdicts].count(True) == 1 and verdicts[0].notify
    assert all(not v.allowed for v in verdicts)
    clock.now += 60
    assert limiter.check(7).allowed
    assert limiter.check(7).notify  # a new cooldown earns a new notice


def test_idle_members_are_forgotten() -> None:
    clock = Clock()
    limiter = RateLimiter(3, 10.0, clock)
    for member in range(500):
        limiter.check(member)
    assert len(limiter) == 500
    clock.now += 11
    limiter.check(10_000)
    assert len(limiter) == 1


LOOKED_AT_MOST = 2  # members a question may look at: the oldest, to forget it if idle


class CountingMembers(OrderedDict[int, Any]):
    """The limiter's members, counting those a question walks over; walking over more than
    LOOKED_AT_MOST fails at once (a limiter that scans them all would take minutes here)."""

    looked_at = 0  # since the question began

    def _seen(self, items: Iterator[T]) -> Iterator[T]:
        for item in items:
            self.looked_at += 1
            if self.looked_at > LOOKED_AT_MOST:
                raise AssertionError("a question walks over the members tracked")
            yield item

    def __iter__(self) -> Iterator[int]:
        return self._seen(super().__iter__())

    def keys(self) -> Iterator[int]:  # type: ignore[override]
        return self._seen(iter(super().keys()))

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        return self._seen(iter(super().values()))

    def items(self) -> Iterator[tuple[int, Any]]:  # type: ignore[override]
        return self._seen(iter(super().items()))


def test_cost_per_question_does_not_grow_with_members_tracked() -> None:
    # 40k members all inside the window: each question may look at the oldest member or two
    # (to forget the idle), never walk over all of them. Counted, not timed: a slow machine
    # changes nothing.
    clock = Clock()
    limiter = RateLimiter(5, 3600.0, clock)
    members = CountingMembers()
    limiter._members = members
    looked_at = 0
    for round_ in range(2):
        for member in range(40_000):
            clock.now += 0.001
            members.looked_at = 0
            assert limiter.check(member).allowed, (round_, member)
            looked_at += members.looked_at
    assert len(limiter) == 40_000
    assert looked_at > 0  # the count reaches the limiter's members (not a copy it replaced)
