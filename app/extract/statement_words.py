"""Closed word classes around reported speech: what opens content, what bounds a subject.

Written as news writes them and normalized once at import; lookups use normalized tokens.
"""

from __future__ import annotations

from app.text.normalize import normalize


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize(text).split())


def _stems(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


# What opens the reported content, and which of those forms carry nothing but "that".
COMPLEMENTIZERS = _words(
    "أن إن أنه إنه أنها إنها أنهم إنهم أنهما إنهما أننا إننا أنني إنني "
    "بأن بأنه بأنها بأنهم بأنهما بأننا"
)
BARE_COMPLEMENTIZERS = _words("أن إن أنه إنه بأن بأنه")
OPEN_QUOTES = frozenset("\"«“„'‘")
CLOSE_QUOTE = {"«": "»", "“": "”", "„": "”", '"': '"', "'": "'", "‘": "’"}

# Words after which the subject is over: the rest is where and when it was said.
CIRCUMSTANTIAL = _words(
    "في خلال عبر أمام أثناء عقب بعد قبل لدى عند ضمن وسط مع من تعليقا ردا بدوره بدورها بدورهم "
    "أيضا كذلك أمس اليوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم صباح "
    "مساء حين عندما بينما وفي وخلال وعبر الذي التي الذين اللذين اللتين اللذان اللتان حول"
)
# "على" opens the content of أكد/شدد, unless it says where: "على هامش"، "على حسابه في تويتر".
WHERE_AFTER_ALA = _words(
    "هامش حساب حسابه حسابها صفحته صفحتها موقع موقعه موقعها منصة منصته منصتها تويتر إكس "
    "فيسبوك قناة قناته لسان"
)
# Filler between a verb and its content: "وتابع قائلاً"، "وختم حديثه بالقول"، "لفت الانتباه إلى".
SKIP = _words("بالقول قائلا قائلة قائلاً الانتباه النظر حديثه حديثها كلمته كلمتها")

# Heads that name someone by function and take the body they serve as a genitive.
TITLE_STEMS = _stems(
    "رئيس نائب وزير مبعوث سفير ممثل مندوب أمين متحدث ناطق قائد زعيم مدير مستشار عضو منسق "
    "مسؤول موفد مساعد مفوض ملك أمير"
)
INSTITUTION_STEMS = _stems(
    "وزارة مكتب مجلس قيادة هيئة لجنة منظمة وكالة رئاسة حكومة خارجية دائرة مديرية"
)
# Heads that may speak without a recognized name: "أكدت مصادر مطلعة"، "قال مسؤولون".
SPEAKER_STEMS = (
    TITLE_STEMS
    + INSTITUTION_STEMS
    + _stems(
        "مصدر مصادر خبير محلل باحث ناشط نشطاء شاهد شهود مراسل بيان جيش مرصد صحيفة أوساط "
        "دبلوماسي سكان أهالي معارض متظاهر"
    )
)
ENVOY_STEMS = _stems("مبعوث سفير مندوب ممثل موفد")


# "الأمين العام للأمم المتحدة": after a title (and its adjective) لل marks the body it serves.
def serves(previous: tuple[str, ...]) -> bool:
    return any(has_stem(word, TITLE_STEMS) or word in ADJECTIVES for word in previous)


ADJECTIVES = _words(
    "العام العامة المتحدة الخاص الخاصة الأعلى السابق الأسبق الجديد الجديدة الدائم الدائمة "
    "المساعد المكلف المشترك المشتركة المستقل المستقلة الأول الأولى المؤقت المؤقتة"
)
# Nouns that begin with ل, so that a subject starting with ل is not read as "told to".
L_NOUNS = _words("لجنة لجان لجنتي لواء لبنان ليبيا لندن")
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين", "يات")


def readings(word: str) -> tuple[str, ...]:
    """The word and its forms without و and ال: "والوزير" -> والوزير، الوزير، وزير."""
    forms = [word]
    if word.startswith("و") and len(word) > 3:
        forms.append(word[1:])
    forms += [f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 4]
    return tuple(forms)


def has_stem(word: str, stems: tuple[str, ...]) -> bool:
    return any(form.startswith(stems) for form in readings(word))


def definite(word: str) -> bool:
    return word.startswith(("ال", "وال"))


def nisba(word: str) -> bool:
    return any(len(form) >= 4 and form.endswith(NISBA_ENDINGS) for form in readings(word))
