"""The facet and day counters kept at ingest always equal what a recount of every article's
rows gives: after new articles, a re-sent article whose actors, date and outlet changed, a
re-extraction, an article that gives a cited resolution its year, and a delete. The week
and month counters likewise."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from factories import article, extraction_naming, person, syria
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extract.model import Citation, ResolutionBody
from app.store import models as m
from app.store.delete import delete_article
from app.store.scope_counters import KIND_CODES, UNDATED, recount_scopes
from app.store.views import EntityKind
from app.store.writes import save_article


def stored(session: Session) -> dict[str, Any]:
    facets, days = m.FacetCount, m.DayCount
    return {
        "facets": {
            (r.scope, r.scope_id, r.facet, r.value): r.article_count
            for r in session.execute(select(facets)).scalars()
        },
        # The quarters each day counter holds, in no order: as a sorted text.
        "days": {
            (r.scope, r.scope_id, r.day): (r.article_count, "".join(sorted(r.quarters)))
            for r in session.execute(select(days)).scalars()
        },
        "weeks": {
            (r.scope, r.scope_id, r.week): r.article_count
            for r in session.execute(select(m.WeekCount)).scalars()
        },
        "months": {
            (r.scope, r.scope_id, r.month): r.article_count
            for r in session.execute(select(m.MonthCount)).scalars()
        },
    }


def recounted(session: Session) -> dict[str, Any]:
    """The counters as a recount from scratch writes them; the session's rows restored."""
    before = stored(session)
    with session.begin_nested() as nested:
        recount_scopes(session.connection())
        session.expire_all()
        after = stored(session)
        nested.rollback()
    assert stored(session) == before
    return after


def test_scope_counters_follow_every_write(session: Session) -> None:
    sami, huda = person("سامي حداد"), person("هدى زين")
    url = "https://example.org/a/7"
    first = save_article(
        session=session,
        parsed=article(1, url=url),
        extraction=extraction_naming(syria(), sami, resolution=2254),
    )
    save_article(
        session=session, parsed=article(2), extraction=extraction_naming(syria(), sami, huda)
    )
    undated = replace(article(3), published_at=None)
    save_article(session=session, parsed=undated, extraction=extraction_naming(huda))
    assert stored(session) == recounted(session)
    facets = stored(session)["facets"]
    person_code = KIND_CODES["person"]
    persons = [
        n for (scope, _, f, v), n in facets.items() if (scope, f, v) == ("all", "kind", person_code)
    ]
    assert sum(persons) == 3 and len(persons) > 1  # striped: three articles, three ids

    moved = replace(
        article(1, url=url, body="نص جديد كلياً للخبر نفسه."),
        published_at=datetime(2019, 5, 2, 23, 30, tzinfo=UTC),
        outlet="صحيفة أخرى",
    )
    save_article(session=session, parsed=moved, extraction=extraction_naming(huda, resolution=2216))
    assert stored(session) == recounted(session)

    save_article(
        session=session,
        parsed=moved,
        extraction=extraction_naming(sami, resolution=2216),
        replace_id=first.article_id,
    )
    assert stored(session) == recounted(session)

    delete_article(session=session, article_id=first.article_id)
    assert stored(session) == recounted(session)
    days = stored(session)["days"]
    undated = [n for (scope, _, day), (n, _) in days.items() if scope == "all" and day == UNDATED]
    assert sum(undated) == 1
    for period in ("weeks", "months"):  # the dated article only
        assert sum(n for (scope, _, _), n in stored(session)[period].items() if scope == "all") == 1


def test_a_later_year_for_a_cited_resolution_changes_no_count(session: Session) -> None:
    """The year rewrites the list items of the articles citing the resolution, not its id."""
    yearless = extraction_naming(syria())
    span = yearless.mentions[0].span
    yearless.citations.append(Citation(ResolutionBody.UNSC, 2139, None, "القرار 2139", span))
    save_article(session=session, parsed=article(1), extraction=yearless)
    save_article(
        session=session, parsed=article(2), extraction=extraction_naming(syria(), resolution=2139)
    )
    assert stored(session) == recounted(session)
    resolution = session.scalars(select(m.Resolution).where(m.Resolution.number == 2139)).one()
    assert resolution.year == 2015
    key = ("entity", _entity_id(session, "country:SY"), "resolution", resolution.id)
    assert stored(session)["facets"][key] == 2


def test_every_entity_kind_has_a_code() -> None:
    assert set(KIND_CODES) == {kind.value for kind in EntityKind}


def _entity_id(session: Session, key: str) -> int:
    return session.scalars(select(m.Entity.id).where(m.Entity.key == key)).one()


def test_a_day_counter_holds_the_quarter_of_an_hour_of_each_of_its_articles(
    session: Session,
) -> None:
    """Quarter 0 (00:00-00:14 UTC) is the character 32, quarter 95 (23:45-23:59) 127."""
    for n, (hour, minute) in enumerate([(0, 14), (23, 45), (12, 0), (12, 14)]):
        dated = replace(article(n), published_at=datetime(2024, 5, 6, hour, minute, tzinfo=UTC))
        save_article(session=session, parsed=dated, extraction=extraction_naming(syria()))
    day = datetime(2024, 5, 6, tzinfo=UTC).timestamp() // 86_400
    entity_id = _entity_id(session, "country:SY")
    count, quarters = stored(session)["days"][("entity", entity_id, day)]
    assert count == 4 and quarters == chr(32) + chr(32 + 48) * 2 + chr(127)


def test_week_and_month_counters_are_keyed_by_their_first_utc_day(session: Session) -> None:
    """Sunday 2024-05-12 23:50 UTC: the week of Monday the 6th, the month of the 1st."""
    dated = replace(article(1), published_at=datetime(2024, 5, 12, 23, 50, tzinfo=UTC))
    save_article(session=session, parsed=dated, extraction=extraction_naming(syria()))
    entity_id = _entity_id(session, "country:SY")
    counters = stored(session)
    day = datetime(2024, 5, 6, tzinfo=UTC).timestamp() // 86_400
    assert counters["weeks"][("entity", entity_id, day)] == 1
    assert {start for _, _, start in counters["weeks"]} == {day}
    assert {start for _, _, start in counters["months"]} == {day - 5}
