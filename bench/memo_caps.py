"""Benchmark: the extraction's per-word memos, their hit rates and the memory they hold.

`python -m bench.memo_caps [--cap N] [--synthetic N] [--real N] [--respell ROUNDS]` extracts
the eval/real cache (as eval/real reads it) then synthetic articles, in one process, and
prints each memo's hits, misses and entries, the extraction's CPU seconds and the RSS.
--cap N gives every word memo (each `lru_cache` of 4,096 entries or more, glued's cuts)
N entries instead of its own bound, to compare bounds before choosing them: it replaces
`functools.lru_cache` before app is imported. --respell ROUNDS then extracts the real
texts again ROUNDS times with half their words respelled at random (two letters added),
the worst case for the memos: every respelled word is new to them.
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import re
import resource
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_SMALLEST_WORD_MEMO = 4096  # smaller ones (maxsize 1, 8) hold tables, not words
_TRIES: weakref.WeakSet[Any] = (
    weakref.WeakSet()
)  # every trie that kept a token, to count the tokens each keeps
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,}")


def cap_word_memos(cap: int) -> None:
    original = functools.lru_cache

    def capped(maxsize: Any = 128, typed: bool = False) -> Any:
        if isinstance(maxsize, int) and maxsize >= _SMALLEST_WORD_MEMO:
            maxsize = cap
        return original(maxsize, typed)

    functools.lru_cache = capped


def memos() -> Iterator[tuple[str, Any]]:
    """Every lru_cache-wrapped function of app, once, by module and name."""
    import sys

    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("app.") and module is not None:
            for value in vars(module).values():
                if hasattr(value, "cache_info"):
                    found[f"{value.__module__.removeprefix('app.')}.{value.__qualname__}"] = value
    for name, memo in sorted(found.items()):
        if (memo.cache_info().maxsize or 0) >= _SMALLEST_WORD_MEMO:
            yield name, memo


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def respelled(text: str, rng: random.Random) -> str:
    def grow(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() < 0.5:
            return word
        at = rng.randrange(1, len(word))
        return word[:at] + rng.choice("بتثجحخدذرزسشصضطظعغفقكلمنهوي") * 2 + word[at:]

    return _ARABIC_WORD.sub(grow, text)


def first_article(text: str) -> list[Any]:
    from app.ingest.dispatch import parse_payload
    from app.ingest.errors import NotAnArticle

    try:
        return parse_payload(text.encode(), "text/plain; charset=utf-8")[:1]
    except NotAnArticle:
        return []


def timed(extract: Callable[[Any], object], articles: list[Any]) -> float:
    began = time.process_time()
    for article in articles:
        extract(article)
    return time.process_time() - began


def report(label: str, seconds: float) -> None:
    import app.extract.tokens.glued as glued

    gc.collect()
    print(f"== {label}: extraction {seconds:.2f} CPU s, RSS {rss_mb():.0f} MB")
    hits = misses = entries = 0
    for name, memo in memos():
        info = memo.cache_info()
        hits, misses, entries = hits + info.hits, misses + info.misses, entries + info.currsize
        rate = info.hits / max(info.hits + info.misses, 1)
        print(f"  {name}: {info.hits} hits, {info.misses} misses ({rate:.1%}), {info.currsize}")
    print(f"  glued._cuts {len(glued._cuts)}, glued._whole {len(glued._whole)}")
    tries = list(_TRIES)
    print(f"  matcher starts: {sum(len(t._starts) for t in tries)} in {len(tries)} tries")
    print(f"  all lru memos: {hits} hits, {misses} misses, {entries} entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cap", type=int)
    parser.add_argument("--synthetic", type=int, default=300)
    parser.add_argument("--real", type=int, default=10_000)
    parser.add_argument("--respell", type=int, default=0)
    args = parser.parse_args()
    if args.cap:
        cap_word_memos(args.cap)
    import app.extract.actors.matcher as matcher
    import app.extract.tokens.glued as glued

    opened = matcher.TokenTrie._first_nodes

    def kept(self: Any, token: str) -> Any:  # a pickled trie never runs __init__
        _TRIES.add(self)
        return opened(self, token)

    matcher.TokenTrie._first_nodes = kept  # type: ignore[method-assign]
    from app.extract.pipeline import extract
    from bench.corpus import corpus
    from bench.extraction_identity import posted

    if args.cap:
        glued._LONGEST_CACHE = args.cap
    texts = sorted((ROOT / "eval" / "real" / ".cache").glob("*.txt"))[: args.real]
    real = [a for _, a in posted(ROOT / "eval" / "real" / ".cache")][: args.real]
    synthetic = corpus(args.synthetic, 600)
    extract(synthetic[0])
    print(f"loaded: RSS {rss_mb():.0f} MB")
    report(f"{len(real)} real", timed(extract, real))
    report(f"+ {len(synthetic)} synthetic", timed(extract, synthetic))
    rng = random.Random(7)
    for n in range(args.respell):
        again = [a for p in texts for a in first_article(respelled(p.read_text(), rng))]
        report(f"respelled round {n + 1}", timed(extract, again))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
