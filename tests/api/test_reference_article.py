"""The reference article end to end: POSTed as scraped text, served exactly right."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from conftest import API_KEY
from reference import reference_text

pytestmark = pytest.mark.anyio

CHROME = ["icon", "التغطية الحية", "+A", "حجم الخط", "-A"]


async def ingest_reference(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post(
        "/articles",
        content=reference_text().encode(),
        headers={"X-API-Key": API_KEY, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code in (200, 201), response.text
    (item,) = response.json()["items"]
    detail = (await client.get(f"/articles/{item['id']}?include=mentions")).json()
    return dict(detail)


def actors_of(detail: dict[str, Any], kind: str) -> dict[str, set[str]]:
    return {
        a["entity"]["name"]: {m["surface"] for m in a["mentions"]}
        for a in detail["actors"]
        if a["entity"]["kind"] == kind
    }


async def test_metadata(client: httpx.AsyncClient) -> None:
    detail = await ingest_reference(client)
    assert detail["title"] == '"هيئة التفاوض" تؤكد ضرورة دعم سياسي وحراك دولي ينهي المأساة السورية'
    assert detail["published_at"] == "2023-11-14T11:22:00+03:00"
    assert detail["timezone"] == "Asia/Damascus"
    assert detail["outlet"] == "تلفزيون سوريا"
    assert detail["byline_place"] == "إسطنبول"


async def test_image_caption_and_credit_apart(client: httpx.AsyncClient) -> None:
    (image,) = (await ingest_reference(client))["images"]
    assert image["title"] == "هيئة التفاوض مع فرنسا"
    assert image["caption"].startswith("أكدت هيئة التفاوض على ضرورة")
    assert image["caption"].endswith("من تنفيذ القرارات الدولية")
    assert image["credit"] == "تويتر"


async def test_summary_and_sections_in_order_without_chrome(client: httpx.AsyncClient) -> None:
    detail = await ingest_reference(client)
    assert len(detail["summary"]) == 5
    assert detail["summary"][0].startswith("هيئة التفاوض تشدد")
    assert all(p == p.strip() and not p.startswith("•") for p in detail["summary"])
    kinds = [s["kind"] for s in detail["sections"]]
    assert kinds.count("paragraph") == 8 and kinds.count("heading") == 1
    heading = detail["sections"][kinds.index("heading")]["text"]
    assert heading == "الملف السوري بحاجة لإجراءات دولية"
    texts = [detail["title"], *detail["summary"], *(s["text"] for s in detail["sections"])]
    for chrome in CHROME:
        assert all(t.strip() != chrome for t in texts), chrome


async def test_persons_with_their_roles(client: httpx.AsyncClient) -> None:
    detail = await ingest_reference(client)
    persons = actors_of(detail, "person")
    assert set(persons) == {"بدر جاموس", "بريجيت كرمي", "أوليفر كوفن", "هادي البحرة"}
    assert "البحرة" in persons["هادي البحرة"]
    roles = {(r["person"]["name"], r["title"]) for r in detail["roles"]}
    assert ("بدر جاموس", "رئيس هيئة التفاوض السورية") in roles
    assert ("هادي البحرة", "رئيس الائتلاف الوطني السوري") in roles
    assert {r["person"]["name"] for r in detail["roles"]} >= {"بريجيت كرمي", "أوليفر كوفن"}


async def test_organizations_with_their_short_forms(client: httpx.AsyncClient) -> None:
    orgs = actors_of(await ingest_reference(client), "organization")
    assert set(orgs) == {
        "هيئة التفاوض السورية",
        "الائتلاف الوطني السوري",
        "مجلس الأمن الدولي",
        "النظام السوري",
    }
    assert {"هيئة التفاوض", "الهيئة"} <= orgs["هيئة التفاوض السورية"]
    assert "الائتلاف الوطني" in orgs["الائتلاف الوطني السوري"]
    assert "مجلس الأمن" in orgs["مجلس الأمن الدولي"]


async def test_each_mention_says_how_it_names_its_actor(client: httpx.AsyncClient) -> None:
    detail = await ingest_reference(client)
    forms = {
        (a["entity"]["name"], m["surface"]): m["form"]
        for a in detail["actors"]
        for m in a["mentions"]
    }
    assert forms[("هيئة التفاوض السورية", "هيئة التفاوض السورية")] == "name"
    assert forms[("هيئة التفاوض السورية", "الهيئة")] == "short_form"
    assert forms[("هادي البحرة", "البحرة")] == "short_form"
    assert set(forms.values()) <= {"name", "short_form", "demonym", "title"}


async def test_places_without_the_dateline_clock(client: httpx.AsyncClient) -> None:
    places = actors_of(await ingest_reference(client), "place")
    assert set(places) == {"سوريا", "فرنسا", "الولايات المتحدة", "روسيا", "إسطنبول"}
    assert "سورية" in places["سوريا"]


async def test_resolution_2254_cited_six_times(client: httpx.AsyncClient) -> None:
    detail = await ingest_reference(client)
    citations = detail["citations"]
    assert len(citations) == 6
    assert {
        (c["resolution"]["body"], c["resolution"]["number"], c["resolution"]["year"])
        for c in citations
    } == {("UNSC", 2254, 2015)}
    assert sum(c["location"]["part"] == "summary" for c in citations) == 1
    assert sum(c["location"]["part"] == "section" for c in citations) == 5
    assert any(c["surface"] == "2254" for c in citations)  # "ولا سيما 2254"


@pytest.mark.parametrize(
    "params",
    [
        {"entity": "بدر جاموس"},
        {"entity": "سورية"},
        {"entity": "وسوريا"},
        {"resolution": "2254"},
        {"resolution": "٢٢٥٤"},
    ],
)
async def test_queries_find_it(client: httpx.AsyncClient, params: dict[str, str]) -> None:
    detail = await ingest_reference(client)
    page = (await client.get("/articles", params=params)).json()
    assert [a["id"] for a in page["items"]] == [detail["id"]]


async def test_resolution_page(client: httpx.AsyncClient) -> None:
    await ingest_reference(client)
    body = (await client.get("/resolutions/2254")).json()
    assert (body["body"], body["year"], body["article_count"], body["citation_count"]) == (
        "UNSC",
        2015,
        1,
        6,
    )


async def test_entities_prefix(client: httpx.AsyncClient) -> None:
    await ingest_reference(client)
    names = [
        e["name"] for e in (await client.get("/entities", params={"q": "هيئة"})).json()["items"]
    ]
    assert "هيئة التفاوض السورية" in names


async def test_ingesting_twice_leaves_one_article(client: httpx.AsyncClient) -> None:
    first = await ingest_reference(client)
    second = await ingest_reference(client)
    assert first["id"] == second["id"]
    assert (await client.get("/articles")).json()["total"] == 1


async def test_statements_name_their_speakers(client: httpx.AsyncClient) -> None:
    detail = await ingest_reference(client)
    speakers = {s["speaker"]["name"] for s in detail["statements"] if s["speaker"]}
    assert {"هيئة التفاوض السورية", "هادي البحرة", "فرنسا"} <= speakers
