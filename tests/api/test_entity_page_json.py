"""`/entities/{id}` sends the bytes FastAPI would write for the EntityDetail model built
through the ORM (entity_reference.py), for every entity of the read archive and of an
archive of roles (titles spelled two ways, with and without an organization, two titles in
one article, undated articles, articles saved out of date order), on both engines."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
from entity_reference import get_entity, list_entities
from factories import BASE_TIME, article, extraction_naming, person, syria
from fastapi.responses import JSONResponse
from read_seed import seed_archive
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extract.model import Affiliation, Entity, EntityKind
from app.store import models as m
from app.store.delete import delete_article
from app.store.reads.entity_page import entity_page_json
from app.store.role_spans import recount_roles
from app.store.writes import save_article

pytestmark = pytest.mark.anyio

COUNCIL = Entity(
    key="org:snc", name="هيئة التفاوض", kind=EntityKind.ORGANIZATION, aliases=["هيئة التفاوض"]
)
# (hours after the factory's base time or None for undated, titles held in that article)
ROLES = [
    (30, [("رئيس هيئة التفاوض", COUNCIL.key)]),
    (10, [("رئيس هيئة التفاوض", COUNCIL.key), ("رئيس الوفد", None)]),
    (None, [("رئيس هيئه التفاوض", COUNCIL.key)]),  # another spelling of the same title
    (20, [("رئيس هيئه التفاوض", COUNCIL.key), ("رئيس الوفد", COUNCIL.key)]),
    (5, [("رئيس الوفد", None)]),
    (40, [("الرئيس السابق للوفد", None)]),
]


def model_bytes(session: Session, entity_id: int) -> bytes:
    """What the route sent before: the model through response_model into a JSONResponse."""
    detail = get_entity(session=session, entity_id=entity_id)
    return bytes(JSONResponse(detail.model_dump(mode="json")).body)


def save_roles(
    session: Session,
    n: int,
    hours: int | None,
    held: list[tuple[str, str | None]],
    replace_id: int | None = None,
) -> int:
    """The envoy's article n, saying `held`; its id."""
    envoy = person("بدر جاموس")
    parsed = article(hours if hours is not None else 0, url=f"https://example.org/roles/{n}")
    if hours is None:
        parsed = replace(parsed, published_at=None)
    affiliations = [Affiliation(envoy.key, title, org, "جملة") for title, org in held]
    found = replace(extraction_naming(envoy, COUNCIL, syria()), affiliations=affiliations)
    saved = save_article(session=session, parsed=parsed, extraction=found, replace_id=replace_id)
    return saved.article_id


def seed_roles(session: Session) -> int:
    envoy = person("بدر جاموس")
    for n, (hours, held) in enumerate(ROLES):
        save_roles(session, n, hours, held)
    session.flush()
    found_id = session.scalar(select(m.Entity.id).where(m.Entity.name == envoy.name))
    assert found_id is not None
    return found_id


def article_id(session: Session, n: int) -> int:
    found = session.scalar(select(m.Article.id).where(m.Article.url.endswith(f"/roles/{n}")))
    assert found is not None
    return found


def all_entities(session: Session) -> list[int]:
    return list(session.scalars(select(m.Entity.id).order_by(m.Entity.id)))


def test_the_read_archive_pages_are_the_models_json(session: Session) -> None:
    seed_archive(session)
    for entity_id in all_entities(session):
        assert entity_page_json(session, entity_id) == model_bytes(session, entity_id)


def test_role_spans_are_the_models_json(session: Session) -> None:
    envoy = seed_roles(session)
    page = entity_page_json(session, envoy)
    assert page == model_bytes(session, envoy)
    roles = get_entity(session=session, entity_id=envoy).roles
    # The comparison covers merged spellings and undated articles only if these happen.
    assert sorted(r.article_count for r in roles) == [1, 1, 2, 4]
    merged = next(r for r in roles if r.article_count == 4)
    assert merged.last_seen == BASE_TIME + timedelta(hours=30)  # not the undated one
    for entity_id in all_entities(session):
        assert entity_page_json(session, entity_id) == model_bytes(session, entity_id)


def test_roles_kept_at_ingest_follow_changed_reextracted_and_deleted_articles(
    session: Session,
) -> None:
    """The roles are counted at ingest (app/store/role_spans.py): each change below takes
    away an article that gave a role its first spelling, its first date or its last."""
    envoy = seed_roles(session)
    ids = {n: article_id(session, n) for n in range(len(ROLES))}
    # article 1 (10 h) gave "رئيس هيئة التفاوض" its spelling and first date; now it
    # gives only the other spelling, later than every other article
    first = save_roles(session, 1, 50, [("رئيس هيئه التفاوض", COUNCIL.key)])
    assert entity_page_json(session, envoy) == model_bytes(session, envoy)
    # article 5 (40 h) was the only one saying its title: extracted again, it says others
    held = [("رئيس الوفد", None), ("رئيس الوفد", COUNCIL.key)]
    save_roles(session, 5, 40, held, replace_id=ids[5])
    assert entity_page_json(session, envoy) == model_bytes(session, envoy)
    save_article(
        session=session,
        parsed=article(3, url="https://example.org/roles/1"),
        extraction=extraction_naming(syria()),
        replace_id=first,
    )
    assert entity_page_json(session, envoy) == model_bytes(session, envoy)
    for n in (0, 4):  # the last date of one role, the first of another
        delete_article(session=session, article_id=ids[n])
        assert entity_page_json(session, envoy) == model_bytes(session, envoy)
    roles = get_entity(session=session, entity_id=envoy).roles
    assert sorted(r.article_count for r in roles) == [1, 2, 2]
    kept = stored_roles(session)
    recount_roles(session.connection())  # as the migration fills an existing archive
    assert stored_roles(session) == kept


def stored_roles(session: Session) -> list[tuple[object, ...]]:
    spans = m.RoleSpan.__table__
    return [tuple(row) for row in session.execute(select(spans).order_by(*spans.primary_key))]


async def test_the_route_sends_the_page_and_a_problem_for_an_unknown_id(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    entity_id = all_entities(session)[0]
    response = await client.get(f"/entities/{entity_id}")
    assert response.headers["content-type"] == "application/json"
    assert response.content == model_bytes(session, entity_id)
    missing = await client.get("/entities/987654321")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["detail"] == "no entity with id 987654321"


LIST_CASES = [
    {},
    {"kind": "place"},
    {"q": "سو"},
    {"q": "سورية"},
    {"q": "syr"},
    {"q": "ـ"},  # normalizes to nothing: no prefix filter
    {"q": "50%_/"},  # LIKE's wildcards and the escape character, taken literally
    {"wikidata": "q858"},
    {"kind": "person", "q": "غ"},
    {"limit": 2},
]


def list_bytes(session: Session, **given: object) -> tuple[bytes, str | None]:
    options: dict = {"kind": None, "q": None, "limit": 20, "cursor": None, **given}
    page = list_entities(session=session, **options)
    return bytes(JSONResponse(page.model_dump(mode="json")).body), page.next_cursor


@pytest.mark.parametrize("case", LIST_CASES, ids=[str(c) for c in LIST_CASES])
async def test_each_list_is_the_models_json(
    client: httpx.AsyncClient, session: Session, case: dict
) -> None:
    seed_archive(session)
    seed_roles(session)
    response = await client.get("/entities", params={k: str(x) for k, x in case.items()})
    expected, next_cursor = list_bytes(session, **case)
    assert response.status_code == 200
    assert response.content == expected
    assert ("link" in response.headers) == (next_cursor is not None)


async def test_list_pages_of_two_walk_the_list_as_the_model_did(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    cursor, pages = None, 0
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        response = await client.get("/entities", params=params)
        expected, next_cursor = list_bytes(session, limit=2, cursor=cursor)
        assert response.content == expected
        pages += 1
        if next_cursor is None:
            break
        cursor = next_cursor
    assert pages >= 3
    past = await client.get("/entities", params={"cursor": "0_99999"})
    assert past.content == list_bytes(session, cursor="0_99999")[0]
    assert past.json()["items"] == [] and past.json()["total"] is not None
