"""The in-process benchmark's harness: a request through an ASGI app with no server, and
its CPU per request."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.main import create_app
from bench.asgi_loop import call, per_request_us, scope
from bench.bare import app as bare_app

pytestmark = pytest.mark.anyio


async def test_a_request_goes_through_the_app_as_a_server_would_send_it(
    database_url: str,
) -> None:
    status, headers, body = await call(bare_app, scope("/"))
    assert (status, body) == (200, b'{"status":"ok"}')
    khabar = create_app(Settings(database_url=database_url, log_level="WARNING"))
    status, headers, body = await call(khabar, scope("/health", method="HEAD"))
    assert status == 200 and body == b"" and dict(headers)[b"content-type"] == b"application/json"
    khabar.state.engine.dispose()


async def test_the_cost_of_a_request_is_measured_in_cpu() -> None:
    cost = await per_request_us(bare_app, scope("/"), seconds=0.05)
    assert 0 < cost < 100_000
