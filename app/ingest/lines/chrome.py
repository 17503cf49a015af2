"""Page chrome of Arabic news sites: lines that are the site talking, not the story.

Rules match a line's normalized key, so "اقرأ أيضاً" and "اقرا ايضا" are one rule. A rule
fires on a whole line (or a short one): a sentence that merely contains "تويتر" is text.
"""

from __future__ import annotations

import re
from enum import Enum

from app.ingest.lines.lines import (
    has_letters,
    match_key,
    normalized_line,
    per_line,
    word_count,
)


class Block(Enum):
    """A marker line that owns the lines after it."""

    SUMMARY = "summary"  # bullet points follow
    LINKS = "links"  # linked headlines follow ("اقرأ أيضاً", "مواضيع ذات صلة")
    TAGS = "tags"  # one-to-three-word tags follow
    COMMENTS = "comments"  # readers' comments and the comment form: the story is over


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(match_key(p) for p in phrases)


# fmt: off
_SHARE_WORDS = _keys(
    "شارك", "شاركوا", "مشاركة", "انشر", "تويتر", "إكس", "x", "فيسبوك", "فيس بوك", "واتساب",
    "واتس", "اب", "تيليغرام", "تلغرام", "تليجرام", "تيليجرام", "لينكدإن", "لينكد", "ان", "إن",
    "بريد", "البريد", "الإلكتروني", "ايميل", "طباعة", "حفظ", "نسخ", "الرابط", "رابط", "twitter",
    "facebook", "whatsapp", "telegram", "linkedin", "email", "print", "share", "copy", "link",
    "messenger", "ماسنجر", "reddit", "pinterest",
)
_CHROME_LINES = _keys(
    "icon", "التغطية الحية", "+A", "-A", "A+", "A-", "A+ A-", "A- A+", "TT", "حجم الخط",
    "تكبير الخط", "تصغير الخط", "الرابط المختصر", "تم نسخ الرابط", "انسخ الرابط", "الرئيسية",
    "الصفحة الرئيسية", "القائمة", "بحث", "إغلاق", "اغلاق", "تابعونا", "تابعنا", "اشترك",
    "اشترك الآن", "سجل الدخول", "تسجيل الدخول", "مباشر", "بث مباشر", "البث المباشر", "استمع",
    "استمع للمقال", "استمع إلى المقال", "استمع الى الخبر", "إعلان", "اعلان", "advertisement",
    "محتوى إعلاني", "article information", "معلومات عن الكاتب", "معلومات المقال", "انتهى",
    "نهاية", "عاجل", "شارك برأيك", "أضف تعليق", "أضف تعليقك", "اترك تعليقاً", "لا توجد تعليقات",
    "التعليقات", "تعليقات", "المزيد", "صور", "فيديو", "شاهد الفيديو", "الأكثر شعبية",
    # image placeholders, skip links, ad slots, back-to-top buttons, load-more buttons
    "صورة الخبر", "صورة أرشيفية", "صورة تعبيرية", "أرشيفية", "bookmark", "مساحة إعلانية",
    "مانع الإعلانات", "أظهر المزيد", "عرض المزيد", "تحميل المزيد", "المزيد من المشاركات",
    "روابط سريعة", "التخطي إلى المحتوى", "تخطي إلى المحتوى", "انتقل إلى المحتوى",
    "جدول المحتوى", "جدول المحتويات", "زر الذهاب إلى الأعلى", "الذهاب إلى الأعلى",
    "العودة إلى الأعلى", "skip to content",
)
# fmt: on
_CHROME_RULES = (
    r"^(?:©|c) ?(?:19|20)\d\d|(?:19|20)\d\d ?©",
    r"^تابع(?:ونا|نا|وا)? (?:علي|عبر)|^تابع(?:ونا|وا) .{0,40}(?:علي|عبر) ",
    r"النشره البريديه|نشرتنا|^اشترك (?:في|الان|ب)|سجل بريدك|للاشتراك|اشترك ليصلك",
    r"^[\d ]+(?:تعليق|تعليقات|comments?)$|^(?:التعليقات|تعليقات) [\d ]+$",
    r"^(?:عدد )?(?:المشاهدات|مشاهدات|القراءات) [\d ]+$|^[\d ]+(?:مشاهده|مشاهدات|قراءه|views?)$",
    r"(?:\d+ )?(?:دقيقه|دقايق|دقيقتان|دقيقتين) (?:قراءه|للقراءه)|وقت القراءه|مده القراءه"
    r"|min read",
    r"(?:اضغط|انقر) (?:هنا|علي)|حمل تطبيق|تحميل التطبيق|^تخط[يى] (?:الي|الاعلان|البودكاست)",
    r"^role ",
    # a cookie notice: "هذا الموقع يستخدم ملفات تعريف الارتباط"
    r"(?:يستخدم|نستخدم) (?:\S+ ){0,2}(?:ملفات |ملف )?(?:تعريف )?(?:الارتباط|كوكيز|cookies?)",
)
# One alternation, one search a line: the rules read better one a line.
_CHROME_PATTERN = re.compile("|".join(f"(?:{rule})" for rule in _CHROME_RULES))
# A masthead's staff, a name at most after the post: "رئيس التحرير: فلان", "مدير التحرير فلان"
# (not a headline about one: "رئيس التحرير يعتذر للقراء عن الخطأ")
_MASTHEAD = re.compile(r"^(?:رييس|مدير|سكرتير|نايب رييس) (?:التحرير|مجلس الاداره)(?: |$)")
_MASTHEAD_WORDS = 7
# Footers that run long: copyright notices, and wire credits in parentheses
# "(إعداد فلان للنشرة العربية - تحرير فلان)"
_LONG_FOOTER = re.compile(r"جميع الحقوق محفوظه|حقوق النشر محفوظه|all rights reserved|^copyright")
_WIRE_CREDIT = re.compile(r"^(?:تغطيه صحفيه|اعداد|تحرير|كتابه) |للنشره العربيه")
_LONG_FOOTER_WORDS = 30
# Wire credits in English, on English and Arabic pages alike:
# "(Reporting by ... in Geneva; Writing by ...; Editing by ...)"
_ENGLISH_CREDIT = re.compile(
    r"^\(?\s*(?:additional |further )?(?:reporting|writing|editing|compiled|translated|written"
    r"|research|graphics|produced)(?: and \w+)? by\s",
    re.IGNORECASE,
)
# "#سوريا #لبنان": hashtags alone
_HASHTAG_LINE = re.compile(r"^(?:#[^\W_]\w*[\s,،|·•]*)+$")
# "الرئيسية > أخبار > سياسة", "الرئيسية / المركز الإعلامي / البيانات الصحفية" (normalized)
_BREADCRUMB = re.compile(r"\s[>»›]\s|^الرييسيه\s*[/|>»›]")
_PATH_STEP = re.compile(r"\s[/|]\s")
_GUILLEMETS = re.compile(r"«[^«»]*»")
# Weather and currency tickers, figure first or last: "24°عمّان", "3.7دولار", "0.71 دينار
# أردني", "رام الله29.2°" (a decimal or a degree: "القرار 2254" may head a section)
_TICKER = re.compile(
    r"^-?\d+(?:[.,]\d+\s?°?|\s?°)\s?[^\d\s]+(?:\s[^\d\s]+)?$"
    r"|^[^\d\s]+(?:\s[^\d\s]+)?\s?-?\d+(?:[.,]\d+\s?°?|\s?°)$"
)
# A link or an image address alone on a line: "https://cdn.img.example/1106.jpg"
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_SHORT_RULE_WORDS = 12
_SHORT_CREDIT_WORDS = 6  # "Reporting by Omar Haddad" with no parentheses

# fmt: off
_SUMMARY = _keys(
    "ملخص", "الملخص", "ملخص الخبر", "ملخص المقال", "أبرز النقاط", "النقاط الرئيسية",
    "نقاط رئيسية", "أهم النقاط", "باختصار", "في سطور", "الخلاصة", "summary", "key points",
)
_LINKS = _keys(
    "اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "اقرأ كذلك", "اقرأ المزيد", "إقرأ المزيد", "اقرأ",
    "شاهد أيضاً", "شاهد أيضا", "للمزيد", "مرتبط", "مرتبطة", "ذو صلة", "ذات صلة", "مواضيع ذات صلة",
    "موضوعات ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "قصص ذات صلة", "مواد ذات صلة",
    "روابط ذات صلة", "أخبار متعلقة", "قد يهمك", "قد يهمك أيضاً", "قد يعجبك أيضاً", "اخترنا لك",
    "اخترنا لكم", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولاً", "المزيد حول هذه القصة",
    "قصص مقترحة", "مقترحات", "المزيد من الأخبار", "آخر الأخبار", "أحدث الأخبار", "related",
    "read more", "read also",
)
_TAGS = _keys(
    "الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدالة", "كلمات دالة",
    "مواضيع", "الموضوعات", "المواضيع", "تاغ", "هاشتاغ", "tags", "topics",
)
# Headings of the comment section, not the comment buttons of a share bar ("أضف تعليق",
# "شارك برأيك"), which a page may print above its story too.
_COMMENTS = _keys(
    "تعليقات القراء", "تعليقات الزوار", "آراء القراء", "اكتب تعليقا", "اكتب تعليقاً",
    "أكتب تعليقا", "اكتب تعليقك", "أكتب تعليقك", "اترك رداً", "اترك ردا", "أضف تعليقاً",
    "إضافة تعليق", "leave a comment", "leave a reply", "post a comment",
)
# fmt: on
# "اقرأ أيضاً" with no colon, often run into the linked headline by a lost line break
_READ_ALSO = re.compile(r"^\s*(?:اقرأ|إقرأ|اقرا|شاهد)\s+(?:أيضاً|أيضا|ايضا|ايضاً|كذلك)\s*\S")
_HEADLINE_WORDS = 24
_LABELLED = re.compile(r"^\s*([^:：]{2,40}?)\s*[:：]\s*(.*)$")
_SOURCE_LABELS = _keys("المصدر", "مصدر الخبر", "source")
_COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|copyright|all rights reserved|(?:جميع\s+)?(?:ال)?حقوق(?:\s+النشر)?\s+محفوظة"
    r"(?:\s+لـ?)?|(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?",
    re.IGNORECASE,
)


@per_line
def is_chrome(line: str) -> bool:
    """Share buttons, font controls, footers, counters: never story text."""
    if not has_letters(line):
        return True
    key = match_key(line)
    if key in _CHROME_LINES or _is_breadcrumb(line) or _URL_LINE.match(line) or _TICKER.match(line):
        return True
    words = key.split()
    if words and all(word in _SHARE_WORDS for word in words):
        return True
    if word_count(line) <= _LONG_FOOTER_WORDS and (
        _LONG_FOOTER.search(key)
        or (_is_parenthesized(line) and _WIRE_CREDIT.search(key))
        or _is_english_credit(line)
        or _HASHTAG_LINE.match(line)
    ):
        return True
    if word_count(line) > _SHORT_RULE_WORDS:
        return False
    if _MASTHEAD.match(key) and (":" in line or word_count(line) <= _MASTHEAD_WORDS - 2):
        return word_count(line) <= _MASTHEAD_WORDS
    return bool(_CHROME_PATTERN.search(key))


def _is_parenthesized(line: str) -> bool:
    return line.startswith("(") and line.rstrip(".").endswith(")")


def _is_english_credit(line: str) -> bool:
    """ "(Reporting by ...; Editing by ...)", not a sentence that opens "Reporting by ..."."""
    if not _ENGLISH_CREDIT.match(line):
        return False
    short = word_count(line) <= _SHORT_CREDIT_WORDS and not line.endswith(".")
    return _is_parenthesized(line) or ";" in line or short


def _is_breadcrumb(line: str) -> bool:
    """ "أخبار | سوريا", "الرئيسية / المركز الإعلامي / البيانات الصحفية": a section path.

    Two steps count only when both are one or two words: "سوريا | عام على الزلزال" may
    be a subheading.
    """
    # "قوات « اليونيفيل » التابعة": a closing guillemet after a space is a quote, not a step
    if _BREADCRUMB.search(_GUILLEMETS.sub("", normalized_line(line))):
        return True
    steps = _PATH_STEP.split(line)
    longest = 3 if len(steps) > 2 else 2
    return len(steps) > 1 and all(1 <= word_count(step) <= longest for step in steps)


@per_line
def block_marker(line: str) -> tuple[Block, bool] | None:
    """A block marker and whether it stands alone (True) or carries its content inline."""
    key = match_key(line)
    markers = (
        (Block.SUMMARY, _SUMMARY),
        (Block.LINKS, _LINKS),
        (Block.TAGS, _TAGS),
        (Block.COMMENTS, _COMMENTS),
    )
    for block, keys in markers:
        if key in keys:
            return block, True
    labelled = _LABELLED.match(line)
    if labelled and labelled.group(2):
        label = match_key(labelled.group(1))
        if label in _LINKS:
            return Block.LINKS, False
        if label in _TAGS:
            return Block.TAGS, False
    if word_count(line) <= _HEADLINE_WORDS and _READ_ALSO.match(line):
        return Block.LINKS, False  # "اقرأ أيضاًالقاهرة: ...": the label run into its headline
    return None


def source_credit(line: str) -> str | None:
    """ "المصدر: رويترز" -> "رويترز": the credited source of a short source line."""
    labelled = _LABELLED.match(line)
    if not labelled or match_key(labelled.group(1)) not in _SOURCE_LABELS:
        return None
    credit = labelled.group(2).strip(" .")
    if not credit or word_count(credit) > 8:
        return None
    # "الجزيرة + وكالات", "سانا، وكالات": the outlet is the first name
    return re.split(r"\s*[+،,]\s*|\s+و(?=وكالات)", credit)[0].strip() or None


def copyright_holder(line: str) -> str | None:
    """ "© 2024 تلفزيون سوريا. جميع الحقوق محفوظة" -> "تلفزيون سوريا"."""
    if not is_chrome(line) or ("©" not in line and "محفوظ" not in line):
        return None
    holder = " ".join(_COPYRIGHT_NOISE.sub(" ", line).split()).strip(" .,،-–|")
    return holder if holder and word_count(holder) <= 4 and has_letters(holder) else None
