"""Benchmark: CPU milliseconds per article of each stage of `khabar ingest`, in one process
on the benchmark's synthetic articles (bench/archive.py): read+parse, extract, prepare
(hashes, search text, compression), store (app/bulk.py's batches, into a fresh SQLite
database). Process start (imports, the gazetteer) is left out: `bench.ingest` counts it.

Run: `python -m bench.stages [--articles 1000]`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.bulk import BatchWriter
from app.extract.pipeline import default_recognizer, extract
from app.ingest.fetch import Fetched
from app.ingestion import read_payload
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade
from app.store.prepared import prepare
from bench.archive import build_files

T = TypeVar("T")


def timed(step: Callable[[], T]) -> tuple[T, float]:
    began = time.process_time()
    return step(), time.process_time() - began


def _no_fetch(url: str) -> Fetched:
    raise AssertionError(f"a benchmark article asked to fetch {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    files = sorted(build_files(args.articles).rglob("*.txt"))
    datas = [f.read_bytes() for f in files]
    default_recognizer()  # process start, not a stage
    parsed, parse_s = timed(
        lambda: [read_payload(d, "text/plain", fetch=_no_fetch).articles[0] for d in datas]
    )
    extracted, extract_s = timed(lambda: [extract(a) for a in parsed])
    prepared, prepare_s = timed(
        lambda: [prepare(a, x) for a, x in zip(parsed, extracted, strict=True)]
    )
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'stages.db'}"
        upgrade(url)
        engine = make_engine(url)
        writer = BatchWriter(make_session_factory(engine), done=lambda *_: None, failed=_raise)

        def store() -> None:
            for n, article in enumerate(prepared):
                writer.add(str(n), article)
            writer.flush()

        _, store_s = timed(store)
        engine.dispose()
    stages = {"parse": parse_s, "extract": extract_s, "prepare": prepare_s, "store": store_s}
    per = {name: seconds / len(files) * 1000 for name, seconds in stages.items()}
    total = sum(per.values())
    shown = ", ".join(f"{name} {ms:.2f}" for name, ms in per.items())
    print(
        f"{len(files)} articles, CPU ms each: {shown}; total {total:.2f} "
        f"({1000 / total:.0f} articles per CPU second before process start)"
    )


def _raise(label: str, exc: BaseException) -> None:
    raise RuntimeError(f"{label} failed") from exc


if __name__ == "__main__":
    main()
