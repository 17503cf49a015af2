"""A small varied archive for the aggregate tests: actors of every kind, three outlets,
speakers, resolutions, dates over several years across daylight saving changes at every
hour of the day, and undated articles. Built from a seeded generator, through the store's
own writes."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from factories import article, extraction_naming, person, syria
from sqlalchemy.orm import Session

from app.extract.model import Entity, EntityKind
from app.store.writes import save_article

COUNCIL = Entity(
    key="org:unsc",
    name="مجلس الأمن",
    kind=EntityKind.ORGANIZATION,
    subkind="international",
    aliases=["مجلس الأمن"],
)
ACTORS = (syria(), COUNCIL, person("سامي حداد"), person("هدى زين"), person("رامي عطا"))
OUTLETS = ("وكالة ألف", "وكالة باء", "قناة جيم")
START = datetime(2019, 12, 30, tzinfo=UTC)


def build_archive(session: Session, count: int = 40, seed: int = 3) -> list[int]:
    rng = random.Random(seed)
    ids = []
    for n in range(count):
        parsed = article(n)
        parsed.outlet = rng.choice(OUTLETS)
        # Minutes at random: some land on each side of every zone's midnight.
        moment = START + timedelta(days=rng.randrange(1500), minutes=rng.randrange(1440))
        parsed.published_at = moment if rng.random() > 0.1 else None
        named = rng.sample(ACTORS, rng.randint(1, 3))
        resolution = rng.choice((None, 2254, 2118))
        extraction = extraction_naming(*named, resolution=resolution)
        ids.append(save_article(session=session, parsed=parsed, extraction=extraction).article_id)
    session.flush()
    return ids
