"""Publication dates as Arabic news pages print them, read into a ParsedDate.

Outlets print the same instant a dozen ways: "2023.11.14 | 11:22 دمشق", "الثلاثاء 14
تشرين الثاني/نوفمبر 2023", "كانون الأول ٢٠, ٢٠١٥", "نُشر: 16:34-14 نوفمبر 2023 م ـ 01
جمادى الأولى 1445 هـ", ISO 8601. Regexes over the normalized line *locate* the date, the
time, a named clock and a city; dateparser then *reads* a canonical "14 نوفمبر 2023 11:22:00"
(it knows the Egyptian month names, not the Levantine ones, nor Arabic-Indic digits), and
is the reader of last resort for forms the regexes do not locate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from app.ingest.dates.datelines import zone_for_city
from app.text.normalize import normalize, normalize_with_map, to_ascii_digits

# fmt: off
# One row per month: the Egyptian name first (the form dateparser reads and the canonical
# form this module hands it), then the Levantine/Iraqi, Maghrebi and English names (feeds
# and JSON documents print "14 Nov 2023").
_MONTH_SPELLINGS = (
    ("يناير", "كانون الثاني", "جانفي", "january", "jan"),
    ("فبراير", "شباط", "فيفري", "february", "feb"),
    ("مارس", "آذار", "march", "mar"),
    ("أبريل", "إبريل", "نيسان", "أفريل", "april", "apr"),
    ("مايو", "أيار", "ماي", "may"),
    ("يونيو", "يونيه", "حزيران", "جوان", "june", "jun"),
    ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "july", "jul"),
    ("أغسطس", "آب", "أوت", "غشت", "august", "aug"),
    ("سبتمبر", "أيلول", "شتنبر", "september", "sept", "sep"),
    ("أكتوبر", "تشرين الأول", "october", "oct"),
    ("نوفمبر", "تشرين الثاني", "نونبر", "november", "nov"),
    ("ديسمبر", "كانون الأول", "دجنبر", "december", "dec"),
)
_HIJRI_MONTHS = (
    "محرم", "صفر", "ربيع الأول", "ربيع الثاني", "ربيع الآخر", "جمادى الأولى", "جمادى الأول",
    "جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "رجب", "شعبان", "رمضان", "شوال",
    "ذو القعدة", "ذي القعدة", "ذو الحجة", "ذي الحجة",
)
_CLOCKS = {
    "مكة المكرمة": "Asia/Riyadh", "مكة": "Asia/Riyadh", "غرينتش": "UTC", "غرينيتش": "UTC",
    "جرينتش": "UTC", "جرينيتش": "UTC", "غرنتش": "UTC",
}
# Words a dateline line carries besides the date: labels, weekdays, era marks (م، هـ).
_FILLERS = (
    "نشر", "نُشر", "نشرت", "منشور", "بتاريخ", "تاريخ", "النشر", "في", "الساعة", "والساعة",
    "يوم", "الموافق", "م", "هـ", "ه", "عام", "سنة", "آخر", "تحديث", "التحديث", "تم",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "published", "updated", "on", "at", "am", "pm", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
# fmt: on
_MONTHS = {normalize(name): n for n, names in enumerate(_MONTH_SPELLINGS, 1) for name in names}
_CLOCK_ZONES = {normalize(name): zone for name, zone in _CLOCKS.items()}
_FILLER_WORDS = frozenset(normalize(word) for word in _FILLERS)


def _alternation(names: Iterable[str]) -> str:
    ordered = sorted(names, key=len, reverse=True)  # longest first: "كانون الاول" before "اب"
    return "|".join(r"\s+".join(map(re.escape, name.split())) for name in ordered)


_LETTER_BEFORE, _LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_M = rf"{_LETTER_BEFORE}(?:{_alternation(_MONTHS)}){_LETTER_AFTER}"
# "كانون الأول/ديسمبر", "ديسمبر (كانون الأول)", Reuters' "نوفمبر تشرين الثاني"
_PAIR = rf"(?:(?:\s*[/(\-]\s*|\s+){_M}\s*\)?)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_NAMED_DMY = re.compile(
    rf"(?<!\d)(?P<d>[0-3]?\d)\s*[/\-.]?\s*(?:من\s+)?(?P<m>{_M}){_PAIR}"
    rf"\s*[/\-.,،]?\s*(?:(?:عام|سنه)\s+)?{_YEAR}"
)
_NAMED_MDY = re.compile(rf"(?P<m>{_M}){_PAIR}\s+(?P<d>[0-3]?\d)\s*[,،]?\s*{_YEAR}")
_NUMERIC_YMD = re.compile(
    r"(?<![\d.:/\-])(?P<y>(?:19|20)\d{2})\s?(?P<s>[./\-])\s?(?P<m>[01]?\d)\s?(?P=s)\s?"
    r"(?P<d>[0-3]?\d)(?!\d)"
)
_NUMERIC_DMY = re.compile(
    r"(?<![\d.:/\-])(?P<d>[0-3]?\d)\s?(?P<s>[./\-])\s?(?P<m>[01]?\d)\s?(?P=s)\s?" + _YEAR
)
_TIME_OF_DAY = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    rf"(?:\s*(?P<ap>صباحا|مساء|ص|م|am|pm|a\.m\.|p\.m\.){_LETTER_AFTER})?"
    r"(?:\s?(?P<tz>[+-])(?P<tzh>[01]\d):?(?P<tzm>[0-5]\d)(?!\d))?"  # RFC 822 "+0300"
)
_OFFSET = r"(?:z|[+-]\d{2}:?\d{2})"
_ISO_DATETIME = re.compile(
    rf"(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?:t\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?{_OFFSET}?"
    rf"|\s\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?{_OFFSET})(?!\d)"
)
_HIJRI_DATE = re.compile(
    rf"(?:(?<!\d)[0-3]?\d\s*[/\-]?\s*{_LETTER_BEFORE}"
    rf"(?:{_alternation(normalize(m) for m in _HIJRI_MONTHS)})\s*[/\-]?\s*)?"
    rf"(?<![\d:])1[34]\d\d(?!\d)\s*(?:ه{_LETTER_AFTER})?"
)
_NAMED_CLOCK = re.compile(
    r"\(?\s*(?:ب|حسب\s+|علي\s+)?توقيت\s+"
    rf"(?P<clock>{_alternation(_CLOCK_ZONES)}|[^\W\d_]+)\s*\)?"
)
_GMT_OFFSET = re.compile(
    r"\(?\s*(?:(?<![a-z])(?:gmt|utc)(?![a-z])|(?<![^\W\d_])ت\.\s?غ(?![^\W\d_]))"
    r"\s*(?:(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?\s*\)?"
)
_UPDATE_LABEL = re.compile(
    r"(?:آخر|اخر|أخر)\s+تحديث|تم\s+التحديث|(?<!\w)تحديث(?!\w)|(?:last\s+)?updated", re.IGNORECASE
)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
# Al Jazeera's scraped stamp glues the year to the time: "14/11/202312:05"
_GLUED_TIME = re.compile(r"(?<=[./\-]\d{4})(?=\d{1,2}:\d{2})")


def _prepare(text: str) -> str:
    """Display text fit for date scanning: ASCII digits, no bidi marks, single spaces."""
    text = _INVISIBLE.sub("", to_ascii_digits(text))
    return " ".join(_GLUED_TIME.sub(" ", text).split())


UTC_ASSUMED = "published time has no time zone; assumed UTC"
_GONE = "\x00"  # stands in for consumed characters, so offsets stay put and no regex spans them
_MAX_STRAY_WORDS = 2
_MAX_DATELINE_WORDS = 24
_MAX_FALLBACK_CHARS = 200  # dateparser reads whole short strings, not articles
_WORD_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")
_NUMBER = re.compile(r"\d+")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    value: datetime | date  # a date when no time of day is given; aware only with an offset
    has_time: bool
    city: str | None = None  # the city the line names, as written: "دمشق"
    zone: str | None = None  # a clock the line names: "بتوقيت مكة المكرمة" -> Asia/Riyadh


@dataclass(frozen=True, slots=True)
class Published:
    at: datetime  # always timezone-aware
    timezone: str | None  # IANA name when known
    warnings: list[str] = field(default_factory=list)


@cache
def _reader() -> Any:
    # Imported and built once: dateparser loads its language data lazily and slowly.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["ar"],
        settings={
            # Never complete a partial date ("نوفمبر 2023") from today's date.
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "PARSERS": ["absolute-time"],
            "DATE_ORDER": "DMY",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


@dataclass(slots=True)
class _Scan:
    """One pass over a line: what was found, and the words nothing claimed."""

    line: str
    work: list[str]
    origin: list[int]
    value: datetime | date | None = None
    has_time: bool = False
    zone: str | None = None
    offset: timezone | None = None
    city: str | None = None
    stray: list[str] = field(default_factory=list)

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.search("".join(self.work))
        if match:
            self.work[match.start() : match.end()] = [_GONE] * (match.end() - match.start())
        return match


def _scan(text: str) -> _Scan:
    line = _prepare(text)
    norm, origin = normalize_with_map(line)
    scan = _Scan(line, list(norm), origin)
    iso = scan.take(_ISO_DATETIME)
    if iso:
        with suppress(ValueError):  # "2023-13-45T..." has the shape, not the values
            scan.value, scan.has_time = datetime.fromisoformat(iso.group().upper()), True
    _take_clock(scan)
    while scan.take(_HIJRI_DATE):
        pass
    if scan.value is None:
        _take_date(scan)
    _take_leftovers(scan)
    return scan


def _take_clock(scan: _Scan) -> None:
    named = scan.take(_NAMED_CLOCK)
    if named:
        place = " ".join(named.group("clock").split())
        scan.zone = _CLOCK_ZONES.get(place) or zone_for_city(place)
    gmt = scan.take(_GMT_OFFSET)
    if gmt:
        sign, hours, minutes = gmt.group("sign"), gmt.group("h"), gmt.group("m")
        if hours is None:
            scan.zone = scan.zone or "UTC"
        else:
            delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
            scan.offset = timezone(-delta if sign == "-" else delta)


def _take_date(scan: _Scan) -> None:
    clock = scan.take(_TIME_OF_DAY)
    day = month = year = None
    for pattern in (_NAMED_DMY, _NAMED_MDY, _NUMERIC_YMD, _NUMERIC_DMY):
        found = scan.take(pattern)
        if found:
            day, year = int(found.group("d")), int(found.group("y"))
            raw_month = found.group("m")
            month = int(raw_month) if raw_month.isdigit() else _MONTHS[" ".join(raw_month.split())]
            break
    if day is None or month is None or year is None or not 1 <= month <= 12:
        return
    # Every part is known, so the date is built directly: handing a canonical string to
    # dateparser cost ~2 ms a line, most of the parsing time of a scraped article.
    hour = minute = second = 0
    if clock:
        hour = int(clock.group("h")) % 24
        meridiem = clock.group("ap") or ""
        if meridiem in {"م", "مساء", "pm", "p.m."} and hour < 12:
            hour += 12
        elif meridiem in {"ص", "صباحا", "am", "a.m."} and hour == 12:
            hour = 0
        minute, second = int(clock.group("mi")), int(clock.group("s") or 0)
        if clock.group("tz") and scan.offset is None:
            delta = timedelta(hours=int(clock.group("tzh")), minutes=int(clock.group("tzm")))
            scan.offset = timezone(-delta if clock.group("tz") == "-" else delta)
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:  # 31 February, minute 75: the shape of a date, not one
        return
    scan.has_time = clock is not None
    scan.value = moment if scan.has_time else moment.date()


def _take_leftovers(scan: _Scan) -> None:
    """Find a city among the unclaimed words; count the rest as strays."""
    work = "".join(scan.work)
    for run in _WORD_RUN.finditer(work):
        words = [w for w in run.group().split() if w not in _FILLER_WORDS]
        if not words:
            continue
        city_span = _city_in(run) if scan.city is None else None
        if city_span:
            start, end = city_span
            scan.city = scan.line[scan.origin[start] : scan.origin[end - 1] + 1]
            words = [
                w
                for w in work[run.start() : start].split() + work[end : run.end()].split()
                if w not in _FILLER_WORDS
            ]
        scan.stray.extend(words)
    scan.stray.extend(_NUMBER.findall(work))


def _city_in(run: re.Match[str]) -> tuple[int, int] | None:
    """The longest sub-run of at most three words that names a known city."""
    words = list(_TOKEN.finditer(run.group()))
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            first, last = words[i], words[i + size - 1]
            if zone_for_city(run.group()[first.start() : last.end()]):
                return run.start() + first.start(), run.start() + last.end()
    return None


def _to_parsed(scan: _Scan) -> ParsedDate | None:
    if scan.value is None:
        return None
    value = scan.value
    if scan.offset is not None and isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=scan.offset)
    return ParsedDate(value, scan.has_time, scan.city, scan.zone)


def parse_date(text: str) -> ParsedDate | None:
    """The first date the text states, read without guessing missing parts; None if none."""
    if not _NUMBER.search(to_ascii_digits(text)):
        return None  # every form read here has a day number and a year
    scan = _scan(text)
    parsed = _to_parsed(scan)
    if parsed is not None:
        return parsed
    if len(scan.line) > _MAX_FALLBACK_CHARS:
        return None
    read = _reader().get_date_data(scan.line)
    if read.date_obj is None:
        return None
    has_time = read.period == "time"
    value = read.date_obj if has_time else read.date_obj.date()
    return ParsedDate(value, has_time, scan.city, scan.zone)


@lru_cache(maxsize=4096)  # a pure function (no relative dates): a parse asks 2-3 times a line
def find_dateline(line: str, *, max_stray_words: int = _MAX_STRAY_WORDS) -> ParsedDate | None:
    """The publication date of a line that is a dateline (and little else), or None.

    "14/11/2023 | آخر تحديث: 15/11/2023 12:05" gives the first date: a page's update
    stamp stands in only when it prints no publication date. A sentence that merely
    mentions a date is not a dateline: besides the date, its labels, a named clock and a
    city, at most `max_stray_words` words may remain (a source like "واس", say).
    """
    if len(line.split()) > _MAX_DATELINE_WORDS or not _NUMBER.search(to_ascii_digits(line)):
        return None
    parts = _UPDATE_LABEL.split(_prepare(line), maxsplit=1)
    scans = [_scan(part) for part in parts]
    if sum(len(scan.stray) for scan in scans) > max_stray_words:
        return None
    for scan in scans:
        parsed = _to_parsed(scan)
        if parsed is not None:
            city = parsed.city or next((s.city for s in scans if s.city), None)
            zone = parsed.zone or next((s.zone for s in scans if s.zone), None)
            return ParsedDate(parsed.value, parsed.has_time, city, zone)
    return None


_MONTH_WORDS = frozenset(word for name in _MONTHS for word in name.split())
_PHRASE_WORD = re.compile(r"[^\W\d_]+|\d+")


def is_date_phrase(text: str) -> bool:
    """Whether text is a date and nothing else, day or year optional: "12 آذار",
    "نيسان/أبريل 2024", "الأحد 14/11/2023" (the date of a dateline like "جنيف، 12 آذار -")."""
    prepared = normalize(_prepare(text))
    words = _PHRASE_WORD.findall(prepared)
    if not any(word.isdigit() for word in words):
        return False
    if not all(w.isdigit() or w in _MONTH_WORDS or w in _FILLER_WORDS for w in words):
        return False
    numeric = _NUMERIC_DMY.search(prepared) or _NUMERIC_YMD.search(prepared)
    return numeric is not None or any(word in _MONTH_WORDS for word in words)


def to_published(parsed: ParsedDate) -> Published:
    """An aware datetime: explicit offset > named clock > the city's zone > UTC (warned)."""
    value = parsed.value
    at = value if isinstance(value, datetime) else datetime.combine(value, time())
    zone = parsed.zone or (zone_for_city(parsed.city) if parsed.city else None)
    if at.tzinfo is not None:
        if zone and ZoneInfo(zone).utcoffset(at.replace(tzinfo=None)) == at.utcoffset():
            return Published(at.astimezone(ZoneInfo(zone)), zone)
        return Published(at, "UTC" if at.utcoffset() == timedelta(0) else None)
    if zone:
        return Published(at.replace(tzinfo=ZoneInfo(zone)), zone)
    return Published(at.replace(tzinfo=UTC), None, [UTC_ASSUMED])
