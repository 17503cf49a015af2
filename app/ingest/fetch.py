"""Fetch a URL for ingestion without letting it reach into our own network (SSRF).

Every hop, the first request and each redirect, goes through the same gate: http(s) only,
no credentials in the URL, the host resolved once with getaddrinfo, EVERY resolved
address checked against the non-public ranges, and the connection then made to one of
those checked addresses (the URL carries the IP; Host header and TLS SNI/certificate
checks keep the name). The name is never resolved a second time, so a DNS answer that
changes between check and connect (rebinding) cannot slip a private address in.
Hosts on the allowed list skip the address check only; they are pinned the same way.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import httpx

from app.ingest.decode import parse_content_type
from app.ingest.errors import (
    FetchError,
    ForbiddenTarget,
    HttpStatusError,
    InputTooLarge,
    UnsupportedFormat,
)
from app.ingest.formats import SUPPORTED_MEDIA_TYPES

if TYPE_CHECKING:
    from app.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_REDIRECTS = {301, 302, 303, 307, 308}
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack...
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_ACCEPT = (
    "text/html,application/xhtml+xml,application/json,application/rss+xml,"
    "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8"
)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    timeout_seconds: float = 10.0  # budget for the whole fetch, redirects included
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "KhabarBot/0.1"

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchSettings:
        return cls(
            allowed_hosts=frozenset(
                h.strip().lower().strip("[]") for h in settings.fetch_allowed_hosts
            ),
            timeout_seconds=settings.fetch_timeout_seconds,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
            user_agent=settings.user_agent,
        )


@dataclass(frozen=True, slots=True)
class Fetched:
    url_final: str
    content_type: str | None
    data: bytes
    status: int = 200  # or 304 Not Modified, for a conditional request
    etag: str | None = None  # the validators to send next time (conditional GET)
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """One hop, checked: where to connect (addresses) and what to call it (url, host)."""

    url: httpx.URL
    host: str  # ASCII (IDNA) host name or IP literal, no brackets
    addresses: list[str]


def fetch_url(
    url: str, settings: FetchSettings, *, headers: Mapping[str, str] | None = None
) -> Fetched:
    """The page at `url`. `headers` may make it conditional (If-None-Match,
    If-Modified-Since): an unchanged page then comes back empty with status 304."""
    deadline = time.monotonic() + settings.timeout_seconds
    current = _parse_url(url)
    with httpx.Client(trust_env=False, follow_redirects=False) as client:
        for _ in range(settings.max_redirects + 1):
            target = check_target(current, settings)
            with _open(client, target, settings, deadline, headers or {}) as response:
                if response.status_code in _REDIRECTS:
                    current = _next_hop(current, response)
                    continue
                if response.status_code == 304:
                    return _validated(response, Fetched(str(current), None, b"", 304))
                return _validated(response, _read(response, current, settings, deadline))
    raise FetchError(f"more than {settings.max_redirects} redirects from {url}")


def check_target(url: httpx.URL, settings: FetchSettings) -> Target:
    """Refuse a URL before any connection is made; return the addresses to connect to."""
    if url.scheme not in {"http", "https"}:
        raise ForbiddenTarget(f"only http and https URLs can be fetched, not {url.scheme!r}")
    if url.userinfo:
        raise ForbiddenTarget("URLs with credentials (user:password@) are not fetched")
    host = url.raw_host.decode("ascii").lower()
    if not host:
        raise ForbiddenTarget(f"the URL {url} has no host")
    addresses = _resolve(host, url.port or (443 if url.scheme == "https" else 80))
    if host not in settings.allowed_hosts:
        for address in addresses:
            reason = forbidden_reason(ipaddress.ip_address(address))
            if reason:
                shown = host if host == address else f"{host} resolves to {address}, which"
                raise ForbiddenTarget(f"{shown} is a {reason} address; only public ones are open")
    return Target(url=url, host=host, addresses=addresses)


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why an address must not be fetched from, or None for an ordinary public address."""
    if ip in _METADATA:
        return "cloud metadata"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            reason = forbidden_reason(embedded)
            return f"IPv4-embedding {reason}" if reason else None
    checks = (
        (ip.is_unspecified, "unspecified"),
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local"),
        (ip in _CGNAT, "carrier-grade NAT"),
        (ip.is_multicast, "multicast"),
        (ip.is_reserved, "reserved"),
        (ip.is_private, "private"),
        (not ip.is_global, "non-public"),
    )
    return next((reason for failed, reason in checks if failed), None)


def _parse_url(url: str) -> httpx.URL:
    try:
        return httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise ForbiddenTarget(f"not a valid URL: {exc}") from exc


def _resolve(host: str, port: int) -> list[str]:
    """Every address the name resolves to, in the resolver's order, without duplicates."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"could not resolve host {host}") from exc
    addresses = [str(info[4][0]).split("%", 1)[0] for info in infos]
    return list(dict.fromkeys(addresses))


def _validated(response: httpx.Response, fetched: Fetched) -> Fetched:
    return replace(
        fetched,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


@contextmanager
def _open(
    client: httpx.Client,
    target: Target,
    settings: FetchSettings,
    deadline: float,
    extra_headers: Mapping[str, str],
) -> Iterator[httpx.Response]:
    """A streamed response from the first checked address that accepts a connection."""
    headers = {
        **extra_headers,
        "Host": target.url.netloc.decode("ascii"),
        "User-Agent": settings.user_agent,
        "Accept": _ACCEPT,
        "Accept-Encoding": "identity",  # the size limit then counts real bytes, no zip bombs
    }
    extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
    error: Exception | None = None
    for address in target.addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        request = client.build_request(
            "GET",
            target.url.copy_with(host=address),
            headers=headers,
            extensions=extensions,
            timeout=remaining,
        )
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError as exc:
            error = exc  # try the next checked address, as a browser would
            continue
        except httpx.TimeoutException as exc:
            raise _timeout(target, settings) from exc
        except httpx.TransportError as exc:
            raise FetchError(f"could not fetch {target.url}: {exc}") from exc
        try:
            yield response
        finally:
            response.close()
        return
    if error is None:
        raise _timeout(target, settings)
    raise FetchError(f"could not connect to {target.host}: {error}") from error


def _next_hop(current: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise FetchError(f"{current} answered {response.status_code} without a Location")
    try:
        return current.join(location.strip())
    except httpx.InvalidURL as exc:
        raise FetchError(f"{current} redirected to an invalid URL: {exc}") from exc


def _read(
    response: httpx.Response, url: httpx.URL, settings: FetchSettings, deadline: float
) -> Fetched:
    if response.status_code >= 400:
        raise HttpStatusError(
            f"{url} answered HTTP {response.status_code} {response.reason_phrase}".rstrip(),
            status_code=response.status_code,
        )
    if response.status_code != 200:
        raise FetchError(f"{url} answered HTTP {response.status_code}, expected 200")
    content_type = response.headers.get("content-type")
    mime, _ = parse_content_type(content_type)
    if mime is not None and mime not in SUPPORTED_MEDIA_TYPES:
        raise UnsupportedFormat(f"{url} is {mime}, not an HTML, text, JSON or feed document")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise InputTooLarge(f"{url} is {declared} bytes; the limit is {settings.max_bytes}")
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise InputTooLarge(f"{url} is larger than the {settings.max_bytes}-byte limit")
            if time.monotonic() > deadline:
                raise FetchError(f"{url} took longer than {settings.timeout_seconds:g} s")
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url} took longer than {settings.timeout_seconds:g} s") from exc
    except httpx.TransportError as exc:
        raise FetchError(f"the connection to {url.host} failed mid-response: {exc}") from exc
    return Fetched(url_final=str(url), content_type=content_type, data=b"".join(chunks))


def _timeout(target: Target, settings: FetchSettings) -> FetchError:
    return FetchError(f"{target.host} did not answer within {settings.timeout_seconds:g} s")
