"""CPU per search request through the ASGI app (bench/asgi_loop.py's loop: no server, no
socket), this checkout against another one in the same run, rounds interleaved.

    python -m bench.search_cpu [--articles 10000] [--before /work/main] [--rounds 2]

"warm": the same request over and over, as a load test sends it (the front's memo of walks,
rankings and highlights holds: app/store/reads/search_json.py); "cold": the memo off, every
request computed afresh, as for a query nobody asked since the last write. `--before` runs
the other checkout's code with its own interpreter (its .venv), on the same archive."""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from bench.asgi_loop import _lifespan, call, per_request_us, scope
from bench.build import build

_HERE = str(Path(__file__).resolve().parents[1])
PATHS = {
    "/search?q=سوريا (relevance)": "/search?q=" + quote("سوريا"),
    "/articles?q=سوريا (newest)": "/articles?q=" + quote("سوريا"),
    "/search?q=هيئة التفاوض": "/search?q=" + quote("هيئة التفاوض"),
    "/articles?q=تورك (rare)": "/articles?q=" + quote("تورك"),
}


async def measure(url: str, seconds: float, cold: bool) -> dict[str, float]:
    from app.config import Settings
    from app.main import create_app

    if cold:
        try:
            from app.store.reads import search_json

            search_json._MEMO_WEIGHT = 0
        except ImportError:  # a checkout without it
            pass
    settings = Settings(
        database_url=url, log_level="WARNING", rate_limit_per_client="1000000000/minute"
    )
    app = create_app(settings)
    stack = await _lifespan(app)
    out = {}
    for name, path in PATHS.items():
        status, _, _ = await call(app, scope(path))
        assert status == 200, f"{path} answered {status}"
        out[name] = await per_request_us(app, scope(path), seconds=seconds)
    await stack.aclose()
    app.state.engine.dispose()
    return out


def _other(folder: str, url: str, seconds: float, cold: bool) -> dict[str, float]:
    python = str(Path(folder) / ".venv" / "bin" / "python")
    # This file loaded by its path: `app` and `bench` stay the other checkout's own.
    code = (
        "import json, asyncio, importlib.util, app; "
        f"spec = importlib.util.spec_from_file_location('search_cpu', {__file__!r}); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        f"found = asyncio.run(module.measure({url!r}, {seconds!r}, {cold!r})); "
        "print(json.dumps(found | {'app': app.__file__}))"
    )
    done = subprocess.run(
        [python, "-c", code], cwd=folder, check=True, capture_output=True, text=True
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found.pop("app").startswith(str(Path(folder).resolve())), "another checkout's app"
    return {name: float(us) for name, us in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--before", help="another checkout, with its own .venv")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    url = build("sqlite", args.articles).url
    runs: dict[str, list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        if args.before:
            runs.setdefault("before", []).append(_other(args.before, url, args.seconds, False))
        for cold in (True, False):
            found = _other(_HERE, url, args.seconds, cold)
            runs.setdefault("cold" if cold else "warm", []).append(found)
    columns = list(runs)
    print("| request | " + " | ".join(f"{c} µs" for c in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name in PATHS:
        cells = [" / ".join(f"{run[name]:,.0f}" for run in runs[c]) for c in columns]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
