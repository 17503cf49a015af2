"""Closed word classes of news Arabic that bound names: particles, verbs, time words.

Words are written here as they are spelled and normalized once at import; lookups use
the normalized token, after the proclitic is split off where that matters.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from app.extract.tokens import head_words
from app.text.normalize import normalize


def words(text: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in text.split())


PARTICLES = words("""
    في من إلى الى على عن مع خلال بعد قبل عند لدى حول ضد بين منذ حتى عبر نحو دون بدون أمام
    وراء تحت فوق ضمن عقب إثر اثر جراء بسبب لأجل إزاء تجاه حيال بشأن بخصوص وسط داخل خارج
    إن أن إنه أنه إنها أنها إنهم أنهم لأن كأن لكن لكنه ولكن بل كما كي لكي حيث إذ إذا إذن لو
    لولا كان كانت كانوا يكون تكون قد لقد لم لن لا ما ماذا متى أين كيف هل ليس ليست مما عما بما لما
    الذي التي الذين اللذان اللتان اللواتي اللاتي هذا هذه ذلك تلك هؤلاء أولئك هنا هناك
    هو هي هم هما هن نحن أنا أنت أنتم كل بعض غير سوى أي أيضا أيضاً فقط أو أم ثم وقد فقد
    وفق وفقا وفقاً بحسب حسب نفسه نفسها ذاته ذاتها عندما بينما فيما كذلك لذلك ولذلك بذلك
    عليه عليها لها له لهم منه منها فيه فيها به بها عنه عنها إليه إليها معه معها لدينا
    الآن اليوم أمس غدا غداً حاليا حالياً مؤخرا مؤخراً سابقا سابقاً لاحقا لاحقاً أخيرا
    جدا جداً ولا وما وهو وهي وهم يا أيها مثل ومن وفي وإلى وعلى وعن ومع بأن بأنه بأنها
    لأنه لأنها كأنه وأن وإن فإن وأنه وإنه ولكنه
""")

TIME_WORDS = words("""
    يوم اليوم أمس الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت صباح مساء
    ليلة ظهر الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية عام العام سنة
    شهر أسبوع الأسبوع ساعة ساعات دقيقة يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس
    سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
    آنذاك حينذاك وقتذاك وقتئذ حينئذ يومئذ
""")

# Reporting and common news verbs in the past tense; present forms (ي.../ت...) are caught
# by their prefix, see `looks_like_verb`.
_VERB_STEMS = """
    قال أكد أضاف أوضح أشار ذكر صرح أعلن شدد لفت اعتبر رأى كشف نفى دعا طالب حذر وصف تابع
    بحث ناقش التقى استقبل زار وصل غادر عقد أجرى بدأ أنهى وقع رفض قبل أبدى عبر أعرب جدد
    أدان ندد رحب أفاد نقل نشر بث أصدر اتهم انتقد هاجم قتل أصيب اعتقل أفرج أطلق سيطر
    استعاد انسحب دخل خرج شارك ترأس قاد تسلم تولى عين أقال استقال انتخب فاز خسر حضر
    تحدث تطرق أجاب سأل علق تساءل ختم اختتم افتتح أطلع اطلع أبلغ طلب وعد هدد توعد أمر
    يجب ينبغي يمكن جاء جرى تم بات ظل أصبح صار عاد مضى أكدت قالت يذكر يشار
    اعتمد تبنى مدد أقر قرر تأسس تشكل اضطلع
"""
_VERB_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ه", "ها", "هم")
# "أسس" bare is also the noun "foundations" (على أسس): only its inflected verb forms
_INFLECTED_ONLY = words("أسست أسسوا أسسها أسسه")
VERBS = frozenset(v + s for v in words(_VERB_STEMS) for s in _VERB_SUFFIXES) | _INFLECTED_ONLY

# Imperfect (present) verbs of news prose, masculine; feminine and first-person plural
# forms swap the prefix (تؤكد، نؤكد), duals and plurals add ان/ون, the future adds س.
_IMPERFECT_STEMS = """
    يقول يؤكد يضيف يوضح يشير يذكر يصرح يعلن يشدد يلفت يعتبر يرى يكشف ينفي يدعو يطالب
    يحذر يصف يتابع يبحث يناقش يلتقي يستقبل يزور يصل يغادر يعقد يجري يبدأ ينهي يوقع يرفض
    يقبل يبدي يعبر يعرب يجدد يدين يندد يرحب يفيد ينقل ينشر يبث يصدر يتهم ينتقد يهاجم
    يقتل يصاب يعتقل يفرج يطلق يسيطر يستعيد ينسحب يدخل يخرج يشارك يترأس يقود يتسلم يتولى
    يعين يقيل يستقيل ينتخب يفوز يخسر يحضر يتحدث يتطرق يجيب يسأل يعلق يتساءل يختتم يفتتح
    يطلع يبلغ يطلب يعد يهدد يتوعد يأمر يجب ينبغي يمكن يأتي يتم يبقى يظل يصبح يعود يمضي
    يسعى يعمل يريد يحاول يواصل يستمر يشهد يتضمن يشمل يهدف يمثل يتعلق يتوقع يأمل يخشى
    يدعم يساعد يحتاج يملك يضم يقع يعيش يقدم يتخذ يستخدم يتجه يتحرك يتعرض يواجه ينتظر
    يتمسك يلتزم يرفع يخفض يمنع يسمح يحمل يلعب يكون يصير يبدو يعني يحدد يقرر يتفق يختلف
    يتفاوض يبحثان يلتقيان يجتمع يستضيف يرافق يرأس يمثلون يتوجه يستعد ينوي يعتزم يرجح
    يبعد يسكن يقطن يطل يتبع يحاذي يجاور يتوسط يبلغ يحتضن يعاني يخضع يشكل يستقبل
    يضطلع يتأسس يتشكل
"""
_IMPERFECT = words(_IMPERFECT_STEMS)
IMPERFECT_VERBS = frozenset(
    f"{future}{prefix}{stem[1:]}{suffix}"
    for stem in _IMPERFECT
    for prefix in "يتنا"
    for suffix in ("", "ان", "ون")
    for future in ("", "س")
)

SPEECH_VERBS = words(head_words("speech_verbs")) | words("""
    رأى رأت دعا دعت طالب طالبت
    تابع تابعت أبدى أبدت علق علقت اتهم اتهمت انتقد انتقدت
    أردف أردفت غرد غردت كتب كتبت
    يقول تقول يؤكد تؤكد يضيف تضيف يوضح توضح يشير تشير يعتبر تعتبر يرى ترى يكشف تكشف
    يحذر تحذر يدعو تدعو يطالب تطالب يتابع تتابع يلفت تلفت
""")

# Speech verbs as they are written, with the conjunction or not: وقال، فأكد.
SPEECH_VERB_FORMS = frozenset(p + v for v in SPEECH_VERBS for p in ("", "و", "ف"))

# Tokens that link parts of one name and do not count toward its length.
NAME_LINKS = words("عبد أبو أبي ابن بن بنت آل ولد دي دو دا فون فان لا ال ذو")

# Words that never start or continue a name even though nothing else rules them out; the
# nouns of the last lines are objects a title's holder acts on ("أبدى الوزير مخاوف ...");
# "خادم الحرمين الشريفين" is the Saudi king's style, a title and no name; "بعيد" is far or
# "on the feast of" ("هنأه بعيد ميلاد ..."), never a name's first word; بحضور، بمشاركة،
# برعاية open a list of who attended, not a name.
NOT_NAMES = words("""
    بلاده بلادها بلادهم بلدها بلده دولة الدولة حكومة الحكومة الشعب شعب الجانب جانب
    الطرف طرف المسؤول المسؤولة المسؤولين المسؤولون المسؤولان مسؤول مسؤولون مسؤولين
    الوفد وفد الأطراف الدول دول العالم المجتمع المنطقة منطقة القوات قوات الجيش جيش
    السوريين العرب الأكراد المعارضة معارضة النظام نظام الرئيس رئيس الوزير وزير
    القرار قرار القرارات بيان البيان تصريح تصريحات حديث كلمة مؤتمر لقاء اجتماع زيارة
    نص النص مسودة صيغة فكرة دعوة دعوات طلب طلبات
    ضرورة أهمية دعم موقف إطار الملف ملف العملية عملية الأزمة أزمة الحل حل مبادرة خطة
    بدء إطلاق تنفيذ إجراء إجراءات تشكيل إنشاء تعيين استئناف وقف رفع فرض تقديم تسليم إرسال
    سحب دخول خروج عودة انسحاب توقيع تمديد منح تخصيص اعتماد استمرار رفض قبول ترحيب إدانة
    مناقشة بحث نقاش اتفاق اتفاقية مفاوضات محادثات جولة جهود جهودا مساعي مساعدات هجوم هجمات
    قصف غارة غارات معارك اشتباكات حملة حملات عقوبات مشروع مشاريع قانون قوانين انتخابات
    الذي التي أمام إلى نحو حوالي قرابة نحوا أكثر أقل عدد عددا مئات آلاف عشرات ملايين
    قائلا قائلاً قائلة مضيفا مضيفاً مضيفة مؤكدا مؤكداً مؤكدة مشيرا مشيراً مشيرة موضحا
    موضحاً موضحة معتبرا معتبراً معتبرة لافتا لافتاً لافتة مشددا مشدداً مشددة داعيا داعياً
    رفيع رفيعة رفيعي كبير كبار بارز بارزة ولاية ولايته ولايتها نسبة منصب
    سلطات السلطات السلطة سلطة العدو عدو الاحتلال احتلال البلاد بلاد المؤمنين
    العالمي العالمية الدولي الدولية
    حقوق مشاعر مواقف مخاوف تطلعات قلق شكر تقدير تحيات تهاني تهنئة رسالة رسائل برقية أوراق
    مهام تقرير تقارير ملفات قضايا أوضاع أزمات مستجدات تطورات سبل آفاق علاقات أواصر روابط
    مجالات فرص خطط برامج مقترح مقترحات وثيقة تعازي تعزية شهادة جائزة تقلب إهدار انتقادات
    اتهامات تهديدات تحذيرات مطالب مطالبات شروط ضمانات التزامات أعمال آليات
    خادم وخادم لخادم الحرمين بعيد حضور مشاركة رعاية مسار
""")


def is_verb(token: str) -> bool:
    """A listed past or present verb form (قال، أكدت، يلتقي، ستزور)."""
    return token in VERBS or token in IMPERFECT_VERBS


def looks_like_verb(token: str) -> bool:
    """`is_verb`, or any word shaped like an imperfect verb (يـ، تـ، نـ) that is not a
    known first name. Too eager for a surname (ترامب، نتنياهو): use it where a name
    would begin, `is_verb` inside one."""
    if is_verb(token):
        return True
    return len(token) >= 4 and token[0] in "يتن" and token not in first_names()


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common Arabic and foreign first names, from data/first_names.json (normalized)."""
    path = Path(__file__).resolve().parents[1] / "data" / "first_names.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    names: list[str] = []
    for value in data.values() if isinstance(data, dict) else [data]:
        if isinstance(value, list):
            names.extend(normalize(v) for v in value if isinstance(v, str))
    return frozenset(n for n in names if n)
