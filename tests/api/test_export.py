"""The export streams each match as the list's item model writes it: JSON lines the items'
JSON byte for byte, CSV rows the items' values, whatever the fields, stored items or not."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import httpx
import pytest
from factories import article, extraction_naming
from read_seed import SYRIA, seed_archive
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.ingest.model import Image
from app.store import models as m
from app.store import views as v
from app.store.reads.article_query import ArticleFilters
from app.store.reads.articles import ListOptions, list_articles
from app.store.writes import save_article

pytestmark = pytest.mark.anyio

FIELDS = [None, "title,actors", "lede,image,resolutions,published_at", "id"]


def seed(session: Session) -> None:
    """The read seed, and an article whose values CSV must quote or a clock must show."""
    seed_archive(session)
    odd = article(9, title='عنوان، فيه "اقتباس"\nوسطر ثان', url="https://example.test/a?b=1,2")
    odd.published_at = datetime(2024, 6, 1, 8, 30, 15, 250000, tzinfo=UTC)
    odd.timezone = None
    odd.images = [
        Image(title="صورة", caption="شرح", credit="وكالة", url="https://example.test/i.jpg")
    ]
    save_article(session=session, parsed=odd, extraction=extraction_naming(SYRIA, resolution=2254))
    session.flush()


def model_items(session: Session, fields: str | None) -> list[v.ArticleItem]:
    chosen = frozenset(fields.split(",")) if fields else ListOptions().fields
    options = ListOptions(limit=1000, fields=chosen)
    return list_articles(session=session, filters=ArticleFilters(), options=options).items


def csv_row(item: v.ArticleItem) -> list[str]:
    """The row as the export wrote it from each item's model."""

    def names(refs: list[v.EntityRef]) -> str:
        return "; ".join(r.name for r in refs)

    values = (
        item.id,
        item.title,
        item.published_at.isoformat() if item.published_at else "",
        item.timezone or "",
        item.outlet or "",
        item.url or "",
        item.language,
        item.byline_place or "",
        item.lede or "",
        item.image.url if item.image and item.image.url else "",
        names(item.actors.person),
        names(item.actors.organization),
        names(item.actors.place),
        "; ".join(f"{r.body} {r.symbol}" for r in item.resolutions),
    )
    return ["" if value is None else str(value) for value in values]


async def export(client: httpx.AsyncClient, fmt: str, fields: str | None) -> bytes:
    params = {"format": fmt} | ({"fields": fields} if fields else {})
    response = await client.get("/articles/export", params=params)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("fields", FIELDS)
@pytest.mark.parametrize("stored", [True, False])
async def test_json_lines_are_the_items_json(
    client: httpx.AsyncClient, session: Session, fields: str | None, stored: bool
) -> None:
    seed(session)
    if not stored:
        session.execute(update(m.Article).values(item_json=None))
    items = model_items(session, fields)
    expected = b"".join(i.model_dump_json(exclude_unset=True).encode() + b"\n" for i in items)
    assert await export(client, "jsonl", fields) == expected


@pytest.mark.parametrize("fields", FIELDS)
async def test_csv_rows_are_the_items_values(
    client: httpx.AsyncClient, session: Session, fields: str | None
) -> None:
    seed(session)
    table = list(csv.reader(io.StringIO((await export(client, "csv", fields)).decode())))
    assert table[0][:2] == ["id", "title"]
    assert table[1:] == [csv_row(i) for i in model_items(session, fields)]
    if fields is None:  # the values CSV quotes, and UTC written as the model wrote it
        odd = next(row for row in table if "اقتباس" in row[1])
        assert odd[1:3] == ['عنوان، فيه "اقتباس"\nوسطر ثان', "2024-06-01T08:30:15.250000+00:00"]
        assert odd[5] == "https://example.test/a?b=1,2" and odd[9] == "https://example.test/i.jpg"
