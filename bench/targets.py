"""The requests the HTTP benchmark makes and the issue's targets as ratios between them."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import create_engine, select

from app.store import models as m
from bench.archive import RARE
from bench.servers import Load

DEEP_PAGE = 500


@dataclass(frozen=True, slots=True)
class Subjects:
    """Ids the requests need, read from the archive."""

    popular: int
    rare: int
    article: int
    deep_cursor: str
    deep_page: int


def subject_ids(url: str) -> tuple[int, int, int]:
    """The most named actor, the rare one, the newest article."""
    engine = create_engine(url)
    with engine.connect() as connection:
        popular = connection.scalar(
            select(m.Entity.id).order_by(m.Entity.article_count.desc()).limit(1)
        )
        least = select(m.Entity.id).where(m.Entity.article_count > 0)
        rare = connection.scalar(select(m.Entity.id).where(m.Entity.name == RARE)) or (
            connection.scalar(least.order_by(m.Entity.article_count).limit(1))
        )
        article = connection.scalar(select(m.Article.id).order_by(m.Article.id.desc()).limit(1))
    engine.dispose()
    assert popular and rare and article, "the archive lacks the benchmark's actors"
    return popular, rare, article


def khabar_paths(s: Subjects) -> dict[str, str]:
    return {
        "health": "/health",
        "entity popular": f"/articles?entity={s.popular}",
        "entity rare": f"/articles?entity={s.rare}",
        "resolution 2254": "/articles?resolution=2254",
        "article": f"/articles/{s.article}",
        "entity articles": f"/entities/{s.popular}/articles",
        "deep page": f"/articles?entity={s.popular}&cursor={quote(s.deep_cursor)}",
        "entity page": f"/entities/{s.popular}",
        "entity list": "/entities?limit=20",
        "autocomplete": "/entities?q=" + quote("سو"),
        "resolution list": "/resolutions",
        "search": "/search?q=" + quote("سوريا"),
    }


@dataclass(frozen=True, slots=True)
class Target:
    what: str
    numerator: str
    denominator: str
    at_least: float


TARGETS = [
    Target("/health vs bare FastAPI", "health", "bare", 0.8),
    *[
        Target(f"{case} vs Datasette", case, "datasette", 2.0)
        for case in ("entity popular", "entity rare", "resolution 2254", "entity articles")
    ],
    *[
        Target(f"{case} vs bare FastAPI", case, "bare", 0.4)
        for case in ("entity popular", "entity rare", "resolution 2254", "entity articles")
    ],
    Target("rare vs popular actor (within 20%)", "entity rare", "entity popular", 0.8),
    Target("popular vs rare actor (within 20%)", "entity popular", "entity rare", 0.8),
    Target("/articles/{id} vs bare FastAPI", "article", "bare", 0.3),
    Target("deep page vs page 1", "deep page", "entity popular", 0.8),
]
P99_LIMIT_MS = 50.0
TARGET_PATHS = sorted({t.numerator for t in TARGETS} - {"datasette", "bare"})


def check(loads: dict[str, Load]) -> list[tuple[Target, float, bool]]:
    """Each target with its ratio; targets whose reference was not measured are left out
    (Datasette on PostgreSQL). A run with error answers (a 429, a 500) meets nothing."""
    results = []
    for target in TARGETS:
        if target.numerator in loads and target.denominator in loads:
            ratio = (
                loads[target.numerator].requests_per_second
                / loads[target.denominator].requests_per_second
            )
            clean = not (loads[target.numerator].errors or loads[target.denominator].errors)
            results.append((target, ratio, clean and ratio >= target.at_least))
    return results
