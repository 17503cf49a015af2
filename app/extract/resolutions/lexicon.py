"""Words and phrases around a resolution citation, written as news writes them.

Everything is normalized at import time (app.text.normalize), so the lists read as Arabic
and match the normalized tokens of app.extract.tokens.normtext.
"""

from __future__ import annotations

import re
from enum import StrEnum
from itertools import pairwise

from app.text.normalize import normalize


class Hint(StrEnum):
    """What the words near a citation say about its issuing body."""

    UNSC = "UNSC"
    UNGA = "UNGA"
    HRC = "HRC"
    OTHER = "other"  # an international body outside the UN's three (Arab League, IAEA board...)
    UN = "UN"  # "الأممي", "الدولي", "الأمم المتحدة": the UN, organ unsaid
    NATIONAL = "national"  # a state's own organ: not a UN resolution, never cited


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(text).split())


def _phrases(text: str) -> list[tuple[str, ...]]:
    return [tuple(normalize(p).split()) for p in text.split("|")]


# The noun that opens a citation, with its clitics and number: قرار، القرار، للقرار، بالقرار،
# القرارين، قراري، القرارات... and a possessive (قراره، قرارها، قراراته: the body is named
# before it).
ANCHOR = re.compile(r"^([وف])?(?:بال|لل|كال|ال|ب|ل|ك)?قرار(ات|ين|ان|ي|ا|ه|ها|هم|اته|اتها|اتهم)?$")
PLURAL_SUFFIXES = frozenset({"ات", "ين", "ان", "ي", "اته", "اتها", "اتهم"})
POSSESSIVE_SUFFIXES = frozenset({"ه", "ها", "هم", "اته", "اتها", "اتهم"})

_BODY_PHRASES: dict[Hint, str] = {
    Hint.UNSC: "مجلس الأمن|مجلس الأمن الدولي|مجلس الأمن الأممي|مجلس الأمن التابع للأمم المتحدة"
    "|مجلس الأمن الدولي التابع للأمم المتحدة|مجلس الأمن التابع لهيئة الأمم المتحدة"
    "|مجلس الأمن لهيئة الأمم المتحدة",
    Hint.UNGA: "الجمعية العامة|الجمعية العامة للأمم المتحدة|الجمعية العامة الأممية"
    "|الجمعية العامة التابعة للأمم المتحدة|الجمعية العامة لهيئة الأمم المتحدة",
    Hint.HRC: "مجلس حقوق الإنسان|مجلس حقوق الإنسان الأممي|مجلس حقوق الإنسان الدولي"
    "|مجلس حقوق الإنسان التابع للأمم المتحدة",
    Hint.OTHER: "الجامعة العربية|جامعة الدول العربية|مجلس الجامعة|مجلس الجامعة العربية"
    "|مجلس جامعة الدول العربية|مجلس وزراء الخارجية العرب|القمة العربية"
    "|مجلس محافظي الوكالة الدولية للطاقة الذرية|مجلس محافظي الوكالة|مجلس المحافظين"
    "|مجلس محافظي الوكالة الذرية|الوكالة الدولية للطاقة الذرية|مجلس الأمن والسلم الأفريقي"
    "|مجلس السلم والأمن الأفريقي|مجلس الأمن والسلم|الاتحاد الأفريقي|الاتحاد الإفريقي"
    "|الاتحاد الأوروبي|البرلمان الأوروبي|مجلس أوروبا|منظمة التعاون الإسلامي"
    "|منظمة حظر الأسلحة الكيميائية|المجلس التنفيذي لمنظمة حظر الأسلحة الكيميائية"
    "|منظمة الصحة العالمية|اليونسكو|مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية"
    "|لجنة حقوق الإنسان",
    Hint.UN: "الأممي|الأممية|الأمميين|الأمميان|الدولي|الدولية|الدوليين|الدوليان|الأمم المتحدة"
    "|الشرعية الدولية|الأمم المتحدة ذات الصلة|المنظمة الدولية|المنظمة الأممية"
    "|هيئة الأمم المتحدة",
}


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], Hint]]]:
    index: dict[str, list[tuple[tuple[str, ...], Hint]]] = {}
    for hint, text in _BODY_PHRASES.items():
        for phrase in _phrases(text):
            index.setdefault(phrase[0], []).append((phrase, hint))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


BODY_PHRASES = _phrase_index()

# "مجلس الأمن" followed by one of these is a state's security council, not the UN's.
UN_ADJECTIVES = _words("الدولي الأممي")
# Particles that normalize to the shape of a nisba adjective (إلى -> الي).
PARTICLES_LIKE_NISBA = _words("إلى الذي")

# Words allowed between the noun and the number: "قرار مجلس الأمن الدولي رقم 2254".
HEAD_FILLERS = _words(
    "رقم رقمي رقمه المرقم المرقمة ذي ذو ذا الرقم تحت الحامل للرقم ذات الصلة بالرقم التابع "
    "التابعة للأمم المتحدة الشهير الشهيرة الأخير الأخيرة المعروف الصادر الصادرة عن الأصلي "
    "المذكور المذكورة الأساسي الجديد أرقام الأرقام بالأرقام ذوات برقم تحت"
    # how the press qualifies a famous resolution: "القرار التاريخي 2334"، "الملزم"
    " التاريخي التاريخية الملزم الملزمة المهم الهام السابق السابقة الأول الأممي الدولي"
    " المسمى باسم"
)
# "القرار الـ2254": the article (or a preposition with it) written onto the number.
GLUED_ARTICLES = _words("ال بال لل")
# "القرار الذي حمل الرقم 2118": a relative clause that only gives the number.
RELATIVES = _words("الذي التي")
BEARING_VERBS = _words("حمل حملت يحمل تحمل")
NUMBER_MARKERS = _words("رقم رقمي المرقم المرقمة الرقم بالرقم للرقم برقم أرقام الأرقام بالأرقام")

# "القرارات الدولية ذات الصلة، ولا سيما 2254": after a plural noun these introduce members.
FOCUS_PHRASES = _phrases(
    "ولا سيما|لا سيما|ولاسيما|لاسيما|سيما|خاصة|وخاصة|خصوصا|وخصوصا|وبخاصة|بخاصة|بما فيها"
    "|بما في ذلك|ومنها|منها|مثل|ومن بينها|من بينها|وفي مقدمتها|في مقدمتها|وعلى رأسها|على رأسها"
    "|وفي مقدمها|في مقدمها|وفي طليعتها|في طليعتها"  # مقدَّمها: the Levantine spelling
    "|هما|وهما|هي|وأهمها|أهمها|وأبرزها|أبرزها|وتحديدا|تحديدا|وهي|أي|وبالأخص|بالأخص|وآخرها|آخرها"
)

# "قرار مجلس الجامعة على المستوى الوزاري رقم 8914": the level a body met at, after its name.
LEVEL_PHRASES = _phrases(
    "على المستوى الوزاري|على مستوى القمة|على مستوى وزراء الخارجية|على مستوى المندوبين"
    "|على مستوى المندوبين الدائمين|على المستوى الوزاري العربي"
)

# "قرار مجلس الأمن بشأن سوريا رقم 2254": a short topic is skipped only up to a number marker.
TOPIC_WORDS = _words("بشأن حول الخاص الخاصة المتعلق المتعلقة بخصوص")

# "بعثة الاتحاد الأفريقي", "قوات الاتحاد الأوروبي": a body named as the owner of a mission
# or force is not the one that votes the resolution in its sentence.
MISSION_NOUNS = _words("بعثة بعثات قوة قوات")
# "ضد دول مجلس التعاون": a body's member states, not the body adopting anything.
MEMBER_NOUNS = _words("دول الدول أعضاء الأعضاء")
# "قدمته البحرين نيابة عن دول مجلس التعاون": the body a draft was put forward for.
ON_BEHALF = _words("نيابة باسم")

# Connectors inside a list of numbers: "242 و338"، "242، 338 أو 2334".
LIST_SEPARATORS = _words("و أو ثم") | {",", "،"}

# "القرارات من 2216 إلى 2722": the two ends of a range are each cited.
RANGE_FROM = _words("من")
RANGE_TO = _words("إلى حتى")

# After the number: "لعام 2015" is the adoption year; "عام 2015" only probably is.
STRONG_YEAR_WORDS = _words("لعام لسنة للعام لسنه")
WEAK_YEAR_WORDS = _words("عام العام سنة")
ISSUED_WORDS = _words(
    "الصادر الصادرة صدر صدرت المتخذ المتخذة اتخذ اتخذه اتخذته المعتمد المعتمدة اعتمد اعتمده "
    "اعتمدته تبناه تبنته المتبنى أصدره أصدرته الذي التي"
)
# "قراره 687 (1991) المؤرخ 3 نيسان/أبريل 1991": the date of adoption, as the UN writes it.
DATED_WORDS = _words("المؤرخ المؤرخة المؤرخين المؤرختين بتاريخ")
BY_WORDS = _words("عن أصدره أصدرته تبناه تبنته اعتمده اعتمدته اتخذه اتخذته")
# After "اعتمده" or "الصادر عن": how, when and in which session it was adopted, not who
# adopted it ("الصادر عن دورته الاستثنائية الثلاثين").
MANNER_WORDS = _words(
    "بالإجماع بإجماع بأغلبية بغالبية بأكثرية بتأييد بموافقة في يوم أمس اليوم مؤخرا سابقا قبل بعد"
    " دورته دورتها دورة الدورة جلسته جلستها جلسة الجلسة اجتماعه اجتماعها"
)
# Between a body and the number marker: how and when it adopted the resolution.
WHEN_WORDS = MANNER_WORDS | WEAK_YEAR_WORDS | DATED_WORDS | _words("خلال الماضي الفائت")
# "القرار المعروف بـ2254"
KNOWN_AS = _words("المعروف المعروفة الشهير الشهيرة المسمى")
TAIL_WORDS = (
    ISSUED_WORDS | DATED_WORDS | _words("عن في عام العام سنة من بالإجماع يوم") | {"/", "-", ","}
)
MONTHS = _words(
    "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول "
    "جانفي فيفري أفريل ماي جوان جويلية أوت"
)

# A number followed by one of these counts something: "2254 شخصاً"، "2500 لاجئ".
UNITS = _words(
    "شخص شخصا أشخاص لاجئ لاجئا لاجئين نازح نازحا نازحين دولار دولارا يورو ليرة جنيه درهم "
    "دينار ريال مليون مليار ألف آلاف عنصر عناصر مقاتل مقاتلا قتيل قتيلا قتلى جريح جرحى طفل "
    "طفلا أطفال امرأة كيلومتر كيلومترا كلم كم متر مترا طن طنا بالمئة بالمائة المئة المائة "
    "سنة سنوات عاما أعوام يوما أيام ساعة ساعات شهرا أشهر مرة مرات صوتا أصوات قرارا قرارات "
    "دولة دول منزل معتقل معتقلا معتقلين مدني مدنيا مدنيين"
) | {"%", "٪"}

# "تنفيذ 2254": words of applying a resolution, which a famous one's bare number may follow.
APPLYING_WORDS = _words("تنفيذ تطبيق بموجب وفق وفقا بحسب حسب احترام بنود مندرجات مقتضيات")

# "مثل سابقه 2703": the resolution before (or after) the one cited, named by its number.
PREDECESSOR_WORDS = _words("سابقه سابقها سلفه لاحقه سابقيه")

# Words that may follow a resolution's bare number (a count is followed by its noun).
AFTER_A_NAME = _words(
    "كاملا بالكامل بكامل بحذافيره بكل بكافة بجميع بشأن حول في على عن من إلى هو هي الذي التي"
    " و أو ثم لا لم لن"
)

# Before a bare number, these make it a count, a rank or an article of a law, not a resolution
# named again: "نحو 2500"، "المادة 140"، "أكثر من 300".
COUNTING_WORDS = _words(
    "المادة مادة الفقرة فقرة البند بند رقم الرقم عدد العدد نحو حوالي قرابة زهاء أكثر أقل "
    "بلغ بلغت يبلغ تبلغ الساعة الصفحة صفحة الطريق طريق الجولة الدورة الكيلو"
)

# A state's organs. A number cited with no body is dropped when one of these and an issuing
# verb come just before it: "أصدر وزير الداخلية القرار رقم 25" is a ministerial decision.
NATIONAL_WORDS = _words(
    "وزير الوزير وزيرة وزارة الوزارة وزاري الوزاري وزارية الوزارية الحكومة حكومة محافظ "
    "المحافظ محافظة المحافظة رئاسة الرئاسة البرلمان برلمان النواب المحكمة محكمة البلدية بلدية "
    "مديرية المديرية الوزراء الرئيس رئيس"
)
ISSUING_VERBS = _words("أصدر أصدرت يصدر تصدر اتخذ اتخذت أقر أقرت وقع وقعت أصدرها")
# Outside the noun's own phrase, these in the same sentence say "the UN"; "مجلس" or
# "الجمعية" alone do not ("مجلس النواب"، "الجمعية الوطنية"), only the pairs that name an organ.
UN_CUES = _words("الأمم المتحدة الأممي الأممية الدولي الدولية الشرعية")
UN_CUE_PAIRS = frozenset(
    phrase[:2] for phrase in _phrases("مجلس الأمن|الجمعية العامة|مجلس حقوق الإنسان")
)


def has_un_cue(words: list[str]) -> bool:
    """Whether these words (a sentence or a window, in order) say "the UN"."""
    if not UN_CUES.isdisjoint(words):
        return True
    return any(pair in UN_CUE_PAIRS for pair in pairwise(words))


# Short forms that point back at a body the article has named ("تبنى المجلس القرار 2452"),
# each with the stem its full names are built on ("مجلس الأمن"، "مجلس النواب").
ANAPHOR_STEMS = {normalize(a): normalize(s) for a, s in
                 {"المجلس": "مجلس", "الجمعية": "جمعية", "الجامعة": "جامعة"}.items()}  # fmt: skip
# "إن مجلس الأمن، إذ يشير إلى قراراته 1267 (1999)...": the clauses of a resolution's preamble
# open with "إذ" and leave their subject, the body, to the document's opening words.
PREAMBLE_OPENERS = _words("إذ وإذ")
# The anaphor of such a clause: whatever body the article last named in full.
ANY_BODY = "*"
# Adjectives besides the nisba ones that turn a short form into a name: "المجلس الأعلى".
NAME_ADJECTIVES = _words("الأعلى العام العامة الموحد الانتقالي المحلي")

# "ES-10/22": a session of the General Assembly called when the Council is blocked by a veto;
# "S-17/1": a special session (of the Assembly or of the Human Rights Council).
SPECIAL_PREFIXES = {"es": "ES", "s": "S"}

SENTENCE_END = frozenset(".!?؟؛…\n")
OPEN_MARKS = frozenset("(\"«“„'‘[")
CLOSE_MARKS = frozenset(")\"»”'’]")
