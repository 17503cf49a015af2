"""The gazetteer's schema: one Pydantic model per data file of app/extract/data.

The loader (gazetteer.py) validates every entry with these models and refuses a file with a
bad entry (GazetteerError, naming the file and the entry): the data ships in the repository
and its test validates every file, so a bad entry at run time is a broken build, better
stopped at start-up than silently thinner. `check_references` holds the checks that need
several files at once (a role's organization and country exist); the data test runs it.
resolutions.json has its model in app.extract.resolutions.entries (the subsystems are kept
independent).

Each entry says where its facts come from (`source`) and carries its Wikidata id only where
that id is certain: clients look entities up by it, and a wrong id is worse than none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Qid = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")]
Iso2 = Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$")]
Year = Annotated[int, Field(ge=1900, le=2030)]


class Source(StrEnum):
    """Where an entry's facts (names, codes, years) come from."""

    CLDR = "cldr"  # Unicode CLDR territory names and ISO codes (countries)
    WIKIDATA = "wikidata"  # read off the Wikidata item itself
    UN = "un"  # UN documents: resolution symbols, years, titles
    EDITORIAL = "editorial"  # written by the project from general knowledge


class PlaceSubkind(StrEnum):
    CITY = "city"
    REGION = "region"
    FEATURE = "feature"  # a landmark, a facility, a crossing
    WATER = "water"
    CONTINENT = "continent"
    WORLD_REGION = "world_region"


# Places that may cross borders, so need no one country and no one clock.
UNBOUNDED = frozenset({PlaceSubkind.WATER, PlaceSubkind.CONTINENT, PlaceSubkind.WORLD_REGION})


class OrgSubkind(StrEnum):
    INTERNATIONAL = "international"
    GOVERNMENT = "government"
    PARTY = "party"
    ARMED_GROUP = "armed_group"
    OPPOSITION = "opposition"
    MEDIA = "media"
    OTHER = "other"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class NamedEntry(_Strict):
    """What every gazetteer entry has: an id, an Arabic name and its other spellings."""

    id: Annotated[str, StringConstraints(pattern=r"^(country|place|org|person):[A-Za-z0-9-]+$")]
    name: Text
    english: Text | None = None
    wikidata: Qid | None = None
    source: Source = Source.EDITORIAL
    aliases: list[Text] = []
    ambiguous: bool = False  # a one-word spelling that is also a common word waits for a cue
    shared_aliases: list[Text] = []  # spellings another entry of the same kind has too

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class CountryEntry(NamedEntry):
    iso2: Iso2
    demonyms: list[Text] = []  # bare stems: سوري, inflected by the loader


class PlaceEntry(NamedEntry):
    subkind: PlaceSubkind = PlaceSubkind.CITY
    country: Iso2 | None = None
    timezone: Text | None = None
    disputed: bool = False  # claimed by two states: no one country


class OrganizationEntry(NamedEntry):
    subkind: OrgSubkind | None = None
    country: Iso2 | None = None


class Role(_Strict):
    """An office held: the title as Arabic news writes it, where, and when (years, inclusive;
    `to` null while in office or when unknown)."""

    title: Text
    organization: str | None = None  # an organization entry's id
    country: Iso2 | None = None
    start: Year | None = Field(default=None, alias="from")
    end: Year | None = Field(default=None, alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"role {self.title!r} ends ({self.end}) before it starts")
        return self


class PersonEntry(NamedEntry):
    roles: list[Role] = []
    also_known_as: list[Text] = []  # another name: a kunya, a nom de guerre
    # The last name is an everyday word or an ordinal (فؤاد شكر، محمد السادس): the loader
    # never indexes it as a surname, so "وقدم الوزير شكر" names nobody.
    surname_is_word: bool = False

    @property
    def spellings(self) -> tuple[str, ...]:
        return (*super().spellings, *self.also_known_as)


Entry = CountryEntry | PlaceEntry | OrganizationEntry | PersonEntry
E = TypeVar("E", bound=BaseModel)

# file name -> model of its entries, in loading order (countries before places: one namespace)
FILES: dict[str, type[NamedEntry]] = {
    "countries.json": CountryEntry,
    "places.json": PlaceEntry,
    "organizations.json": OrganizationEntry,
    "persons.json": PersonEntry,
}


class GazetteerError(ValueError):
    """A data file that is not a JSON array of valid entries."""


def read_file(path: Path, model: type[E]) -> list[E]:
    """The entries of `path`, each validated; a missing file is empty, a bad one raises."""
    if not path.exists():
        return []
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: not a JSON array")
    return [_validate(path, i, raw, model) for i, raw in enumerate(data)]


def _validate(path: Path, index: int, raw: Any, model: type[E]) -> E:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        where = raw.get("id", "") if isinstance(raw, dict) else ""
        raise GazetteerError(f"{path.name}[{index}] {where}: {exc}") from exc


def check_references(countries: Sequence[CountryEntry], entries: Iterable[NamedEntry]) -> list[str]:
    """Problems no single entry shows: countries, organizations and ids that do not exist."""
    codes = {c.iso2 for c in countries}
    entries = [*countries, *entries]
    orgs = {e.id for e in entries if isinstance(e, OrganizationEntry)}
    problems: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(f"{entry.id}: duplicate id")
        seen.add(entry.id)
        problems += [f"{entry.id}: {p}" for p in _entry_problems(entry, codes, orgs)]
    return problems


def _entry_problems(entry: NamedEntry, codes: set[str], orgs: set[str]) -> Iterable[str]:
    country = getattr(entry, "country", None)
    if country is not None and country not in codes:
        yield f"unknown country {country}"
    bounded = isinstance(entry, PlaceEntry) and entry.subkind not in UNBOUNDED
    if bounded and country is None and not getattr(entry, "disputed", False):
        yield "a settlement or region needs its country"
    for role in entry.roles if isinstance(entry, PersonEntry) else []:
        if role.organization is not None and role.organization not in orgs:
            yield f"role {role.title!r}: unknown organization {role.organization}"
        if role.country is not None and role.country not in codes:
            yield f"role {role.title!r}: unknown country {role.country}"
