"""The reference table of UN resolutions (app/extract/data/resolutions.json).

Each entry: {"body": "UNSC" | "UNGA" | "HRC", "number": 2254, "year": 2015, "title_en": ...,
"title_ar": ..., optional "session": 67}. Entries with a session are numbered within it
(A/RES/67/19 is session 67, number 19). The extractor asks the table two things: the year of
a resolution whose body it knows, and the body of a number cited without one.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.extract.model import ResolutionBody

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).parent / "data" / "resolutions.json"
_BODIES = {ResolutionBody.UNSC, ResolutionBody.UNGA, ResolutionBody.HRC, ResolutionBody.OTHER}


@dataclass(frozen=True, slots=True)
class ResolutionRecord:
    body: ResolutionBody
    number: int
    year: int | None
    title_en: str = ""
    title_ar: str = ""
    session: int | None = None


class ResolutionTable:
    """Records indexed by (number, session); a few thousand entries at most."""

    def __init__(self, records: Iterable[ResolutionRecord] = ()) -> None:
        self._by_number: dict[tuple[int, int | None], list[ResolutionRecord]] = defaultdict(list)
        for record in records:
            self._by_number[(record.number, record.session)].append(record)

    def __len__(self) -> int:
        return sum(len(records) for records in self._by_number.values())

    def candidates(self, number: int, session: int | None = None) -> list[ResolutionRecord]:
        return list(self._by_number.get((number, session), ()))

    def get(
        self, body: ResolutionBody, number: int, session: int | None = None
    ) -> ResolutionRecord | None:
        return next((r for r in self.candidates(number, session) if r.body == body), None)

    def unique(self, number: int, session: int | None = None) -> ResolutionRecord | None:
        """The record of `number` when exactly one body has a resolution by that number."""
        records = self.candidates(number, session)
        if len({r.body for r in records}) != 1:
            return None
        return records[0]

    @classmethod
    def from_path(cls, path: Path) -> ResolutionTable:
        """Load a table file; a missing file is an empty table (the data ships separately)."""
        if not path.exists():
            log.warning("resolution table %s not found: citing without reference data", path)
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data = data.get("resolutions", [])
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a list of resolutions")
        return cls(_record(entry, path) for entry in data)


def _record(entry: Any, path: Path) -> ResolutionRecord:
    if not isinstance(entry, dict):
        raise ValueError(f"{path}: entry {entry!r} is not an object")
    try:
        body = ResolutionBody(entry["body"])
        number = int(entry["number"])
    except (KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"{path}: bad entry {entry!r}") from exc
    if body not in _BODIES:
        raise ValueError(f"{path}: unknown body in {entry!r}")
    year, session = entry.get("year"), entry.get("session")
    return ResolutionRecord(
        body=body,
        number=number,
        year=int(year) if year is not None else None,
        title_en=str(entry.get("title_en") or ""),
        title_ar=str(entry.get("title_ar") or ""),
        session=int(session) if session is not None else None,
    )


@lru_cache(maxsize=1)
def default_table() -> ResolutionTable:
    return ResolutionTable.from_path(DEFAULT_PATH)
