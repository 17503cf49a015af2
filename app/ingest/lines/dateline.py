"""Datelines that open a story's first paragraph: "دمشق - رويترز: قال ...".

A dateline is a city the time-zone table knows (or several: "الموصل/أربيل"), a separator,
then something the rules can vouch for and another separator: a known agency or outlet
("عمّان - بترا -"), a «quoted» or (parenthesised) name ("نيويورك (الأمم المتحدة) -"),
"خاص", or a date ("الخرطوم، 12 آذار (رويترز) -", "جنيف، نيسان/أبريل 2024 -"), or the
writer ("القاهرة - كتب محمد علي -"). A city and
a dash alone are cut too, but in "القاهرة - قال وزير الخارجية: ..." only the city: the
words after it are the story, and "دمشق تستضيف ..." (a city, then a verb) is no dateline.
"""

from __future__ import annotations

import re
from enum import Enum

from app.ingest.dates import ParsedDate, find_dateline, is_date_phrase, is_territory
from app.ingest.lines.credit import (
    MAX_NAME_WORDS,
    Byline,
    bare,
    is_city,
    is_outlet_name,
    known_credit,
)
from app.ingest.lines.lines import match_key, word_count

_PLACE = r"[^\s\d\-–—ـ:()/،,«»]+(?:\s[^\s\d\-–—ـ:()/،,«»]+){0,2}"
_MANY_PLACES = rf"{_PLACE}(?:\s*[/،,]\s*{_PLACE}){{1,3}}"
_PLACES = rf"(?:{_MANY_PLACES}|{_PLACE})"
_DASH = r"(?:\s*[-–—]+\s*|\s+ـ+\s*)"
_DATE_LINK = re.compile(r"\s+في$")
_PLACE_SPLIT = re.compile(r"\s*[/،,]\s*")
_MIN_REST_WORDS = 3


class _Rule(Enum):
    """What an opener's parts must be before the paragraph is cut."""

    KNOWN = "known"  # a known agency or outlet, «quoted», or "خاص" (any place)
    PAREN = "paren"  # known, or after a known city any short (parenthesised name)
    NAMED = "named"  # a known city, then a known, «quoted» or (parenthesised) source
    DATED = "dated"  # a known city, then a date
    PLACE = "place"  # known cities alone
    AUTHOR = "author"  # "كتب" and a name of two to four words, after a known city if any


_OPENERS = [
    # "بيروت (رويترز) - ", "القاهرة 14 نوفمبر تشرين الثاني (رويترز) - ", "القاهرة في 5
    # مارس /أ ش أ/ ", "أبوظبي، الإمارات العربية المتحدة (CNN)-- " (a known agency needs no
    # dash after it; other names do)
    (
        re.compile(
            rf"^(?P<place>{_PLACE})(?:\s*[،,]\s*(?P<country>{_PLACE}))?"
            r"(?:\s*[،,]?\s+(?=[^()]*\d)[^()]{1,40}?)?"
            r"\s*(?:\((?P<src>[^()]{1,30})\)|/(?P<slashed>[^()/]{1,30})/)"
            # "الخرطوم (وكالة النيل) 13 ديسمبر 2025 —": the date after the source
            r"(?P<after>\s+[^()\-–—ـ:«»]{0,30}?\d{4})?\s*(?P<sep>[-–—ـ:]*)\s*"
        ),
        _Rule.PAREN,
    ),
    # "(نيويورك) - قالت المنظمة ...": the city in brackets
    (re.compile(rf"^\((?P<place>{_PLACE})\)\s*[-–—]+\s*"), _Rule.PLACE),
    # "القاهرة - كتب محمد علي - ", "كتبت سارة حسن: ": the writer's credit run into the story
    (
        re.compile(
            rf"^(?:(?P<place>{_PLACES})\s*[-–—]\s*)?(?:كتب|كتبت)\s*[:：]?\s+"
            r"(?P<author>[^\d\-–—ـ:：.،,()«»\"]{3,40}?)\s*[-–—:：]\s*"
        ),
        _Rule.AUTHOR,
    ),
    # "دمشق - رويترز: ", "أنقرة/ الأناضول: "
    (
        re.compile(
            rf"^(?P<place>{_PLACES})\s*(?:[-–—/،,]|\sـ+)\s*(?P<src>[^:.،\-–—]{{1,30}}?)\s*[:：]\s*"
        ),
        _Rule.KNOWN,
    ),
    # "عمّان - بترا - ", "واشنطن، دمشق - «الحياة»، رويترز -"
    (
        re.compile(
            rf"^(?P<place>{_PLACES}){_DASH}(?P<src>\([^()]{{1,30}}\)|[^:.\-–—ـ()]{{1,40}}?){_DASH}"
        ),
        _Rule.NAMED,
    ),
    (
        re.compile(rf"^(?P<place>{_PLACE})\s*[،,]?\s+(?P<when>[^()\-–—ـ:«»]{{1,40}}?){_DASH}"),
        _Rule.DATED,
    ),
    # "روما-رأى الوزير": scraped text loses the space after the dash
    (re.compile(rf"^(?P<place>{_PLACES})\s*(?:[-–—]|\sـ+)\s*"), _Rule.PLACE),
    # Two cities or more: "دمشق: «...»" is how a headline quotes a capital
    (re.compile(rf"^(?P<place>{_MANY_PLACES})\s*[:：]\s*"), _Rule.PLACE),
    # ... but one city and a colon before a sentence opens a story: "رام الله: رحب ..."
    (re.compile(rf"^(?P<place>{_PLACE})\s*[:：](?!\s*[«\"“'])"), _Rule.PLACE),
    # "شفق نيوز/ "
    (re.compile(rf"^(?P<src>{_PLACE})\s*/\s+"), _Rule.KNOWN),
]
_STAMP_SIDES = re.compile(r"\s+(?:[-–—|]+|ـ+)\s+")
_CITIES_LINE = re.compile(rf"^(?P<place>{_PLACES})\s*(?P<end>[:：]|[-–—]+|ـ+)?$")
# fmt: off
# A parenthesised gloss after a city says where it is, not who reports: "إدلب (شمال سوريا)"
_REGION_WORDS = frozenset(match_key(w) for w in (
    "شمال", "شمالي", "جنوب", "جنوبي", "شرق", "شرقي", "غرب", "غربي", "وسط", "ريف", "محافظة",
    "ولاية", "إقليم", "منطقة", "قرب", "قضاء", "مدينة",
))
# ... and a relative clause or a preposition opens a sentence: "القاهرة (التي تستضيف ...)"
_NOT_A_NAME_START = frozenset(match_key(w) for w in (
    "التي", "الذي", "الذين", "اللذين", "اللتين", "حيث", "وهي", "وهو", "أي", "في", "من", "على",
    "عن", "إلى", "مع", "بعد", "قبل", "منذ", "قال", "قالت",
))
# Words no name holds after its first word: "كتب وزير الخارجية على حسابه:" is a sentence
_NAME_BREAKS = frozenset(match_key(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "أن", "إن"))
# fmt: on


def split_dateline(paragraph: str) -> tuple[Byline, str] | None:
    """The dateline opening a first paragraph, and the paragraph text after it."""
    for opener, rule in _OPENERS:
        found = opener.match(paragraph)
        rest = paragraph[found.end() :].strip() if found else ""
        if not found or word_count(rest) < _MIN_REST_WORDS:
            continue
        byline = _read_opener(found.groupdict(), rule)
        if byline:
            return byline, rest
    return None


def cities_line(line: str) -> Byline | None:
    """A header line naming only the cities a story comes from: "الموصل/أربيل:", "حمص -"."""
    found = _CITIES_LINE.match(line.strip())
    if not found or not (found.group("end") or _PLACE_SPLIT.search(found.group("place"))):
        return None
    place = cities(found.group("place"))
    return Byline(place=place) if place else None


def outlet_dateline(line: str) -> tuple[str, ParsedDate] | None:
    """ "عنب بلدي - 3 تشرين الأول 2024": a known outlet's name and the date."""
    sides = _STAMP_SIDES.split(line.strip(), maxsplit=1)
    if len(sides) != 2:
        return None
    for name, stamp in (sides, sides[::-1]):
        parsed = find_dateline(stamp, max_stray_words=0) if is_outlet_name(name) else None
        if parsed is not None:
            return bare(name), parsed
    return None


def cities(place: str) -> str | None:
    """ "الموصل/أربيل" as written, when each part is a city the table knows."""
    parts = _PLACE_SPLIT.split(place.strip())
    return bare(place) if all(is_city(part) for part in parts) else None


def whole_dateline(line: str) -> Byline | None:
    """A header line that is a dateline and nothing more: "القاهرة في 5 مارس /أ ش أ/"."""
    line = line.strip()
    opener, rule = _OPENERS[0]  # the other forms are read_byline's
    found = opener.match(line)
    if found is None or found.end() != len(line):
        return None
    return _read_opener(found.groupdict(), rule, whole=True)


def _read_opener(
    parts: dict[str, str | None], rule: _Rule, *, whole: bool = False
) -> Byline | None:
    """The byline an opener's parts make under its rule; `whole` when nothing follows them,
    so a bracket after a city cannot be a gloss the sentence goes on from."""
    place, source = parts.get("place"), parts.get("src") or parts.get("slashed")
    after = parts.get("after")
    if after and (not parts.get("sep") or not is_date_phrase(after)):
        return None  # a date after the source must be one, and a dash must close it
    if place:
        place = _DATE_LINK.sub("", place)  # "القاهرة في 5 مارس": في links the date
    if parts.get("country") and not is_territory(parts["country"] or ""):
        return None  # "أبوظبي، الإمارات العربية المتحدة (CNN)": a city, then its country
    if rule is _Rule.PAREN and not (whole or parts.get("sep")) and not known_credit(source or ""):
        return None  # "القاهرة (مصر) شهدت ...": a gloss, then the sentence goes on
    known_place = cities(place) if place else None
    if place and _PLACE_SPLIT.search(place) and known_place is None:
        return None  # "دمشق، أكد مصدر" is no list of cities
    if rule is _Rule.AUTHOR:
        return _author_credit(parts.get("author") or "", place, known_place)
    if rule is _Rule.PLACE or rule is _Rule.DATED:
        if known_place is None or (rule is _Rule.DATED and not is_date_phrase(parts["when"] or "")):
            return None
        return Byline(place=known_place)
    if source is None:
        return None
    found = known_credit(source)
    if found is None and rule is not _Rule.KNOWN and known_place is not None:
        found = _named_credit(source, parenthesised=rule is _Rule.PAREN)
    if found is None or (rule is _Rule.NAMED and known_place is None):
        return None
    if place and known_place is None and not _plausible_place(place):
        return None  # "قال الوزير (رويترز) -"
    found.place = known_place or (bare(place) if place else None)
    return found


def _author_credit(author: str, place: str | None, known_place: str | None) -> Byline | None:
    """ "كتب محمد نسيم": a writer's name of two to four words, after a known city if any."""
    if (place and known_place is None) or not 2 <= word_count(author) <= MAX_NAME_WORDS:
        return None
    first, *rest = match_key(author).split()
    if first.startswith("ال") or first in _NOT_A_NAME_START or _NAME_BREAKS.intersection(rest):
        return None  # "كتب الوزير على حسابه:", "كتب في مقاله -": the sentence goes on
    return Byline(place=known_place, authors=[bare(author)])


def _plausible_place(place: str) -> bool:
    """A place the table does not know: "GENEVA", a town of one or two words, no verb."""
    if not re.search(r"[\u0600-\u06ff]", place):
        return True
    words = match_key(place).split()
    return 0 < len(words) <= 2 and words[0] not in _NOT_A_NAME_START


def _named_credit(source: str, *, parenthesised: bool) -> Byline | None:
    """An unknown (parenthesised) name after a city: "نيويورك (الأمم المتحدة) -"."""
    name = source.strip()
    if name.startswith("(") and name.endswith(")"):
        name, parenthesised = name[1:-1], True
    name = bare(name)
    if not parenthesised or not name or word_count(name) > MAX_NAME_WORDS:
        return None
    if any(ch.isdigit() for ch in name) or re.search(r"[.،,:؛;!؟?]", name):
        return None
    first = match_key(name).split()[0] if match_key(name) else ""
    if first in _NOT_A_NAME_START:
        return None
    if is_city(name) or is_territory(name) or first in _REGION_WORDS:
        return Byline()  # a gloss: "إدلب (شمال سوريا)", "صيدا (لبنان)"
    return Byline(outlet=name)
