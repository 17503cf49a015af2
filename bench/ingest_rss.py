"""Benchmark: memory of the processes that ingest, against the articles ingested (issue 9:
"server RSS under 300 MB ... after ingesting 100,000 articles", "memory flat in N").

Two runs into fresh databases, each sampled from /proc as it goes:
- `khabar serve` (one worker) fed through the API's write path: POST /articles with a JSON
  array of `--batch` documents a request, the synthetic articles of bench/archive.py
  (dateline, title, date, summary, paragraphs as the document's fields). The server's RSS
  and peak (VmHWM) are printed every `--every` articles.
- `khabar ingest --workers N` over the same articles as scraped-text files: every process's
  RSS, with the articles stored so far (counted in the database), every `--seconds`.

A flat RSS from one sample to the next, once the first batches have loaded the extractor
and warmed the caches, means nothing grows per article: every cache is bounded.

Run (a shared machine: nice it): `nice -n 10 python -m bench.ingest_rss [--articles 100000]
[--workers 1 2] [--engine postgresql] [--skip-server] [--skip-cli]`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import servers
from bench.archive import article_text, build_files
from bench.ingest import _drop, _fresh
from bench.procwatch import _descendants

KHABAR = str(Path(sys.executable).parent / "khabar")
API_KEY = "bench-ingest-rss-key-0123456789"
SEED = 11  # bench.archive.build_files's: the same articles by either path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=100, help="documents a POST")
    parser.add_argument("--every", type=int, default=5_000, help="articles between samples")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--seconds", type=float, default=30.0, help="between CLI samples")
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    if not args.skip_server:
        with tempfile.TemporaryDirectory() as scratch:
            url = _fresh(args.engine, Path(scratch))
            try:
                through_server(url, args.articles, args.batch, args.every)
            finally:
                _drop(url)
    if not args.skip_cli:
        folder = build_files(args.articles, SEED)
        for workers in args.workers:
            with tempfile.TemporaryDirectory() as scratch:
                url = _fresh(args.engine, Path(scratch))
                try:
                    through_cli(url, folder, workers, args.seconds)
                finally:
                    _drop(url)


def _env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        **servers.KHABAR_BENCH_ENV,
        "KHABAR_DATABASE_URL": url,
        "KHABAR_API_KEYS": API_KEY,
        "KHABAR_RATE_LIMIT_PER_KEY": "1000000000/minute",
    }


def through_server(url: str, articles: int, batch: int, every: int) -> None:
    env = _env(url)
    subprocess.run([KHABAR, "migrate"], env=env, check=True, capture_output=True)
    port = servers.free_port()
    command = [KHABAR, "serve", "--workers", "1", "--port", str(port)]
    with servers.running(command, port, env=env, cores="0-1") as server:
        print(f"server ({url.split(':', 1)[0]}), POST /articles, {batch} a request")
        print("articles | RSS MB | peak MB | articles/s wall since the last line | load")
        _line(0, server.pid, 0.0)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        began, done = time.perf_counter(), 0
        for documents in _batches(articles, batch):
            _post(connection, documents)
            done += len(documents)
            if done % every == 0 or done == articles:
                now = time.perf_counter()
                _line(done, server.pid, every / (now - began))
                began = now
        connection.close()


def _batches(articles: int, batch: int) -> Iterator[list[dict[str, object]]]:
    rng = random.Random(SEED)
    documents: list[dict[str, object]] = []
    for number in range(articles):
        documents.append(document(number, article_text(number, rng)))
        if len(documents) == batch:
            yield documents
            documents = []
    if documents:
        yield documents


def document(number: int, scraped: str) -> dict[str, object]:
    """The scraped text of bench.archive as the API's JSON document, field by field."""
    dateline, title, when, summary, *paragraphs = scraped.strip().split("\n\n")
    return {
        "title": title,
        "published_at": when,
        "byline_place": dateline,
        "summary": [summary.removeprefix("• ")],
        "body": "\n".join(paragraphs),
        "url": f"https://bench.example/news/{number}",
    }


def _post(connection: http.client.HTTPConnection, documents: list[dict[str, object]]) -> None:
    body = json.dumps(documents, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "X-API-Key": API_KEY}
    connection.request("POST", "/articles", body=body, headers=headers)
    response = connection.getresponse()
    answer = response.read()
    if response.status not in (200, 201):
        raise RuntimeError(f"POST /articles answered {response.status}: {answer[:500]!r}")


def _line(done: int, pid: int, rate: float) -> None:
    rss, peak = _memory(pid)
    load = os.getloadavg()[0]
    print(f"{done:>8} | {rss:6.0f} | {peak:7.0f} | {rate:6.1f} | {load:.1f}", flush=True)


def _memory(pid: int) -> tuple[float, float]:
    """RSS and peak RSS (VmHWM) of a process, in MB; zeros once it has ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0, 0.0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return _mb(fields.get("VmRSS")), _mb(fields.get("VmHWM"))


def _mb(field: str | None) -> float:
    return int(field.split()[0]) / 1024 if field else 0.0


def through_cli(url: str, folder: Path, workers: int, seconds: float) -> None:
    env = _env(url)
    subprocess.run([KHABAR, "migrate"], env=env, check=True, capture_output=True)
    command = [KHABAR, "ingest", "--workers", str(workers), str(folder)]
    print(f"khabar ingest --workers {workers} ({url.split(':', 1)[0]})")
    print("seconds | articles stored | RSS MB of each process (pid: now/peak) | load")
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_cli, args=(process.pid, url, seconds, stop))
    sampler.start()
    try:
        if process.wait():
            raise subprocess.CalledProcessError(process.returncode, command)
    finally:
        stop.set()
        sampler.join()


def _sample_cli(root: int, url: str, seconds: float, stop: threading.Event) -> None:
    engine = create_engine(url)
    began = time.perf_counter()
    try:
        while not stop.is_set():
            tree = [root, *_descendants(root)]
            memory = {pid: _memory(pid) for pid in tree}
            with engine.connect() as connection:
                stored = connection.scalar(text("SELECT count(*) FROM articles"))
            shown = ", ".join(f"{pid}: {now:.0f}/{peak:.0f}" for pid, (now, peak) in memory.items())
            elapsed = time.perf_counter() - began
            load = os.getloadavg()[0]
            print(f"{elapsed:7.0f} | {stored:>8} | {shown} | {load:.1f}", flush=True)
            stop.wait(seconds)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
