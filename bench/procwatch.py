"""What the processes of a run cost, sampled from /proc while it runs: the CPU and peak
memory of a command's process tree (the writer and each worker), and, for PostgreSQL, of
the server backends serving one database (its CPU is the database's share of the work,
which the client's own CPU time leaves out). Linux only; a process that ends between two
samples loses at most the last interval."""

from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

INTERVAL = 0.1
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Seen:
    """The last sample of each process: CPU seconds and peak RSS in MB."""

    cpu: dict[int, float] = field(default_factory=dict)
    peak_mb: dict[int, float] = field(default_factory=dict)

    def total_cpu(self) -> float:
        return sum(self.cpu.values())


@dataclass
class Watched:
    tree: Seen  # the command and its descendants
    backends: Seen  # PostgreSQL server processes of the database, if one was named


def run_watched(
    command: list[str], env: dict[str, str], *, admin_url: str | None, database: str | None
) -> Watched:
    """Run `command` to its end (raising if it fails), sampling as it goes."""
    watched = Watched(Seen(), Seen())
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()
    sampler = threading.Thread(
        target=_sample, args=(process.pid, watched, admin_url, database, done), daemon=True
    )
    sampler.start()
    _, err = process.communicate()
    done.set()
    sampler.join()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, stderr=err)
    return watched


def _sample(
    root: int, watched: Watched, admin_url: str | None, database: str | None, done: threading.Event
) -> None:
    engine = create_engine(admin_url) if admin_url and database else None
    try:
        while not done.wait(INTERVAL):
            for pid in [root, *_descendants(root)]:
                _read(pid, watched.tree)
            if engine is not None:
                with engine.connect() as connection:
                    pids = connection.scalars(
                        text("SELECT pid FROM pg_stat_activity WHERE datname = :db"),
                        {"db": database},
                    ).all()
                for pid in pids:
                    _read(pid, watched.backends)
    finally:
        if engine is not None:
            engine.dispose()


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, frontier = [], [root]
    while frontier:
        below = children.get(frontier.pop(), [])
        found += below
        frontier += below
    return found


def _read(pid: int, seen: Seen) -> None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return  # ended since it was listed
    seen.cpu[pid] = (int(fields[11]) + int(fields[12])) / _TICKS  # utime + stime
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            seen.peak_mb[pid] = int(line.split()[1]) / 1024
