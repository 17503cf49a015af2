"""The annotation of one real-text excerpt (`eval/real/annotations/<id>.json`).

The excerpt itself is third-party text: only its url, the query that finds it, its sha256
and length are committed; the text lives in the git-ignored cache (see eval/README.md).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eval.gold import Body, EntityGold, ExtraVerb, Verb

Genre = Literal["wire", "statement", "oped", "interview", "tv", "report", "explainer"]
Split = Literal["dev", "test"]
ID_PATTERN = re.compile(r"r\d{3}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class RealResolution(_Strict):
    body: Body
    number: int = Field(gt=0)
    year: int | None = Field(default=None, ge=1945, le=2100)  # the year the text gives, if any


class RealStatement(_Strict):
    speaker: str = Field(min_length=2)
    verb: Verb | ExtraVerb


class RealGold(EntityGold):
    """Document-level gold: each actor, resolution and (speaker, verb) pair once."""

    resolutions: list[RealResolution] = Field(default_factory=list)
    statements: list[RealStatement] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> RealGold:
        self.check_references(
            [(r.body, r.number) for r in self.resolutions], [s.speaker for s in self.statements]
        )
        return self


def split_of(excerpt_id: str) -> Split:
    """Odd ids are dev, even ids test: fixed before anyone looks at extractor output."""
    return "dev" if int(excerpt_id[1:]) % 2 else "test"


class Annotation(_Strict):
    id: str
    url: str = Field(pattern=r"^https?://")
    query: str = Field(min_length=3)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    length: int = Field(gt=0)
    outlet: str = Field(min_length=2)
    country: str = Field(min_length=2)
    genre: Genre
    split: Split
    gold: RealGold

    @model_validator(mode="after")
    def _id_and_split(self) -> Annotation:
        if not ID_PATTERN.fullmatch(self.id):
            raise ValueError(f"id {self.id!r} is not r + three digits")
        if self.split != split_of(self.id):
            raise ValueError(f"{self.id} must be in the {split_of(self.id)} split")
        return self
