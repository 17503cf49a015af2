"""The reference table of UN resolutions (app/extract/data/resolutions.json).

Each entry: {"body": "UNSC" | "UNGA" | "HRC" | "other", "number": 2254, "year": 2015,
"title_en": ..., "title_ar": ..., optional "session": 67, optional "special": "ES" | "S"}.
Entries with a session are numbered within it (A/RES/67/19 is session 67, number 19); "special"
marks an emergency special session (ES-10/22: only the General Assembly holds them) or a special
session (S-17/1), whose numbers would otherwise collide with the regular session's. An
Assembly entry numbered within a session below the 31st ("session": 10, "number": 22) can
only be a special or emergency one (the Assembly numbered plainly until then), so it answers
for "ES-10/22" without the key; the shipped file relies on that. Rows are validated by
ResolutionEntry (app/extract/resolutions/entries.py).

The extractor asks the table three things: the year of a resolution whose body it knows, the
body of a number cited without one, and, through `series_body`, which body's numbering a plain
number and its year fit: the Security Council numbers its resolutions in one series since 1946,
the General Assembly did so until its 30th session (1975-76) and by session after; so every
dated plain entry bounds the numbers its body can have used in the years around it.
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

from pydantic import ValidationError

from app.extract.model import ResolutionBody
from app.extract.resolutions.entries import ResolutionEntry

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "resolutions.json"


@dataclass(frozen=True, slots=True)
class ResolutionRecord:
    body: ResolutionBody
    number: int
    year: int | None
    title_en: str = ""
    title_ar: str = ""
    session: int | None = None
    special: str = ""  # "ES" (emergency special session) or "S" (special session)


_FIRST_YEAR = 1946
_GA_FIRST_SESSIONAL = 31  # the first Assembly session to number "31/1"
# The last year the General Assembly gave plain numbers (its 30th session ended in 1976).
_GA_PLAIN_UNTIL = 1976
_SERIES = (ResolutionBody.UNSC, ResolutionBody.UNGA)


class ResolutionTable:
    """Records indexed by (number, session, special); a few thousand entries at most."""

    def __init__(self, records: Iterable[ResolutionRecord] = ()) -> None:
        self._by_number: dict[tuple[int, int | None, str], list[ResolutionRecord]] = defaultdict(
            list
        )
        # dated plain numbers of each numbering series, as (year, number)
        self._series: dict[ResolutionBody, list[tuple[int, int]]] = defaultdict(list)
        for record in records:
            self._by_number[(record.number, record.session, record.special)].append(record)
            if record.body in _SERIES and record.session is None and record.year is not None:
                self._series[record.body].append((record.year, record.number))

    def __len__(self) -> int:
        return sum(len(records) for records in self._by_number.values())

    def candidates(
        self, number: int, session: int | None = None, special: str = ""
    ) -> list[ResolutionRecord]:
        found = self._by_number.get((number, session, special), [])
        if not found and special and session is not None and session < _GA_FIRST_SESSIONAL:
            # The Assembly numbered plainly until its 30th session, so its entry "10/22" with
            # no prefix can only be ES-10/22 (or a special session's): the same resolution.
            found = [
                r
                for r in self._by_number.get((number, session, ""), [])
                if r.body is ResolutionBody.UNGA
            ]
        return list(found)

    def get(
        self, body: ResolutionBody, number: int, session: int | None = None, special: str = ""
    ) -> ResolutionRecord | None:
        return next((r for r in self.candidates(number, session, special) if r.body == body), None)

    def unique(
        self, number: int, session: int | None = None, special: str = "", year: int | None = None
    ) -> ResolutionRecord | None:
        """The record of `number` when exactly one body has a resolution by that number, or
        when the year given tells the bodies' resolutions apart (UNSC 377 of 1975, UNGA 377
        of 1950)."""
        records = self.candidates(number, session, special)
        if year is not None and len({r.body for r in records}) > 1:
            records = [r for r in records if r.year == year]
        if len({r.body for r in records}) != 1:
            return None
        return records[0]

    def series_body(self, number: int, year: int) -> ResolutionBody | None:
        """The one body whose plain numbering can hold `number` in `year`, judged from the
        dated plain numbers of the table; None when none or both can."""
        fitting = [body for body in _SERIES if self._fits(body, number, year)]
        return fitting[0] if len(fitting) == 1 else None

    def _fits(self, body: ResolutionBody, number: int, year: int) -> bool:
        known = self._series.get(body)
        if not known or year < _FIRST_YEAR:
            return False
        if body is ResolutionBody.UNGA and year > _GA_PLAIN_UNTIL:
            return False
        # both series began at 1 in January 1946: the bounds below are sound however sparse
        below = max((n for y, n in known if y < year), default=0)
        above = min((n for y, n in known if y > year), default=None)
        return below < number and (above is None or number < above)

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
    try:
        row = ResolutionEntry.model_validate(entry)
    except ValidationError as exc:
        raise ValueError(f"{path}: bad entry {entry!r}: {exc}") from exc
    return ResolutionRecord(
        body=ResolutionBody(row.body),
        number=row.number,
        year=row.year,
        title_en=row.title_en,
        title_ar=row.title_ar,
        session=row.session,
        special=row.special or "",
    )


@lru_cache(maxsize=1)
def default_table() -> ResolutionTable:
    return ResolutionTable.from_path(DEFAULT_PATH)
