"""Words of organization names: head nouns, and what may or may not follow them."""

from __future__ import annotations

import re
from functools import lru_cache

from app.extract.actors.lexicon import PARTICLES, words
from app.extract.tokens import bare, readings
from app.text.memo import CANDIDATES
from app.text.normalize import normalize

HEAD_GROUPS = {
    "government": """وزارة حكومة نظام رئاسة برلمان إدارة قيادة مديرية بلدية جهاز فرع ديوان
        شرطة نيابة""",
    "party": "حزب تيار حراك",
    "armed_group": "جيش قوات فصيل فيلق لواء كتائب كتيبة ألوية فرقة حرس",
    "media": "صحيفة قناة تلفزيون إذاعة",
    "other": """هيئة مجلس حركة ائتلاف جبهة منظمة لجنة جامعة اتحاد تجمع مفوضية وكالة شركة
        رابطة جمعية مؤسسة مركز معهد محكمة منبر مكتب بنك صندوق مصرف تنظيم جماعة منصة
        شبكة مرصد نقابة غرفة حلف كتلة أمانة بعثة تحالف مجموعة مندوبية ممثلية وفد سفارة
        فريق""",
}
HEADS: dict[str, str] = {
    normalize(word): group for group, text in HEAD_GROUPS.items() for word in text.split()
}
# Heads that name nothing without a country: وزارة الخارجية of whom?
# إدارة is first of all a verbal noun ("إدارة الأزمة", "managing the crisis"): only a
# country makes it a body ("الإدارة الأمريكية"). Likewise
# نظام is a system before it is a regime ("نظام العقوبات", "نظام روما الأساسي"), تنظيم a
# verbal noun before a group ("تنظيم الملاحة", "تنظيم الانتخابات"): the groups themselves
# are in the gazetteer (تنظيم الدولة، نظام الأسد). An embassy named by its demonym alone
# ("السفارة الإيرانية") is no body: its adjective names the country (org_chain.py).
# "الفريق" alone is first of all a military rank (الفريق أول ...): never a short form.
NO_SHORT_FORM = frozenset(normalize(w) for w in ["فريق", "وفد", "سفارة"])
NEEDS_PLACE = frozenset(normalize(w) for w in ["وزارة", "رئاسة", "إدارة", "نظام", "تنظيم"])
# A movement (حراك) is named by a proper genitive ("حراك الجيل الجديد"), not by a common
# one ("حراك الشارع", the street's protests), and an agency (جهاز) by its country or a
# named adjective ("جهاز الأمن الوطني"), not by its field alone ("جهاز التكييف" is a
# device): they need a named adjective, a place or two proper words.
NEEDS_SPECIFIC = frozenset(normalize(w) for w in ["حراك", "جهاز"])
# ... and so do a court (ديوان), a police (شرطة) and a prosecution (النيابة العامة):
# "الديوان الأميري" is Qatar's only in a Qatari story, "الشرطة" any country's
NEEDS_PLACE_WHEN_DEFINITE = frozenset(
    normalize(w)
    for w in ["حكومة", "نظام", "جيش", "برلمان", "قيادة", "قوات", "حرس", "ديوان", "شرطة", "نيابة"]
)

# Definite words of a chain that on their own name nothing: a chain of only these is weak.
GENERIC = words("""
    الأمن الدفاع الخارجية الداخلية العدل المالية الصحة التربية التعليم الاقتصاد الإعلام
    النفط الزراعة النقل الطاقة الثقافة السياحة العمل الشؤون الأوقاف الإسكان الاتصالات
    البيئة الرياضة الشباب الوزراء النواب الشعب الشيوخ الدولة الحكومة النظام المعارضة
    الاحتلال التحقيق الإنقاذ الإغاثة الطوارئ المتابعة التنسيق الاتصال المصالحة الحماية
    الشرطة المدينة المحافظة المنطقة البلدة القرية الحي المخيم المحلي المحلية الخاصة
    الخاص العامة العام الجديد الجديدة المختصة المعنية المشتركة الفنية العسكري العسكرية
    السياسي السياسية الإداري الإدارية التنفيذية التنفيذي المركزية المركزي العليا الأعلى
    الأمنية الأمني الرسمي الرسمية الحكومي الحكومية التابعة التابع المذكورة المذكور
    نفسها نفسه ذاتها ذاته المسلحة المسلح الموالية الموالي الأخرى الثانية الأولى
    الأعمال الإقليم الولاية الاستخبارات المخابرات
""")
# What a حركة may be the movement *of* rather than a movement: people, goods, traffic
# ("حركة الأفراد والبضائع", "حركة النزوح", "حركة الملاحة"), none of them a body's name.
FLOWS = words("""
    الأفراد المواد البضائع السلع النزوح اللجوء الهجرة العودة السير المرور الملاحة النقل
    التنقل العبور الطيران السفن الشاحنات القطارات الركاب المسافرين التجارة الأموال
    الأسواق الأسعار التداول الأسهم البيع الشراء السكان المواطنين النازحين اللاجئين
    الاحتجاجات الاحتجاج الاستثمار الإعمار البناء
""")
MOVEMENT = normalize("حركة")
# A movement named only as popular is the street's protest, not a body: "الحراك الشعبي".
HIRAK = normalize("حراك")
POPULAR = words("الشعبي الشعبية الاحتجاجي الاحتجاجية الجماهيري الجماهيرية السلمي السلمية")
# Heads of outlets: after the outlet's own name, a demonym or a word on who owns it
# describes it ("صحيفة الأهرام المصرية", "صحيفة أثير العمانية").
MEDIA_HEADS = words("صحيفة قناة تلفزيون إذاعة وكالة شبكة")
# Words of an outlet's name that say what it is, not which one it is: "وكالة الأنباء
# السعودية" needs its demonym to name anything.
MEDIA_GENERIC = words("الأنباء أنباء الأخبار الإخبارية الفضائية الإذاعة التلفزيون الإعلام")
# English words outlets end their Arabic names with: "وكالة العرب ديلي بريس", "راديو
# موزاييك إف إم"; after an outlet's head they go on with its name.
MEDIA_LOANWORDS = words("ديلي بريس برس نيوز بوست تايمز تايم تريبيون إف أف إم تي في أونلاين")
# Construct nouns that describe a body's state, not name it: "حكومة تصريف الأعمال".
DESCRIPTIVE = words("تصريف")
# Adjectives that make a chain a proper name: "المجلس الوطني الكردي", "الجيش الحر".
NAMED_ADJECTIVES = words("""
    الوطني الوطنية القومي القومية الديمقراطي الديمقراطية الإسلامي الإسلامية الدولي الدولية
    العربي العربية الكردي الكردية الكردستاني الكردستانية الأوروبي الأوروبية الأفريقي
    الأفريقية الإفريقي الإفريقية الخليجي الخليجية المتحدة الشعبي الشعبية الحر الحرة الثوري
    الثورية الاشتراكي الاشتراكية الشيوعي الشيوعية العالمي العالمية الأممي الأممية السامية
    السامي المؤقتة المؤقت الانتقالي الانتقالية الموحد الموحدة المستقلة المستقل الاتحادي
    الاتحادية الفيدرالي الفيدرالية الأطلسي الدستورية الجمهوري الذاتية السورية التركمانية
    التركماني الآشورية الآشوري السرياني السريانية الثلاثية الرباعية الخماسية السداسية
    الثلاثي الرباعي الخماسي السداسي
""")
# Adjectives that describe a body rather than name it: the chain stops before them.
DESCRIPTORS = words("""
    الحاكم الحاكمة المعارض المعارضة الموالي الموالية المدعوم المدعومة المسلح المسلحة
    المتشدد المتشددة المتطرف المتطرفة الإرهابي الإرهابية المحظور المحظورة المنحل المنحلة
    السابق السابقة الحالي الحالية المقرب المقربة الجديد الجديدة التابع التابعة الشريك
    الرسمي الرسمية
""")
ADJECTIVES = (
    NAMED_ADJECTIVES
    | DESCRIPTORS
    | words("""
    المحلي المحلية الخاص الخاصة العام المتحدة المؤقتة المستقلة الموحدة الحر الحرة الأعلى
    العليا الكبرى العامة المشتركة الدائم الدائمة
    المختصة المعنية الأحمر الأخضر الأبيض الأسود الجديد الجديدة الشقيقة الصديقة الثالث
    الرابعة الرابع الخامسة الأول الأولى الثاني الثانية الثالثة الحاكم الموحد العظمى
""")
)
# Heads written before a quoted name, with the display form the canonical name uses.
QUOTED_HEAD_WORDS = """صحيفة وكالة موقع قناة منظمة حركة فريق شبكة مركز مؤسسة جمعية تجمع
    تحالف حملة منصة إذاعة تلفزيون مجلة جماعة تنظيم فصيل حزب تيار فضائية راديو مليشيا
    ميليشيا مليشيات ميليشيات"""
# Heads that describe what the quoted name is rather than open it: "مليشيا «بدر»" is the
# group بدر, however a text calls it (مليشيات، ميليشيا).
DESCRIBING_HEADS = words("مليشيا ميليشيا مليشيات ميليشيات")
QUOTED_HEADS = {normalize(w): w for w in QUOTED_HEAD_WORDS.split()}
# The networks a statement is posted on: "منصة «إكس»" is a channel, not a body (منصة
# موسكو is one).
SOCIAL_NETWORKS = words("إكس اكس أكس X تويتر فيسبوك فيسبوك تلغرام تيليغرام إنستغرام يوتيوب")
PLATFORM = normalize("منصة")
QUOTE_AFTER = re.compile(r"\s*[\"'«»“”]")
# Adjectives that alone name no body: "المنظمة الدولية" is how a text avoids a name.
VAGUE = words("الدولي الدولية العالمي العالمية الأممي الأممية")
# Words before a quoted outlet that cite it: "لـ«العربية»", "بحسب «الجزيرة»".
CITING = words("ل لـ بحسب حسب وفق وفقا نقلت نقل ذكرت أفادت قالت قال صحيفة قناة موقع")
# The adjective of the United Nations, which names it ("المبعوث الأممي").
UN_NISBAS = words("الأممي الأممية أممي أممية الأمميين الأمميون الأمميان")
# Trailing adjectives that do not change which known body is named (مجلس الأمن الدولي).
MERGEABLE = words(
    "الدولي الدولية الأممي الأممية المعارض المعارضة الرسمي الرسمية"
    # how outlets qualify an armed group they name: "مليشيا الحوثي الانقلابية"
    " الجهادي الجهادية المتشدد المتشددة الإرهابي الإرهابية الانقلابي الانقلابية المتمرد"
    " المتمردة المتطرف المتطرفة"
    # who owns an outlet: "وكالة الأنباء السعودية الحكومية" is the known agency
    " الحكومي الحكومية"
)
# ل-genitives lexicalized inside names: "الشبكة السورية لحقوق الإنسان", "مركز جسور للدراسات".
L_GENITIVES = words("""
    لحقوق لشؤون للشؤون للدراسات للأبحاث للبحوث للتنمية للإغاثة للاجئين للسلام للإعلام للتوثيق
    للعدالة للثقافة للسياسات للتخطيط للديمقراطية للحريات للمصالحة للتعليم للتعاون
    للأمن للنفط للدولة للمفاوضات للانتخابات للإحصاء للاستثمار للطاقة للأنباء للطفولة
    للهجرة للتجارة للاتصالات للطيران للمقاومة للتحرير للإصلاح للتغيير للإنقاذ للشغل
    للتحقيق للأخبار لنصرة للحقوق
""")
DEFINITE_L = frozenset(w for w in L_GENITIVES if w.startswith("لل"))
# Heads that take a bare proper name: "حركة حماس", "وكالة رويترز", "صحيفة الغارديان".
PROPER_HEADS = frozenset(
    normalize(w) for w in ["حركة", "وكالة", "صحيفة", "قناة", "شركة", "منظمة", "جماعة", "تنظيم"]
)
NOT_PROPER = words(
    "جديد جديدة كبير كبيرة صغير صغيرة واحد واحدة آخر أخرى مشترك مستقل معارض موال مسلح"
)
# Heads that with ب mean "led by" when a name follows: بقيادة، برئاسة.
LEADING = frozenset(normalize(w) for w in ["قيادة", "رئاسة"])
# "الخارجية الروسية" is the Russian foreign ministry even without وزارة.
MINISTRY_DOMAINS = words("الخارجية الدفاع الداخلية العدل المالية الصحة الإعلام")
MINISTRY = normalize("وزارة")
IN = "في"
ABOUT = normalize("بشأن")


def has_preposition(word: str) -> bool:
    """بأن، للحكومة، بالقرار: a proclitic preposition never sits inside a name's chain."""
    rest = word[1:]
    return word[:1] in ("ب", "ل", "ك") and (rest in PARTICLES or rest.startswith("ال"))


def l_phrase(word: str) -> bool:
    """ "لإضاعة", "لتهريب": ل on an indefinite noun opens a purpose phrase, not a genitive
    (the lexicalized ones, "لحقوق", "للدراسات", are read before this)."""
    return (
        word[:1] == "ل"
        and bare(word) not in HEADS
        and any(p == "ل" and len(s) >= 3 for p, s in readings(word))
    )


def adjective_alone(word: str, after: str) -> bool:
    """An indefinite feminine adjective (موازية، انتقالية) with no genitive after it
    describes the head; a noun of that ending in construct names ("هيئة تنمية المجتمع")."""
    return word.endswith("يه") and not after.startswith("ال")


def verb_with_object(word: str) -> bool:
    """ "قيادة يختارها الشعب": an imperfect verb with an object pronoun ends the name."""
    return word[:1] == "ي" and word.endswith(("ها", "هم", "هما")) and len(word) > 5


# "بالوكالة", "بالإنابة": a title's "acting", which ب + الوكالة would read as an agency.
ACTING = frozenset(normalize(w) for w in ("بالوكالة", "بالإنابة"))


@lru_cache(maxsize=CANDIDATES)
def org_head(token: str) -> tuple[str, str, bool] | None:
    """(proclitic, head lemma, definite) when the token is an organization head noun."""
    if token in ACTING:
        return None  # "الوزير بالوكالة": acting in office, no agency
    for prefix, stem in readings(token):
        lemma = bare(stem)
        if lemma in HEADS:
            # "للجنة الدولية": ل + اللجنة, written with one lam less, reads as definite
            elided = prefix == "ل" and lemma[:1] == "ل"
            return prefix, lemma, stem.startswith("ال") or prefix.endswith(("ال", "لل")) or elided
    return None
