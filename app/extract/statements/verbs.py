"""Reporting verbs of news Arabic: قال، أكد، شدد... in the forms news writes them.

Each verb is listed once with its past stem, its present stem and its participle stem; the
inflected forms (قالت، قالا، قالوا، يقول، تقول، مؤكداً، مؤكدة) are generated and normalized
at import. Lookups take a normalized token with its conjunction (و، ف) already split off.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.text.normalize import normalize


class Form(StrEnum):
    PAST = "past"
    PRESENT = "present"
    PARTICIPLE = "participle"  # "مؤكداً أن": continues the statement before it


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str  # display form, 3rd person masculine past
    preps: frozenset[str]  # normalized prepositions that open its content (أكد على، أشار إلى)
    direct: bool  # its content may be a bare object: "أكد المسؤولان دعم بلادهما"
    strict: bool  # the bare past form is also a common noun (رأي، طالب): needs أن, ":" or a quote
    named: bool = False  # the bare form is also a particle (بيّن/بين): needs a named subject
    addressee: bool = False  # its object is whom it calls on: "دعا الأطراف إلى"، "حث الدول على"


@dataclass(frozen=True, slots=True)
class VerbForm:
    verb: Verb
    form: Form
    bare: bool  # the 3rd person masculine singular past, the form a noun may share
    masculine: bool = False  # 3rd person masculine singular: "قال"، "يقول"
    feminine: bool = False  # 3rd person feminine singular: "قالت"، "تقول"
    suffixed: bool = False  # carries its object as a pronoun: "اعتبرته أربيل «مسيساً»"
    dual: bool = False  # "أكدا"، "يؤكدان": two speakers


def _past(stem: str) -> list[str]:
    return [stem, stem + "ت", stem + "ا", stem + "تا", stem + "وا"]


def _present(stem: str) -> list[str]:
    return ["ي" + stem, "ت" + stem, "ي" + stem + "ان", "ت" + stem + "ان", "ي" + stem + "ون"]


def _participle(stem: str) -> list[str]:
    """مؤكداً، مؤكدة، مؤكدين (and the dual)، مؤكدتين، مؤكدات; داعين for a stem in ي."""
    if not stem:
        return []
    forms = [stem + "اً", stem + "ا", stem + "ة", stem + "ين", stem + "تين", stem + "ات"]
    if stem.endswith("ي"):
        forms.append(stem[:-1] + "ين")  # داعين، نافين
    return forms


# lemma, past forms or stem, present forms or stem, participle stem, preps, direct, strict.
# A "|" list gives the forms in full, for the verbs whose endings are not regular.
_TABLE: list[tuple[str, str, str, str, str, bool, bool]] = [
    (
        "قال",
        "قال|قالت|قالا|قالتا|قالوا",
        "يقول|تقول|يقولان|تقولان|يقولون",
        "قائل",
        "",
        False,
        False,
    ),
    ("أكد", "أكد", "ؤكد", "مؤكد", "على", True, False),
    ("شدد", "شدد", "شدد", "مشدد", "على", False, False),
    ("ذكر", "ذكر", "ذكر", "", "", False, True),
    ("أشار", "أشار", "شير", "مشير", "إلى", False, False),
    ("دعا", "دعا|دعت|دعتا|دعوا", "يدعو|تدعو|يدعوان|تدعوان|يدعون", "داعي", "إلى|ل", True, False),
    ("أعلن", "أعلن", "علن", "معلن", "عن", True, False),
    ("اعتبر", "اعتبر", "عتبر", "معتبر", "", True, False),
    ("رأى", "رأى|رأت|رأيا|رأتا|رأوا", "يرى|ترى|يريان|تريان|يرون", "", "", False, True),
    ("طالب", "طالب", "طالب", "مطالب", "ب", True, True),
    ("حذر", "حذر", "حذر", "محذر", "من", True, False),
    ("أوضح", "أوضح", "وضح", "موضح", "", True, False),
    ("أضاف", "أضاف", "ضيف", "مضيف", "", False, False),
    ("نفى", "نفى|نفت|نفيا|نفتا|نفوا", "ينفي|تنفي|ينفيان|تنفيان|ينفون", "نافي", "", True, True),
    ("كشف", "كشف", "كشف", "كاشف", "عن", True, False),
    ("صرح", "صرح", "صرح", "مصرح", "ب", False, True),
    ("أفاد", "أفاد", "فيد", "", "ب", False, False),
    ("لفت", "لفت", "لفت", "لافت", "إلى", False, False),
    ("تابع", "تابع", "تابع", "متابعاً|متابعا", "", False, True),  # متابعة is a noun
    ("أردف", "أردف", "ردف", "", "", False, False),
    ("ختم", "ختم", "ختم", "", "", False, True),
    ("اختتم", "اختتم", "ختتم", "مختتم", "", False, False),
    ("ندد", "ندد", "ندد", "مندد", "ب", False, False),
    ("أدان", "أدان", "دين", "", "", True, False),  # no participle: مدينة is a city
    ("حث", "حث", "حث", "حاث", "على", True, True),  # حثّ is also the verbal noun
    ("رحب", "رحب", "رحب", "مرحب", "ب", False, False),
    ("أعرب", "أعرب", "عرب", "معرب", "عن", False, False),
    ("استنكر", "استنكر", "ستنكر", "مستنكر", "", True, False),
    ("انتقد", "انتقد", "نتقد", "منتقد", "", True, False),
    ("اتهم", "اتهم", "تهم", "متهم", "", True, False),
    ("نوه", "نوه", "نوه", "منوه", "إلى|ب", False, False),
    ("زعم", "زعم", "زعم", "زاعم", "", False, True),
    ("كتب", "كتب", "كتب", "", "", False, True),
    ("تساءل", "تساءل", "تساءل", "متسائل", "", False, False),
    ("بيّن", "بيّن", "بيّن", "مبيّن", "", False, True),
    ("غرد", "غرد", "غرد", "", "", False, True),
    # Weak: read only after و or ف, never returned (statements.find), and no stop for other
    # verbs' subjects or content, as their bare forms are as often nouns or prepositions (رفض،
    # عبر "via"، تحدث "she talks"): they say who holds the floor for the "وأضاف" after them.
    ("رفض", "رفض", "رفض", "", "", True, True),
    ("عبر", "عبر", "عبر", "", "عن", False, True),
    ("تحدث", "تحدث", "تحدث", "", "عن", False, True),
    ("تطرق", "تطرق", "تطرق", "", "إلى", False, False),
    ("جدد", "جدد", "جدد", "", "", True, True),
]


_NAMED_ONLY = frozenset({"بيّن", "عبر", "تحدث"})
_CALLS = frozenset({"دعا", "طالب", "حث"})
WEAK = frozenset({"رفض", "عبر", "تحدث", "تطرق", "جدد"})

# Past forms the press writes beside the standard ones: "دانت الوزارة" for أدانت (the bare
# "دان" is left out: it is also a name).
_VARIANTS = {"أدان": ["دانت", "دانوا", "دانتا"]}
# Forms read only after و or ف: "ودان المجلس" (the bare "دان" is also a name).
_CONJ_ONLY = {"دان": "أدان"}

# Verbs of judgement with their first object as a pronoun, the subject and second object after
# it: "وهو حكم اعتبرته أربيل «مسيساً»"، "مقاربة يعتبرها بيدرسن مدخلاً واقعياً".
_SUFFIXED = {
    "اعتبر": "اعتبره اعتبرها اعتبرته اعتبرتها اعتبروه اعتبروها يعتبره يعتبرها تعتبره "
    "تعتبرها يعتبرونه يعتبرونها",
    "رأى": "رآه رآها رأته رأتها يراه يراها تراه تراها يرونه يرونها",
    # and after ما, what was said as the object: "وهو ما أكده الوزير"، "هذا ما قاله الرئيس"
    "قال": "قاله قالته قالوه",
    "أكد": "أكده أكدته أكدوه أكدها أكدتها",
    "أعلن": "أعلنه أعلنته أعلنوه أعلنها أعلنتها أعلنوها",
    "أوضح": "أوضحه أوضحته أوضحوه",
    "ذكر": "ذكره ذكرته ذكروه",
    "كشف": "كشفه كشفته كشفوه",
}


def _forms(spec: str, regular: list[str]) -> list[str]:
    return spec.split("|") if "|" in spec else regular


def _build() -> dict[str, VerbForm]:
    table: dict[str, VerbForm] = {}
    for lemma, past, present, participle, preps, direct, strict in _TABLE:
        prep_set = frozenset(normalize(p) for p in preps.split("|") if p)
        verb = Verb(
            lemma, prep_set, direct, strict, named=lemma in _NAMED_ONLY, addressee=lemma in _CALLS
        )
        groups = [
            (Form.PAST, _forms(past, _past(past)) + _VARIANTS.get(lemma, [])),
            (Form.PRESENT, _forms(present, _present(present))),
            (Form.PARTICIPLE, _forms(participle, _participle(participle))),
        ]
        for form, words in groups:
            for i, word in enumerate(words):
                key = normalize(word)
                singular = i == 0 and form is not Form.PARTICIPLE
                feminine = i == 1 and form is not Form.PARTICIPLE
                bare = form is Form.PAST and i == 0
                dual = form is not Form.PARTICIPLE and i in (2, 3)
                table.setdefault(
                    key,
                    VerbForm(verb, form, bare, masculine=singular, feminine=feminine, dual=dual),
                )
        for word, of in _CONJ_ONLY.items():
            if of == lemma:
                table.setdefault(normalize(word), VerbForm(verb, Form.PAST, True, masculine=True))
        for word in _SUFFIXED.get(lemma, "").split():
            form = Form.PRESENT if word[0] in "يت" else Form.PAST
            table.setdefault(normalize(word), VerbForm(verb, form, False, suffixed=True))
    return table


FORMS = _build()
_STRONG = [w for w, vf in FORMS.items() if vf.verb.lemma not in WEAK and w not in _CONJ_ONLY]
# Every reporting verb as a token may show it, with its conjunction: one set look-up ("حث"
# is the one form of two letters: "وحث").
WORDS = frozenset(
    _STRONG + [c + word for c in "وف" for word in [*_STRONG, *_CONJ_ONLY] if len(word) > 1]
)
_WEAK_FORMS = [word for word, vf in FORMS.items() if vf.verb.lemma in WEAK]
# The tokens that may open a statement: WORDS, and the weak verbs after their conjunction or,
# but for "عبر" ("via"), opening a sentence ("رفض المتحدث ...، وقال").
TRIGGERS = (
    WORDS
    | {c + word for c in "وف" for word in _WEAK_FORMS}
    | {word for word in _WEAK_FORMS if word != normalize("عبر")}
)


def lookup(token: str) -> tuple[str, VerbForm] | None:
    """(conjunction, form) of a normalized token such as "وقالت"; None if not a reporting verb."""
    form = FORMS.get(token)
    if form is not None:
        return "", form
    if len(token) > 2 and token[0] in "وف":
        form = FORMS.get(token[1:])
        if form is not None:
            return token[0], form
    return None


def lemma_of(word: str) -> str | None:
    """The reporting verb a word as written is a form of ("وأدانت" -> أدان), else None."""
    found = lookup(normalize(word))
    return None if found is None else found[1].verb.lemma
