"""The dev set on disk: articles (`articles/*.txt`) and their gold (`gold/*.json`).

The schema below is the contract of GUIDELINES.md; a gold file that breaks it fails to load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

EVAL_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = EVAL_DIR / "articles"
GOLD_DIR = EVAL_DIR / "gold"

Body = Literal["UNSC", "UNGA", "HRC", "other", "unknown"]
# The closed list of reporting verbs, as lemmas (3rd person masculine singular perfect).
Verb = Literal[
    "قال", "أكد", "شدد", "ذكر", "أشار", "دعا", "أعلن", "اعتبر", "رأى", "طالب", "حذر", "أوضح", "أضاف"
]  # fmt: skip
REPORTING_VERBS: tuple[str, ...] = get_args(Verb)
# Reporting verbs that real outlets use beyond the closed list; accepted in eval/real only
# (see GUIDELINES.md section 7).
ExtraVerb = Literal["صرح", "لفت", "نوه", "تابع", "أفاد", "كشف", "نفى", "أعرب", "حث", "أدان"]
EXTRA_REPORTING_VERBS: tuple[str, ...] = get_args(ExtraVerb)
EntityKindName = Literal["person", "organization", "place"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class GoldEntity(_Strict):
    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


class GoldResolution(_Strict):
    body: Body
    number: int = Field(gt=0)
    count: int = Field(ge=1)


class GoldStatement(_Strict):
    speaker: str = Field(min_length=2)
    verb: Verb


class EntityGold(_Strict):
    """The actors of one article by kind; shared by the dev sets and eval/real."""

    persons: list[GoldEntity] = Field(default_factory=list)
    organizations: list[GoldEntity] = Field(default_factory=list)
    places: list[GoldEntity] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> EntityGold:
        for kind in ("person", "organization", "place"):
            names = [e.name for e in self.entities(kind)]
            if len(names) != len(set(names)):
                raise ValueError(f"duplicate {kind} names: {sorted(names)}")
        return self

    def entities(self, kind: EntityKindName) -> list[GoldEntity]:
        if kind == "person":
            return self.persons
        if kind == "organization":
            return self.organizations
        return self.places

    def speaker(self, name: str) -> GoldEntity | None:
        """The gold entity a statement's speaker names (persons first, then bodies, places)."""
        for entity in (*self.persons, *self.organizations, *self.places):
            if entity.name == name:
                return entity
        return None

    def check_references(self, keys: list[tuple[str, int]], speakers: list[str]) -> None:
        """Resolutions are listed once; every statement's speaker is a gold entity name."""
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate resolutions: {keys}")
        for speaker in speakers:
            if self.speaker(speaker) is None:
                raise ValueError(f"speaker {speaker!r} is not a gold entity name")


class GoldArticle(EntityGold):
    resolutions: list[GoldResolution] = Field(default_factory=list)
    statements: list[GoldStatement] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> GoldArticle:
        self.check_references(
            [(r.body, r.number) for r in self.resolutions], [s.speaker for s in self.statements]
        )
        return self


@dataclass(frozen=True, slots=True)
class DevArticle:
    slug: str
    text: str
    gold: GoldArticle


def load_gold(path: Path) -> GoldArticle:
    return GoldArticle.model_validate(json.loads(path.read_text(encoding="utf-8")))


def article_slugs() -> list[str]:
    return sorted(p.stem for p in ARTICLES_DIR.glob("*.txt"))


def gold_slugs() -> list[str]:
    return sorted(p.stem for p in GOLD_DIR.glob("*.json"))


def load_dev_set(slug: str | None = None) -> list[DevArticle]:
    """Every article that has a gold file, or the one named by `slug` (full or NNN prefix)."""
    slugs = [s for s in article_slugs() if s in set(gold_slugs())]
    if slug is not None:
        slugs = [s for s in slugs if s == slug or s.split("_", 1)[0] == slug]
    return [
        DevArticle(
            slug=s,
            text=(ARTICLES_DIR / f"{s}.txt").read_text(encoding="utf-8"),
            gold=load_gold(GOLD_DIR / f"{s}.json"),
        )
        for s in slugs
    ]
