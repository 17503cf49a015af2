"""`khabar serve | migrate | ingest | reextract | sources | poll | worker`."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence

log = logging.getLogger("khabar")


def run() -> int:
    """The `khabar` program: main(), then what is still alive set aside from the
    collection at exit, which would walk all of it once more to free nothing (~0.3 s of
    CPU after an ingest: the imports, the gazetteer)."""
    code = main()
    gc.freeze()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Garbage collection is off while the command starts: its imports make ~500,000
    objects that live to the end, and young collections walking them cost ~0.1 s of CPU,
    a tenth of a short ingest. Each command turns it on (ingest: app/bulk.steady_heap)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _command(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _command(argv: Sequence[str] | None, collecting: bool) -> int:
    from pydantic import ValidationError

    from app.config import get_settings
    from app.errors import KhabarError
    from app.jobs import cli as jobs_cli

    parser = argparse.ArgumentParser(prog="khabar", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes; 0 for one per core (each holds its own connection pool)",
    )

    commands.add_parser("migrate", help="bring the database schema up to date")

    ingest = commands.add_parser("ingest", help="ingest files, folders, JSONL, URLs and feeds")
    ingest.add_argument("inputs", nargs="+", help="paths or http(s) URLs")
    ingest.add_argument(
        "--if-empty", action="store_true", help="do nothing when the archive has articles"
    )
    ingest.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes that parse and extract (one process writes); 0 for one per core",
    )

    commands.add_parser("reextract", help="run the extractor again over every stored article")
    jobs_cli.add_commands(commands)

    args = parser.parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        parser.exit(2, f"khabar: invalid settings (KHABAR_* variables or .env):\n{exc}\n")
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    if collecting and args.command != "ingest":
        gc.enable()
    if args.command == "serve":
        from app.serve import serve as run_server

        run_server(settings, host=args.host, port=args.port, workers=_cores(args.workers))
        return 0
    if args.command == "migrate":
        from app.store.migrate import upgrade

        upgrade(settings.database_url)
        return 0
    if args.command in {"sources", "poll", "worker"}:
        return jobs_cli.run(args, settings)
    from app.batch import run_ingest, run_reextract

    try:
        if args.command == "ingest":
            return run_ingest(
                args.inputs,
                settings=settings,
                only_if_empty=args.if_empty,
                workers=_cores(args.workers),
            )
        return run_reextract(settings=settings)
    except KhabarError as exc:
        log.error("%s", exc.detail)
        return 1


def _cores(asked: int) -> int:
    return asked if asked > 0 else len(os.sched_getaffinity(0))


if __name__ == "__main__":
    sys.exit(run())
