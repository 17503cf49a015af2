"""Role nouns and the words that may follow them inside a title phrase.

A title phrase is a role noun and its complement: "وزير الخارجية الفرنسي",
"الأمين العام للأمم المتحدة", "المتحدث باسم الخارجية الروسية". Keys are normalized and
without the article; the value is the lemma roles are compared by (feminine folded).
"""

from __future__ import annotations

from functools import lru_cache

from app.extract.actors.lexicon import words
from app.extract.tokens import bare, head_words, readings, written_forms
from app.text.memo import CANDIDATES
from app.text.normalize import normalize


def _lemmas(text: str) -> dict[str, str]:
    """ "رئيس/رئيسة" -> {رئيس: رئيس, رئيسه: رئيس}."""
    out: dict[str, str] = {}
    for item in text.split():
        forms = [normalize(f) for f in item.split("/")]
        for form in forms:
            out[form] = forms[0]
    return out


# مؤسس without its feminine: "مؤسسة" is an institution far more often than a founder.
ROLES = _lemmas(head_words("roles")) | _lemmas("""
    عضو/عضوة قنصل/قنصلة ولي عاهل عمدة وكيل/وكيلة مساعد مدعي مسؤول/مسؤولة قائم/قائمة
    قيادي/قيادية مؤسس مرشح/مرشحة إعلامي/إعلامية نظير/نظيرة أكاديمي/أكاديمية مغرد/مغردة
    مدون/مدونة أسير/أسيرة متهم/متهمة مفكر/مفكرة داعية روائي/روائية مفتي
""")
HONORIFICS = _lemmas(head_words("honorifics")) | _lemmas("""
    مهندس/مهندسة أستاذ/أستاذة رائد نقيب مقدم فريق عماد أدميرال سيناتور حاخام بابا كاردينال
    الأب سماحة فضيلة فخامة معالي سمو نيافة غبطة آية/آيت
    مرحوم/مرحومة فقيد/فقيدة قتيل/قتيلة
    شاب/شابة مواطن/مواطنة طفل/طفلة فتى/فتاة مسن/مسنة مدعو/مدعوة سجين/سجينة
""")
# Nouns of who someone is in a story (a young man, a citizen, a child, "one called"), not
# offices: the name after them must open on a known first name ("الشاب الفلسطيني برصاص
# الدورية" is no name).
PEOPLE_NOUNS = frozenset(
    normalize(w) for w in ("شاب", "مواطن", "طفل", "فتى", "مسن", "مدعو", "سجين", "قتيل")
)
# "the late", "the martyr": a surname alone after them is a man of the past, whom the
# gazetteer's living namesake is not ("مكتب الشهيد الصدر").
DECEASED = frozenset(normalize(w) for w in ("راحل", "مرحوم", "فقيد", "شهيد"))

# "آية الله العظمى": the cleric's rank is two words (three with its degree); آية alone is a
# verse, so it is a title only before الله.
CLERICAL_RANK = "ايه"
GOD = "الله"
CLERICAL_DEGREES = words("العظمى")
# Role nouns that are everyday words without the article: أمام (in front of), ملك (property);
# عماد, the top army rank in Lebanon and Syria ("العماد جوزاف عون"), is a first name bare.
NEEDS_ARTICLE = words("""
    لواء عميد رائد نقيب مقدم فريق مشير عماد امام ملك ملكه امين امينه قائم قائمه مسوول مسووله
    شيخ سيد سيده نظير راحل راحله مرحوم مرحومه فقيد فقيده شهيد شهيده قتيل قتيله
    شاب شابة مواطن مواطنة طفل طفلة فتى فتاة مسن مسنة مدعو مدعوة سجين سجينة
    متهم متهمه اسير اسيره داعيه مدون مدونه مغرد مغرده مفكر مفكره
""")

# Roles that are relational adjectives too: after an indefinite noun they qualify it
# ("لقاء إعلامي", "مؤتمر صحفي", "مصدر قيادي"), they name no one.
ADJECTIVE_ROLES = words("صحفي صحفية إعلامي إعلامية قيادي قيادية أكاديمي أكاديمية روائي روائية")

# The accusative of a role noun: "تعيين X رئيساً" (رييسا once tanween is folded away).
ACCUSATIVE_ROLES = frozenset(r + "ا" for r in ROLES if r not in HONORIFICS)


# Several holders at once, with the article: "الوزيران سامر ... ونبيل ...", "النواب هيبت
# ... وعامر ...". They open a list of names, never a title phrase of one holder: elsewhere
# they are words of a body's name (مجلس النواب، مجلس الوزراء).
def _several(roles: dict[str, str]) -> frozenset[str]:
    """The dual and sound plural of each role: "الباحثون", "الناشطين", "الصحفيتان",
    "المراسلات"; a role's broken plural is listed by hand."""
    out: set[str] = set()
    for form, lemma in roles.items():
        if form == lemma:
            out.update(form + end for end in ("ان", "ين", "ون"))
        elif form.endswith("ه"):
            out.update(form[:-1] + end for end in ("تان", "تين", "ات"))
    return frozenset(out)


GROUP_TITLES = frozenset(
    "ال" + word
    for word in words("""
        نواب وزراء سفراء رؤساء قادة زعماء أعضاء خبراء قضاة أسرى محامون محامين
    """)
    | _several(ROLES)
) | words("وزراء")  # "وزراء خارجية فرنسا ...": bare before the domain it heads

# A role's dual or plural in construct, before the body its holders belong to: "وعضوي
# اللجنة المركزية سامر ... وفادي ...", "وزيري خارجية البلدين". The roles whose form in ي is
# no everyday word (رئيسي "main", ملكي "royal" are left out). Like a group title it names
# no one holder's office: honorific.
CONSTRUCT_PLURALS = {
    normalize(role + "ي"): normalize(role)
    for role in ("عضو", "وزير", "سفير", "مبعوث", "مندوب", "مستشار", "ممثل", "مسؤول")
}

# Words inside a title phrase: modifiers and the domains of a ministry or a command.
MODIFIERS = words(head_words("office_words")) | words("""
    الخاص الخاصة السامي السامية الأولى الأعلى
    الحالية الجديدة المؤقت المؤقتة الدائم الدائمة المكلف المكلفة التنفيذي التنفيذية
    المشارك المشاركة الإقليمي الإقليمية الفخري الرسمي الرسمية المساعد المساعدة الأممي
    الأممية المستقيل المنتهية ولايته عام سر الميداني العسكري العسكرية السياسي
    الإعلامي الإعلامية البارز البارزة المعارض المعارضة المنشق المقرب الإقليمية
    المستقل المستقلة المقيم المقيمة المنتخب المنتخبة المناوب المناوبة
    المسجون المسجونة المعتقل المعتقلة المعزول المعزولة المخلوع المخلوعة الراحل الراحلة
    المحتمل المحتملة الفائز الفائزة المتقاعد المتقاعدة الموقوف الموقوفة
    أممي أممية جديد جديدة
    المفقود المفقودة المختطف المختطفة المخطوف المخطوفة المحتجز المحتجزة المغدور المغدورة
    أول الركن ركن الطيار آنذاك حينذاك وقتذاك وقتئذ حينئذ يومئذ بالوكالة بالإنابة
""")
DOMAINS = words("""
    الخارجية الدفاع الداخلية العدل المالية الاقتصاد الصحة التربية التعليم الإعلام النفط
    الزراعة النقل الطاقة الثقافة السياحة العمل الأوقاف الإسكان الاتصالات البيئة الرياضة
    الشباب الوزراء الحكومة الجمهورية الدولة البرلمان الأركان المخابرات الاستخبارات الأمن
    الشؤون النواب الشيوخ الكونغرس العهد الأعمال التحرير الإدارة البلدية المجلس الوفد
    الشرطة الجيش العمليات القوات المفاوضين الدبلوماسية المغتربين الخزانة التجارة الصناعة
    الهجرة اللاجئين خارجية دفاع داخلية عدل مالية أركان حكومة شؤون مفاوضي وزراء
    البلديات الشأن
""")
# Adjectives of a title that name its organization: المبعوث الأممي -> the United Nations.
UN_ADJECTIVES = words("الأممي الأممية أممي أممية")  # "مبعوثة أممية جديدة": indefinite too
EU_ADJECTIVES = words("الأوروبي الأوروبية")
LINK_PREPOSITIONS = words("إلى الى لدى في عن")  # "النائب عن كتلة ...": the bloc an MP sits for


# The proclitics a role noun may carry: "ووزير", "لرئيس", "للأمين".
_TITLE_PREFIXES = ("و", "ف", "ل", "لل", "ب")
# Possessive suffixes a role noun takes when its owner was just named: "مندوبها في جنيف".
_POSSESSIVES = ("هما", "هم", "ها", "نا")  # "مراسلنا في غزة": the outlet's own reporter


# "his": after a feminine role's ت only (نظيرته); elsewhere ه is the folded ة.
_HIS = "ه"


def _owned(role: str) -> str:
    """The stem a possessive joins: the feminine ة is written ت before it (مراسلتها)."""
    return role[:-1] + "ت" if role.endswith("ه") and ROLES.get(role) != role else role


# Every token `title_head` may accept: a role or honorific, with or without the article,
# or a role with a possessive.
TITLE_FORMS = written_forms(
    [
        *(article + noun for noun in (*ROLES, *HONORIFICS) for article in ("", "ال")),
        *(_owned(role) + suffix for role in ROLES for suffix in _POSSESSIVES),
        *(_owned(role) + _HIS for role in ROLES if _owned(role) != role),
        *CONSTRUCT_PLURALS,
    ],
    _TITLE_PREFIXES,
)


@lru_cache(maxsize=CANDIDATES)
def title_head(token: str) -> tuple[str, str, bool] | None:
    """(proclitic, lemma, honorific) when the token is a role noun, clitics allowed."""
    for prefix, stem in readings(token):
        if prefix and prefix not in _TITLE_PREFIXES:
            continue
        definite = stem.startswith("ال") or prefix.endswith("ال") or prefix.endswith("لل")
        lemma_key = bare(stem)
        if not definite and lemma_key in NEEDS_ARTICLE:
            continue
        if lemma_key in ROLES:
            return prefix, ROLES[lemma_key], False
        if lemma_key in HONORIFICS or stem in HONORIFICS:
            return prefix, HONORIFICS.get(lemma_key, stem), True
        if not definite and stem in CONSTRUCT_PLURALS:
            return prefix, CONSTRUCT_PLURALS[stem], True
        owned = _possessed_role(stem)
        if owned is not None:
            return prefix, owned, False
    return None


def _possessed_role(stem: str) -> str | None:
    """ "مندوبها" -> مندوب: a role noun with a possessive pronoun (never with the article)."""
    if stem.startswith("ال"):
        return None
    if stem.endswith("ت" + _HIS) and stem[:-2] + "ه" in ROLES:
        return ROLES[stem[:-2] + "ه"]  # "نظيرته": a feminine role and "his" or "her"
    for suffix in _POSSESSIVES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            base = stem[: -len(suffix)]
            if base.endswith("ت") and base[:-1] + "ه" in ROLES:
                return ROLES[base[:-1] + "ه"]
            return ROLES.get(base)
    return None
