"""fetch_url: what it fetches, and every way it refuses to reach into a private network.

Positive tests talk to a server on 127.0.0.1 that is explicitly allowed. Refusal tests use
private names and addresses that must be refused before any connection: `no_connect`
makes a connection attempt fail the test, so nothing ever leaves the machine.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.ingest.errors import FetchError, ForbiddenTarget, InputTooLarge, UnsupportedFormat
from app.ingest.fetch import FetchSettings, fetch_url, forbidden_reason

PAGE = "<html><head><title>خبر</title></head><body><p>نص الخبر</p></body></html>".encode()
SLOW_SECONDS = 1.0


class _Handler(BaseHTTPRequestHandler):
    seen: list[dict[str, str]]  # set per server: the Host and path of every request

    def do_GET(self) -> None:
        self.seen.append({"host": self.headers.get("Host", ""), "path": self.path})
        route = self.path.split("?")[0]
        if route == "/article":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif route == "/redirect":
            self._redirect("/article")
        elif route == "/redirect-private":
            self._redirect("http://10.0.0.1/secret")
        elif route == "/redirect-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif route == "/redirect-localhost":
            port = self.headers["Host"].rsplit(":", 1)[1]
            self._redirect(f"http://localhost:{port}/article")
        elif route == "/loop":
            self._redirect("/loop")
        elif route == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, "text/html", PAGE)
        elif route == "/image":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
        elif route == "/big":
            self._send(200, "text/html", b"<p>" + "خبر ".encode() * 20_000 + b"</p>")
        elif route == "/big-chunked":
            self._chunked(b"<p>" + b"x" * 8192 + b"</p>", times=20)
        elif route == "/untyped":
            self._send(200, None, PAGE)
        elif route == "/error":
            self._send(500, "text/html", b"<h1>Internal Server Error</h1>")
        else:
            self._send(404, "text/html", b"<h1>Not Found</h1>")

    def _send(self, status: int, content_type: str | None, body: bytes) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _chunked(self, chunk: bytes, times: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for _ in range(times):
            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up on /slow or /big is expected


@pytest.fixture
def server() -> Iterator[tuple[str, list[dict[str, str]]]]:
    class Handler(_Handler):
        seen: list[dict[str, str]] = []  # noqa: RUF012 - one list per server, read by tests

    httpd = _QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", Handler.seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def allowing(*hosts: str, **overrides: Any) -> FetchSettings:
    values: dict[str, Any] = {"timeout_seconds": 5.0, "max_bytes": 64 * 1024} | overrides
    return FetchSettings(allowed_hosts=frozenset(hosts), **values)


@pytest.fixture
def no_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a connection was attempted to a target that must be refused")

    monkeypatch.setattr(httpx.Client, "send", refuse)


# --- fetching ---------------------------------------------------------------------------


def test_fetches_a_page_from_an_allowed_host(server: tuple[str, list[dict[str, str]]]) -> None:
    base, seen = server
    got = fetch_url(f"{base}/article", allowing("127.0.0.1"))
    assert got.data == PAGE
    assert got.content_type == "text/html; charset=utf-8"
    assert got.url_final == f"{base}/article"
    assert seen[0]["host"] == base.removeprefix("http://")


def test_sends_the_configured_user_agent(
    server: tuple[str, list[dict[str, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = server
    agents: list[str] = []
    original = _Handler.do_GET

    def record(self: _Handler) -> None:
        agents.append(self.headers.get("User-Agent", ""))
        original(self)

    monkeypatch.setattr(_Handler, "do_GET", record)
    fetch_url(f"{base}/article", allowing("127.0.0.1", user_agent="KhabarTest/1"))
    assert agents == ["KhabarTest/1"]


def test_follows_a_redirect_and_reports_the_final_url(
    server: tuple[str, list[dict[str, str]]],
) -> None:
    base, seen = server
    got = fetch_url(f"{base}/redirect", allowing("127.0.0.1"))
    assert got.url_final == f"{base}/article"
    assert [s["path"] for s in seen] == ["/redirect", "/article"]


def test_too_many_redirects_is_a_fetch_error(server: tuple[str, list[dict[str, str]]]) -> None:
    base, seen = server
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch_url(f"{base}/loop", allowing("127.0.0.1", max_redirects=3))
    assert len(seen) == 4


def test_missing_content_type_is_accepted_for_sniffing(
    server: tuple[str, list[dict[str, str]]],
) -> None:
    base, _ = server
    got = fetch_url(f"{base}/untyped", allowing("127.0.0.1"))
    assert got.content_type is None
    assert got.data == PAGE


def test_settings_carry_over_from_the_app_settings() -> None:
    settings = Settings(fetch_allowed_hosts="Intranet.Example, 127.0.0.1", fetch_max_bytes=1000)
    built = FetchSettings.from_settings(settings)
    assert built.allowed_hosts == {"intranet.example", "127.0.0.1"}
    assert built.max_bytes == 1000
    assert built.user_agent == settings.user_agent


# --- origin errors ----------------------------------------------------------------------


@pytest.mark.parametrize(("path", "status"), [("/missing", "404"), ("/error", "500")])
def test_an_origin_error_status_is_a_fetch_error_naming_it(
    server: tuple[str, list[dict[str, str]]], path: str, status: str
) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=f"HTTP {status}") as caught:
        fetch_url(base + path, allowing("127.0.0.1"))
    assert caught.value.status == 502


def test_a_slow_origin_times_out(server: tuple[str, list[dict[str, str]]]) -> None:
    base, _ = server
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"did not answer within|took longer"):
        fetch_url(f"{base}/slow", allowing("127.0.0.1", timeout_seconds=0.2))
    assert time.monotonic() - started < SLOW_SECONDS


def test_a_refused_connection_is_a_fetch_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on: bind, read it, close
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect"):
        fetch_url(f"http://127.0.0.1:{port}/", allowing("127.0.0.1"))


def test_a_non_document_type_is_unsupported(server: tuple[str, list[dict[str, str]]]) -> None:
    base, _ = server
    with pytest.raises(UnsupportedFormat, match="image/png") as caught:
        fetch_url(f"{base}/image", allowing("127.0.0.1"))
    assert caught.value.status == 415


def test_a_body_over_the_limit_is_refused_from_its_length(
    server: tuple[str, list[dict[str, str]]],
) -> None:
    base, _ = server
    with pytest.raises(InputTooLarge) as caught:
        fetch_url(f"{base}/big", allowing("127.0.0.1", max_bytes=10_000))
    assert caught.value.status == 413


def test_a_streamed_body_is_cut_off_at_the_limit(server: tuple[str, list[dict[str, str]]]) -> None:
    base, _ = server
    with pytest.raises(InputTooLarge, match="larger than the 50000-byte limit"):
        fetch_url(f"{base}/big-chunked", allowing("127.0.0.1", max_bytes=50_000))


# --- refusals (SSRF) --------------------------------------------------------------------


@pytest.mark.usefixtures("no_connect")
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1/", "loopback"),
        ("http://2130706433/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://localhost/", "loopback"),
        ("http://10.0.0.1/", "private"),
        ("http://192.168.1.1:8080/admin", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[fd00:ec2::254]/", "cloud metadata"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[::ffff:127.0.0.1]/", "IPv4-embedding loopback"),
        ("http://[::ffff:10.0.0.1]/", "IPv4-embedding private"),
        ("http://[64:ff9b::a00:1]/", "IPv4-embedding private"),
        ("http://240.0.0.1/", "reserved"),
    ],
)
def test_non_public_targets_are_refused_before_connecting(url: str, reason: str) -> None:
    with pytest.raises(ForbiddenTarget, match=reason) as caught:
        fetch_url(url, allowing())
    assert caught.value.status == 422


@pytest.mark.usefixtures("no_connect")
@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:1"]
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(ForbiddenTarget, match="only http and https"):
        fetch_url(url, allowing())


@pytest.mark.usefixtures("no_connect")
def test_credentials_in_the_url_are_refused() -> None:
    with pytest.raises(ForbiddenTarget, match="credentials"):
        fetch_url("http://user:secret@example.com/", allowing())


@pytest.mark.usefixtures("no_connect")
def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"mixed.test": ["93.184.215.14", "10.1.2.3"]})
    with pytest.raises(ForbiddenTarget, match=r"mixed\.test resolves to 10\.1\.2\.3"):
        fetch_url("https://mixed.test/news", allowing())


@pytest.mark.usefixtures("no_connect")
def test_an_unresolvable_host_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {})
    with pytest.raises(FetchError, match=r"could not resolve host nowhere\.test"):
        fetch_url("http://nowhere.test/", allowing())


def test_a_redirect_to_a_private_address_is_refused(
    server: tuple[str, list[dict[str, str]]],
) -> None:
    base, seen = server
    with pytest.raises(ForbiddenTarget, match=r"10\.0\.0\.1 is a private address"):
        fetch_url(f"{base}/redirect-private", allowing("127.0.0.1"))
    assert [s["path"] for s in seen] == ["/redirect-private"]


def test_a_redirect_to_cloud_metadata_is_refused(
    server: tuple[str, list[dict[str, str]]],
) -> None:
    base, _ = server
    with pytest.raises(ForbiddenTarget, match="cloud metadata"):
        fetch_url(f"{base}/redirect-metadata", allowing("127.0.0.1"))


def test_the_allow_list_names_hosts_not_addresses(
    server: tuple[str, list[dict[str, str]]],
) -> None:
    # 127.0.0.1 is allowed, but "localhost" is another name: its redirect hop is refused
    base, seen = server
    with pytest.raises(ForbiddenTarget, match="localhost resolves to"):
        fetch_url(f"{base}/redirect-localhost", allowing("127.0.0.1"))
    assert len(seen) == 1


def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(
    server: tuple[str, list[dict[str, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the name answers once, then would answer differently. Only the first
    # answer may be used; a second lookup fails loudly here instead of leaving the machine.
    base, seen = server
    port = base.rsplit(":", 1)[1]
    lookups = fake_dns(monkeypatch, {"pinned.test": ["127.0.0.1"]}, once=True)
    got = fetch_url(f"http://pinned.test:{port}/article", allowing("pinned.test"))
    assert got.data == PAGE
    assert got.url_final == f"http://pinned.test:{port}/article"
    assert seen[0]["host"] == f"pinned.test:{port}"
    assert lookups == ["pinned.test"]


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("8.8.8.8", None),
        ("2a00:1450:4001:80b::200e", None),
        ("::ffff:8.8.8.8", None),
        ("2002:0a00:0001::", "IPv4-embedding private"),
        ("192.0.2.1", "private"),
        ("100.100.100.200", "cloud metadata"),
        ("fc00::1", "private"),
    ],
)
def test_address_classification(address: str, reason: str | None) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) == reason


# --- helpers ----------------------------------------------------------------------------


def fake_dns(
    monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]], *, once: bool = False
) -> list[str]:
    """Answer getaddrinfo from `table`; numeric hosts pass through without any DNS query."""
    real: Callable[..., Any] = socket.getaddrinfo
    lookups: list[str] = []

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            ipaddress.ip_address(host)
        except ValueError:
            lookups.append(host)
            if host not in table or (once and lookups.count(host) > 1):
                raise socket.gaierror(socket.EAI_NONAME, "not known") from None
            return [
                (
                    socket.AF_INET6 if ":" in a else socket.AF_INET,
                    socket.SOCK_STREAM,
                    6,
                    "",
                    (a, int(port or 0)),
                )
                for a in table[host]
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups
