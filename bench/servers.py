"""Servers under test and the load generator: uvicorn (Khabar, a bare FastAPI app) and
Datasette on 127.0.0.1, pinned with taskset to one core, wrk pinned to the other."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
SERVER_CORES = "0"
WRK_CORES = "1"


@dataclass(frozen=True, slots=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def ensure_wrk() -> str:
    """wrk from Debian's package, installed when missing (the machine's user is root)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("wrk is missing: apt-get install -y wrk (as root)")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk") or "wrk"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running(
    command: list[str], port: int, *, env: dict[str, str] | None = None, cores: str = SERVER_CORES
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        ["taskset", "-c", cores, *command],
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start in {seconds} s")


def uvicorn(
    app: str, port: int, *, workers: int = 1, factory: bool = False, app_dir: str = "."
) -> list[str]:
    """`app_dir` other than "." serves another checkout's code with this environment."""
    command = [str(BIN / "uvicorn"), app, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--app-dir", app_dir]
    command += ["--log-level", "warning", "--no-access-log", "--workers", str(workers)]
    return [*command, "--factory"] if factory else command


# A benchmark's Khabar server: quiet, and never rate-limiting the load it is measured under.
KHABAR_BENCH_ENV = {
    "KHABAR_LOG_LEVEL": "WARNING",
    "KHABAR_RATE_LIMIT_PER_CLIENT": "1000000000/minute",
}


def khabar_sides(before: str | None) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Free ports for this checkout's server ("after"), another checkout's ("before", when
    given) and a bare endpoint ("bare"); the commands of the Khabar servers by side."""
    sides = ("after", "before") if before else ("after",)
    ports = {side: free_port() for side in (*sides, "bare")}
    dirs = {"after": ".", "before": before or "."}
    commands = {
        side: uvicorn("app.main:create_app", ports[side], factory=True, app_dir=dirs[side])
        for side in sides
    }
    return ports, commands


def datasette(database: Path, metadata: Path, port: int) -> list[str]:
    return [
        str(BIN / "datasette"),
        "serve",
        str(database),
        "--immutable",
        str(database),
        "--metadata",
        str(metadata),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def wrk(url: str, *, seconds: int, connections: int, cores: str = WRK_CORES) -> Load:
    """One wrk run after a one-second warm-up; latency percentiles from --latency."""
    base = ["taskset", "-c", cores, ensure_wrk(), "-t1", f"-c{connections}"]
    subprocess.run([*base, "-d1s", url], check=True, capture_output=True)
    out = subprocess.run(
        [*base, f"-d{seconds}s", "--latency", url], check=True, capture_output=True, text=True
    ).stdout
    return parse_wrk(out)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(out: str) -> Load:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    if not (rate and p50 and p99):
        raise ValueError(f"unreadable wrk output:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return Load(
        requests_per_second=float(rate.group(1)),
        p50_ms=float(p50.group(1)) * _UNITS[p50.group(2)],
        p99_ms=float(p99.group(1)) * _UNITS[p99.group(2)],
        errors=int(errors.group(1)) if errors else 0,
    )


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn's workers), in MB."""
    total = 0
    for each in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(found.group(1)) if found else 0
    return total / 1024


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in _children(c)]
