"""Closed word classes around reported speech: what opens content, what bounds a subject.

Written as news writes them and normalized once at import; lookups use normalized tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.text.memo import CANDIDATES
from app.text.normalize import normalize
from app.text.tokens import LETTER_RUN

WORD_RE = re.compile(LETTER_RUN)  # the words of tokens.normtext: [^\W\d_]+


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(text).split())


def _stems(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


# What opens the reported content, and which of those forms carry nothing but "that".
COMPLEMENTIZERS = _words(
    "أن إن أنه إنه أنها إنها أنهم إنهم أنهما إنهما أننا إننا أنني إنني "
    "بأن بأنه بأنها بأنهم بأنهما بأننا فإن فإنه فإنها"
)
BARE_COMPLEMENTIZERS = _words("أن إن أنه إنه بأن بأنه فإن فإنه")
# "القرار الذي قال إنه يُنتهك": the pronoun is the antecedent; the one who said it is another.
ABOUT_IT = _words("إنه إنها أنه أنها بأنه بأنها")
# "الانتهاكات التي قال إن القوات ترتكبها": what was said is about the antecedent too.
BARE_THAT = _words("إن أن")
OPEN_QUOTES = frozenset("\"«“„'‘")
CLOSE_QUOTE = {"«": "»", "“": "”", "„": "”", '"': '"', "'": "'", "‘": "’"}

# Words after which the subject is over: the rest is where and when it was said.
CIRCUMSTANTIAL = _words(
    "في خلال عبر أمام أثناء عقب بعد قبل لدى عند ضمن وسط مع من تعليقا ردا بدوره بدورها بدورهم "
    "أيضا كذلك أمس اليوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم صباح "
    "مساء حين عندما بينما وفي وخلال وعبر الذي التي الذين اللذين اللتين اللذان اللتان حول "
    "قبيل بعيد إثر مجددا مجدداً"
)
# "على" opens the content of أكد/شدد, unless it says where: "على هامش"، "على حسابه في تويتر".
WHERE_AFTER_ALA = _words(
    "هامش حساب حسابه حسابها صفحته صفحتها موقع موقعه موقعها منصة منصته منصتها تويتر إكس "
    "فيسبوك قناة قناته لسان"
)
# Filler between a verb and its content: "وتابع قائلاً"، "وختم حديثه بالقول"، "لفت الانتباه إلى".
SKIP = _words("بالقول قائلا قائلة قائلاً الانتباه النظر حديثه حديثها كلمته كلمتها")
# "وأكد أيضاً الوزير"، "وقالت كذلك الهيئة": an adverb between a verb and its subject.
ALSO = _words("أيضا أيضاً كذلك بدوره بدورها بدورهم")
# "وقال مخاطباً أعضاء المجلس:": the words after these are whom he spoke to, not who spoke.
ADDRESSING = _words("مخاطبا مخاطبة مخاطبين متوجها متوجهة متوجهين")

# Heads that name someone by function and take the body they serve as a genitive.
TITLE_STEMS = _stems(
    "رئيس نائب وزير مبعوث سفير ممثل مندوب أمين متحدث ناطق قائد زعيم مدير مستشار عضو منسق مراقب "
    "مسؤول مسئول موفد مساعد مفوض ملك أمير وكيل سكرتير حاكم محافظ قاض قاضي مدعي نقيب كبير قائم "
    "خادم"
)
# Titles whose letters begin other words too (ولي العهد; وليد، وليام), so matched whole.
TITLE_WORDS = _words("ولي وولي")
INSTITUTION_STEMS = _stems(
    "وزارة مكتب مجلس قيادة هيئة لجنة منظمة وكالة رئاسة حكومة خارجية دائرة مديرية"
)
# Heads that may speak without a recognized name: "أكدت مصادر مطلعة"، "قال مسؤولون".
SPEAKER_STEMS = (
    TITLE_STEMS
    + INSTITUTION_STEMS
    + _stems(
        "مصدر مصادر خبير محلل باحث ناشط نشطاء شاهد شهود مراسل بيان جيش مرصد صحيفة أوساط "
        "دبلوماسي سكان أهالي معارض متظاهر قيادي أستاذ محام محامي نائب أعضاء"
    )
)
# A count of states set off by their list: "أربع عشرة دولة، هي بلجيكا وكندا".
GROUP_NOUNS = _stems("دول دولة بلدان بلدا حكومات")
THEY_ARE = _words("هي وهي وهم هم")
NUMBER_WORDS = _words(
    "ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة إحدى "
    "أحد اثنتا اثنا اثنتي اثني"
)
# Subjects that point back at who spoke before (statements.back).
GROUP_WORDS = _words("الدول الدولتان الدولتين البلدان البلدين الطرفان الطرفين الجانبان الجانبين")
# "وأكد الأخير": the person named last speaks.
LATTER = _words("الأخير الأخيرة")
MEMBERS = _words("الأعضاء أعضاؤه أعضاؤها أعضاءه أعضاءها")
MEMBERS_OF = _words("أعضاء وأعضاء")
# Documents as subject speak for no one (§4): "دعا القرار"، "ويطالب النص".
DOCUMENT_SUBJECTS = _words(
    "القرار قرار والقرار النص نص المشروع مشروع الاتفاق اتفاق الميثاق التقرير تقرير القانون "
    "الإعلان الوثيقة المسودة"
)
# "بيان لمجلس الأمن"، "رسالة الرئيس": the body speaks through its statement or letter.
DOCUMENT_STEMS = _stems("بيان رسالة بلاغ")
# What a speaker gives, that a verb after it may report: "في كلمة ألقاها الوزير، أكد فيها".
SPEECH_STEMS = DOCUMENT_STEMS + _stems(
    "كلمة كلمت خطاب تصريح مداخلة مداخلت إحاطة إحاطت مقابلة مقابلت تغريدة تغريدت حديث اتصال مؤتمر"
)
# "وفق ما أعلن الأمين العام"، "حسبما قالت الوزارة": what opens a clause naming the source.
SOURCE_OPENERS = _words("وفق وفقا وفقاً حسب بحسب طبقا طبقاً حسبما وفقما بحسبما طبقما مثلما")
WHAT = _words("ما مما")
# "وهو ما أكده"، "هذا ما قاله": words that point at what was said.
DEMONSTRATIVES = _words("هذا وهذا هذه وهذه ذلك وذلك تلك وتلك هو وهو هي وهي")
ABOUT = _words("به بها عنه عنها")
EACH = _words("كل")
# "أوضح معاليه": a courtesy title as a pronoun, the one who spoke before.
COURTESY_PRONOUNS = _words("معاليه سموه فخامته سيادته سعادته دولته")
# "بيان عن البعثة تلقته الصحيفة": who received the statement, named after these, is not
# who speaks.
RECEIVED = _words(
    "تلقته تلقاه تلقتها تلقاها تلقت تلقى تسلمته تسلمه تسلمت حصلت حصل اطلعت اطلع وصل وصلت"
)
ENVOY_STEMS = _stems("مبعوث سفير مندوب ممثل موفد")
# An official left unnamed ("قال مسؤول بمكتب الرئيس"، "ذكر دبلوماسي غربي"): an anonymous
# source, even when the office he works in names its head.
UNNAMED_OFFICIALS = _words(
    "مسؤول مسؤولة مسئول مسئولة مسؤولون مسؤولين دبلوماسي دبلوماسية دبلوماسيون موظف موظفون"
)


def nominative_plural(word: str) -> bool:
    """An indefinite sound plural in the nominative ("مراقبون"، "متتبعون"): after a verb, its
    subject, never its object; 6 letters at least, as "قانون" and "مليون" are singular."""
    return len(word) >= 6 and word.endswith("ون") and not definite(word)


# Heads of unnamed, unnameable speakers: no statement is theirs to count.
# Figures are no speaker either: "وتشير تقديرات الوكالة إلى" reports numbers, not words.
ANONYMOUS_STEMS = _stems(
    "مصدر مصادر أوساط شاهد شهود سكان أهالي خبراء مراقبون مراقبين تقديرات إحصاءات إحصائيات"
)
# Groups that are not the state their adjective names: "فصائل المقاومة الفلسطينية"، "المعارضة
# السورية" do not speak for Palestine or Syria.
NON_STATE_STEMS = _stems(
    "فصائل فصيل الفصائل الفصيل مقاومة المقاومة معارضة المعارضة قوى القوى ميليشيات مليشيات "
    "الميليشيات المليشيات جماعات الجماعات عشائر العشائر متظاهر المتظاهر محتج المحتج"
)
# Nouns that head a body's name, so that "منظمة «هيومن رايتس ووتش»" is the body speaking.
BODY_HEADS = INSTITUTION_STEMS + _stems(
    "منظمة جمعية حركة وفد حزب جماعة قوات تنظيم مؤسسة شركة صحيفة قناة موقع برنامج مركز "
    "مرصد اتحاد تحالف تيار جبهة مجموعة كتلة تكتل فرقة ائتلاف شبكة نقابة"
)
# Prepositions that name a post after an envoy: "المبعوث الأممي إلى اليمن"، "المندوب لدى".
POST_PREPOSITIONS = _words("إلى لدى")
# Honorifics that may stand between an apposition comma and the name: "، الدكتور ماجد".
HONORIFICS = _words(
    "معالي سمو فخامة سعادة حضرة الدكتور الدكتورة الشيخ الشيخة السفير السفيرة اللواء العميد "
    "العقيد الفريق المشير المهندس الأستاذ القاضي السيد السيدة الأمير الأميرة النائب النائبة "
    "الجنرال الحاخام"
)
# What follows a military rank before the name: "الفريق أول الركن عبد الفتاح البرهان".
RANK_PARTS = _words("أول ركن الركن")
# The words of a court style before a name: "حضرة صاحب الجلالة الملك"، "صاحب السمو الملكي".
HONORIFIC_PARTS = _words("صاحب الجلالة السمو الملكي الفخامة المعالي السعادة الدولة")
# Between a title and the name set off after it, these say the name is someone else's:
# "قال الوزير خلال لقائه نظيره الروسي، سيرغي لافروف، إن".
NOT_APPOSITION = CIRCUMSTANTIAL - _words("في من لدى") | _words(
    "بحضور لقاء لقائه لقائها اتصال اتصالا نظيره نظيرته نظيريه وزيارة زيارة"
)
# Words before a verb that open a new clause, so that the noun after them is its subject.
CLAUSE_OPENERS = _words(
    "لكن ولكن لكنه بينما فيما حين كما بل ثم إذ حيث وإن وأن أن إن وقد بعدما فيما بعد وقت وقتما عندما"
)
# Phrases that open a sentence before its verb: "في المقابل،"، "من جهته،"، "بدوره،".
DISCOURSE_OPENERS = _words(
    "في وفي من ومن بدوره بدورها بدورهم وبدوره وبدورها على وعلى خلال وخلال عقب وعقب إثر وإثر "
    "بعد وبعد"
)
PREPOSITIONS = _words("في من إلى على عن مع لدى حول")
# Before the verb that opens a sentence: "كما جدد المجلس"، "وقد أعلن".
LEADING_PARTICLES = _words("كما وكما ثم قد وقد كذلك")
# The writer's voice before a clause: "يذكر أن مجلس الأمن اعتمد"، "ويشار إلى أن".
WRITER_OPENERS = _words("يذكر ويذكر يشار ويشار جاء وجاء")
# When it was said, between the subject and a bare object: "أعلن باتيلي الثلاثاء استقالته".
TIME_WORDS = _words(
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت اليوم أمس مساء صباح "
    "ظهر فجر ليل يوم مساء الليلة"
)
# "قال لي بيدرسن": the one spoken to, as a pronoun, before the subject.
SPOKEN_TO = _words("لي لنا له لها لهم لهما لكم")
BEFORE_SUBJECT = SPOKEN_TO | ALSO  # what may stand between a verb and its subject
# "المتحدث باسم الخارجية": who speaks for a body.
SPOKESMAN_STEMS = _stems("متحدث ناطق")
ON_BEHALF_OF = _words("باسم")
# "ماكرون ونظيره المصري عبد الفتاح السيسي": two sides named at once.
COUNTERPARTS = _words("ونظيره ونظيرته ونظيريه ونظيرها")
# "الناطق باسمها": on behalf of the body named before.
ON_BEHALF = _words("باسمه باسمها باسمهم باسمهما")
# A title read backwards from a name stops at these: "قال ... إن الوزير".
WORDS_THAT_END_A_TITLE = _words("أن إن بأن قال وقال أما كان وكان قد") | frozenset({"و"})
# Before a present verb these make it hypothetical or owed, not said: "على المجلس أن يطالب".
SUBJUNCTIVE = _words("أن ان لأن كي لكي حتى لن كيلا يجب ينبغي")
# "طالب فيها بإنهاء": a pronoun that shows the word before it is a verb.
RESUMPTIVE = _words("فيه فيها فيهما فيهم")
RELATIVES = _words("الذي التي الذين اللذين اللتين اللذان اللتان")


# "الأمين العام للأمم المتحدة": after a title (and its adjective) لل marks the body it serves.
def serves(previous: tuple[str, ...]) -> bool:
    return any(has_stem(word, TITLE_STEMS) or word in ADJECTIVES for word in previous)


ADJECTIVES = _words(
    "العام العامة المتحدة الخاص الخاصة الأعلى السابق الأسبق الجديد الجديدة الدائم الدائمة "
    "المساعد المكلف المشترك المشتركة المستقل المستقلة الأول الأولى المؤقت المؤقتة "
    "التابع التابعة المقيم المقيمة الرسمي الرسمية السامي السامية التنفيذي التنفيذية"
)
# Nouns that begin with ل, so that a subject starting with ل is not read as "told to".
# Masculine heads of a body's name: a feminine verb before "مجلس الأمن" cannot have it as
# its subject ("ودعت مجلس الأمن إلى"), so the body is the object.
MASCULINE_HEADS = _words(
    "مجلس المجلس حزب الحزب مكتب المكتب الاتحاد البرلمان الجيش التحالف الائتلاف تحالف ائتلاف"
    " تكتل المرصد مرصد صندوق الصندوق البنك بنك مصرف المصرف برنامج البرنامج فريق الفريق"
)

L_NOUNS = _words("لجنة لجان لجنتي لواء لبنان ليبيا لندن")
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين", "يات")


@lru_cache(maxsize=CANDIDATES)
def readings(word: str) -> tuple[str, ...]:
    """The word and its forms without و and ال: "والوزير" -> والوزير، الوزير، وزير."""
    forms = [word]
    if word.startswith("و") and len(word) > 3:
        forms.append(word[1:])
    forms += [f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 4]
    return tuple(forms)


def has_stem(word: str, stems: tuple[str, ...]) -> bool:
    """Whether a reading of `word` starts with one of `stems`, remembered per stem class (the
    classes are few and the words of news repeat)."""
    entry = _STEM_CACHE.get(id(stems))
    if entry is None or entry[0] is not stems:
        entry = _STEM_CACHE[id(stems)] = (stems, {})  # holding the tuple keeps its id unique
    known = entry[1]
    found = known.get(word)
    if found is None:
        if len(known) > 50_000:
            known.clear()
        found = known[word] = any(form.startswith(stems) for form in readings(word))
    return found


_STEM_CACHE: dict[int, tuple[tuple[str, ...], dict[str, bool]]] = {}


def is_title(word: str) -> bool:
    """Whether a word heads a title: "الوزير"، "ومبعوث"، "ولي" (العهد)."""
    return word in TITLE_WORDS or has_stem(word, TITLE_STEMS)


def definite(word: str) -> bool:
    return word.startswith(("ال", "وال"))


def nisba(word: str) -> bool:
    return any(len(form) >= 4 and form.endswith(NISBA_ENDINGS) for form in readings(word))
