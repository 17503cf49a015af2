"""parse_date / find_dateline / to_published: the date forms Arabic news pages print."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.ingest.dates import ParsedDate, find_dateline, is_date_phrase, parse_date, to_published
from app.ingest.dates import parse as dates
from app.ingest.dates.parse import UTC_ASSUMED

PLUS3 = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2023.11.14 | 11:22 دمشق", datetime(2023, 11, 14, 11, 22)),
        ("2023.11.14 11:22", datetime(2023, 11, 14, 11, 22)),
        ("14 نوفمبر 2023", date(2023, 11, 14)),
        ("الثلاثاء 14 تشرين الثاني/نوفمبر 2023", date(2023, 11, 14)),
        ("18 كانون الأول/ديسمبر عام 2015", date(2015, 12, 18)),
        ("كانون الأول ٢٠, ٢٠١٥", date(2015, 12, 20)),
        ("آخر تحديث: 14/11/2023 - 13:05", datetime(2023, 11, 14, 13, 5)),
        ("١٤ تشرين الثاني ٢٠٢٣ - ١١:٢٢", datetime(2023, 11, 14, 11, 22)),
        ("السبت، ١٩ ديسمبر/ كانون الأول ٢٠١٥", date(2015, 12, 19)),
        ("14 نوفمبر تشرين الثاني 2023 09:22", datetime(2023, 11, 14, 9, 22)),
        ("ديسمبر (كانون الأول) 20، 2015", date(2015, 12, 20)),
        ("14/نوفمبر/2023", date(2023, 11, 14)),
        ("14-11-2023 | 11:22", datetime(2023, 11, 14, 11, 22)),
        ("2023-11-14", date(2023, 11, 14)),
        ("3 آذار 2024", date(2024, 3, 3)),
        ("1 أيار 2023", date(2023, 5, 1)),
        ("9 آب 2023", date(2023, 8, 9)),
        ("14 جويلية 2023", date(2023, 7, 14)),
    ],
)
def test_reads_the_forms_outlets_print(text: str, value: datetime | date) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.has_time is isinstance(value, datetime)


def test_iso_8601_with_offset_keeps_the_offset() -> None:
    parsed = parse_date("2023-11-14T11:22:00+03:00")
    assert parsed is not None
    assert parsed.value == datetime(2023, 11, 14, 11, 22, tzinfo=PLUS3)
    assert isinstance(parsed.value, datetime) and parsed.value.utcoffset() == timedelta(hours=3)


def test_iso_8601_zulu_is_utc() -> None:
    parsed = parse_date("2023-11-14T08:22:00Z")
    assert parsed is not None and parsed.value == datetime(2023, 11, 14, 8, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("14 نوفمبر 2023 11:22 م", 23),
        ("14 نوفمبر 2023 11:22 مساءً", 23),
        ("14 نوفمبر 2023 11:22 ص", 11),
        ("14/11/2023 12:30 ص", 0),
        ("14/11/2023 12:30 م", 12),
        ("14 نوفمبر 2023 16:34 م", 16),
    ],
)
def test_sabahan_and_masaan_are_am_and_pm(text: str, hour: int) -> None:
    parsed = parse_date(text)
    assert parsed is not None and isinstance(parsed.value, datetime)
    assert parsed.value.hour == hour


def test_era_mark_after_the_year_is_not_pm_and_hijri_date_is_ignored() -> None:
    parsed = parse_date("نُشر: 16:34-14 نوفمبر 2023 م ـ 01 جمادى الأولى 1445 هـ")
    assert parsed is not None
    assert parsed.value == datetime(2023, 11, 14, 16, 34)


def test_gregorian_date_after_hijri_one_is_read() -> None:
    parsed = parse_date("الرياض 01 جمادى الأولى 1445 هـ الموافق 14 نوفمبر 2023 م واس")
    assert parsed is not None
    assert parsed.value == date(2023, 11, 14)
    assert parsed.city == "الرياض"


def test_city_named_by_the_line_is_returned_as_written() -> None:
    parsed = parse_date("2023.11.14 | 11:22 دمشق")
    assert parsed is not None and parsed.city == "دمشق"


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("14/11/2023 12:05 (بتوقيت مكة المكرمة)", "Asia/Riyadh"),
        ("14 نوفمبر 2023 - 11:22 بتوقيت غرينتش", "UTC"),
        ("14 نوفمبر 2023 11:22 (GMT)", "UTC"),
        ("14.11.2023 11:22 ت.غ", "UTC"),
        ("2024-05-31 13:05 بتوقيت بغداد", "Asia/Baghdad"),
    ],
)
def test_named_clocks_give_the_zone(text: str, zone: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.zone == zone


def test_gmt_plus_offset_is_kept_as_a_fixed_offset() -> None:
    parsed = parse_date("14 نوفمبر 2023 11:22 GMT+3")
    assert parsed is not None
    assert parsed.value == datetime(2023, 11, 14, 11, 22, tzinfo=PLUS3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14 Nov 2023", date(2023, 11, 14)),
        ("November 14, 2023", date(2023, 11, 14)),
        ("Tue, 14 Nov 2023 11:22:00 +0300", datetime(2023, 11, 14, 11, 22, tzinfo=PLUS3)),
    ],
)
def test_english_month_names_and_rfc_822_offsets_are_read(text: str, value: object) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.value == value


def test_glued_year_and_time_are_split() -> None:
    parsed = parse_date("14/11/202312:05")
    assert parsed is not None and parsed.value == datetime(2023, 11, 14, 12, 5)


@pytest.mark.parametrize(
    "text", ["نوفمبر 2023", "14 نوفمبر", "11:22", "2023", "31 فبراير 2023", "", "شارك", "icon"]
)
def test_partial_or_impossible_dates_are_not_guessed(text: str) -> None:
    assert parse_date(text) is None


def test_dateparser_is_built_once() -> None:
    assert dates._reader() is dates._reader()


class TestFindDateline:
    def test_a_dateline_line_is_found(self) -> None:
        parsed = find_dateline("2023.11.14 | 11:22 دمشق")
        assert parsed is not None and parsed.city == "دمشق"

    def test_a_sentence_mentioning_a_date_is_not_a_dateline(self) -> None:
        line = "جاء ذلك في 14 نوفمبر 2023 خلال لقاء أجراه رئيس هيئة التفاوض مع المبعوثة"
        assert parse_date(line) is not None
        assert find_dateline(line) is None

    def test_a_short_heading_with_a_date_is_not_a_dateline_in_strict_mode(self) -> None:
        assert find_dateline("ثورة 15 آذار 2011", max_stray_words=0) is None

    def test_publication_date_wins_over_the_update_stamp(self) -> None:
        parsed = find_dateline("14/11/2023|آخر تحديث: 15/11/202312:05 (بتوقيت مكة المكرمة)")
        assert parsed is not None
        assert parsed.value == date(2023, 11, 14)
        assert parsed.zone == "Asia/Riyadh"

    def test_the_update_stamp_stands_in_when_nothing_else_is_printed(self) -> None:
        parsed = find_dateline("تحديث 14 نوفمبر 2023")
        assert parsed is not None and parsed.value == date(2023, 11, 14)


class TestToPublished:
    def test_city_gives_the_local_zone(self) -> None:
        published = to_published(ParsedDate(datetime(2023, 11, 14, 11, 22), True, "دمشق"))
        assert published.at.isoformat() == "2023-11-14T11:22:00+03:00"
        assert published.timezone == "Asia/Damascus"
        assert published.warnings == []

    def test_zone_follows_daylight_saving(self) -> None:
        winter = to_published(ParsedDate(datetime(2024, 1, 10, 12, 0), True, "بيروت"))
        summer = to_published(ParsedDate(datetime(2024, 7, 10, 12, 0), True, "بيروت"))
        assert winter.at.utcoffset() == timedelta(hours=2)
        assert summer.at.utcoffset() == timedelta(hours=3)

    def test_explicit_offset_is_kept_without_zone(self) -> None:
        published = to_published(ParsedDate(datetime(2023, 11, 14, 11, 22, tzinfo=PLUS3), True))
        assert published.at.isoformat() == "2023-11-14T11:22:00+03:00"
        assert published.timezone is None
        assert published.warnings == []

    def test_explicit_offset_agreeing_with_the_city_names_its_zone(self) -> None:
        value = datetime(2023, 11, 14, 11, 22, tzinfo=PLUS3)
        published = to_published(ParsedDate(value, True, "دمشق"))
        assert published.at == value and published.timezone == "Asia/Damascus"

    def test_zero_offset_is_utc(self) -> None:
        published = to_published(ParsedDate(datetime(2023, 11, 14, 8, 0, tzinfo=UTC), True))
        assert published.timezone == "UTC"

    def test_named_clock_wins_over_nothing(self) -> None:
        published = to_published(
            ParsedDate(datetime(2023, 11, 14, 12, 5), True, zone="Asia/Riyadh")
        )
        assert published.at.isoformat() == "2023-11-14T12:05:00+03:00"

    def test_no_zone_assumes_utc_and_warns(self) -> None:
        published = to_published(ParsedDate(datetime(2023, 11, 14, 11, 22), True))
        assert published.at.isoformat() == "2023-11-14T11:22:00+00:00"
        assert published.timezone is None
        assert published.warnings == [UTC_ASSUMED]

    def test_date_only_is_local_midnight(self) -> None:
        published = to_published(ParsedDate(date(2024, 3, 26), False, "الدوحة"))
        assert published.at.isoformat() == "2024-03-26T00:00:00+03:00"


# --- is_date_phrase: the date part of a dateline, day or year optional -------------------


@pytest.mark.parametrize(
    "text",
    ["9 تشرين الأول", "أيلول/سبتمبر 2023", "في 5 مارس", "الاثنين 14/11/2023", "٢٠ كانون الثاني"],
)
def test_a_date_alone_is_a_date_phrase(text: str) -> None:
    assert is_date_phrase(text)


@pytest.mark.parametrize(
    "text", ["2023", "الأحد", "3 سيارات", "قال 12 مصدراً", "تشرين الأول", "مساء 12 آذار أعلن"]
)
def test_numbers_words_or_a_month_without_a_number_are_not(text: str) -> None:
    assert not is_date_phrase(text)
