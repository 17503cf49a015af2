"""The workers' fetcher: the SSRF-safe fetch_url, made polite. Every request to a host
waits for its turn (one request per `host_delay_seconds`, shared by all workers through
the database) and is checked against the host's robots.txt, itself fetched through the
same SSRF-safe fetcher and kept for `robots_ttl_seconds`."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import timedelta
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.ingest.errors import FetchError, ForbiddenTarget, HttpStatusError
from app.ingest.fetch import Fetched, FetchSettings, fetch_url
from app.store.base import utcnow
from app.store.db import unit_of_work
from app.store.hosts import HostTurn, save_robots, take_turn

log = logging.getLogger(__name__)
ALLOW_ALL = ""
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


class RobotsDisallowed(ForbiddenTarget):
    title = "Disallowed by robots.txt"


class PoliteFetcher:
    def __init__(self, settings: Settings, factory: sessionmaker[Session]) -> None:
        self.fetch_settings = FetchSettings.from_settings(settings)
        self.spacing = timedelta(seconds=settings.host_delay_seconds)
        self.robots_ttl = timedelta(seconds=settings.robots_ttl_seconds)
        self.agent = settings.user_agent.split("/", 1)[0]  # the product token robots name
        self.factory = factory
        self._parsed: dict[str, tuple[str, RobotFileParser]] = {}
        self._robots_seen: dict[str, HostTurn] = {}  # at = when robots.txt was fetched

    def __call__(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        parts = urlsplit(url)
        host = (parts.netloc or "").lower()
        turn = self._wait_turn(host)
        robots_txt = turn.robots_txt
        fresh = turn.robots_fetched_at and utcnow() - turn.robots_fetched_at < self.robots_ttl
        if robots_txt is None or not fresh:
            robots_txt = self._fetch_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
            with unit_of_work(self.factory) as session:
                save_robots(session, host, robots_txt, utcnow())
            self._wait_turn(host)  # the robots.txt request used this turn
        if not self._parser(host, robots_txt).can_fetch(self.agent, url):
            raise RobotsDisallowed(f"robots.txt of {host} disallows {url}")
        return fetch_url(url, self.fetch_settings, headers=headers)

    def _wait_turn(self, host: str) -> HostTurn:
        known = self._robots_seen.get(host)
        if not self.spacing and known and utcnow() - known.at < self.robots_ttl:
            return known  # no spacing to keep and robots.txt fresh: no need to ask the database
        with unit_of_work(self.factory) as session:
            turn = take_turn(session, host, utcnow(), self.spacing)
        if turn.robots_txt is not None and turn.robots_fetched_at:
            self._robots_seen[host] = HostTurn(
                turn.robots_fetched_at, turn.robots_txt, turn.robots_fetched_at
            )
        delay = (turn.at - utcnow()).total_seconds()
        if delay > 0:
            time.sleep(delay)
        return turn

    def _fetch_robots(self, url: str) -> str:
        """RFC 9309: a missing file allows everything, a forbidden one nothing; a server
        error or no answer fails this fetch (retried later) rather than guessing."""
        try:
            return fetch_url(url, self.fetch_settings).data.decode("utf-8", "replace")
        except HttpStatusError as exc:
            if exc.status_code in {401, 403}:
                return DISALLOW_ALL
            if exc.status_code < 500:
                return ALLOW_ALL
            raise FetchError(f"robots.txt unavailable: {exc.detail}") from exc

    def _parser(self, host: str, robots_txt: str) -> RobotFileParser:
        cached = self._parsed.get(host)
        if cached is not None and cached[0] == robots_txt:
            return cached[1]
        parser = RobotFileParser()
        parser.parse(robots_txt.splitlines())
        self._parsed[host] = (robots_txt, parser)
        return parser
