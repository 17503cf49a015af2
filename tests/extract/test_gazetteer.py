import json
import logging
from pathlib import Path

import pytest
from actor_support import FIXTURE_GAZETTEER

from app.extract.gazetteer import load_gazetteer
from app.extract.lexer import lex
from app.extract.matcher import name_tokens
from app.extract.model import EntityKind
from app.ingest.model import Part, TextBlock


def _ids(directory: Path, text: str) -> list[str]:
    gazetteer = load_gazetteer(directory)
    block = lex(TextBlock(Part.SECTION, 0, text))
    return [m.values[0].entry_id for m in gazetteer.trie.scan(block)]


def test_loads_every_file_of_a_directory() -> None:
    gazetteer = load_gazetteer(FIXTURE_GAZETTEER)
    assert gazetteer.entries["country:SY"].kind is EntityKind.PLACE
    assert gazetteer.entries["org:unsc"].kind is EntityKind.ORGANIZATION
    assert gazetteer.entries["person:antonio-guterres"].kind is EntityKind.PERSON
    assert gazetteer.countries["FR"] == "country:FR"
    assert gazetteer.un_id == "org:un" and gazetteer.eu_id == "org:eu"


def test_cldr_name_is_an_alias() -> None:
    # The fixture spells Russia only روسيا; Babel adds nothing new there, but for the
    # United States it gives "الولايات المتحدة" which is also the name: no duplicate.
    us = load_gazetteer(FIXTURE_GAZETTEER).entries["country:US"]
    assert us.aliases.count("الولايات المتحدة") == 0


def test_names_aliases_variants_and_demonyms_are_indexed() -> None:
    assert _ids(FIXTURE_GAZETTEER, "سورية") == ["country:SY"]  # the name wins over سوري+ة
    assert _ids(FIXTURE_GAZETTEER, "المسؤولان الفرنسيان") == ["country:FR"]
    assert _ids(FIXTURE_GAZETTEER, "الأمريكية والأميركي") == ["country:US", "country:US"]
    assert _ids(FIXTURE_GAZETTEER, "جوتيريش") == ["person:antonio-guterres"]  # غ/ج in names
    assert _ids(FIXTURE_GAZETTEER, "أنطونيو جوتيريش") == ["person:antonio-guterres"]


def test_a_demonym_shared_by_two_countries_is_dropped() -> None:
    assert _ids(FIXTURE_GAZETTEER, "الكوري") == []
    assert _ids(FIXTURE_GAZETTEER, "كوريا الشمالية") == ["country:KP"]


def test_homograph_demonym_is_not_indexed() -> None:
    assert _ids(FIXTURE_GAZETTEER, "الدعم المالي") == []


def test_bad_entries_are_skipped_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "countries.json").write_text(
        json.dumps([{"id": "country:XX"}, "junk", {"id": "country:SY", "name": "سوريا"}]),
        encoding="utf-8",
    )
    (tmp_path / "places.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "persons.json").write_text('{"an": "object"}', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        gazetteer = load_gazetteer(tmp_path)
    assert list(gazetteer.entries) == ["country:SY"]
    assert caplog.records


def test_missing_directory_gives_an_empty_gazetteer(tmp_path: Path) -> None:
    assert load_gazetteer(tmp_path / "nowhere").entries == {}


def test_shipped_gazetteer_loads_and_knows_the_reference_actors() -> None:
    gazetteer = load_gazetteer()
    if not gazetteer.entries:
        pytest.skip("app/extract/data has no gazetteer yet")
    for name in ["سوريا", "فرنسا", "روسيا", "إسطنبول", "مجلس الأمن"]:
        assert name_tokens(name) in gazetteer.trie, name
