"""`khabar sources add | list | disable`, `khabar poll`, `khabar worker`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from typing import Any

from rich.console import Console

from app.config import Settings
from app.errors import KhabarError, NotFound
from app.store.db import make_engine, make_session_factory, unit_of_work
from app.store.sources import (
    SourceInfo,
    SourceSpec,
    add_source,
    list_sources,
    source_id_by_name,
    update_source,
)


def add_commands(commands: Any) -> None:
    """Add the commands to the CLI's subparsers."""
    sources = commands.add_parser("sources", help="the outlets Khabar follows")
    actions = sources.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="register an outlet and its feeds (or add feeds)")
    add.add_argument("name", help="the outlet's name; spellings are normalized")
    add.add_argument("--feed", action="append", default=[], help="a feed URL (repeatable)")
    add.add_argument("--site", help="the outlet's home page")
    add.add_argument("--language", help="ISO 639-1 code, e.g. ar")
    add.add_argument("--timezone", help="IANA zone of its datelines, e.g. Asia/Beirut")
    add.add_argument("--every", type=int, default=900, help="poll interval in seconds")
    add.add_argument("--hints", type=json.loads, default={}, help="layout hints, as JSON")
    listing = actions.add_parser("list", help="the registered outlets and their polling state")
    listing.add_argument("--all", action="store_true", help="also outlets without a feed")
    disable = actions.add_parser("disable", help="stop polling an outlet")
    disable.add_argument("name_or_id")
    enable = actions.add_parser("enable", help="poll an outlet again, from now")
    enable.add_argument("name_or_id")

    commands.add_parser("poll", help="one pass: poll the due feeds, fetch their new pages")
    worker = commands.add_parser("worker", help="poll due feeds and run queued jobs until stopped")
    worker.add_argument("--concurrency", type=int, help="jobs at once (default from settings)")
    worker.add_argument("--name", help="a name for the logs")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.jobs.queue import run_worker

    if args.command == "sources":
        return _sources(args, settings)
    if args.command == "poll":
        asyncio.run(run_worker(settings, once=True))
        return 0
    if args.concurrency:
        settings = settings.model_copy(update={"worker_concurrency": args.concurrency})
    asyncio.run(run_worker(settings, once=False, name=args.name))
    return 0


def _sources(args: argparse.Namespace, settings: Settings) -> int:
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    try:
        with unit_of_work(factory, write=args.action != "list") as session:
            if args.action == "add":
                spec = SourceSpec(
                    name=args.name,
                    feeds=args.feed,
                    site=args.site,
                    language=args.language,
                    timezone=args.timezone,
                    hints=args.hints,
                    poll_seconds=args.every,
                )
                _out().print(add_source(session, spec))  # the id, for scripts
            elif args.action == "list":
                _print(list_sources(session, registered_only=not args.all))
            else:
                source_id = _find(session, args.name_or_id)
                update_source(session, source_id, {"active": args.action == "enable"})
    except KhabarError as exc:
        Console(stderr=True).print(f"khabar: {exc.detail}", markup=False)
        return 1
    finally:
        engine.dispose()
    return 0


def _find(session: Any, name_or_id: str) -> int:
    if name_or_id.isdigit():
        return int(name_or_id)
    found = source_id_by_name(session, name_or_id)
    if found is None:
        raise NotFound(f"no source named {name_or_id!r}")
    return found


def _print(sources: list[SourceInfo]) -> None:
    """One line per outlet, one indented line per feed: readable, and easy to grep."""
    out = _out()
    for s in sources:
        state = "active" if s.active else "disabled"
        last = _when(s.last_success_at)
        out.print(
            f"{s.id}\t{s.name}\t{state}\tarticles {s.article_count} "
            f"({s.articles_per_day:g}/day)\tlast success {last}",
            markup=False,
        )
        for f in s.feeds:
            error = f"\terror: {f.last_error[:120]}" if f.last_error else ""
            out.print(
                f"\t{f.url}\tfailures {f.failures}\tnext {_when(f.next_due_at)}{error}",
                markup=False,
            )


def _when(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else "-"


def _out() -> Console:
    return Console(file=sys.stdout, soft_wrap=True, highlight=False)
