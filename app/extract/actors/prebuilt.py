"""The shipped gazetteer kept built on disk between processes: building it (reading and
validating the JSON, every spelling variant, CLDR's names) cost each `khabar` process
some 150 ms of CPU, loading it back some 25 ms.

The file is named by a hash of everything the build reads: the data files, the source of
app/extract, app/text and app/ingest/model.py (the code that folds and indexes the
names), Babel's locale data, the Python version. A changed input names another file, so
a stale one is never read. Any failure to read or write the cache falls back to building:
the cache can only save time, never change a result.

It lives in $XDG_CACHE_HOME/khabar (~/.cache/khabar by default), the user's own: a
pickle there is trusted as much as the code beside it."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
_APP = Path(__file__).resolve().parents[2]
_FORMAT = "1"  # raise when what is pickled changes shape without its source changing


def cached_build(name: str, data_dir: Path, build: Callable[[], T]) -> T:
    """build(), or what an earlier process built from the same inputs."""
    try:
        path = cache_dir() / f"{name}-{inputs_hash(data_dir)}.pickle"
    except OSError:
        return build()
    found: T | None = _read(path)
    if found is not None:
        return found
    built = build()
    _write(path, built)
    return built


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "khabar"


def inputs_hash(data_dir: Path) -> str:
    """A hash of every file the build reads, by path and content."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version}".encode())
    for path in _inputs(data_dir):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _inputs(data_dir: Path) -> Iterable[Path]:
    yield from sorted(p for p in data_dir.iterdir() if p.is_file())
    for package in ("extract", "text"):
        yield from sorted((_APP / package).rglob("*.py"))
    yield _APP / "ingest" / "model.py"
    babel = find_spec("babel")
    if babel is not None and babel.origin:  # _cldr_names reads these; optional at run time
        locales = Path(babel.origin).parent / "locale-data"
        yield from (p for p in (locales / "root.dat", locales / "ar.dat") if p.is_file())


def _read(path: Path) -> Any:
    # Unpickling makes some 400,000 objects: collections in between would triple its cost.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: build instead
        log.warning("prebuilt %s unreadable (%s); building it again", path, exc)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    """Written under a temporary name then renamed: a reader sees the whole file or none.
    The files of other inputs (older versions) are removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError as exc:  # a read-only home: the next process builds too
        log.info("prebuilt %s not written (%s)", path, exc)
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception as exc:  # a full disk, say
        log.info("prebuilt %s not written (%s)", path, exc)
        Path(temporary).unlink(missing_ok=True)
        return
    name = path.name.split("-", 1)[0]
    for old in path.parent.glob(f"{name}-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
