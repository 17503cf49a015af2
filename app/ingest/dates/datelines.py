"""Dateline cities -> IANA time zones, so a page's local clock becomes an aware datetime.

The table is CLDR's Arabic exemplar cities (through Babel), keyed by the normalized
spelling, plus the cities Arabic news datelines name that CLDR has no zone of its own
for (حلب, رام الله, صنعاء...) or spells differently (اسطنبول for إسطنبول is already
folded by normalization; مقديشو for CLDR's مقديشيو is not).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from app.text.memo import CANDIDATES
from app.text.normalize import normalize
from app.text.prebuilt import cached_build, cldr_files, sources

# CLDR exemplar cities that are also everyday Arabic words; matching them would turn a
# stray word of a dateline line ("نوم" sleep, "ترك" left) into a time zone.
_AMBIGUOUS_EXEMPLARS = frozenset({"نوم", "ترك", "سمراء", "واك", "سنتر", "ماهي", "جوني", "بليز"})
_NOT_A_CITY = frozenset({"Etc/Unknown"})
_NOT_A_COUNTRY = frozenset({"UN", "EU", "EZ", "QO", "ZZ", "XA", "XB"})

# fmt: off
_ALIASES: dict[str, tuple[str, ...]] = {
    "Asia/Damascus": (
        "حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "درعا", "السويداء", "القنيطرة",
        "الرقة", "دير الزور", "الحسكة", "القامشلي", "منبج", "عفرين", "الباب", "جرابلس", "أعزاز",
        "اعزاز", "سرمدا", "معرة النعمان", "الغوطة الشرقية", "دوما", "تدمر", "البوكمال",
    ),
    "Europe/Istanbul": (
        "استنبول", "اسطنبول", "أنقرة", "انقره", "غازي عنتاب", "عنتاب", "أنطاكيا", "هاتاي",
        "أورفا", "شانلي أورفا", "أنطاليا", "إزمير", "بورصة", "أضنة", "مرسين", "كلس",
    ),
    "Asia/Jerusalem": ("القدس المحتلة", "تل أبيب", "حيفا", "يافا", "الناصرة", "عكا", "بئر السبع"),
    "Asia/Hebron": (
        "رام الله", "نابلس", "جنين", "طولكرم", "قلقيلية", "بيت لحم", "أريحا", "الخليل", "طوباس",
        "سلفيت",
    ),
    "Asia/Gaza": ("مدينة غزة", "قطاع غزة", "خان يونس", "خانيونس", "رفح", "دير البلح"),
    "Asia/Beirut": ("صيدا", "بعلبك", "زحلة", "جونيه", "النبطية"),
    "Asia/Amman": ("عمان", "الزرقاء", "إربد", "العقبة", "المفرق", "البحر الميت"),
    "Asia/Baghdad": (
        "الموصل", "أربيل", "اربيل", "البصرة", "النجف", "كربلاء", "السليمانية", "كركوك", "الفلوجة",
        "الرمادي", "دهوك", "تكريت", "بعقوبة", "الناصرية", "سامراء",
    ),
    "Asia/Aden": (
        "عدن", "صنعاء", "تعز", "الحديدة", "مأرب", "المكلا", "سيئون", "حضرموت", "ذمار", "صعدة",
        "المخا",
    ),
    "Asia/Riyadh": (
        "جدة", "مكة", "مكة المكرمة", "المدينة المنورة", "الدمام", "الظهران", "الطائف", "تبوك",
        "أبها", "نيوم",
    ),
    "Asia/Qatar": ("الدوحة",),
    "Asia/Bahrain": ("المنامة",),
    "Asia/Kuwait": ("مدينة الكويت",),
    "Asia/Dubai": ("أبوظبي", "أبو ظبي", "الشارقة", "عجمان", "رأس الخيمة", "الفجيرة"),
    "Asia/Muscat": ("صلالة", "صحار"),
    "Africa/Cairo": (
        "الإسكندرية", "الاسكندرية", "شرم الشيخ", "العريش", "أسوان", "الأقصر", "بورسعيد", "السويس",
        "الجيزة", "العلمين", "العاصمة الإدارية",
    ),
    "Africa/Tripoli": ("بنغازي", "مصراتة", "سرت", "طبرق", "درنة", "سبها", "الزاوية"),
    "Africa/Tunis": ("صفاقس", "سوسة", "القيروان", "بنزرت"),
    "Africa/Algiers": ("الجزائر العاصمة", "وهران", "قسنطينة", "عنابة"),
    "Africa/Casablanca": ("الرباط", "فاس", "مراكش", "طنجة", "أغادير", "مكناس", "وجدة"),
    "Africa/Khartoum": ("أم درمان", "بورتسودان", "بور سودان", "الفاشر", "نيالا", "ود مدني"),
    "Africa/Mogadishu": ("مقديشو",),
    "Europe/Zurich": ("جنيف", "لوزان", "دافوس", "برن", "بازل"),
    "America/New_York": ("نيويورك", "واشنطن", "بوسطن", "فيلادلفيا", "ميامي"),
    "America/Chicago": ("شيكاغو", "هيوستن", "دالاس"),
    "America/Los_Angeles": ("لوس أنجلوس", "لوس انجلس", "سان فرانسيسكو", "سياتل"),
    "Europe/Moscow": ("سوتشي", "سان بطرسبرغ", "سانت بطرسبرغ", "بطرسبورغ", "قازان"),
    "Europe/Amsterdam": ("لاهاي", "روتردام"),
    "Europe/Paris": ("ستراسبورغ", "مرسيليا", "ليون", "نيس"),
    "Europe/Berlin": ("ميونخ", "فرانكفورت", "هامبورغ", "بون", "كولونيا"),
    "Europe/London": ("مانشستر", "برمنغهام"),
    "Europe/Brussels": ("بروكسيل",),
    "Europe/Rome": ("الفاتيكان", "ميلانو", "نابولي"),
    "Europe/Kyiv": ("كييف", "خاركيف", "أوديسا"),
    "Europe/Stockholm": ("مالمو", "غوتنبرغ"),
    "Asia/Shanghai": ("بكين", "بيجين", "بيجينغ"),
    "Asia/Tehran": ("مشهد", "أصفهان", "تبريز"),
    "Asia/Karachi": ("إسلام آباد", "إسلام اباد", "لاهور"),
    "Asia/Kolkata": ("نيودلهي", "نيو دلهي", "دلهي", "مومباي"),
    "Asia/Almaty": ("أستانا", "استانا", "نور سلطان"),
    "Asia/Tokyo": ("أوساكا",),
    "Africa/Lagos": ("أبوجا",),
}
# fmt: on

_PUNCTUATION = re.compile(r"[^\w\s]|_|\d")


def _key(name: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", normalize(name)).split())


@cache
def _cldr() -> tuple[dict[str, str], frozenset[str]]:
    """CLDR's Arabic exemplar cities (key -> zone) and country names (keys), kept built
    between processes (app/text/prebuilt.py): Babel's import and its data cost ~40 ms."""
    inputs = [*cldr_files(), *sources("ingest/dates/datelines.py", "text/normalize.py")]
    return cached_build("cldr_names", inputs, _read_cldr)


def _read_cldr() -> tuple[dict[str, str], frozenset[str]]:
    from babel import Locale

    locale = Locale("ar")
    cities: dict[str, str] = {}
    for zone, names in locale.time_zones.items():
        city = names.get("city")
        if zone in _NOT_A_CITY or not city:
            continue
        # "هيبرون (مدينة الخليل)": the name and its parenthesized gloss are both spellings
        for part in re.split(r"[()]", city):
            key = _key(part)
            if key and key not in _AMBIGUOUS_EXEMPLARS:
                cities.setdefault(key, zone)
    # Two-letter codes are countries (and a few groupings, left out: "الأمم المتحدة" is UN)
    countries = frozenset(
        _key(name)
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_A_COUNTRY
    )
    return cities, countries


@cache
def _table() -> dict[str, str]:
    table = dict(_cldr()[0])
    for zone, spellings in _ALIASES.items():
        for spelling in spellings:
            table[_key(spelling)] = zone
    return table


@lru_cache(maxsize=CANDIDATES)
def zone_for_city(name: str) -> str | None:
    """The IANA zone of a dateline city in any common Arabic spelling, or None."""
    key = _key(name)
    if not key:
        return None
    table = _table()
    if key in table:
        return table[key]
    # Datelines write "مدينة حلب" and "العاصمة دمشق" as often as the bare name
    for prefix in ("مدينه ", "العاصمه "):
        if key.startswith(prefix) and key[len(prefix) :] in table:
            return table[key[len(prefix) :]]
    return None


@cache
def _territories() -> frozenset[str]:
    names = set(_cldr()[1])
    # News writes these where CLDR has "الأراضي الفلسطينية" or a longer official form
    names.update(_key(n) for n in ("فلسطين", "سورية", "الإمارات", "أمريكا", "أميركا", "بريطانيا"))
    return frozenset(names - {""})


def is_territory(name: str) -> bool:
    """A country name ("سوريا", "لبنان", "فلسطين"), in any common spelling."""
    return _key(name) in _territories()


def known_cities() -> frozenset[str]:
    """Normalized spellings the table knows, for callers that scan text for a city."""
    return frozenset(_table())
