"""The C allocator's arenas, bounded in the server process.

glibc's malloc gives each thread that allocates an arena of its own, up to 8 per core, and
memory freed in one is kept there for that arena's next requests, not returned to the
system. The server's thread pool (up to 40 threads, one per sync request under load) and
SQLite, which allocates its pages and sorts off the GIL, spread a load's garbage over as
many arenas: at 100,000 articles, after the load of bench/latency.py, 79 MB stayed free in
them (mallinfo2), against 31 MB with two arenas, for the same requests. With the GIL held
around most allocations, threads rarely contend for an arena."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)
M_ARENA_MAX = -8  # glibc's malloc.h


def bound_malloc_arenas(arenas: int) -> bool:
    """Ask glibc for at most `arenas` arenas (0: leave its default). Threads started later
    share them; arenas already made stay. False where the C library is not glibc."""
    if arenas <= 0:
        return False
    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt if name else None
    except (OSError, AttributeError):
        mallopt = None
    if mallopt is None:
        log.debug("no mallopt in this C library: malloc's arenas left as they are")
        return False
    return bool(mallopt(M_ARENA_MAX, arenas))
