"""The in-process rate limit counts as `limits`' sliding window counter on its memory storage
does: the same hits allowed and refused, the same reset time and remaining count, through
the windows' turns, for one client and several."""

from __future__ import annotations

import random
import time

import pytest
from limits import parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from app.api.window_counter import WindowCounter

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("limit", ["3/minute", "5/10 seconds", "1/second", "40/hour"])
async def test_hits_and_window_stats_are_those_of_limits(
    limit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(1_765_000_000.25)
    monkeypatch.setattr(time, "time", clock)
    item = parse(limit)
    reference = SlidingWindowCounterRateLimiter(MemoryStorage())
    ours = WindowCounter()
    steps = random.Random(limit)
    refused = 0
    for _ in range(600):
        clock.now += steps.expovariate(4 * item.amount / item.get_expiry())
        if steps.random() < 0.02:  # a pause of one or more windows
            clock.now += steps.uniform(1, 3) * item.get_expiry()
        client = f"client:10.0.0.{steps.randrange(3)}"
        expected = await reference.hit(item, client)
        assert await ours.hit(item, client) == expected, clock.now
        refused += not expected
        assert await ours.get_window_stats(item, client) == tuple(
            await reference.get_window_stats(item, client)
        )
    assert 0 < refused < 600  # the sequence went past the limit and back under it


async def test_a_client_unseen_for_two_windows_is_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock(1_765_000_000.0)
    monkeypatch.setattr(time, "time", clock)
    item, ours = parse("2/minute"), WindowCounter()
    assert await ours.hit(item, "client:a")
    clock.now += 150
    assert await ours.hit(item, "client:b")
    assert [key[2] for key in ours._buckets] == ["client:b"]
