"""A small archive for the read API's tests: actors of every kind, two outlets, two
resolutions, dated and undated articles, a place name two entities share."""

from __future__ import annotations

from datetime import UTC, datetime

from factories import article, extraction_naming, person
from sqlalchemy.orm import Session

from app.extract.model import Entity, EntityKind
from app.store.writes import save_article


def place(key: str, name: str, english: str, wikidata: str, *aliases: str) -> Entity:
    return Entity(
        key=key,
        name=name,
        kind=EntityKind.PLACE,
        subkind="country",
        aliases=sorted({name, *aliases}),
        english_name=english,
        wikidata_id=wikidata,
    )


SYRIA = place("country:SY", "سوريا", "Syria", "Q858", "سورية")
OMAN = place("country:OM", "عمان", "Oman", "Q842")
AMMAN = Entity(
    key="city:amman", name="عمان", kind=EntityKind.PLACE, subkind="city", aliases=["عمان"]
)
COUNCIL = Entity(
    key="org:unsc",
    name="مجلس الأمن",
    kind=EntityKind.ORGANIZATION,
    subkind="international",
    aliases=["مجلس الأمن"],
)
ENVOY = person("غير بيدرسون")


def seed_archive(session: Session) -> list[int]:
    """Six articles, oldest first:
    0: Syria + envoy (speaks), 2254, outlet A, 2024-03-01
    1: Syria + Council (Syria speaks), 2254, outlet B, 2024-03-02
    2: Oman, outlet A, 2024-04-10
    3: Amman + envoy (speaks), 2118, outlet B, 2024-04-11
    4: Syria only, no citation, outlet A, 2024-05-20
    5: Council + envoy (Council speaks), undated, outlet A
    """
    plan = [
        ((SYRIA, ENVOY), 2254, "وكالة ألف", datetime(2024, 3, 1, 9, tzinfo=UTC), ENVOY),
        ((SYRIA, COUNCIL), 2254, "وكالة باء", datetime(2024, 3, 2, 9, tzinfo=UTC), SYRIA),
        ((OMAN,), None, "وكالة ألف", datetime(2024, 4, 10, 22, tzinfo=UTC), OMAN),
        ((AMMAN, ENVOY), 2118, "وكالة باء", datetime(2024, 4, 11, 9, tzinfo=UTC), ENVOY),
        ((SYRIA,), None, "وكالة ألف", datetime(2024, 5, 20, 9, tzinfo=UTC), SYRIA),
        ((COUNCIL, ENVOY), None, "وكالة ألف", None, COUNCIL),
    ]
    ids = []
    for n, (entities, resolution, outlet, published, speaker) in enumerate(plan):
        parsed = article(n)
        parsed.outlet = outlet
        parsed.published_at = published
        ordered = (speaker, *(e for e in entities if e is not speaker))
        extraction = extraction_naming(*ordered, resolution=resolution)
        ids.append(save_article(session=session, parsed=parsed, extraction=extraction).article_id)
    session.flush()
    return ids
