"""KHABAR_READ_DATABASE_URL: every GET reads the replica, writes go to the primary."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.ingestion import ingest_payload
from app.main import create_app
from app.store import models as m
from app.store.db import make_engine
from app.store.migrate import upgrade

pytestmark = pytest.mark.anyio
DOCUMENT = {
    "title": "المبعوث الأممي يلتقي وفد المعارضة في جنيف",
    "url": "https://replica.example/news/1",
    "body": "التقى المبعوث الأممي وفد المعارضة في جنيف لبحث جدول أعمال الجولة المقبلة.",
}


def articles(url: str) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        n = session.scalar(select(func.count()).select_from(m.Article)) or 0
    engine.dispose()
    return n


async def test_gets_read_the_replica_and_writes_go_to_the_primary(tmp_path: Path) -> None:
    primary, replica = (f"sqlite:///{tmp_path / name}.db" for name in ("primary", "replica"))
    for url in (primary, replica):
        upgrade(url)
    settings = Settings(database_url=primary, read_database_url=replica, api_keys=[API_KEY])
    engine = make_engine(replica)
    with Session(engine) as session, session.begin():
        body = json.dumps(DOCUMENT, ensure_ascii=False).encode()
        ingest_payload(
            session=session, data=body, content_type="application/json", settings=settings
        )
    engine.dispose()

    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        listed = (await client.get("/articles")).json()
        assert [a["url"] for a in listed["items"]] == [DOCUMENT["url"]]
        other = {**DOCUMENT, "url": "https://replica.example/news/2"}
        response = await client.post("/articles", json=other, headers={"X-API-Key": API_KEY})
        assert response.status_code == 201, response.text
    assert (articles(primary), articles(replica)) == (1, 1)
