"""The items and details kept by article version hold at most their cap in bytes: past it,
the first kept go first, so a server's memory stays bounded however many articles it reads."""

from __future__ import annotations

from app.store.reads.versions import VersionCache


def _filled(cap: int, sizes: list[int]) -> VersionCache:
    cache = VersionCache(cap)
    for article_id, size in enumerate(sizes):
        cache.put((article_id, "2026-12-07", 1), b"x" * size)
    return cache


def test_the_oldest_items_go_once_the_cap_is_passed() -> None:
    cache = _filled(1000, [400, 400, 400])
    assert cache.get((0, "2026-12-07", 1)) is None
    assert cache.get((1, "2026-12-07", 1)) == b"x" * 400
    assert cache.get((2, "2026-12-07", 1)) == b"x" * 400


def test_what_is_kept_never_weighs_more_than_the_cap() -> None:
    cache = _filled(1000, [300] * 50)
    kept = [cache.get((i, "2026-12-07", 1)) for i in range(50)]
    assert sum(len(item) for item in kept if item) <= 1000
    assert kept[-3:] == [b"x" * 300] * 3


def test_a_zero_cap_keeps_nothing() -> None:
    assert _filled(0, [10]).get((0, "2026-12-07", 1)) is None
