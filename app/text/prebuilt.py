"""Tables built from data files kept built on disk between processes: the gazetteer
(reading and validating its JSON, every spelling variant, CLDR's names) cost each
`khabar` process some 150 ms of CPU, loading it back some 25 ms; the dateline tables
(Babel's import and CLDR's Arabic city and country names) some 40 ms.

A file is named by a hash of everything its build reads, by path and content (the
callers list the data files and the source of the code that builds them) and the Python
version. A changed input names another file, so a stale one is never read. Any failure to
read or write the cache falls back to building: the cache can only save time, never
change a result.

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
from collections.abc import Callable, Iterable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
APP = Path(__file__).resolve().parents[1]
_FORMAT = "1"  # raise when what is pickled changes shape without its source changing


def cached_build(name: str, inputs: Iterable[Path], build: Callable[[], T]) -> T:
    """build(), or what an earlier process built from the same inputs."""
    try:
        path = cache_dir() / f"{name}-{inputs_hash(inputs)}.pickle"
    except (OSError, RuntimeError):  # an input gone; no home directory (RuntimeError)
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


def inputs_hash(inputs: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{_FORMAT} {sys.version}".encode())
    for path in inputs:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def sources(*names: str) -> list[Path]:
    """The Python files of these packages or modules of app: "extract", "ingest/model.py"."""
    found: list[Path] = []
    for name in names:
        path = APP / name
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


def cldr_files() -> Iterator[Path]:
    """The locale data Babel reads for Arabic names; none when Babel is not installed."""
    babel = find_spec("babel")
    if babel is not None and babel.origin:
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
    name = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{name}-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
