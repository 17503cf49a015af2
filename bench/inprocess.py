"""Read endpoints timed in process, one request at a time (no network, no concurrency):
what a request costs the server, against the issue's 20 ms at 100,000 articles.

Timed in CPU seconds of the process, not on the wall clock: on a machine other processes
share, wall time mostly measures waiting for a core."""

from __future__ import annotations

import logging
import statistics
import time

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app

LIMIT_MS = 20.0


def time_paths(
    url: str, paths: dict[str, str], *, repeat: int = 15, written: bool = False
) -> dict[str, float]:
    """Median milliseconds per path, after one untimed request (caches, plans). `written`:
    each timed request follows a write, as far as the app knows (PostgreSQL's change
    notices, app/store/changes.py), so it reads the database rather than a kept answer."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    app = create_app(Settings(database_url=url, log_level="WARNING"))
    medians: dict[str, float] = {}
    with TestClient(app) as client:
        for name, path in paths.items():
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}: {response.text}")
            samples = []
            for _ in range(repeat):
                if written and app.state.changes is not None:
                    app.state.changes.wrote()
                began = time.process_time()
                client.get(path)
                samples.append((time.process_time() - began) * 1000)
            medians[name] = statistics.median(samples)
    app.state.engine.dispose()
    return medians
