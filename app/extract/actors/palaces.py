"""A seat of power standing for the presidency it houses (GUIDELINES §7): "أعلن البيت
الأبيض", "تصريحات البيت الأبيض", "وأشار قصر الإليزيه" name the presidency as a body that acts
and speaks; "في البيت الأبيض", "زار الكرملين" name the building, a place.

The palace speaks when a reporting verb or a word of speech ("تصريحات", "باسم") stands right
before it, or when it opens a headline; anything else keeps the place. The presidency is
keyed like "الرئاسة الفرنسية" written out, so both forms make one body.
"""

from __future__ import annotations

from app.extract.actors.candidates import BlockResult, Cand
from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.lexicon import words
from app.extract.actors.matcher import name_tokens
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block

_PALACES = frozenset({
    "place:white-house", "place:kremlin", "place:elysee", "place:carthage-palace",
    "place:baabda-palace", "place:el-mouradia-palace", "place:al-ittihadiya-palace",
})  # fmt: skip
_PRESIDENCY = "الرئاسة"
# fmt: off
_SPEAKS = words("""
    قال أعلن أكد أشار أوضح ذكر نفى رحب دعا حذر اعتبر شدد أفاد كشف أصدر رفض طالب أدان
    قالت أعلنت أكدت أشارت أوضحت ذكرت نفت رحبت دعت حذرت اعتبرت شددت أفادت كشفت أصدرت رفضت
    طالبت أدانت يقول يعلن يؤكد يشير يوضح ينفي يرحب يدعو يحذر يعتبر يرفض يطالب
    تصريحات تصريح بيان باسم لسان موقف رد إعلان
""")
# fmt: on


def presidencies(results: list[BlockResult], gazetteer: Gazetteer) -> None:
    """Turn each speaking palace into its country's presidency, in place (before resolve)."""
    for result in results:
        for cand in result.cands:
            if cand.key in _PALACES and _speaks(result.block, cand):
                _as_presidency(cand, gazetteer)


def _speaks(block: Block, cand: Cand) -> bool:
    if cand.prefix not in ("", "و"):
        return False  # "بالبيت الأبيض", "للكرملين": where, or to whom
    if cand.first == 0:
        return block.source.part.value == "title"  # "البيت الأبيض يعلن ...": a headline
    if block.toks[cand.first].sep != SPACE:
        return False  # "قال: البيت الأبيض ...": punctuation between
    word = block.toks[cand.first - 1].norm
    return word in _SPEAKS or (word[:1] in "وف" and word[1:] in _SPEAKS)


def _as_presidency(cand: Cand, gazetteer: Gazetteer) -> None:
    entry = gazetteer.entries.get(cand.key or "")
    country = (
        gazetteer.entries.get(gazetteer.countries.get(entry.country or "", "")) if entry else None
    )
    if country is None or not country.demonyms:
        return
    name = f"{_PRESIDENCY} ال{country.demonyms[-1]}ة"
    cand.kind, cand.subkind, cand.canonical = EntityKind.ORGANIZATION, "government", name
    cand.key = f"new:{EntityKind.ORGANIZATION.value}:{' '.join(name_tokens(name))}"
