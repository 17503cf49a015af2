"""`khabar serve | migrate | ingest | reextract`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app.config import get_settings

log = logging.getLogger("khabar")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="khabar", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    commands.add_parser("migrate", help="bring the database schema up to date")

    ingest = commands.add_parser("ingest", help="ingest files, folders, JSONL, URLs and feeds")
    ingest.add_argument("inputs", nargs="+", help="paths or http(s) URLs")
    ingest.add_argument(
        "--if-empty", action="store_true", help="do nothing when the archive has articles"
    )

    commands.add_parser("reextract", help="run the extractor again over every stored article")

    args = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "serve":
        import uvicorn

        from app.main import create_app

        uvicorn.run(create_app(settings), host=args.host, port=args.port)
        return 0
    if args.command == "migrate":
        from app.store.migrate import upgrade

        upgrade(settings.database_url)
        return 0
    if args.command == "ingest":
        from app.batch import run_ingest

        return run_ingest(args.inputs, settings=settings, only_if_empty=args.if_empty)
    from app.batch import run_reextract

    return run_reextract(settings=settings)


if __name__ == "__main__":
    sys.exit(main())
