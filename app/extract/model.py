"""What extraction returns: actors, their mentions and roles, resolutions cited, statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.ingest.model import Part


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"


class ResolutionBody(StrEnum):
    UNSC = "UNSC"
    UNGA = "UNGA"
    HRC = "HRC"
    OTHER = "other"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the display text of one block."""

    part: Part
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """One real-world actor. `key` is stable across articles: the gazetteer id when known,
    else kind + normalized canonical name."""

    key: str
    name: str
    kind: EntityKind
    subkind: str | None = (
        None  # government, party, armed_group, international, media, country, city, region
    )
    aliases: list[str] = field(default_factory=list)  # display spellings, in a stable order
    english_name: str | None = None
    wikidata_id: str | None = None


class MentionForm(StrEnum):
    """How a mention names its entity, so a client can count only the named ones."""

    NAME = "name"  # a full name: "بشار الأسد", "هيئة التفاوض السورية"
    SHORT_FORM = "short_form"  # a surname, an acronym's head alone: "الأسد", "الهيئة"
    DEMONYM = "demonym"  # an adjective linking its country: "الروسي" -> روسيا
    TITLE = "title"  # a role standing for its holder: "رئيس الهيئة"


@dataclass(frozen=True, slots=True)
class Mention:
    entity_key: str
    surface: str
    span: Span
    form: MentionForm = MentionForm.NAME


@dataclass(frozen=True, slots=True)
class Affiliation:
    person_key: str
    title: str  # e.g. "رئيس هيئة التفاوض السورية"
    organization_key: str | None  # organization or country the role belongs to
    evidence: str  # the sentence that says so


@dataclass(frozen=True, slots=True)
class Citation:
    body: ResolutionBody
    number: int
    year: int | None
    surface: str
    span: Span
    title: str | None = None  # short title from the reference table, when known
    session: int | None = None  # for session-numbered resolutions: 67 in "67/19"


@dataclass(frozen=True, slots=True)
class Statement:
    speaker_key: str | None
    speaker_surface: str
    verb: str
    content: str
    span: Span  # the whole reported clause, verb to end of content


@dataclass(slots=True)
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    analysed: bool = True  # False for articles not in Arabic

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)
