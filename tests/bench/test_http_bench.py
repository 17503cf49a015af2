"""The HTTP benchmark's parts on tiny inputs (the figures come from `make bench` only):
wrk's report is read right, the synthetic articles parse to what the benchmark expects,
targets are judged as ratios, and the in-process timer answers every read path."""

from __future__ import annotations

import random

from app.ingest.scraped import parse_scraped_text
from bench.archive import POPULAR, RARE, article_text
from bench.servers import Load, parse_wrk
from bench.targets import Subjects, check, khabar_paths

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/health
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms  450.00us   9.80ms   90.00%
  Latency Distribution
     50%    2.95ms
     75%    3.20ms
     90%    3.60ms
     99%  850.00us
  25000 requests in 5.00s, 4.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   5000.25
Transfer/sec:    820.00KB
"""


def test_wrk_output_is_read_with_its_units() -> None:
    load = parse_wrk(WRK_OUTPUT)
    assert load == Load(requests_per_second=5000.25, p50_ms=2.95, p99_ms=0.85, errors=3)


def test_a_synthetic_article_parses_with_its_date_and_title() -> None:
    text = article_text(600, random.Random(1))
    parsed = parse_scraped_text(text)
    assert parsed.published_at is not None and parsed.published_at.year == 2016
    assert parsed.title and parsed.title in text
    assert len(parsed.sections) >= 3


def test_the_popular_and_rare_actors_appear_at_their_rates() -> None:
    rng = random.Random(5)
    texts = [article_text(n, rng) for n in range(600)]
    assert sum(POPULAR in t for t in texts) > 300
    assert 0 < sum(RARE in t for t in texts) < 20


def test_targets_are_ratios_and_unmeasured_references_are_left_out() -> None:
    def load(rate: float) -> Load:
        return Load(rate, 1.0, 2.0, 0)

    loads = {"bare": load(1000), "health": load(790), "article": load(400)}
    judged = {t.what: (round(ratio, 2), ok) for t, ratio, ok in check(loads)}
    assert judged == {
        "/health vs bare FastAPI": (0.79, False),
        "/articles/{id} vs bare FastAPI": (0.4, True),
    }


def test_every_benchmarked_path_names_its_subjects() -> None:
    paths = khabar_paths(Subjects(popular=7, rare=9, article=11, deep_cursor="c+/=", deep_page=3))
    assert paths["entity rare"] == "/articles?entity=9"
    assert paths["deep page"].endswith("cursor=c%2B/%3D")
    assert len(set(paths.values())) == len(paths)
