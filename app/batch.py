"""Batch ingestion and re-extraction for the CLI: one transaction per article, a progress
bar, a summary at the end; one bad item never stops the others."""

from __future__ import annotations

import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.config import Settings
from app.errors import KhabarError
from app.extract.pipeline import extract
from app.ingest.dispatch import parse_payload
from app.ingest.errors import InputTooLarge
from app.ingest.fetch import FetchSettings, fetch_url
from app.ingestion import articles_in, ingest_parsed
from app.store import models as m
from app.store.db import make_engine, make_session_factory, unit_of_work
from app.store.writes import save_article

log = logging.getLogger(__name__)
_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".json": "application/json",
    ".jsonl": "application/x-ndjson",
    ".ndjson": "application/x-ndjson",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
}
RAW_TYPES = {
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "feed": "application/xml",
}


@dataclass
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)


def expand(inputs: list[str]) -> Iterator[str]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.suffix.lower() in _TYPES)
        else:
            yield item


def load(item: str, settings: Settings) -> tuple[bytes, str | None, str | None]:
    """The bytes of a path or URL, their content type, and the URL they came from."""
    if item.startswith(("http://", "https://")):
        fetched = fetch_url(item, FetchSettings.from_settings(settings))
        return fetched.data, fetched.content_type, fetched.url_final
    path = Path(item)
    if path.stat().st_size > settings.max_body_bytes:
        raise InputTooLarge(f"{item} is over the size limit of {settings.max_body_bytes} bytes")
    return path.read_bytes(), _TYPES.get(path.suffix.lower(), "text/plain"), None


def run_ingest(inputs: list[str], *, settings: Settings, only_if_empty: bool) -> int:
    factory = make_session_factory(make_engine(settings.database_url))
    with unit_of_work(factory) as session:
        if only_if_empty and session.scalar(select(func.count()).select_from(m.Article)):
            log.info("the archive has articles already; nothing ingested")
            return 0
    items = list(expand(inputs))
    tally = Tally()
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingesting", total=len(items))
        for item in items:
            _ingest_item(item, settings, factory, tally)
            progress.advance(task)
    _report(tally)
    return 1 if tally.failures else 0


def _ingest_item(item: str, settings: Settings, factory: object, tally: Tally) -> None:
    try:
        data, content_type, source_url = load(item, settings)
        articles = articles_in(data, content_type, settings=settings, source_url=source_url)
    except (KhabarError, OSError) as exc:
        tally.failures.append((item, _reason(exc)))
        return
    for parsed in articles:
        try:
            with unit_of_work(factory) as session:  # type: ignore[arg-type]
                tally.outcomes[ingest_parsed(session=session, parsed=parsed).outcome.value] += 1
        except KhabarError as exc:
            tally.failures.append((f"{item}: {parsed.title[:60]}", _reason(exc)))


def _reason(exc: Exception) -> str:
    return exc.detail if isinstance(exc, KhabarError) else f"{type(exc).__name__}: {exc}"


def _report(tally: Tally) -> None:
    console = Console(stderr=True)
    counts = ", ".join(f"{k} {tally.outcomes[k]}" for k in ("ingested", "updated", "unchanged"))
    console.print(f"{counts}, failed {len(tally.failures)}")
    for item, reason in tally.failures:
        console.print(f"  failed {item}: {reason}", markup=False)


def run_reextract(*, settings: Settings) -> int:
    factory = make_session_factory(make_engine(settings.database_url))
    with unit_of_work(factory) as session:
        rows = session.execute(select(m.Article.id, m.Article.raw_format)).all()
    tally = Tally()
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("re-extracting", total=len(rows))
        for article_id, raw_format in rows:
            try:
                _reextract_one(factory, article_id, raw_format, settings)
                tally.outcomes["updated"] += 1
            except (KhabarError, IntegrityError) as exc:
                tally.failures.append((f"article {article_id}", _reason(exc)))
            progress.advance(task)
    _report(tally)
    return 1 if tally.failures else 0


def _reextract_one(factory: object, article_id: int, raw_format: str, settings: Settings) -> None:
    with unit_of_work(factory) as session:  # type: ignore[arg-type]
        raw = session.scalar(select(m.Article.raw_compressed).where(m.Article.id == article_id))
        data = zlib.decompress(raw or b"")
        content_type = RAW_TYPES.get(raw_format, "text/plain")
        for parsed in parse_payload(data, content_type, settings=settings)[:1]:
            extraction = extract(parsed)
            save_article(
                session=session, parsed=parsed, extraction=extraction, replace_id=article_id
            )
