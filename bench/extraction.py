"""Benchmark: extraction speed on one core (articles per second, ms per 1,000 words).

Target from the issue: at least 200 articles of 600 words per second per core.
Run: `python -m bench.extraction [--articles N] [--words W]`.
"""

from __future__ import annotations

import argparse
import statistics
import time

from app.extract.pipeline import extract
from bench.corpus import corpus

TARGET_PER_SECOND = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles = corpus(args.articles, args.words)
    words = sum(len(b.text.split()) for a in articles for b in a.blocks())
    extract(articles[0])  # load the gazetteer outside the timing
    rates = []
    for _ in range(args.rounds):
        began = time.process_time()
        for item in articles:
            extract(item)
        rates.append(len(articles) / (time.process_time() - began))
    rate = statistics.median(rates)
    per_kwords = 1000 / (rate * words / len(articles)) * 1000
    print(f"{len(articles)} articles, {words / len(articles):.0f} words each (CPU time, one core)")
    ratio = rate / TARGET_PER_SECOND
    print(f"articles/s: {rate:.0f}  (target {TARGET_PER_SECOND}; ratio {ratio:.2f})")
    print(f"ms per 1,000 words: {per_kwords:.2f}")


if __name__ == "__main__":
    main()
