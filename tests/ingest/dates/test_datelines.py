"""zone_for_city: a dateline city, in any common Arabic spelling, to its IANA time zone."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.ingest.dates import datelines, is_territory, zone_for_city
from app.ingest.dates.datelines import _key, known_cities


@pytest.mark.parametrize(
    ("city", "zone"),
    [
        ("دمشق", "Asia/Damascus"),
        ("بيروت", "Asia/Beirut"),
        ("القاهرة", "Africa/Cairo"),
        ("بغداد", "Asia/Baghdad"),
        ("باريس", "Europe/Paris"),
        ("لندن", "Europe/London"),
        ("موسكو", "Europe/Moscow"),
        ("القدس", "Asia/Jerusalem"),
        ("غزة", "Asia/Gaza"),
        ("الرياض", "Asia/Riyadh"),
    ],
)
def test_cldr_exemplar_cities_map_to_their_zone(city: str, zone: str) -> None:
    assert zone_for_city(city) == zone


@pytest.mark.parametrize(
    ("city", "zone"),
    [
        ("اسطنبول", "Europe/Istanbul"),
        ("رام الله", "Asia/Hebron"),
        ("حلب", "Asia/Damascus"),
        ("إدلب", "Asia/Damascus"),
        ("الرقة", "Asia/Damascus"),
        ("دير الزور", "Asia/Damascus"),
        ("بنغازي", "Africa/Tripoli"),
        ("عدن", "Asia/Aden"),
        ("صنعاء", "Asia/Aden"),
        ("الموصل", "Asia/Baghdad"),
        ("أربيل", "Asia/Baghdad"),
        ("جنيف", "Europe/Zurich"),
        ("نيويورك", "America/New_York"),
        ("واشنطن", "America/New_York"),
        ("أنقرة", "Europe/Istanbul"),
        ("الدوحة", "Asia/Qatar"),
    ],
)
def test_cities_cldr_lacks_come_from_the_alias_table(city: str, zone: str) -> None:
    assert zone_for_city(city) == zone


@pytest.mark.parametrize(
    "spelling",
    ["إسطنبول", "اسطنبول", "استنبول", "إسطنبـــول", "«إسطنبول»", " إسطنبول: "],
)
def test_spelling_variants_tatweel_and_punctuation_do_not_matter(spelling: str) -> None:
    assert zone_for_city(spelling) == "Europe/Istanbul"


def test_shadda_and_hamza_are_folded() -> None:
    assert zone_for_city("عمّان") == zone_for_city("عمان") == "Asia/Amman"


def test_city_prefixed_with_madina_or_capital_is_found() -> None:
    assert zone_for_city("مدينة حلب") == "Asia/Damascus"
    assert zone_for_city("العاصمة دمشق") == "Asia/Damascus"


@pytest.mark.parametrize("name", ["", "   ", "قرية لا يعرفها أحد", "2254", "نوم", "ترك"])
def test_unknown_names_and_everyday_words_have_no_zone(name: str) -> None:
    assert zone_for_city(name) is None


def test_every_zone_in_the_table_loads_with_zoneinfo() -> None:
    zones = {zone_for_city(city) for city in known_cities()}
    assert None not in zones
    for zone in zones:
        assert zone is not None
        ZoneInfo(zone)


@pytest.mark.parametrize("name", ["سوريا", "سورية", "لبنان", "فلسطين", "السودان", "«مصر»"])
def test_country_names_are_territories(name: str) -> None:
    assert is_territory(name)


@pytest.mark.parametrize("name", ["الأمم المتحدة", "الاتحاد الأوروبي", "دمشق", "شبكة الساحل", ""])
def test_organizations_cities_and_outlets_are_not_territories(name: str) -> None:
    assert not is_territory(name)


def test_cldr_names_kept_built_between_processes_are_the_ones_babel_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = datelines._read_cldr()
    written = datelines._cldr.__wrapped__()
    read = datelines._cldr.__wrapped__()
    assert read == written == built
    assert read is not written
    cities, countries = read
    assert cities[_key("بيروت")] == "Asia/Beirut" and _key("لبنان") in countries
