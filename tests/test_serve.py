"""`khabar serve`'s server on 127.0.0.1: slow clients are cut off with a 408 within the set
time (request line and headers, a slow body, a Content-Length longer than the body)."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from app.config import Settings, get_settings
from app.main import create_app
from app.serve import json_logged_app, process_count, uvicorn_options
from app.store.migrate import upgrade

DEADLINE = 0.5


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'khabar.db'}"
    upgrade(url)
    settings = Settings(
        database_url=url,
        api_keys=["serve-test-key-0123456789"],
        header_timeout_seconds=DEADLINE,
        body_timeout_seconds=DEADLINE,
        keep_alive_seconds=1,
    )
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=0, **uvicorn_options(settings)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield "127.0.0.1", port
    server.should_exit = True
    thread.join(10)


def exchange(address: tuple[str, int], sent: bytes) -> tuple[bytes, float]:
    """Send `sent`, then read until the server closes; what came back and how long it took."""
    started = time.monotonic()
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(sent)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received, time.monotonic() - started


def test_a_request_is_answered(server: tuple[str, int]) -> None:
    answer, _ = exchange(server, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize(
    "sent",
    [
        b"",  # connects and says nothing
        b"GET /health HTTP/1.1\r\nHost: x\r\n",  # headers never finish
    ],
    ids=["silent", "slow-headers"],
)
def test_slow_headers_get_408_and_close(server: tuple[str, int], sent: bytes) -> None:
    answer, took = exchange(server, sent)
    assert answer.startswith(b"HTTP/1.1 408")
    assert b"application/problem+json" in answer
    assert took < DEADLINE + 1


def test_a_body_shorter_than_its_content_length_gets_408(server: tuple[str, int]) -> None:
    head = (
        b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
        b"X-API-Key: serve-test-key-0123456789\r\nContent-Length: 1000\r\n\r\n"
    )
    answer, took = exchange(server, head + b"only a few bytes")
    assert answer.startswith(b"HTTP/1.1 408")
    assert b"connection: close" in answer.lower()
    assert took < DEADLINE + 1


def test_the_keep_alive_is_bounded(server: tuple[str, int]) -> None:
    answer, took = exchange(server, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200")
    assert took < 1 + DEADLINE + 1


def test_dockerfile_serves_with_these_limits() -> None:
    dockerfile = (Path(__file__).parents[1] / "Dockerfile").read_text()
    assert "khabar serve" in dockerfile


def test_sqlite_is_served_by_one_process_whatever_is_asked() -> None:
    # SQLite's job queue lives in the process: two would give two jobs one id
    assert process_count(Settings(database_url="sqlite:///./khabar.db"), 4) == 1


def test_postgresql_is_served_by_as_many_processes_as_asked() -> None:
    settings = Settings(database_url="postgresql+psycopg://khabar@db:5432/khabar")
    assert process_count(settings, 4) == 4


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("root_logging")
def test_each_server_process_logs_json_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KHABAR_DATABASE_URL", f"sqlite:///{tmp_path / 'khabar.db'}")
    get_settings.cache_clear()
    try:
        json_logged_app()
    finally:
        get_settings.cache_clear()
    logging.getLogger("uvicorn.access").warning("a request")
    # Other threads of the test process may log around it: find this record's own line.
    ours = [x for x in capsys.readouterr().err.splitlines() if "a request" in x]
    assert ours, "the record was not logged"
    line = json.loads(ours[-1])
    assert line["message"] == "a request"
    assert line["request_id"] == "-"
