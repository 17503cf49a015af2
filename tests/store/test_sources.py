"""Outlets: one row per outlet, however an article spells or quotes its name."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.store.lookup import find_source_ids
from app.store.sources import get_source, outlet_id, outlet_key


@pytest.mark.parametrize("spelling", ['"النهار"', "«النهار»", "“النهار”", " النهار ", "'النهار'"])
def test_quotes_around_an_outlet_name_are_no_part_of_it(spelling: str) -> None:
    assert outlet_key(spelling) == outlet_key("النهار")


def test_quotes_inside_a_name_are_no_part_of_its_key() -> None:
    shown, key = outlet_key('صحيفة "النهار"')
    assert shown == 'صحيفة "النهار"'
    assert key == outlet_key("صحيفة النهار")[1]


def test_an_outlet_quoted_in_one_article_and_not_in_another_is_one_row(
    session: Session,
) -> None:
    quoted = outlet_id(session, '"النهار"')
    assert outlet_id(session, "النهار") == quoted
    assert get_source(session, quoted).name == "النهار"
    assert find_source_ids(session=session, texts=("«النهار»",)) == {"«النهار»": quoted}
