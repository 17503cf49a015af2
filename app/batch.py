"""Batch ingestion and re-extraction for the CLI: a progress bar, a summary at the end.
One bad item never stops the others: an item is a file, a line of a JSONL file, a document
of a JSON list, or a page a feed links to. Units are read and extracted in `workers`
processes and written in batches by app/bulk.py."""

from __future__ import annotations

import json
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.bulk import BatchWriter, ordered_map, prepare_parsed, steady_heap
from app.config import Settings
from app.errors import KhabarError
from app.extract.pipeline import extract
from app.ingest.decode import decode_bytes, parse_content_type
from app.ingest.dispatch import choose_format, parse_payload
from app.ingest.errors import InputTooLarge, NotAnArticle
from app.ingest.formats import Format
from app.ingest.model import ParsedArticle
from app.ingestion import Fetch, direct_fetch, fetch_articles, read_payload
from app.store import models as m
from app.store.db import make_engine, make_session_factory, unit_of_work
from app.store.prepared import Prepared
from app.store.writes import SaveResult, save_article

log = logging.getLogger(__name__)
TYPES = {
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
_LINES = {".jsonl", ".ndjson"}
RAW_TYPES = {
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "feed": "application/xml",
}


class ArchiveUnavailable(KhabarError):
    title = "Archive unavailable"


class NoInput(KhabarError):
    title = "Nothing to ingest"


@dataclass(frozen=True, slots=True)
class Unit:
    """One input that succeeds or fails on its own."""

    label: str  # how the summary names it: a path, "path line 3", a URL
    data: bytes
    content_type: str | None
    source_url: str | None = None


@dataclass
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, label: str, exc: BaseException) -> None:
        if not isinstance(exc, KhabarError | OSError):
            log.error("%s failed unexpectedly", label, exc_info=exc)
        self.failures.append((label, reason(exc)))


@dataclass
class Run:
    settings: Settings
    factory: sessionmaker[Session]
    tally: Tally = field(default_factory=Tally)
    writer: BatchWriter = field(init=False)

    def __post_init__(self) -> None:
        self.writer = BatchWriter(self.factory, done=self._done, failed=self.tally.fail)

    def _done(self, _label: str, result: SaveResult) -> None:
        self.tally.outcomes[result.outcome.value] += 1

    @property
    def fetch(self) -> Fetch:
        return direct_fetch(self.settings)

    def save(self, label: str, parsed: ParsedArticle) -> None:
        try:
            article = prepare_parsed(parsed)  # before the transaction: no lock held meanwhile
        except Exception as exc:
            self.tally.fail(_article_label(label, parsed), exc)
            return
        self.writer.add(_article_label(label, parsed), article)


def _article_label(label: str, parsed: ParsedArticle) -> str:
    return f"{label} ({parsed.title[:60]})"


@dataclass(frozen=True, slots=True)
class ReadUnit:
    """What a worker process makes of a unit: articles ready to write, the links of a feed
    of teasers (fetched by the parent), failures as (label, reason)."""

    articles: list[tuple[str, Prepared]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def reason(exc: BaseException) -> str:
    if isinstance(exc, KhabarError):
        return exc.detail
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror  # the label already names the file
    first_line = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first_line}".rstrip(": ")


def expand(inputs: list[str]) -> Iterator[str]:
    """Paths and URLs as given; a folder gives its input files, recursively, by extension."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*")) if p.suffix.lower() in TYPES]
            yield from (str(p) for p in found if p.is_file())
            if not found:
                yield item  # fails in units(): an empty folder is most likely a typo
        else:
            yield item


def units(item: str, settings: Settings) -> Iterator[Unit]:
    """The units of one path or URL. JSON lines are streamed, so an archive may be larger
    than the size limit, which then applies to each line."""
    if item.startswith(("http://", "https://")):
        fetched = direct_fetch(settings)(item)
        yield from split(Unit(item, fetched.data, fetched.content_type, fetched.url_final))
        return
    path = Path(item)
    if path.is_dir():
        raise NoInput(f"no file ending in {', '.join(TYPES)} in this folder")
    if path.suffix.lower() in _LINES:
        with path.open("rb") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield Unit(f"{item} line {number}", line, "application/json")
        return
    size = path.stat().st_size
    if size > settings.max_body_bytes:
        raise InputTooLarge(f"the file is {size} bytes; the limit is {settings.max_body_bytes}")
    yield from split(Unit(item, path.read_bytes(), TYPES.get(path.suffix.lower(), "text/plain")))


def split(unit: Unit) -> Iterator[Unit]:
    """A JSON list or JSON lines as one unit per document."""
    fmt = choose_format(unit.data, parse_content_type(unit.content_type)[0], unit.source_url)
    if fmt is Format.NDJSON:
        for number, line in enumerate(unit.data.splitlines(), 1):
            if line.strip():
                yield Unit(f"{unit.label} line {number}", line, "application/json")
        return
    documents = _json_list(unit.data) if fmt is Format.JSON else None
    if not documents:
        yield unit  # the parser says what is wrong with it, if anything
        return
    for i, document in enumerate(documents):
        data = json.dumps(document, ensure_ascii=False).encode()
        yield Unit(f"{unit.label} [{i}]", data, "application/json")


def _json_list(data: bytes) -> list[object] | None:
    try:
        value = json.loads(decode_bytes(data).text)
    except (KhabarError, ValueError):
        return None
    return value if isinstance(value, list) else None


@dataclass(frozen=True, slots=True)
class Reader:
    """read_unit with the settings bound: picklable, for the worker processes."""

    settings: Settings

    def __call__(self, unit: Unit) -> ReadUnit:
        return read_unit(unit, self.settings)


def read_unit(unit: Unit, settings: Settings) -> ReadUnit:
    try:
        if len(unit.data) > settings.max_body_bytes:
            limit = settings.max_body_bytes
            raise InputTooLarge(f"{len(unit.data)} bytes; the limit is {limit}")
        payload = read_payload(
            unit.data, unit.content_type, fetch=direct_fetch(settings), source_url=unit.source_url
        )
        if not payload.articles and not payload.to_fetch:
            raise NotAnArticle("the input holds no article")
    except Exception as exc:
        return ReadUnit(failures=[(unit.label, _reported(unit.label, exc))])
    result = ReadUnit(links=list(payload.to_fetch))
    for parsed in payload.articles:
        label = _article_label(unit.label, parsed)
        try:
            result.articles.append((label, prepare_parsed(parsed)))
        except Exception as exc:
            result.failures.append((label, _reported(label, exc)))
    return result


def _reported(label: str, exc: BaseException) -> str:
    Tally().fail(label, exc)  # logs what is unexpected, in the process that saw it
    return reason(exc)


def record(result: ReadUnit, run: Run) -> None:
    run.tally.failures.extend(result.failures)
    for label, article in result.articles:
        run.writer.add(label, article)
    for link in result.links:  # a feed of teasers: each page is a unit of its own
        try:
            linked = fetch_articles(link, fetch=run.fetch)
        except Exception as exc:
            run.tally.fail(link, exc)
            continue
        for parsed in linked:
            run.save(link, parsed)


def run_ingest(
    inputs: list[str], *, settings: Settings, only_if_empty: bool, workers: int = 1
) -> int:
    engine = make_engine(settings.database_url)
    try:
        run = Run(settings, make_session_factory(engine))
        if archive_size(run.factory, engine) and only_if_empty:
            log.info("the archive has articles already; nothing ingested")
            return 0
        items = list(expand(inputs))
        with _progress() as progress:
            task = progress.add_task("ingesting", total=len(items))

            def all_units() -> Iterator[Unit]:
                for item in items:
                    try:
                        yield from units(item, settings)
                    except Exception as exc:
                        run.tally.fail(item, exc)
                    progress.advance(task)

            with steady_heap():
                for result in ordered_map(Reader(settings), all_units(), workers=workers):
                    record(result, run)
                run.writer.flush()
    finally:
        engine.dispose()
    report(run.tally, ("ingested", "updated", "unchanged"))
    return 1 if run.tally.failures else 0


def run_reextract(*, settings: Settings) -> int:
    """Parse every stored original again and extract it again, in place."""
    engine = make_engine(settings.database_url)
    tally = Tally()
    try:
        factory = make_session_factory(engine)
        archive_size(factory, engine)
        with unit_of_work(factory, write=False) as session:
            ids = list(session.scalars(select(m.Article.id).order_by(m.Article.id)))
        with _progress() as progress:
            task = progress.add_task("re-extracting", total=len(ids))
            for article_id in ids:
                try:
                    _reextract_one(factory, article_id)
                    tally.outcomes["re-extracted"] += 1
                except Exception as exc:
                    tally.fail(f"article {article_id}", exc)
                progress.advance(task)
    finally:
        engine.dispose()
    report(tally, ("re-extracted",))
    return 1 if tally.failures else 0


def _reextract_one(factory: sessionmaker[Session], article_id: int) -> None:
    with unit_of_work(factory, write=False) as session:
        row = session.execute(
            select(m.Article.raw_compressed, m.Article.raw_format, m.Article.url).where(
                m.Article.id == article_id
            )
        ).one_or_none()
    if row is None:
        return  # deleted since the run began
    data = zlib.decompress(row.raw_compressed)
    content_type = RAW_TYPES.get(row.raw_format, "text/plain; charset=utf-8")
    # no settings: re-extraction reads the archive only, it never fetches
    parsed = parse_payload(data, content_type, source_url=row.url)[0]
    extraction = extract(parsed)
    with unit_of_work(factory) as session:
        if session.get(m.Article, article_id, with_for_update=True) is None:
            return  # deleted while it was being parsed: do not bring it back
        save_article(session=session, parsed=parsed, extraction=extraction, replace_id=article_id)


def archive_size(factory: sessionmaker[Session], engine: Engine) -> int:
    """The number of stored articles; fails clearly when the database is not usable."""
    try:
        with unit_of_work(factory, write=False) as session:
            return session.scalar(select(func.count()).select_from(m.Article)) or 0
    except SQLAlchemyError as exc:
        where = make_url(engine.url).render_as_string(hide_password=True)
        raise ArchiveUnavailable(
            f"cannot read the archive at {where} ({reason(exc)}); "
            "is the server up and the schema migrated (`khabar migrate`)?"
        ) from exc


def report(tally: Tally, keys: tuple[str, ...]) -> None:
    console = _console()
    counts = ", ".join(f"{key} {tally.outcomes[key]}" for key in keys)
    console.print(f"{counts}, failed {len(tally.failures)}", markup=False)
    for label, why in tally.failures:
        console.print(f"  failed {label}: {why}", markup=False)


def _console() -> Console:
    return Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)


def _progress() -> Progress:
    console = _console()
    return Progress(console=console, transient=True, disable=not console.is_terminal)
