"""Places the gazetteer lacks, by the noun that announces them, and cues for homographs.

"بلدة الهبيط", "مخيم الركبان", "قرية تل عرن": a settlement noun then one name token (two
when the first is a construct word such as تل، عين، دير، كفر). Homograph places the
gazetteer marks `ambiguous` need such a cue, or a preposition, right before them.
"""

from __future__ import annotations

from functools import lru_cache

from app.extract.candidates import Cand
from app.extract.lexer import SPACE, Block, bare, readings
from app.extract.lexicon import NOT_NAMES, PARTICLES, TIME_WORDS, looks_like_verb, words
from app.extract.model import EntityKind
from app.extract.org_lexicon import GENERIC
from app.extract.organizations import org_head
from app.extract.titles import title_head
from app.text.normalize import normalize

_SETTLEMENTS = {
    normalize("مدينة"): "city",
    normalize("بلدة"): "city",
    normalize("قرية"): "city",
    normalize("مخيم"): "city",
    normalize("محافظة"): "region",
    normalize("ناحية"): "region",
}
CUES = words("""
    في من إلى الى نحو قرب قرابة داخل حول مدينة محافظة ريف بلدة قرية منطقة مخيم ناحية شمال
    جنوب شرق غرب شمالي جنوبي شرقي غربي وسط عاصمة ولاية إقليم أطراف ضواحي
""")
_CONSTRUCT = words("عين تل دير كفر أبو رأس جسر بيت خان معرة مزرعة بئر جبل وادي سهل حي")
_NOT_PLACE = words("""
    كبيرة صغيرة جديدة قديمة واحدة أخرى المذكورة نفسها ذاتها المجاورة القريبة الحدودية
    الساحلية الشمالية الجنوبية الشرقية الغربية الواقعة التابعة الكبرى الصغرى المحاصرة
    المنكوبة المدمرة مجاورة قريبة حدودية بأكملها كاملة بكاملها
""")


def has_cue(block: Block, index: int, prefix: str) -> bool:
    """Whether the place at token `index` is announced: "في X", "مدينة X", "بX"."""
    if prefix.rstrip("ال").endswith("ب"):
        return True
    if index == 0 or block.toks[index].sep != SPACE:
        return False
    return any(stem in CUES for _, stem in readings(block.toks[index - 1].norm))


def find_cued_places(block: Block, covered: list[Cand | None]) -> list[Cand]:
    out: list[Cand] = []
    toks = block.toks
    for i in range(len(toks) - 1):
        kind = _settlement(toks[i].norm)
        j = i + 1
        if kind is None or covered[i] is not None or covered[j] is not None:
            continue
        if toks[j].sep != SPACE or not _place_token(toks[j].norm):
            continue
        last = j + 1
        if toks[j].norm in _CONSTRUCT and last < len(toks) and toks[last].sep == SPACE:
            if covered[last] is None and _place_token(toks[last].norm):
                last += 1
            else:
                continue
        cand = Cand(block, EntityKind.PLACE, j, last, subkind=kind)
        cand.tokens = tuple(t.norm for t in toks[j:last])
        out.append(cand)
    return out


@lru_cache(maxsize=65536)
def _settlement(token: str) -> str | None:
    return next((_SETTLEMENTS[s] for _, s in readings(token) if s in _SETTLEMENTS), None)


def _place_token(word: str) -> bool:
    if not word.isalpha() or len(word) < 2 or word.isascii():
        return False
    if word in PARTICLES or word in TIME_WORDS or word in NOT_NAMES or word in GENERIC:
        return False
    if word in _NOT_PLACE or looks_like_verb(word) or word.endswith(("ها", "هم")):
        return False
    return title_head(word) is None and org_head(word) is None and bare(word) not in _SETTLEMENTS
