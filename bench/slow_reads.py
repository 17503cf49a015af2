"""Benchmark: the reads issue 9 found slow under load, timed in process one request at a
time (TestClient; this process's CPU and the wall clock, medians): the entity page of the
most named actor and of the person with the most roles, the entity list, autocomplete, the
resolution list and search (newest first and by relevance).

    python -m bench.slow_reads [--engine postgresql] [--articles 100000] [--url URL]

`--url` times another archive. Run it from another checkout (PYTHONPATH=that checkout) to
time that code on the same archive: a before/after on the same rows and machine load.
"""

from __future__ import annotations

import argparse
import os
from urllib.parse import quote

from sqlalchemy import create_engine, func, select

from app.store import models as m
from bench.build import archive_url
from bench.search import in_process, most_named


def most_roles(url: str) -> int | None:
    engine = create_engine(url)
    with engine.connect() as connection:
        top = connection.scalar(
            select(m.Affiliation.person_id)
            .group_by(m.Affiliation.person_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    engine.dispose()
    return top


def paths(popular: int, roles: int | None) -> dict[str, str]:
    word = quote("سوريا")
    out = {
        f"entity page (most named, {popular})": f"/entities/{popular}",
        "entity list": "/entities?limit=20",
        "autocomplete": "/entities?q=" + quote("سو"),
        "resolution list": "/resolutions",
        "search": f"/search?q={word}",
        "articles?q=, newest": f"/articles?q={word}",
        "articles?q=, relevance": f"/articles?q={word}&sort=relevance",
        "articles?q= + entity, newest": f"/articles?q={word}&entity={popular}",
        "articles?q= + entity, relevance": f"/articles?q={word}&entity={popular}&sort=relevance",
    }
    if roles is not None:
        out[f"entity page (most roles, {roles})"] = f"/entities/{roles}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--url", help="an archive's database URL (default: the grown one)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    url = args.url or archive_url(args.engine, args.articles)
    timed = in_process(url, paths(most_named(url), most_roles(url)), args.repeat)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.engine}, load average {load}")
    print(f"{'request':40} {'cpu ms':>7} {'wall ms':>8}")
    for name, (cpu, wall) in timed.items():
        print(f"{name:40} {cpu:7.2f} {wall:8.2f}")


if __name__ == "__main__":
    main()
