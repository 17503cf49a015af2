"""Places the gazetteer lacks, by the noun that announces them, and cues for homographs.

"بلدة الهبيط", "قرية تل عرن": a settlement noun without the article then one name token
(two when the first is a construct word such as تل، عين، دير، كفر); a camp is a feature
(features.py). Homograph places the gazetteer marks `ambiguous` need such a cue, or a
preposition, right before them; a town also by a body or an office named after it
("كتيبة جنين", "محافظ جنين").
"""

from __future__ import annotations

from functools import lru_cache

from app.extract.actors.candidates import Cand
from app.extract.actors.lexicon import (
    NOT_NAMES,
    PARTICLES,
    TIME_WORDS,
    first_names,
    is_verb,
    words,
)
from app.extract.actors.org_lexicon import GENERIC, org_head
from app.extract.actors.titles import title_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, bare, is_mark, readings, written_forms
from app.text.clitics import clitic_splits
from app.text.memo import CANDIDATES
from app.text.normalize import normalize

_SETTLEMENTS = {
    normalize("مدينة"): "city",
    normalize("بلدة"): "city",
    normalize("قرية"): "city",
    normalize("محافظة"): "region",
    normalize("ناحية"): "region",
    normalize("إقليم"): "region",
    normalize("ولاية"): "region",
}
CUES = words("""
    في من إلى الى نحو قرب قرابة داخل حول مدينة محافظة ريف بلدة قرية منطقة مخيم ناحية شمال
    جنوب شرق غرب شمالي جنوبي شرقي غربي وسط عاصمة ولاية إقليم أطراف ضواحي العاصمة
    محادثات مباحثات مفاوضات مشاورات اتفاق اتفاقية مؤتمر قمة منبر جولة إعلان بيان
    جمهورية
""")
_LOCAL_OFFICES = words("محافظ عمدة")
# Months that fold to a place's spelling (آب and إب): next to a number or month they are dates.
_DATE_NEIGHBOURS = TIME_WORDS
# Plural nouns announce a list: "بلدات مجدل شمس ومسعدة وبقعاثا".
_PLURAL_SETTLEMENTS = {
    normalize("بلدات"): "city",
    normalize("قرى"): "city",
    normalize("مدن"): "city",
    normalize("مخيمات"): "city",
    normalize("محافظات"): "region",
}
# Every token `_settlement` may accept.
_SETTLEMENT_FORMS = written_forms([*_SETTLEMENTS, *_PLURAL_SETTLEMENTS])
CONSTRUCT = words("""
    عين تل دير كفر أبو أم رأس جسر بيت خان معرة مزرعة بئر جبل وادي سهل حي مجدل باب خربة
    شمال جنوب شرق غرب وسط
""")
_NOT_PLACE = words("""
    كبيرة صغيرة جديدة قديمة واحدة أخرى المذكورة نفسها ذاتها المجاورة القريبة الحدودية
    الساحلية الشمالية الجنوبية الشرقية الغربية الواقعة التابعة الكبرى الصغرى المحاصرة
    المنكوبة المدمرة مجاورة قريبة حدودية بأكملها كاملة بكاملها آمن آمنة كبرى عدة عديدة
    مختلفة كثيرة رئيسية أخرى ثانية أولى ثالثة رابعة جديدة واحدة
    الشمال الجنوب الشرق الغرب الوسط اللاجئين النازحين المهجرين العائدين المشردين
""")


def has_cue(block: Block, index: int, prefix: str, *, town: bool = False) -> bool:
    """Whether the place at token `index` is announced: "في X", "وفي X", "مدينة X", "بX",
    "محادثات X", or a cue then a demonym: "العاصمة العمانية X". A `town` is also announced
    by a body or an office named after it ("كتيبة جنين", "محافظ جنين"); a country
    homograph is not ("نظام مالي" is a financial system)."""
    if is_date(block, index):
        return False
    if prefix.rstrip("ال").endswith("ب"):
        return True
    if index == 0 or block.toks[index].sep != SPACE:
        return False
    before = block.toks[index - 1].norm
    if _cue(before) or (town and _named_after(before)):
        return True
    return (
        index >= 2
        and block.toks[index - 1].sep == SPACE
        and before.startswith("ال")
        and before.endswith(("ي", "يه"))
        and _cue(block.toks[index - 2].norm)
    )


def _named_after(token: str) -> bool:
    """ "كتيبة جنين", "بلدية صور", "محافظ جنين": a body or an office named after a town,
    with the noun in construct (no article)."""
    head = org_head(token)
    if head is not None:
        return not head[2]
    role = title_head(token)
    return role is not None and role[1] in _LOCAL_OFFICES


def _cue(token: str) -> bool:
    # clitic_splits, not readings: "وفي" is و + a two-letter cue
    return any(stem in CUES for _, stem in clitic_splits(token))


def is_date(block: Block, index: int) -> bool:
    """A month name next to a number or another month ("21 آب 2013", "آب/أغسطس")."""
    toks = block.toks
    if toks[index].norm not in TIME_WORDS:
        return False
    return any(
        0 <= k < len(toks) and (toks[k].norm.isdigit() or toks[k].norm in _DATE_NEIGHBOURS)
        for k in (index - 1, index + 1)
    )


def names_settlement(block: Block) -> bool:
    """Whether the block has a token `find_cued_places` may start on."""
    return not _SETTLEMENT_FORMS.isdisjoint(block.norms)


def find_cued_places(block: Block, covered: list[Cand | None]) -> list[Cand]:
    out: list[Cand] = []
    if not names_settlement(block):
        return out
    toks = block.toks
    for i in range(len(toks) - 1):
        found = _settlement(toks[i].norm)
        if found is None or covered[i] is not None:
            continue
        kind, plural = found
        k, prefix = i + 1, ""
        while k < len(toks) and toks[k].sep == SPACE:
            known = covered[k]
            if known is not None:  # a known place inside the list keeps it going
                if known.kind is not EntityKind.PLACE or known.first != k or not plural:
                    break
                k = known.last
            else:
                cand = _named(block, covered, k, prefix, kind)
                if cand is None:
                    break
                out.append(cand)
                k = cand.last
            if not plural or k >= len(toks) or toks[k].norm[:1] != "و":
                break
            prefix = "و"
    return out


def _named(block: Block, covered: list[Cand | None], j: int, prefix: str, kind: str) -> Cand | None:
    """The one- or two-word name at token j (a construct word takes a second word)."""
    toks = block.toks
    word = toks[j].norm[len(prefix) :]
    if _settlement(word) is not None:
        return None  # "مدن وبلدات": a second settlement noun, no name
    after = covered[j + 1] if j + 1 < len(covered) else None
    if word[:1] == "و" and after is not None and after.kind is EntityKind.PLACE:
        return None  # "مدينة وموانئ الصليف": a noun coordinated with the settlement noun
    if not word.startswith("ال") and word.endswith("يه") and word not in CONSTRUCT:
        return None  # "بلدات ساحلية": an indefinite adjective, no name
    shown = block.text(toks[j].start, toks[j].end)
    if word not in CONSTRUCT and (not place_token(word) or accusative(shown)):
        return None
    last = j + 1
    if word in CONSTRUCT:
        if last >= len(toks) or toks[last].sep != SPACE or covered[last] is not None:
            return None
        if not place_token(toks[last].norm):
            return None
        last += 1
    cand = Cand(block, EntityKind.PLACE, j, last, prefix, subkind=kind)
    cand.tokens = (word, *(t.norm for t in toks[j + 1 : last]))
    return cand


@lru_cache(maxsize=CANDIDATES)
def _settlement(token: str) -> tuple[str, bool] | None:
    """A settlement noun without the article: "بالإقليم" is "in the region" just named,
    "بإقليم" announces one."""
    for prefix, stem in readings(token):
        if prefix.endswith(("ال", "لل")):
            continue
        if stem in _SETTLEMENTS:
            return _SETTLEMENTS[stem], False
        if stem in _PLURAL_SETTLEMENTS:
            return _PLURAL_SETTLEMENTS[stem], True
    return None


def accusative(shown: str) -> bool:
    """ "عميقاً": the indefinite accusative (tanween) of an adjective or adverb; a name
    takes no tanween."""
    return "\u064b" in shown


def place_token(word: str) -> bool:
    """Whether a word right after a settlement or feature noun can be (part of) its name.
    Only listed verbs are refused: names often start like an imperfect verb (تلبيسة، نصيب،
    يبرود), and the noun before them already says a name follows."""
    if not word.isalpha() or len(word) < 2 or word.isascii():
        return False
    if word in PARTICLES or word in TIME_WORDS or word in NOT_NAMES or word in GENERIC:
        return False
    if word in _NOT_PLACE or is_verb(word) or word.endswith(("ها", "هم")):
        return False
    return title_head(word) is None and org_head(word) is None and bare(word) not in _SETTLEMENTS


# Letters whose written form tells two words apart though normalize() folds them: "حديثه"
# (his talk) is not حديثة, "آب" (August) is not إب. A writer may drop a hamza (ا for أ),
# not write another one.
_DISTINCT = str.maketrans({"ى": "ي"})


def spelled_otherwise(surface: str, spellings: tuple[str, ...]) -> bool:
    """Whether a one-word homograph is written with a ة/ه or hamza seat that none of the
    entity's spellings has: then it is the other word."""
    word = _letters(surface)
    return not any(_fits(word, _letters(spelling)) for spelling in spellings)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if not is_mark(ch) and ch != "\u0640").translate(_DISTINCT)


def _fits(word: str, spelling: str) -> bool:
    return len(word) == len(spelling) and all(
        w == s or (w == "ا" and s in "أإآ") for w, s in zip(word, spelling, strict=True)
    )


def first_name_read_as_place(block: Block, first: int, prefix: str) -> bool:
    """ "كلاوس يوهانس" is no ك + لاوس: a token that is a listed first name as written, with a
    word of a name after it, is that name, not a proclitic glued to a place."""
    toks = block.toks
    if not prefix or toks[first].norm not in first_names() or first + 1 >= len(toks):
        return False
    after = toks[first + 1]
    return after.sep == SPACE and not (
        after.norm in PARTICLES or after.norm in TIME_WORDS or is_verb(after.norm)
    )
