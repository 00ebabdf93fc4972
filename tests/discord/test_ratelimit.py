"""The per-member rate limiter: the sliding window, one notice per cooldown, idle members
forgotten, and a cost per question that does not grow with the members tracked."""

from __future__ import annotations

import time

from bot.discord.ratelimit import RateLimiter


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


def test_cost_per_question_does_not_grow_with_members_tracked() -> None:
    # 40k members all inside the window: a limiter that scans every member per question once
    # it tracks over 10k does ~10^9 steps here (minutes); a constant-time one needs well
    # under a second. The bound is 20x the constant-time cost on a slow, shared machine.
    clock = Clock()
    limiter = RateLimiter(5, 3600.0, clock)
    started = time.perf_counter()
    for round_ in range(2):
        for member in range(40_000):
            clock.now += 0.001
            assert limiter.check(member).allowed, (round_, member)
    assert time.perf_counter() - started < 5.0
    assert len(limiter) == 40_000
