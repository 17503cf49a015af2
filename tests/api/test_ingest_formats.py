"""POST /articles, format by format: each supported input gives its articles, and each bad
input gives a problem+json with the right status and a detail that names the problem,
and writes no row."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import FIXTURES, serve

from app.config import Settings
from app.store import models as m

pytestmark = pytest.mark.anyio

TEXT = "text/plain; charset=utf-8"
JSON = "application/json"
RSS = "application/rss+xml"


@pytest.fixture
def settings(database_url: str) -> Settings:
    """The conftest settings, and fetching allowed from the local test site."""
    return Settings(
        database_url=database_url,
        api_keys=[API_KEY],
        max_body_bytes=200_000,
        fetch_allowed_hosts=["127.0.0.1"],
        fetch_timeout_seconds=0.5,
    )


@pytest.fixture
def site() -> Iterator[str]:
    with serve() as base:
        yield base


async def post(client: httpx.AsyncClient, body: bytes, content_type: str | None) -> httpx.Response:
    headers = {"X-API-Key": API_KEY}
    if content_type is not None:
        headers["Content-Type"] = content_type
    return await client.post("/articles", content=body, headers=headers)


def articles_in(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(m.Article)) or 0


def assert_problem(response: httpx.Response, status: int, detail: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["title"]
    assert detail in problem["detail"], problem["detail"]


def fixture(path: str) -> bytes:
    return (FIXTURES / path).read_bytes()


# --- every format -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "content_type", "titles"),
    [
        (
            "scraped/002_aljazeera_style.txt",
            TEXT,
            ["مجلس الأمن يمدد آلية إدخال المساعدات إلى شمال غرب سوريا لستة أشهر"],
        ),
        (
            "html/levant_report.html",
            "text/html",
            ["الائتلاف الوطني يطالب بتفعيل القرار 2254 ويحذر من تجميد الحل السياسي"],
        ),
        (
            "json/snc_article.json",
            JSON,
            ["هيئة التفاوض تدعو إلى آليات تلزم النظام بتنفيذ القرارات الدولية"],
        ),
        (
            "json/batch.json",
            JSON,
            [
                "البرلمان العراقي يصوت على قانون الانتخابات المعدل",
                "الجامعة العربية تستأنف عضوية سوريا",
            ],
        ),
        (
            "json/wire.jsonl",
            "application/x-ndjson",
            ["الأمم المتحدة تمدد آلية المساعدات عبر الحدود", "وزير الخارجية التركي يزور بغداد"],
        ),
        (
            "cli/fulltext.rss",
            RSS,
            [
                "الحكومة العراقية تعلن خطة لإعادة إعمار المناطق المتضررة في نينوى",
                "مجلس الأمن يناقش تقريراً أممياً عن الأوضاع في اليمن",
            ],
        ),
    ],
    ids=["text", "html", "json", "json-list", "ndjson", "rss-full-text"],
)
async def test_each_format_is_ingested(
    client: httpx.AsyncClient, session: Session, path: str, content_type: str, titles: list[str]
) -> None:
    response = await post(client, fixture(path), content_type)
    assert response.status_code == 201, response.text
    items = response.json()["items"]
    assert [item["outcome"] for item in items] == ["ingested"] * len(titles)
    assert [item["title"] for item in items] == titles
    assert articles_in(session) == len(titles)
    detail = (await client.get(f"/articles/{items[0]['id']}")).json()
    assert detail["analysed"] is True and detail["sections"]


async def test_a_feed_item_keeps_its_link_and_outlet(client: httpx.AsyncClient) -> None:
    items = (await post(client, fixture("cli/fulltext.rss"), RSS)).json()["items"]
    detail = (await client.get(f"/articles/{items[1]['id']}")).json()
    assert detail["url"] == "https://rafidain.example/news/2024/04/yemen-briefing"
    assert {a["entity"]["name"] for a in detail["actors"]} >= {"مجلس الأمن الدولي", "اليمن"}
    assert [c["resolution"]["number"] for c in detail["citations"]] == [2216]


async def test_a_url_is_fetched_and_its_page_ingested(client: httpx.AsyncClient, site: str) -> None:
    body = json.dumps({"url": f"{site}/news/story-1.html"}).encode()
    response = await post(client, body, JSON)
    assert response.status_code == 201, response.text
    (item,) = response.json()["items"]
    detail = (await client.get(f"/articles/{item['id']}")).json()
    assert detail["url"] == f"{site}/news/story-1.html"
    assert detail["title"] == "الأردن يستضيف اجتماعاً خماسياً حول سوريا"


async def test_an_article_not_in_arabic_is_stored_and_served_unanalysed(
    client: httpx.AsyncClient,
) -> None:
    response = await post(client, fixture("cli/english.txt"), TEXT)
    assert response.status_code == 201, response.text
    detail = (await client.get(f"/articles/{response.json()['items'][0]['id']}")).json()
    assert (detail["language"], detail["analysed"]) == ("en", False)
    assert detail["actors"] == detail["citations"] == detail["statements"] == []


async def test_a_date_that_cannot_be_read_is_left_empty_with_a_warning(
    client: httpx.AsyncClient,
) -> None:
    document = {
        "title": "وزير الخارجية يزور عمان",
        "body": "زار الوزير عمان.",
        "published_at": "قريباً",
    }
    response = await post(client, json.dumps(document).encode(), JSON)
    assert response.status_code == 201, response.text
    (item,) = response.json()["items"]
    warning = "published_at 'قريباً' was not understood as a date; left empty"
    assert warning in item["warnings"]
    detail = (await client.get(f"/articles/{item['id']}")).json()
    assert detail["published_at"] is None and warning in detail["warnings"]


async def test_a_json_offset_is_kept_when_no_zone_is_named(client: httpx.AsyncClient) -> None:
    document = {
        "title": "وزير الخارجية يزور بغداد",
        "body": "زار الوزير بغداد.",
        "published_at": "2023-11-14T11:22:00+03:00",
    }
    (item,) = (await post(client, json.dumps(document).encode(), JSON)).json()["items"]
    detail = (await client.get(f"/articles/{item['id']}")).json()
    assert (detail["published_at"], detail["timezone"]) == ("2023-11-14T11:22:00+03:00", None)
    listed = (await client.get("/articles", params={"fields": "published_at"})).json()
    assert listed["items"][0]["published_at"] == "2023-11-14T11:22:00+03:00"


# --- bad input: a problem, and no row -----------------------------------------------------

NO_ARTICLE_PAGE = "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>".encode()


@pytest.mark.parametrize(
    ("body", "content_type", "status", "detail"),
    [
        (b"", TEXT, 422, "empty"),
        (b" \n\t \r\n ", TEXT, 422, "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 300, TEXT, 422, "binary data, not text"),
        ("خبر".encode() + b"\xff\xfe" + "نص".encode(), TEXT, 422, "not valid utf-8 text at byte 6"),
        ("خبر".encode() + b"\xff", "text/plain", 422, "not valid UTF-8 at byte 6"),
        (NO_ARTICLE_PAGE, "text/html", 422, "no article text found in the HTML page"),
        (b'{"body": "\xd9\x86\xd8\xb5"}', JSON, 422, "title: required field is missing"),
        (
            json.dumps({"title": "عنوان"}).encode(),
            JSON,
            422,
            "one of 'body' or 'sections' is required",
        ),
        (b'{"title": "x", ', JSON, 422, "not valid JSON"),
        (b'{"title": "t", "body": "b"}\n{"title": 5}\n', "application/x-ndjson", 422, "line 2"),
        (b"this is not a feed", RSS, 422, "not an RSS or Atom feed"),
        (b"<html><body><p>x</p></body></html>", RSS, 422, "root element is <html>"),
        (b"%PDF-1.7 ...", "application/pdf", 415, "'application/pdf' is not supported"),
        (b'{"url": ""}', JSON, 422, "url: must be a non-empty string"),
        (b'{"url": "file:///etc/passwd"}', JSON, 422, "only http and https URLs"),
    ],
    ids=[
        "empty",
        "whitespace",
        "binary",
        "invalid-utf8-declared",
        "invalid-utf8-undeclared",
        "html-without-article",
        "json-without-title",
        "json-without-body",
        "json-malformed",
        "ndjson-bad-line",
        "feed-not-xml",
        "feed-not-a-feed",
        "unsupported-type",
        "url-empty",
        "url-not-http",
    ],
)
async def test_bad_input_is_a_problem_and_writes_nothing(
    client: httpx.AsyncClient,
    session: Session,
    body: bytes,
    content_type: str,
    status: int,
    detail: str,
) -> None:
    assert_problem(await post(client, body, content_type), status, detail)
    assert articles_in(session) == 0


async def test_an_oversized_body_is_413_declared_or_streamed(
    client: httpx.AsyncClient, session: Session
) -> None:
    big = "كلمة ".encode() * 30_000  # over the 200 kB limit of the test settings
    assert_problem(await post(client, big, TEXT), 413, "the limit is 200000")

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: cut off while reading
        for _ in range(30):
            yield "كلمة ".encode() * 1_000

    response = await client.post(
        "/articles", content=chunks(), headers={"X-API-Key": API_KEY, "Content-Type": TEXT}
    )
    assert_problem(response, 413, "over the limit of 200000 bytes")
    assert articles_in(session) == 0


@pytest.mark.parametrize(
    ("path", "status", "detail"),
    [
        ("/slow.html", 502, "127.0.0.1 did not answer within 0.5 s"),
        ("/missing.html", 502, "/missing.html answered HTTP 404 Not Found"),
        ("/error.html", 502, "/error.html answered HTTP 500 Internal Server Error"),
        ("/photo.png", 415, "/photo.png is image/png, not an HTML, text, JSON or feed document"),
    ],
    ids=["timeout", "not-found", "server-error", "not-a-document"],
)
async def test_a_url_that_cannot_be_fetched_is_a_problem_and_writes_nothing(
    client: httpx.AsyncClient, session: Session, site: str, path: str, status: int, detail: str
) -> None:
    response = await post(client, json.dumps({"url": f"{site}{path}"}).encode(), JSON)
    assert_problem(response, status, detail)
    assert articles_in(session) == 0


async def test_a_host_off_the_allow_list_is_refused(
    client: httpx.AsyncClient, session: Session, site: str
) -> None:
    url = site.replace("127.0.0.1", "localhost")  # the same server, by a name not allowed
    response = await post(client, json.dumps({"url": f"{url}/news/story-1.html"}).encode(), JSON)
    assert_problem(response, 422, "is a loopback address")
    assert articles_in(session) == 0
