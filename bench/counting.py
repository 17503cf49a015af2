"""What the facet and day counters (app/store/scope_counters.py) add to storing an article:
the synthetic articles of bench/archive.py parsed and extracted once, then stored into a
fresh database 200 to a transaction, with the scope counters and without them, in turn.

CPU ms per stored article: this process's, plus PostgreSQL's backend's (from /proc). Run:
`python -m bench.counting [--articles 600] [--engine sqlite|postgresql|both]`.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.extract.pipeline import extract
from app.ingest.dispatch import parse_payload
from app.store import models as m
from app.store import scope_counters
from app.store.db import make_engine
from app.store.migrate import upgrade
from app.store.prepared import Prepared, prepare
from app.store.writes import save_prepared
from bench.archive import article_text
from bench.jobs import fresh_database
from bench.reads import backend_cpu

BATCH = 200


def articles(count: int) -> list[Prepared]:
    rng = random.Random(5)
    out = []
    for number in range(count):
        data = article_text(number, rng).encode()
        for parsed in parse_payload(data, "text/plain"):
            out.append(prepare(parsed, extract(parsed)))
    return out


def store(url: str, prepared: list[Prepared]) -> tuple[float, float]:
    """(CPU ms an article, facet and day counters an article touches) storing them all."""
    upgrade(url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            server = backend_cpu(session)
            server_before, began = server(), time.process_time()
            for start in range(0, len(prepared), BATCH):
                for article in prepared[start : start + BATCH]:
                    save_prepared(session=session, article=article)
                session.commit()
            spent = time.process_time() - began
            server_after = server()
            if server_before is not None and server_after is not None:
                spent += server_after - server_before
            # Each article adds one to each of its counters.
            facets = session.scalar(select(func.sum(m.FacetCount.article_count))) or 0
            days = session.scalar(select(func.sum(m.DayCount.article_count))) or 0
    finally:
        engine.dispose()
    return spent * 1000 / len(prepared), (facets + days) / len(prepared)


def sqlite_run(prepared: list[Prepared]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        return store(f"sqlite:///{Path(folder) / 'counting.db'}", prepared)


def postgres_run(prepared: list[Prepared]) -> tuple[float, float]:
    with fresh_database() as url:
        return store(url, prepared)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    prepared = articles(args.articles)
    runs: dict[str, Callable[[list[Prepared]], tuple[float, float]]] = {
        "sqlite": sqlite_run,
        "postgresql": postgres_run,
    }
    for engine in ("sqlite", "postgresql") if args.engine == "both" else (args.engine,):
        with_counters, rows = runs[engine](prepared)
        with mock.patch.object(scope_counters, "_statements", lambda *_: ()):
            without, _ = runs[engine](prepared)
        print(
            f"{engine}: {args.articles} articles, store CPU ms an article: "
            f"{with_counters:.2f} with the scope counters, {without:.2f} without "
            f"(+{with_counters - without:.2f} ms, x{with_counters / without:.2f}); "
            f"{rows:.0f} counters (facet and day) an article touches"
        )


if __name__ == "__main__":
    main()
