"""Byline lines: who reports, from where, for which outlet.

Forms read: "تلفزيون سوريا ـ إسطنبول", "نيويورك - «الحياة»، رويترز، أ ف ب", "بيروت - أ ف ب",
"بيروت: كارولين عاكوم", "كتب: محمد علي", "بقلم ...", "الموصل/أربيل:". A side is a place
when the time-zone table knows it as a city; who is credited is lines.credit's call, and
a dateline opening the first paragraph ("دمشق - رويترز: ...") is lines.dateline's.
"""

from __future__ import annotations

import re

from app.ingest.lines.chrome import is_chrome
from app.ingest.lines.credit import (
    AGENCIES,
    MAX_NAME_WORDS,
    NAME_SPLIT,
    NO_NAME,
    OUTLETS,
    Byline,
    bare,
    credit,
    is_city,
    is_known_source,
    is_outlet_name,
)
from app.ingest.lines.dateline import cities_line, split_dateline, whole_dateline
from app.ingest.lines.lines import word_count

# Re-exported: the HTML story reader and the scraped-text parser import them from here.
__all__ = [
    "AGENCIES",
    "OUTLETS",
    "Byline",
    "is_outlet_name",
    "read_byline",
    "split_dateline",
]

_SEPARATOR = re.compile(r"\s+[ـ_]+\s+|\s*[\-–—|/]\s*")
_COLON_LABELS = (
    r"كتب|كتبت|كتبه|كتابة|تقرير|تحرير|إعداد|اعداد|المحرر|الكاتب|مراسل|مراسلة|حوار|حاوره|حاورته"
    r"|حاورها|أجرى الحوار|اجرى الحوار"
)
_LABEL = re.compile(
    rf"^(?:(?:{_COLON_LABELS})\s*[:：]|(?:بقلم|بواسطة|author|by)\s*[:：,،]?)\s*(?P<names>.+)$",
    re.IGNORECASE,
)
# "(رويترز)", "— (سانا)", "/أ ش أ/": the agency closing a wire story
_PAREN_CREDIT = re.compile(r"^[-–—\s]*(?:\(([^()]{1,30})\)|/([^()/]{1,30})/)$")
_MAX_BYLINE_WORDS = 12
_MAX_TAG_WORDS = 3
# "د. جمال علي", "د . جمال علي": a doctor's title marks the credited source as a writer
_DOCTOR = re.compile(r"^\s*(?:د|أ\.?د)\s?\.\s*")


def _authors(names: str) -> Byline | None:
    """ "محمد علي - دمشق" or "محمد علي وسارة حسن" after a "كتب:" label."""
    parts = _SEPARATOR.split(names, maxsplit=1)
    place = parts[1] if len(parts) == 2 and is_city(parts[1]) else None
    people = [bare(n) for n in NAME_SPLIT.split(parts[0]) if bare(n)]
    if not people or any(word_count(p) > MAX_NAME_WORDS for p in people):
        return None
    return Byline(place=bare(place) if place else None, authors=people)


def read_byline(line: str, *, strict: bool = False) -> Byline | None:
    """The byline a short line states, or None when it is anything else.

    Strict (inside the story): unlabelled forms count only when the credited source is a
    known agency or outlet, or quoted «like this»; "دمشق: مصادر" is then text, and so is
    a line of cities alone ("حلب:" may head a roundup's paragraph on Aleppo).
    """
    if word_count(line) > _MAX_BYLINE_WORDS or line.endswith((".", "؟", "!")):
        return None
    labelled = _LABEL.match(line)
    if labelled:
        return _authors(labelled.group("names"))
    if _outlet_tag(line):
        return credit(line)  # "أمد/": the outlet's tag over its story, run-in text lost
    credit_only = _PAREN_CREDIT.match(line)
    if credit_only:
        source = credit_only.group(1) or credit_only.group(2)
        return credit(source) if is_known_source(source) else None
    if not strict and (header_line := cities_line(line) or whole_dateline(line)):
        return header_line
    place, _, rest = line.partition(":")
    if rest.strip() and is_city(place) and word_count(place) <= 3:
        if strict and not is_known_source(rest):
            return None
        found = credit(rest) if is_known_source(rest) else _authors(rest)
        if found:
            found.place = bare(place)
        return found
    return _two_sides(line, strict=strict)


def _outlet_tag(line: str) -> bool:
    """ "أمد/", "يمن مونيتور/": one short name and a slash; not "انتهى/", the wire's end."""
    name = line.strip().removesuffix("/")
    if not line.strip().endswith("/") or not name or word_count(name) > _MAX_TAG_WORDS:
        return False
    return not _SEPARATOR.search(name) and not is_chrome(name)


def _two_sides(line: str, *, strict: bool) -> Byline | None:
    """ "تلفزيون سوريا ـ إسطنبول", "بيروت - أ ف ب": a place and a source, either order (or
    two sources)."""
    parts = _SEPARATOR.split(line.strip(), maxsplit=1)
    if len(parts) != 2 or not all(bare(p) for p in parts):
        return None
    left, right = parts
    if is_known_source(left) and is_known_source(right):
        return credit(f"{left}، {right}")  # "الجزيرة نت/ وكالات": an outlet and its agency
    for tag, outlet in ((left, right), (right, left)):
        if is_city(outlet) or any(ch.isdigit() for ch in outlet):
            continue  # "بيروت - خاص": a place and an exclusive, read below
        if bare(tag) in NO_NAME and bare(outlet):
            # "متابعة ـ منصة السودان ـ", "صوت العاصمة/ خاص", "قاسيون – رصد": the outlet's
            # tag over its story
            return credit(outlet)
    if is_city(left) and not is_city(right):
        place, source = left, right
    elif is_city(right) and not is_city(left):
        place, source = right, left
    elif is_known_source(right) and word_count(left) <= 3 and not is_known_source(left):
        place, source = left, right
    else:
        return None
    if strict and not is_known_source(source):
        return None
    doctor = _DOCTOR.match(source)
    found = _authors(source[doctor.end() :]) if doctor else credit(source)
    if found is None or word_count(place) > 3:
        return None
    found.place = bare(place)
    return found
