"""Bylines and datelines: who reports, from where, for which outlet.

Forms read: "تلفزيون سوريا ـ إسطنبول", "نيويورك - «الحياة»، رويترز، أ ف ب", "بيروت - أ ف ب",
"بيروت: كارولين عاكوم", "كتب: محمد علي", "بقلم ...", and a dateline that opens the first
paragraph: "دمشق - رويترز: ...", "بيروت (رويترز) - ...", "صنعاء - سبأ : ...", "شفق نيوز/ ...".
A side is a place when the time-zone table knows it as a city; news agencies go to
authors, the first other name to outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.ingest.datelines import zone_for_city
from app.ingest.scraped_lines import match_key, word_count


def _keys(*names: str) -> frozenset[str]:
    return frozenset(match_key(n).replace(" ", "") for n in names)


# fmt: off
AGENCIES = _keys(
    "رويترز", "فرانس برس", "وكالة فرانس برس", "أ ف ب", "أ.ف.ب", "أسوشيتد برس", "أسوشييتد برس",
    "أ ب", "د ب أ", "الأناضول", "وكالة الأناضول", "سانا", "سبأ", "واع", "واس", "وام", "قنا",
    "كونا", "بترا", "وفا", "معا", "أ ش أ", "شينخوا", "سبوتنيك", "نوفوستي", "ريا نوفوستي", "تاس",
    "إرنا", "ارنا", "فارس", "تسنيم", "يو بي آي", "الألمانية", "الفرنسية", "وكالات", "AFP",
    "Reuters", "AP", "dpa", "UPI", "Anadolu",
)
OUTLETS = _keys(
    "الجزيرة", "الجزيرة نت", "العربية", "الحياة", "الشرق الأوسط", "النهار", "النهار العربي",
    "عنب بلدي", "تلفزيون سوريا", "العربي الجديد", "بي بي سي", "بي بي سي عربي", "سكاي نيوز عربية",
    "الحرة", "شفق نيوز", "المصدر أونلاين", "الميادين", "المدن", "القدس العربي", "روسيا اليوم",
    "فرانس 24", "يورونيوز", "دويتشه فيله", "السومرية", "رووداو", "المشهد اليمني",
    "بي بي سي نيوز عربي", "أخبار الأمم المتحدة",
)
# fmt: on
# Byline words that credit no one: "دمشق - خاص" is an exclusive, not an outlet named خاص.
_NO_NAME = frozenset({"خاص", "خاص بالموقع", "متابعات", "متابعة"})
_SEPARATOR = re.compile(r"\s+ـ+\s+|\s*[\-–—|/]\s*")
# " و" joins names too, but splitting there would also split وليد and وائل
_NAME_SPLIT = re.compile(r"\s*[،,+&]\s*|\s+و(?=وكالات)")
_QUOTES = "«»\"“”'"
_COLON_LABELS = r"كتب|كتبت|كتبه|كتابة|تقرير|تحرير|إعداد|اعداد|المحرر|الكاتب|مراسل|مراسلة"
_LABEL = re.compile(
    rf"^(?:(?:{_COLON_LABELS})\s*[:：]|(?:بقلم|بواسطة|author|by)\s*[:：,،]?)\s*(?P<names>.+)$",
    re.IGNORECASE,
)
_PAREN_CREDIT = re.compile(r"^\(([^()]{1,30})\)$")
_PLACE = r"[^\s\d\-–—ـ:()/،,«»]+(?:\s[^\s\d\-–—ـ:()/،,«»]+){0,2}"
_OPENERS = [
    # "بيروت (رويترز) - ", "القاهرة 14 نوفمبر تشرين الثاني (رويترز) - "
    re.compile(
        rf"^(?P<place>{_PLACE})(?:\s*[،,]?\s+(?=[^()]*\d)[^()]{{1,40}}?)?"
        r"\s*\((?P<src>[^()]{1,30})\)\s*[-–—ـ:]\s*"
    ),
    re.compile(
        rf"^(?P<place>{_PLACE})\s*(?:[-–—/،,]|\sـ+)\s*(?P<src>[^:.،\-–—]{{1,30}}?)\s*[:：]\s*"
    ),
    re.compile(rf"^(?P<place>{_PLACE})\s*(?:[-–—]|\sـ+)\s+"),
    re.compile(rf"^(?P<src>{_PLACE})\s*/\s+"),
]
_MAX_BYLINE_WORDS = 12
_MAX_NAME_WORDS = 4


@dataclass(slots=True)
class Byline:
    place: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)

    def merge(self, other: Byline) -> None:
        """Fill what is still unknown; the first byline of a page wins."""
        self.place = self.place or other.place
        self.outlet = self.outlet or other.outlet
        self.authors.extend(a for a in other.authors if a not in self.authors)


def _bare(name: str) -> str:
    return name.strip().strip(_QUOTES).strip(" .:")


def _is_city(name: str) -> bool:
    return zone_for_city(_bare(name)) is not None


def is_outlet_name(line: str) -> bool:
    """A line that is only the name of a known outlet or agency (a masthead)."""
    key = match_key(_bare(line)).replace(" ", "")
    return key in OUTLETS or key in AGENCIES


def _is_known_source(name: str) -> bool:
    key = match_key(_bare(name)).replace(" ", "")
    return key in AGENCIES or key in OUTLETS or name.strip()[:1] in '«"“'


def _credit(source: str) -> Byline | None:
    """ "«الحياة»، رويترز، أ ف ب" -> outlet الحياة, authors [رويترز, أ ف ب]."""
    names = [n for n in _NAME_SPLIT.split(source) if _bare(n)]
    if not names or any(word_count(n) > _MAX_NAME_WORDS for n in names):
        return None
    byline = Byline()
    for name in (n for n in names if _bare(n) not in _NO_NAME):
        agency = match_key(_bare(name)).replace(" ", "") in AGENCIES
        if agency or byline.outlet:
            byline.authors.append(_bare(name))
        else:
            byline.outlet = _bare(name)
    return byline


def _authors(names: str) -> Byline | None:
    """ "محمد علي - دمشق" or "محمد علي وسارة حسن" after a "كتب:" label."""
    parts = _SEPARATOR.split(names, maxsplit=1)
    place = parts[1] if len(parts) == 2 and _is_city(parts[1]) else None
    people = [_bare(n) for n in _NAME_SPLIT.split(parts[0]) if _bare(n)]
    if not people or any(word_count(p) > _MAX_NAME_WORDS for p in people):
        return None
    return Byline(place=_bare(place) if place else None, authors=people)


def read_byline(line: str, *, strict: bool = False) -> Byline | None:
    """The byline a short line states, or None when it is anything else.

    Strict (inside the story): unlabelled forms count only when the credited source is a
    known agency or outlet, or quoted «like this»; "دمشق: مصادر" is then text.
    """
    if word_count(line) > _MAX_BYLINE_WORDS or line.endswith((".", "؟", "!")):
        return None
    labelled = _LABEL.match(line)
    if labelled:
        return _authors(labelled.group("names"))
    credit_only = _PAREN_CREDIT.match(line)
    if credit_only:  # "(رويترز)" closing a wire story
        source = credit_only.group(1)
        return _credit(source) if _is_known_source(source) else None
    place, _, rest = line.partition(":")
    if rest.strip() and _is_city(place) and word_count(place) <= 3:
        if strict and not _is_known_source(rest):
            return None
        credit = _credit(rest) if _is_known_source(rest) else _authors(rest)
        if credit:
            credit.place = _bare(place)
        return credit
    parts = _SEPARATOR.split(line.strip(), maxsplit=1)
    if len(parts) != 2 or not all(_bare(p) for p in parts):
        return None
    left, right = parts
    if _is_city(left) and not _is_city(right):
        place, source = left, right
    elif _is_city(right) and not _is_city(left):
        place, source = right, left
    elif _is_known_source(right) and word_count(left) <= 3 and not _is_known_source(left):
        place, source = left, right
    else:
        return None
    if strict and not _is_known_source(source):
        return None
    credit = _credit(source)
    if credit is None or word_count(place) > 3:
        return None
    credit.place = _bare(place)
    return credit


def split_dateline(paragraph: str) -> tuple[Byline, str] | None:
    """The dateline opening a first paragraph, and the paragraph text after it.

    The credited source must be a known agency or outlet (or «quoted», or "خاص"): in
    "القاهرة - قال وزير الخارجية: ..." the words before the colon are the story.
    """
    for opener in _OPENERS:
        found = opener.match(paragraph)
        rest = paragraph[found.end() :].strip() if found else ""
        if not found or word_count(rest) < 3:
            continue
        place, source = found.groupdict().get("place"), found.groupdict().get("src")
        if source is None:
            if place and _is_city(place):
                return Byline(place=_bare(place)), rest
            continue
        credit = _credit(source) if _is_known_source(source) or _bare(source) in _NO_NAME else None
        if credit:
            credit.place = _bare(place) if place else None
            return credit, rest
    return None
