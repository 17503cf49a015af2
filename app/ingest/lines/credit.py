"""Who a byline or dateline credits: known agencies and outlets, and the Byline they fill.

News agencies go to authors, the first other name to outlet: "«الحياة»، رويترز، أ ف ب"
is the outlet الحياة with two agencies. Shared by the byline lines of a page header
(lines.byline) and the datelines that open a story (lines.dateline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.ingest.dates import zone_for_city
from app.ingest.lines.lines import match_key, per_line, word_count


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
    "بي بي سي نيوز عربي", "أخبار الأمم المتحدة", "سبوتنيك عربي", "آر تي عربي", "RT عربي",
    "إندبندنت عربية", "سي إن إن بالعربية", "القاهرة الإخبارية", "العين الإخبارية", "عربي 21",
    "عربي21", "الخليج أونلاين", "سودان تريبيون", "هسبريس", "اليوم السابع", "المصري اليوم",
    "الأهرام", "عكاظ", "القبس", "المسيرة", "الشروق",
)
# Byline words that credit no one: "دمشق - خاص" is an exclusive, "حمص - مراسلنا" our own
# reporter, not outlets named خاص or مراسلنا.
NO_NAME = frozenset({
    "خاص", "خاص بالموقع", "متابعات", "متابعة", "مراسلنا", "مراسلتنا", "مراسلونا", "مراسل",
    "مراسلة", "رصد", "فريق التحرير", "هيئة التحرير", "التحرير",
})
# fmt: on
# " و" joins names too, but splitting there would also split وليد and وائل
NAME_SPLIT = re.compile(r"\s*[،,+&]\s*|\s+و(?=وكالات)")
MAX_NAME_WORDS = 4
_QUOTES = "«»\"“”'"
# "«الحياة»:", "— (سانا)", "/أ ش أ/", "منصة السودان ـ": marks around a name, never part of it
_STRAY_MARKS = ".:：*٭-–—ـ/()|"


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


def bare(name: str) -> str:
    # "بقلم: سامر يوسف*": the star points at a note on the writer at the foot of the page
    return name.strip(" " + _QUOTES + _STRAY_MARKS)


def is_city(name: str) -> bool:
    return zone_for_city(bare(name)) is not None


@per_line
def is_outlet_name(line: str) -> bool:
    """A line that is only the name of a known outlet or agency (a masthead)."""
    key = match_key(bare(line)).replace(" ", "")
    return key in OUTLETS or key in AGENCIES


def is_known_source(name: str) -> bool:
    key = match_key(bare(name)).replace(" ", "")
    return key in AGENCIES or key in OUTLETS or name.strip()[:1] in '«"“'


def credit(source: str) -> Byline | None:
    """ "«الحياة»، رويترز، أ ف ب" -> outlet الحياة, authors [رويترز, أ ف ب]."""
    names = [n for n in NAME_SPLIT.split(source) if bare(n)]
    if not names or any(word_count(n) > MAX_NAME_WORDS for n in names):
        return None
    byline = Byline()
    for name in (n for n in names if bare(n) not in NO_NAME):
        agency = match_key(bare(name)).replace(" ", "") in AGENCIES
        if agency or byline.outlet:
            byline.authors.append(bare(name))
        else:
            byline.outlet = bare(name)
    return byline


def known_credit(source: str) -> Byline | None:
    """The credit of a source made only of known names ("رويترز، أ ف ب", "(سانا)", "خاص")."""
    name = source.strip()
    if name.startswith("(") and name.endswith(")"):
        name = name[1:-1]
    names = [n for n in NAME_SPLIT.split(name) if bare(n)]
    if is_known_source(name) or (
        names and all(is_known_source(n) or bare(n) in NO_NAME for n in names)
    ):
        return credit(name)
    return None
