"""Test helpers shared across modules: a local web site on loopback, a committed
archive whose new rows are removed after the test, and waiting for what another
connection makes happen."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.base import Base
from app.store.writes import clear_children

FIXTURES = Path(__file__).parent / "fixtures"
CLI = FIXTURES / "cli"
ARCHIVE = CLI / "archive"  # three articles: .txt, .html and .json, in nested folders

# --- a local web site ---------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0


def site_pages() -> dict[str, Page]:
    """The pages the tests fetch; b"{base}" in a body becomes the server's own address."""
    rss = "application/rss+xml; charset=utf-8"
    return {
        "/news/story-1.html": Page((CLI / "pages" / "story-1.html").read_bytes()),
        "/news/story-2.html": Page((CLI / "pages" / "story-2.html").read_bytes()),
        "/teasers.rss": Page((CLI / "teasers.rss").read_bytes(), rss),
        "/teasers-one-gone.rss": Page((CLI / "teasers_one_gone.rss").read_bytes(), rss),
        "/fulltext.rss": Page((CLI / "fulltext.rss").read_bytes(), rss),
        "/wire.jsonl": Page((FIXTURES / "json" / "wire.jsonl").read_bytes(), "text/plain"),
        "/slow.html": Page((CLI / "pages" / "story-1.html").read_bytes(), delay=1.0),
        "/error.html": Page(b"<h1>Internal Server Error</h1>", status=500),
        "/photo.png": Page(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
    }


class _Handler(BaseHTTPRequestHandler):
    pages: dict[str, Page]
    base: str

    def do_GET(self) -> None:
        page = self.pages.get(self.path.split("?")[0], Page(b"<h1>Not Found</h1>", status=404))
        time.sleep(page.delay)
        body = page.body.replace(b"{base}", self.base.encode())
        self.send_response(page.status)
        if page.content_type:
            self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow page's handler may outlive the test that gave up on it

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up on a slow page is expected


@contextmanager
def serve(pages: dict[str, Page] | None = None) -> Iterator[str]:
    """A web site on 127.0.0.1 for as long as the block lasts; yields its base URL."""

    class Handler(_Handler):
        pass

    Handler.pages = site_pages() if pages is None else pages
    httpd = _QuietServer(("127.0.0.1", 0), Handler)
    Handler.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Handler.base
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


# --- a committed archive ------------------------------------------------------------------

_SHARED = (m.Entity, m.Resolution, m.Source)  # rows every article may create


def snapshot(engine: Engine) -> dict[str, set[int]]:
    with Session(engine) as session:
        return {
            model.__tablename__: set(session.scalars(select(model.id)))
            for model in (m.Article, *_SHARED)
        }


def remove_new_rows(engine: Engine, before: dict[str, set[int]]) -> None:
    """Undo what a test committed: its articles (and their rows), then shared rows it made."""
    with Session(engine) as session, session.begin():
        for article_id in set(session.scalars(select(m.Article.id))) - before["articles"]:
            clear_children(session, article_id)
            session.execute(delete(m.Article).where(m.Article.id == article_id))
        for model in _SHARED:
            new = set(session.scalars(select(model.id))) - before[model.__tablename__]
            if new:
                session.execute(delete(model).where(model.id.in_(new)))


@contextmanager
def committed(engine: Engine) -> Iterator[Engine]:
    before = snapshot(engine)
    try:
        yield engine
    finally:
        remove_new_rows(engine, before)


def count(engine: Engine, model: type[Base]) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# --- fixtures -----------------------------------------------------------------------------


def summary(err: str) -> str:
    """The summary line the run printed last."""
    return next(line for line in reversed(err.splitlines()) if line.startswith(("ingested", "re-")))


def failures(err: str) -> list[str]:
    return [line.strip() for line in err.splitlines() if line.startswith("  failed ")]


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait, polling, for what another connection makes happen (a notice, a commit)."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("not within the time allowed")
