"""What a surname looks like: a listed family name, or a foreign name by its letters.

A name whose first word is unknown, or an everyday word that is a first name too (جمال،
أمل، حسن), is taken when its last word is a family name (data/family_names.json: tribal
and family nisbas, foreign surnames as Arabic writes them) or has the shape of a
transliterated foreign surname: endings Arabic words do not have (ـوف، ـسكي، ـيتش، ـبرغ،
ـشتاين), or letters Arabic does not write (پ چ ژ گ ڤ).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from app.text.memo import CANDIDATES
from app.text.normalize import normalize

# Endings of transliterated surnames, with the length below which an Arabic word may end
# so too (خوف، صفوف; معروف is handled apart: a مفعول noun).
_ENDINGS = (
    ("وفيتش", 6),
    ("يتش", 5),
    ("سكي", 5),
    ("وفا", 6),
    ("وف", 5),
    ("ييف", 5),
    ("برغ", 5),
    ("بيرغ", 6),
    ("شتاين", 6),
    ("ينكو", 6),
    ("وتشي", 6),
    ("يان", 7),  # باشينيان، ساركيسيان; بيان، كيان، عصيان are shorter
    ("سون", 6),  # جونسون، أندرسون; مؤسسون، ممارسون open on م
    ("مان", 7),  # هارتمان، ليبرمان; برلمان، سليمان are shorter
    ("شفيلي", 7),  # ساكاشفيلي
    ("زاده", 6),  # عليزاده; زاده alone is "his provisions"
)
_FOREIGN_LETTERS = frozenset("پچژگڤ")
_LONGEST_ARABIC_WORD = 9  # letters: longer bare words are transliterations (تشاندراسيكارا)
# What makes an Arabic word long: a proclitic (و، ب، ل، ف، ك), the article inside a word run
# into its neighbour, plural, feminine and pronoun endings.
_CLITICS = frozenset("وبلفك")
_ARABIC_ENDINGS = ("ات", "يه", "ين", "ون", "ها", "هم", "هما", "يا", "تين", "تان")
_VERB_LETTERS = frozenset("يتن")  # the imperfect's prefixes: يجلسون is a verb


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Listed family names (data/family_names.json), normalized."""
    path = Path(__file__).resolve().parents[1] / "data" / "family_names.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(
        normalize(name) for key, names in data.items() if key != "_about" for name in names
    )


@lru_cache(maxsize=CANDIDATES)
def foreign_shaped(word: str) -> bool:
    """A bare word spelled as Arabic writes a foreign surname (normalized form)."""
    if len(word) < 4 or word.startswith(("ال", "لل")) or not word.isalpha():
        return False
    if _FOREIGN_LETTERS.intersection(word):
        return True
    if len(word) > _LONGEST_ARABIC_WORD:
        # سورياواليمن، والاستقرار: two words run together, or an Arabic word with clitics
        run_on = word[0] in _CLITICS or "ال" in word
        return not run_on and not word.endswith(_ARABIC_ENDINGS)
    stem = word[1:] if word[0] in _CLITICS else word
    if stem.startswith(("ال", "م")):
        return False  # بالبيان، ومعروف: the article, or a participle (مفعول)
    if stem[0] in _VERB_LETTERS and word.endswith(("ون", "ان")):
        return False  # يجلسون، تحتويان: a verb's plural or dual
    if word.endswith("و") and not word.endswith("يو") and len(_verb_core(word)) >= 5:
        return True  # تثيرو، فرانكو: Arabic ends so in short words (يدعو، عضو); فيديو aside
    # a first letter that may be a proclitic (لظروف، وصفوف) asks for one letter more
    extra = word[0] in _CLITICS
    return any(word.endswith(end) and len(word) >= size + extra for end, size in _ENDINGS)


def _verb_core(word: str) -> str:
    """The word without the conjunction or the future's س before an imperfect's prefix:
    ويدعو -> يدعو, ستدعو -> تدعو (a verb in و is four letters at most)."""
    if word[0] in "وفل" and word[1] in "يتنسا":
        word = word[1:]
    return word[1:] if word[0] == "س" and word[1:2] in ("ي", "ت", "ن", "ا") else word


def surname_like(word: str) -> bool:
    """A listed family name or a foreign-shaped word."""
    return word in family_names() or foreign_shaped(word)


def surname_ending(word: str) -> bool:
    """`surname_like`, but not a word in و: فرناندو، تثيرو open foreign names as often."""
    return word in family_names() or (foreign_shaped(word) and not word.endswith("و"))
