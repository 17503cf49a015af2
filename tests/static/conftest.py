"""The explorer in headless Chromium: a live server on loopback over a temporary SQLite
archive (the samples and the reference article), and one browser for the whole run.

Chromium comes from Debian's `chromium` and `chromium-driver` packages. When they are
missing and the run is root (CI on this kind of machine), they are installed with apt-get;
elsewhere the browser tests skip with a message saying how to install them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from app.batch import run_ingest
from app.config import Settings
from app.main import create_app
from app.store.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "000_c6e7ab618c383aea.txt"
ARTIFACTS = ROOT / "test-artifacts" / "explorer"
CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ["chromium", "chromium-driver"]


def _apt_install() -> str | None:
    """Installs the browser; returns why it could not, or None."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "not root, or no apt-get"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", *PACKAGES]
    for step in ([install], [["apt-get", "update", "-q"], install]):
        done = all(
            subprocess.run(cmd, env=env, capture_output=True, timeout=900).returncode == 0
            for cmd in step
        )
        if done:
            return None
    return "apt-get install failed"


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not (CHROMIUM.exists() and DRIVER.exists()):
        why = _apt_install()
        if why or not (CHROMIUM.exists() and DRIVER.exists()):
            pytest.skip(
                f"headless Chromium unavailable ({why or 'not found after install'}): "
                f"run `apt-get install -y {' '.join(PACKAGES)}` as root to run the explorer tests"
            )
    return CHROMIUM


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not SEED.exists():
        pytest.skip(f"reference article not found at {SEED}")
    url = f"sqlite:///{tmp_path_factory.mktemp('explorer') / 'khabar.db'}"
    upgrade(url)
    settings = Settings(database_url=url)
    inputs = [str(ROOT / "samples"), str(SEED)]
    assert run_ingest(inputs, settings=settings, only_if_empty=False) == 0
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    # log_config=None: uvicorn's default config would install its access formatter on the
    # process's uvicorn.access logger, which later tests configure themselves.
    config = uvicorn.Config(
        create_app(settings), log_level="warning", lifespan="off", log_config=None
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    profile = tempfile.mkdtemp(prefix="khabar-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not reach the network
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(DRIVER)))
    driver.set_script_timeout(10)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
