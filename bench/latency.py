"""Every read endpoint on a large archive, one request at a time through the ASGI app (no
server, no socket): wall and CPU ms of the first request after the app starts, of the
first request after a write (another connection commits: SQLite's search memo and any
cache keyed by the database's version start over), and warm (the median of --repeat).
Page 500 by cursor is timed beside page 1. With --load, the same paths over HTTP (uvicorn
pinned to core 0, wrk on core 1) with p99 and the server's RSS through the run.

    python -m bench.latency [--url URL] [--engine postgresql] [--before DIR] [--load]

"First" opens a new app (and its connections) per path; the database's own caches (the
OS's page cache, PostgreSQL's shared buffers) stay as warm as a restarted server finds
them. `--before` times another checkout's code (its .venv) on the same archive, in turn
with this one's, path by path."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import servers
from bench.asgi_loop import _lifespan, call, scope
from bench.build import archive_url
from bench.slow_reads import most_roles
from bench.targets import DEEP_PAGE, subject_ids

_HERE = str(Path(__file__).resolve().parents[1])
COMMON, RARE, TWO, COMMON_RARE = "سوريا", "تورك", "هيئة التفاوض", "سوريا تورك"
Timing = dict[str, float]


def read_paths(ids: dict[str, Any]) -> dict[str, str]:
    popular, rare, roles, article = ids["popular"], ids["rare"], ids["roles"], ids["article"]
    facets = "&".join(f"facet={f}" for f in ("entity", "kind", "resolution", "source", "speaker"))
    out = {
        "/health": "/health",
        "/ready": "/ready",
        "/articles (page 1)": "/articles",
        "/articles (page 500, cursor)": "/articles?cursor=" + quote(ids["deep_plain"]),
        "/articles?entity=popular (page 1)": f"/articles?entity={popular}",
        "/articles?entity=popular (page 500, cursor)": (
            f"/articles?entity={popular}&cursor=" + quote(ids["deep_entity"])
        ),
        "/articles?entity=rare": f"/articles?entity={rare}",
        "/articles?resolution=2254": "/articles?resolution=2254",
        "/articles?facets=5": "/articles?" + facets,
        "/articles?entity=popular&facets=5": f"/articles?entity={popular}&" + facets,
        "/articles/histogram?entity=popular&interval=month": (
            f"/articles/histogram?entity={popular}&interval=month"
        ),
        **histograms(popular),
        "/articles/{id}": f"/articles/{article}",
        "/articles/export?entity=rare": f"/articles/export?entity={rare}",
        "/entities?limit=20": "/entities?limit=20",
        "/entities?q=سو (autocomplete)": "/entities?q=" + quote("سو"),
        "/entities/suggest?prefix=سو": "/entities/suggest?prefix=" + quote("سو"),
        "/entities/{most named}": f"/entities/{popular}",
        "/entities/{most roles}": f"/entities/{roles}",
        "/entities/{most named}/related": f"/entities/{popular}/related",
        "/entities/{most named}/articles": f"/entities/{popular}/articles",
        "/resolutions": "/resolutions",
        "/resolutions/2254": "/resolutions/2254",
        "/sources": "/sources",
        "/statements": "/statements",
        "/statements?speaker=popular": f"/statements?speaker={popular}",
    }
    words = {"common": COMMON, "rare": RARE, "two common": TWO, "common + rare": COMMON_RARE}
    for name, q in words.items():
        out[f"/search?q= {name}"] = "/search?q=" + quote(q)
        out[f"/articles?q= {name}, newest"] = "/articles?q=" + quote(q)
    out["/articles?q= common, relevance"] = "/articles?q=" + quote(COMMON) + "&sort=relevance"
    out["/articles?q= common + entity, relevance"] = (
        f"/articles?q={quote(COMMON)}&entity={popular}&sort=relevance"
    )
    return out


def histograms(popular: int) -> dict[str, str]:
    """Beside the month on UTC: clocks off UTC (Damascus: +02:00/+03:00, DST until 2022;
    Tehran: +03:30), days over the grown archive's last ten years (within the bound on
    buckets), the whole archive."""
    of = f"/articles/histogram?entity={popular}&interval="
    decade = "&from=2011-01-01"
    return {
        "/articles/histogram?entity=popular&interval=month, Damascus": (
            of + "month&tz=Asia/Damascus"
        ),
        "/articles/histogram?entity=popular&interval=week, Damascus": of + "week&tz=Asia/Damascus",
        "/articles/histogram?entity=popular&interval=day, 10 years": of + "day" + decade,
        "/articles/histogram?entity=popular&interval=day, 10 years, Damascus": (
            of + "day&tz=Asia/Damascus" + decade
        ),
        "/articles/histogram?interval=day, 10 years, Tehran": (
            "/articles/histogram?interval=day&tz=Asia/Tehran" + decade
        ),
        "/articles/histogram?interval=month": "/articles/histogram?interval=month",
    }


def _app(url: str) -> Any:
    from app.config import Settings
    from app.main import create_app

    settings = Settings(
        database_url=url,
        log_level="WARNING",
        rate_limit_per_client="1000000000/minute",
        db_statement_timeout_seconds=60,
    )
    return create_app(settings)


async def _timed(app: Any, path: str) -> tuple[float, float]:
    began, began_cpu = time.perf_counter(), time.process_time()
    status, _, body = await call(app, scope(path))
    if status != 200:
        raise RuntimeError(f"{path} answered {status}: {body[:300]!r}")
    return (time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000


def _write(url: str) -> None:
    """A commit by another connection that changes no answer. SQLite counts a commit only
    when a page changed (an UPDATE to the same values changes none): the header's
    user_version is written instead."""
    engine = create_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("PRAGMA user_version = 0"))
        else:
            same = "UPDATE articles SET title = title WHERE id = (SELECT min(id) FROM articles)"
            connection.execute(text(same))
    engine.dispose()


async def measure(url: str, paths: dict[str, str], repeat: int) -> dict[str, Timing]:
    out: dict[str, Timing] = {}
    for name, path in paths.items():
        app = _app(url)
        stack = await _lifespan(app)
        first = await _timed(app, path)
        warm = [await _timed(app, path) for _ in range(repeat)]
        cold = []
        for _ in range(3):
            _write(url)
            cold.append(await _timed(app, path))
        await stack.aclose()
        app.state.engine.dispose()
        out[name] = {
            "first": first[0],
            "first cpu": first[1],
            "cold": statistics.median(w for w, _ in cold),
            "cold cpu": statistics.median(c for _, c in cold),
            "warm": statistics.median(w for w, _ in warm),
            "warm cpu": statistics.median(c for _, c in warm),
        }
    return out


async def subjects(url: str) -> dict[str, Any]:
    popular, rare, article = subject_ids(url)
    app = _app(url)
    stack = await _lifespan(app)
    found = {
        "popular": popular,
        "rare": rare,
        "article": article,
        "roles": most_roles(url),
        "deep_entity": await _deep(app, f"/articles?entity={popular}"),
        "deep_plain": await _deep(app, "/articles"),
    }
    await stack.aclose()
    app.state.engine.dispose()
    return found


async def _deep(app: Any, path: str) -> str:
    """The cursor of page DEEP_PAGE, walked through the app's next cursors."""
    cursor = ""
    for _ in range(DEEP_PAGE - 1):
        joiner = "&" if "?" in path else "?"
        after = f"{joiner}cursor={quote(cursor)}" if cursor else ""
        _, _, body = await call(app, scope(path + after))
        cursor = json.loads(body)["next_cursor"]
        assert cursor, f"{path} has fewer than {DEEP_PAGE} pages"
    return cursor


def _other(folder: str, url: str, paths: dict[str, str], repeat: int) -> dict[str, Timing]:
    """measure() in another checkout's interpreter: its own `app`."""
    python = str(Path(folder) / ".venv" / "bin" / "python")
    code = (
        "import json, asyncio, importlib.util, sys, app; "
        f"spec = importlib.util.spec_from_file_location('latency', {__file__!r}); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        "paths = json.loads(sys.stdin.read()); "
        f"found = asyncio.run(module.measure({url!r}, paths, {repeat!r})); "
        "print(json.dumps(found | {'app': app.__file__}))"
    )
    done = subprocess.run(
        [python, "-c", code],
        cwd=folder,
        capture_output=True,
        text=True,
        input=json.dumps(paths),
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found.pop("app").startswith(str(Path(folder).resolve())), "another checkout's app"
    return dict(found)


def in_process(url: str, paths: dict[str, str], repeat: int, before: str | None) -> None:
    """Path by path, the other checkout then this one, so both see the same minutes."""
    rows: dict[str, dict[str, Timing]] = {}
    for name, path in paths.items():
        one = {name: path}
        if before:
            rows.setdefault("before", {}).update(_other(before, url, one, repeat))
        rows.setdefault("after", {}).update(_other(_HERE, url, one, repeat))
    sides = list(rows)
    head = " | ".join(f"{s}: first, cold, warm: wall ms (CPU ms)" for s in sides)
    print(f"| request | {head} |\n|---|" + "---:|" * len(sides))
    for name in paths:
        cells = []
        for side in sides:
            t = rows[side][name]
            cells.append(
                " / ".join(f"{t[k]:.1f} ({t[k + ' cpu']:.1f})" for k in ("first", "cold", "warm"))
            )
        print(f"| {name} | " + " | ".join(cells) + " |")


def under_load(
    url: str, paths: dict[str, str], before: str | None, *, seconds: int, connections: int
) -> None:
    """Each path on this checkout's server (and the other's, in turn), a bare endpoint
    first; the server's RSS at start, its peak through the run and after it."""
    env = {"KHABAR_DATABASE_URL": url, **servers.KHABAR_BENCH_ENV}
    ports, commands = servers.khabar_sides(before)
    with ExitStack() as stack:
        pids = {
            side: stack.enter_context(servers.running(command, ports[side], env=env)).pid
            for side, command in commands.items()
        }
        bare = servers.uvicorn("bench.bare:app", ports["bare"])
        stack.enter_context(servers.running(bare, ports["bare"]))
        start = {side: servers.rss_mb(pid) for side, pid in pids.items()}
        bare_url = f"http://127.0.0.1:{ports['bare']}/"
        loads = {"bare FastAPI": servers.wrk(bare_url, seconds=seconds, connections=connections)}
        peak = dict.fromkeys(pids, 0.0)
        for name, path in paths.items():
            for side, pid in pids.items():
                target = f"http://127.0.0.1:{ports[side]}{path}"
                loads[f"{side}: {name}"] = servers.wrk(
                    target, seconds=seconds, connections=connections
                )
                peak[side] = max(peak[side], servers.rss_mb(pid))
                _drained(pids.values())
        after = {side: servers.rss_mb(pid) for side, pid in pids.items()}
    print("| request | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|")
    for name, load in loads.items():
        print(
            f"| {name} | {load.requests_per_second:,.0f} | {load.p50_ms:.1f} | "
            f"{load.p99_ms:.1f} | {load.errors} |"
        )
    for side in pids:
        print(
            f"{side} server RSS: {start[side]:.0f} MB at start, peak {peak[side]:.0f} MB "
            f"during the load, {after[side]:.0f} MB after"
        )


def _drained(pids: Any, most: float = 60.0) -> None:
    """Wait until the servers stop spending CPU: requests slower than wrk's run (a second
    or more under load) are still being answered after it, and both servers share core 0;
    the next path would be measured beside them."""
    began, last = time.monotonic(), _cpu_ticks(pids)
    while time.monotonic() - began < most:
        time.sleep(0.5)
        now = _cpu_ticks(pids)
        if now - last <= 2:  # 20 ms of CPU in half a second: idle
            return
        last = now


def _cpu_ticks(pids: Any) -> int:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--url", help="an archive's database URL (default: the grown one)")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--before", metavar="DIR", help="another checkout, with its .venv")
    parser.add_argument("--only", help="paths whose name holds one of these texts (a|b)")
    parser.add_argument("--load", action="store_true", help="over HTTP with wrk instead")
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    url = args.url or archive_url(args.engine, args.articles)
    paths = read_paths(asyncio.run(subjects(url)))
    if args.only:
        paths = {k: v for k, v in paths.items() if any(t in k for t in args.only.split("|"))}
    print(f"{make_url(url).get_backend_name()}, {args.articles} articles")
    if args.load:
        under_load(url, paths, args.before, seconds=args.seconds, connections=args.connections)
    else:
        in_process(url, paths, args.repeat, args.before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
