"""Inflected forms of a demonym: سوري -> السوري، السورية، السوريان، السوريين...

A demonym mention points at its country ("المسؤولان الفرنسيان" -> France). The gazetteer
gives the masculine singular stem; gender, number and the article are added here.
"""

from __future__ import annotations

from app.text.normalize import normalize

# Suffixes of the regular (sound) inflection, normalized (ة is ه).
_SUFFIXES = ("", "ه", "ان", "ين", "ون", "تان", "تين", "ات")

# Broken plurals news writes for some peoples, keyed by the normalized stem.
_BROKEN_PLURALS: dict[str, tuple[str, ...]] = {
    "تركي": ("اتراك",),
    "روسي": ("روس",),
    "الماني": ("المان",),
    "اميركي": ("اميركان",),
    "امريكي": ("امريكان",),
    "انجليزي": ("انجليز", "انكليز"),
    "انكليزي": ("انكليز",),
    "كردي": ("اكراد",),
    "عربي": ("عرب",),
    "افغاني": ("افغان",),
    "شيشاني": ("شيشان",),
    "بريطاني": ("بريطانيون",),
}

# Stems whose forms are everyday words: مالي is "financial" far more often than "Malian".
HOMOGRAPH_STEMS = frozenset({"مالي", "دولي", "عالمي", "وطني", "قومي"})


def inflect(stem: str) -> set[str]:
    """Every normalized form of a demonym stem, with and without the article. A compound
    demonym ("جنوب أفريقي") inflects its last word and takes the article on its first:
    "القاضية الجنوب أفريقية"."""
    base = " ".join(normalize(stem).split())
    if base.startswith("ال"):
        base = base[2:]
    if len(base) < 3 or base in HOMOGRAPH_STEMS:
        return set()
    forms = {base + suffix for suffix in _SUFFIXES}
    forms.update(_BROKEN_PLURALS.get(base, ()))
    return forms | {"ال" + form for form in forms}
