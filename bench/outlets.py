"""Fake outlets on loopback, for the tests and the job benchmark: feeds that answer
conditional requests, article pages, a robots.txt, and feeds that fail or are slow on
demand. Every request is logged."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

RSS = "application/rss+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[dict[str, str]], Answer]  # request headers (lower-case names) -> answer


@dataclass
class Outlet:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hits(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for logged, headers in self.log if logged == path]

    def add_feed(self, path: str, items: int, *, start: int = 1, etag: str = '"v1"') -> None:
        """A feed of teasers linking to pages /news/<n>.html, which are served too."""
        body = teaser_feed(self.base, range(start, start + items))
        self.routes[path] = conditional(body, etag)
        for n in range(start, start + items):
            self.routes[f"/news/{n}.html"] = static(article_page(n))


def static(body: bytes, content_type: str = HTML) -> Route:
    return lambda headers: Answer(200, body, content_type)


def conditional(
    body: bytes, etag: str, last_modified: str = "Mon, 07 Dec 2026 08:00:00 GMT"
) -> Route:
    """A feed with validators: 304 when the client already has this version."""

    def route(headers: dict[str, str]) -> Answer:
        validators = {"ETag": etag, "Last-Modified": last_modified}
        if headers.get("if-none-match") == etag:
            return Answer(304, b"", None, validators)
        return Answer(200, body, RSS, validators)

    return route


def failing_then(route: Route, failures: int) -> Route:
    """HTTP 500 for the first `failures` requests, then the route."""
    count = {"n": 0}

    def wrapped(headers: dict[str, str]) -> Answer:
        count["n"] += 1
        if count["n"] <= failures:
            return Answer(500, b"<h1>Internal Server Error</h1>")
        return route(headers)

    return wrapped


def slow(route: Route, seconds: float) -> Route:
    def wrapped(headers: dict[str, str]) -> Answer:
        time.sleep(seconds)
        return route(headers)

    return wrapped


def teaser_feed(base: str, numbers: range) -> bytes:
    items = "".join(
        f"<item><title>{escape(headline(n))}</title><link>{base}/news/{n}.html</link>"
        f"<pubDate>Mon, 07 Dec 2026 08:{n % 60:02d}:00 +0300</pubDate>"
        f"<description>{escape(headline(n))}...</description></item>"
        for n in numbers
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>وكالة الاختبار</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def fulltext_feed(base: str, numbers: range) -> bytes:
    """Items that carry their whole story (over the teaser threshold) and link to pages."""
    items = "".join(
        f"<item><title>{escape(headline(n))}</title><link>{base}/news/{n}.html</link>"
        f"<pubDate>Mon, 07 Dec 2026 08:{n % 60:02d}:00 +0300</pubDate>"
        f"<description>{escape(f'<p>{paragraph(n)}</p>' * 4)}</description></item>"
        for n in numbers
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>وكالة الاختبار</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def paragraph(n: int) -> str:
    return (
        "بحث وزير الخارجية مع نظيره في اتصال هاتفي اليوم ملف المعابر الحدودية وسبل تسهيل "
        f"عبور الشاحنات، في الجولة رقم {n} من المشاورات بين البلدين."
    )


def headline(n: int) -> str:
    return f"الوزير يبحث مع نظيره ملف المعابر في الجولة رقم {n}"


def article_page(n: int) -> bytes:
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{headline(n)}</title>
<meta property="og:site_name" content="وكالة الاختبار">
<meta property="article:published_time" content="2026-12-07T08:{n % 60:02d}:00+03:00">
</head><body><article><h1>{headline(n)}</h1>
<p>{paragraph(n)}</p>
<p>وأكد الجانبان أهمية مواصلة التنسيق خلال الأسابيع المقبلة، على أن يلتقي فريقا العمل
في العاصمة لمتابعة ما اتفق عليه.</p></article></body></html>""".encode()


class _Handler(BaseHTTPRequestHandler):
    outlet: Outlet

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        headers = {k.lower(): v for k, v in self.headers.items()}
        headers["_at"] = str(time.monotonic())  # when it arrived, for the politeness test
        with self.outlet.lock:
            self.outlet.log.append((path, headers))
        route = self.outlet.routes.get(path)
        answer = route(headers) if route else Answer(404, b"<h1>Not Found</h1>")
        self.send_response(answer.status)
        if answer.content_type:
            self.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


@contextmanager
def outlet_server() -> Iterator[Outlet]:
    """An outlet on 127.0.0.1 for as long as the block lasts."""
    outlet = Outlet()

    class Handler(_Handler):
        pass

    Handler.outlet = outlet
    httpd = _Server(("127.0.0.1", 0), Handler)
    outlet.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    outlet.routes["/robots.txt"] = static(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield outlet
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
