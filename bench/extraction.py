"""Benchmark: extraction speed on one core (articles per second, ms per 1,000 words).

Target from the issue: at least 200 articles of 600 words per second per core. Measured
twice: on a synthetic corpus of 600-word articles (dense in actors, resolutions and
statements, so a pessimistic case) and on the dev set's articles, whose rate is scaled to
600 words by words per second. Run: `python -m bench.extraction [--articles N]`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app.extract.pipeline import extract
from app.ingest.model import ParsedArticle
from app.ingest.scraped import parse_scraped_text
from bench.corpus import corpus

TARGET_PER_SECOND = 200
TARGET_WORDS = 600
DEV_SET = Path(__file__).resolve().parents[1] / "eval" / "articles"


def words_in(articles: list[ParsedArticle]) -> int:
    return sum(len(b.text.split()) for a in articles for b in a.blocks())


def seconds_per_round(articles: list[ParsedArticle], rounds: int) -> float:
    extract(articles[0])  # load the gazetteer outside the timing
    samples = []
    for _ in range(rounds):
        began = time.process_time()
        for item in articles:
            extract(item)
        samples.append(time.process_time() - began)
    return statistics.median(samples)


def report(name: str, articles: list[ParsedArticle], rounds: int) -> None:
    words = words_in(articles)
    seconds = seconds_per_round(articles, rounds)
    ms_per_kwords = seconds / words * 1_000_000
    at_target_size = 1000 / (ms_per_kwords * TARGET_WORDS / 1000)
    ratio = at_target_size / TARGET_PER_SECOND
    print(
        f"{name}: {len(articles)} articles, {words / len(articles):.0f} words each; "
        f"{ms_per_kwords:.2f} ms per 1,000 words; "
        f"{at_target_size:.0f} articles of {TARGET_WORDS} words/s "
        f"(target {TARGET_PER_SECOND}, ratio {ratio:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("CPU time on one core")
    report("synthetic", corpus(args.articles, TARGET_WORDS), args.rounds)
    dev = [parse_scraped_text(p.read_text(encoding="utf-8")) for p in sorted(DEV_SET.glob("*.txt"))]
    report("dev set", [a for a in dev if a.language == "ar"], args.rounds)


if __name__ == "__main__":
    main()
