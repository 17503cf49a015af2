"""Facets, the histogram, the export, suggest: counts over the whole filtered result."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from urllib.parse import parse_qsl

import httpx
import pytest
from factories import article, extraction_naming, syria
from read_seed import seed_archive
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.writes import save_article

pytestmark = pytest.mark.anyio


async def test_facets_count_the_whole_result_and_toggle(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    params = {"entity": "Syria", "facet": "entity,source,resolution,kind,speaker", "limit": 1}
    body = (await client.get("/articles", params=params)).json()
    facets = body["facets"]
    entities = {f["label"]: (f["count"], f["selected"]) for f in facets["entity"]}
    assert entities["سوريا"] == (3, True)
    assert entities["غير بيدرسون"] == (1, False)
    assert {f["label"]: f["count"] for f in facets["source"]} == {"وكالة ألف": 2, "وكالة باء": 1}
    assert [(f["value"], f["count"]) for f in facets["resolution"]] == [("2254", 2)]
    assert {f["value"]: f["count"] for f in facets["kind"]} == {
        "place": 3,
        "person": 1,
        "organization": 1,
    }
    syria = next(f for f in facets["entity"] if f["label"] == "سوريا")
    assert ("entity", "Syria") not in parse_qsl(syria["toggle"])
    envoy = next(f for f in facets["entity"] if f["label"] == "غير بيدرسون")
    toggled = (await client.get(f"/articles?{envoy['toggle']}")).json()
    assert toggled["total"] == envoy["count"]


async def test_histogram_buckets_on_the_asked_clock(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    utc = (await client.get("/articles/histogram", params={"interval": "day"})).json()
    assert utc["undated"] == 1
    assert [(b["start"], b["count"]) for b in utc["buckets"]] == [
        ("2024-03-01", 1),
        ("2024-03-02", 1),
        ("2024-04-10", 1),
        ("2024-04-11", 1),
        ("2024-05-20", 1),
    ]
    # 2024-04-10 22:00 UTC is already the 11th in Damascus (+03:00).
    local = (
        await client.get("/articles/histogram", params={"interval": "day", "tz": "Asia/Damascus"})
    ).json()
    assert ("2024-04-11", 2) in [(b["start"], b["count"]) for b in local["buckets"]]
    months = (
        await client.get("/articles/histogram", params={"interval": "month", "entity": "Q858"})
    ).json()
    assert [(b["start"], b["count"]) for b in months["buckets"]] == [
        ("2024-03-01", 2),
        ("2024-05-01", 1),
    ]
    assert (await client.get("/articles/histogram?tz=Mars/Base")).status_code == 422


@pytest.mark.parametrize("filters", [{}, {"entity": "Q858"}, {"entity": "Q858", "source": "1"}])
async def test_a_histogram_spans_at_most_4000_buckets(
    client: httpx.AsyncClient, session: Session, filters: dict[str, str]
) -> None:
    """From the archive's 2024 articles back to 2013-03-01: 4,019 days, 575 weeks. Refused
    before counting (no filter, one filter) or after (two filters), the same way."""
    seed_archive(session)
    old = article(9)
    old.published_at, old.outlet = datetime(2013, 3, 1, 9, tzinfo=UTC), "وكالة ألف"
    save_article(session=session, parsed=old, extraction=extraction_naming(syria()))
    session.flush()
    source = session.scalars(select(m.Source.id).where(m.Source.name == old.outlet)).one()
    asked = {k: (str(source) if k == "source" else v) for k, v in filters.items()}
    days = await client.get("/articles/histogram", params={"interval": "day", **asked})
    assert days.status_code == 422
    assert days.headers["content-type"] == "application/problem+json"
    problem = days.json()
    assert problem["max_buckets"] == 4_000 and problem["coarser_interval"] == "week"
    # A bucket and a day left for what a clock moves from the day before or after.
    assert (problem["from"], problem["to"]) == ("2013-03-01", "2024-02-09")
    assert "4,000" in problem["detail"] and "interval=week" in problem["detail"]
    narrowed = {"interval": "day", "from": problem["from"], "to": problem["to"], **asked}
    assert (await client.get("/articles/histogram", params=narrowed)).status_code == 200
    weeks = await client.get("/articles/histogram", params={"interval": "week", **asked})
    assert weeks.status_code == 200


async def test_export_streams_every_match(client: httpx.AsyncClient, session: Session) -> None:
    ids = seed_archive(session)
    lines = (await client.get("/articles/export", params={"source": "وكالة ألف"})).text
    rows = [json.loads(line) for line in lines.splitlines()]
    # The undated article sorts by its ingest time: newest.
    assert [r["id"] for r in rows] == [ids[5], ids[4], ids[2], ids[0]]
    response = await client.get("/articles/export", params={"format": "csv", "entity": "Q858"})
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["id"]) for r in table] == [ids[4], ids[1], ids[0]]
    assert table[2]["resolutions"] == "UNSC 2254" and table[2]["places"] == "سوريا"


async def test_suggest_matches_any_word_start_in_either_language(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    arabic = (await client.get("/entities/suggest", params={"prefix": "بيد"})).json()
    assert [(s["name"], s["matched"]) for s in arabic["items"]] == [("غير بيدرسون", "غير بيدرسون")]
    english = (await client.get("/entities/suggest", params={"prefix": "sy"})).json()
    assert [(s["name"], s["english_name"]) for s in english["items"]] == [("سوريا", "Syria")]
    both = (await client.get("/entities/suggest", params={"prefix": "عم"})).json()
    assert {s["subkind"] for s in both["items"]} == {"country", "city"}
    only = (
        await client.get("/entities/suggest", params={"prefix": "م", "kind": "organization"})
    ).json()
    assert [s["name"] for s in only["items"]] == ["مجلس الأمن"]


async def test_suggest_total_counts_the_matches_beyond_the_page(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    page = (await client.get("/entities/suggest", params={"prefix": "عم", "limit": 1})).json()
    assert len(page["items"]) == 1
    assert page["total"] == 2


async def test_wikidata_filter_on_entities(client: httpx.AsyncClient, session: Session) -> None:
    seed_archive(session)
    body = (await client.get("/entities", params={"wikidata": "Q858"})).json()
    assert [(e["name"], e["article_count"]) for e in body["items"]] == [("سوريا", 3)]
