"""The schema of resolutions.json, the reference table of UN resolutions.

Validated row by row when the table loads (a bad row raises, naming the file and the row)
and by the data test. Sessions: the General Assembly numbers by session from its 31st
(1976) on; `special` marks an emergency special ("ES") or special ("S") session.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

_Title = Annotated[str, StringConstraints(strip_whitespace=True)]


class ResolutionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    body: Literal["UNSC", "UNGA", "HRC", "other"]
    number: Annotated[int, Field(gt=0)]
    year: Annotated[int, Field(ge=1945, le=2030)] | None = None
    title_en: _Title = ""  # the shipped table gives both titles (its test says so)
    title_ar: _Title = ""
    session: Annotated[int, Field(gt=0)] | None = None
    special: Literal["ES", "S"] | None = None
    # where the number, year and title come from: UN documents, or the project's own notes
    source: Literal["un", "editorial"] = "un"

    @model_validator(mode="after")
    def _special_needs_session(self) -> ResolutionEntry:
        if self.special and self.session is None:
            raise ValueError(f"{self.special} resolution {self.number} without its session")
        return self
