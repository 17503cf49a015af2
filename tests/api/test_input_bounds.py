"""Issue 10's probes, one test per finding: no input gives a 500, every refusal is a 422
problem, and a value the schema allows is answered, not refused."""

from __future__ import annotations

import json

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy.orm import Session

from app.store import models as m

pytestmark = pytest.mark.anyio
KEY = {"X-API-Key": API_KEY}
STORY = "قال وزير الخارجية إن الحل السياسي في سوريا يمر عبر تطبيق القرار 2254 كاملا. " * 3


async def problem(response: httpx.Response, status: int = 422) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    return body


@pytest.mark.parametrize(
    "path", ["/articles/2147483648", "/articles/99999999999999999999", "/entities/2147483648"]
)
async def test_ids_past_the_integer_column_are_422(client: httpx.AsyncClient, path: str) -> None:
    await problem(await client.get(path))


@pytest.mark.parametrize("value", ["99999999999", "⁹⁹", "²", "1/99999999"])
async def test_resolution_numbers_are_bounded_digits(client: httpx.AsyncClient, value: str) -> None:
    await problem(await client.get("/articles", params={"resolution": value}))
    if "/" not in value:
        await problem(await client.get(f"/resolutions/{value}"))


async def test_arabic_indic_resolution_numbers_are_read(client: httpx.AsyncClient) -> None:
    response = await client.get("/resolutions/٢٢٥٤")
    assert response.status_code == 404  # valid number, nothing cites it here
    assert "2254" in str(response.json()["detail"])


@pytest.mark.parametrize("entity", ["²", "99999999999999999999", "٣٣٣٣٣٣٣٣٣٣٣٣"])
async def test_digit_like_entity_values_name_no_entity(
    client: httpx.AsyncClient, entity: str
) -> None:
    response = await client.get("/articles", params={"entity": entity})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("query", ["entity=%00", "q=a%00b", "speaker=%00", "source=x%00"], ids=str)
async def test_nul_in_a_query_is_refused_on_both_engines(
    client: httpx.AsyncClient, query: str
) -> None:
    path = "/statements" if query.startswith("speaker") else "/articles"
    await problem(await client.get(f"{path}?{query}"))


@pytest.mark.parametrize(
    "bound",
    [
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        "2023-11-14T00:00:00Z",
        "9999-12-31",
        "0001-01-01",
    ],
)
async def test_dates_at_the_ends_of_the_calendar_are_clamped(
    client: httpx.AsyncClient, bound: str
) -> None:
    for name in ("from", "to"):
        response = await client.get("/articles", params={name: bound})
        assert response.status_code == 200, response.text


@pytest.mark.parametrize("value", ["0.5", "1700000000", "2023-11-14T00:00:00", "x"])
async def test_a_date_filter_is_a_date_or_a_date_time_with_offset(
    client: httpx.AsyncClient, value: str
) -> None:
    await problem(await client.get("/articles", params={"to": value}))


@pytest.mark.parametrize("cursor", ["5|", "-1|x", "abc", "5_", "5__1", "1_2_3_4", "9" * 19])
async def test_malformed_cursors_are_422(client: httpx.AsyncClient, cursor: str) -> None:
    for path in ("/entities", "/resolutions", "/articles", "/statements"):
        await problem(await client.get(path, params={"cursor": cursor}))


@pytest.mark.parametrize(
    "cursor", ["999999999999999999_999999999999999999", "-999999999999999999_0", "7", "1_2_3"]
)
async def test_every_cursor_the_schema_allows_is_answered(
    client: httpx.AsyncClient, cursor: str
) -> None:
    for path in ("/entities", "/resolutions", "/articles", "/statements", "/search?q=x"):
        response = await client.get(f"{path}{'&' if '?' in path else '?'}cursor={cursor}")
        assert response.status_code == 200, (path, response.text)


async def test_json_nested_2000_deep_is_422(client: httpx.AsyncClient) -> None:
    body = b"[" * 2000 + b"]" * 2000
    headers = {**KEY, "Content-Type": "application/json"}
    detail = await problem(await client.post("/articles", content=body, headers=headers))
    assert "nested" in str(detail["detail"])


async def test_a_5000_digit_json_number_is_422(client: httpx.AsyncClient) -> None:
    body = f'{{"title": "t", "body": "{STORY}", "extra": {"9" * 5000}}}'.encode()
    headers = {**KEY, "Content-Type": "application/json"}
    detail = await problem(await client.post("/articles", content=body, headers=headers))
    assert "digits" in str(detail["detail"])


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "undefined", "punycode", "idna"])
async def test_a_charset_naming_a_non_text_codec_is_not_used(
    client: httpx.AsyncClient, codec: str
) -> None:
    headers = {**KEY, "Content-Type": f"text/plain; charset={codec}"}
    body = ("خبر عاجل عن سوريا\n\n" + STORY).encode()
    response = await client.post("/articles", content=body, headers=headers)
    assert response.status_code in {200, 201}, response.text  # read as UTF-8, with a warning
    assert any(codec in w for w in response.json()["items"][0]["warnings"])


async def test_nul_in_a_json_string_is_stripped_on_both_engines(
    client: httpx.AsyncClient, session: Session
) -> None:
    document = {"title": "عنوان\u0000 الخبر عن سوريا", "body": STORY}
    headers = {**KEY, "Content-Type": "application/json"}
    response = await client.post("/articles", content=json.dumps(document), headers=headers)
    assert response.status_code == 201, response.text
    article = session.get(m.Article, response.json()["items"][0]["id"])
    assert article is not None
    assert article.title == "عنوان الخبر عن سوريا"


@pytest.mark.parametrize("published", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
async def test_an_ingested_date_at_the_ends_of_the_calendar_is_dropped(
    client: httpx.AsyncClient, published: str
) -> None:
    document = {"title": "خبر عن سوريا", "body": STORY, "published_at": published}
    headers = {**KEY, "Content-Type": "application/json"}
    response = await client.post("/articles", content=json.dumps(document), headers=headers)
    assert response.status_code == 201, response.text
    assert any("out of range" in w for w in response.json()["items"][0]["warnings"])


async def test_405_names_every_method_served_at_the_path(client: httpx.AsyncClient) -> None:
    response = await client.put("/articles")
    await problem(response, 405)
    assert response.headers["allow"] == "GET, POST"
    response = await client.post("/articles/1")
    assert response.headers["allow"] == "DELETE, GET"
