"""Prometheus metrics. Each app has a registry of its own (tests build many apps); the ingest
counter is module-level, since ingestion runs outside any app too, and joins each registry."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine
from sqlalchemy.pool import QueuePool

INGESTED = Counter(
    "khabar_ingest_articles",
    "Articles ingested, by outcome (ingested, updated, unchanged, failed).",
    ["outcome"],
    registry=None,
)


class PoolCollector(Collector):
    """Connections of the app's pool, read at scrape time (no cost per request)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        pool = self.engine.pool
        if not isinstance(pool, QueuePool):
            return
        gauge = GaugeMetricFamily(
            "khabar_db_pool_connections", "Database pool connections by state.", labels=["state"]
        )
        gauge.add_metric(["checked_out"], pool.checkedout())
        gauge.add_metric(["idle"], pool.checkedin())
        gauge.add_metric(["overflow"], max(pool.overflow(), 0))
        gauge.add_metric(["size"], pool.size())
        yield gauge


class HttpMetrics:
    def __init__(self, engine: Engine) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "khabar_http_requests",
            "HTTP requests by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "khabar_http_request_duration_seconds",
            "Time to the end of the response, by method and route template.",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.registry.register(INGESTED)
        self.registry.register(PoolCollector(engine))
