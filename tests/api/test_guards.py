"""A slow or short request body is cut off with a 408 within the deadline."""

from __future__ import annotations

import asyncio
import time

import pytest
from conftest import API_KEY
from sqlalchemy import Engine
from starlette.types import Message

from app.config import Settings
from app.main import create_app

pytestmark = pytest.mark.anyio


async def call_with_stalled_body(settings: Settings, engine: Engine) -> list[Message]:
    """POST whose Content-Length promises more than the client ever sends."""
    app = create_app(settings.model_copy(update={"body_timeout_seconds": 0.3}), engine)
    chunks: list[Message] = [{"type": "http.request", "body": b"abc", "more_body": True}]
    sent: list[Message] = []

    async def receive() -> Message:
        if chunks:
            return chunks.pop()
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/articles",
        "raw_path": b"/articles",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"khabar.test"),
            (b"content-type", b"text/plain"),
            (b"content-length", b"1000"),
            (b"x-api-key", API_KEY.encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    await asyncio.wait_for(app(scope, receive, send), 5)
    return sent


async def test_a_body_that_stalls_gets_408_and_connection_close(
    settings: Settings, engine: Engine
) -> None:
    started = time.monotonic()
    sent = await call_with_stalled_body(settings, engine)
    assert time.monotonic() - started < 2
    start = sent[0]
    assert start["status"] == 408
    headers = dict(start["headers"])
    assert headers[b"content-type"] == b"application/problem+json"
    assert headers[b"connection"] == b"close"
