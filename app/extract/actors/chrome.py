"""Closing lines of a page that are not story text, read defensively.

The parser strips page chrome; what it leaves at the very end of an article is checked
once more here, since a name in it would become an actor of the story:

- an author's note: "كاتب وباحث سوري مقيم في باريس" (an indefinite writer noun, no verb);
- a tag line: "سوريا الجامعة العربية التطبيع الأردن" (words and nothing that binds them:
  no verb, no particle, no punctuation);
- a contact line: "للتواصل مع المرصد: 00963933000111" (a short line with a phone number;
  a paragraph of story may hold a span of years, "(1980-1988)", that looks like one).
"""

from __future__ import annotations

import re

from app.extract.actors.lexicon import PARTICLES, is_verb, looks_like_verb, words
from app.extract.tokens import WORD_RE
from app.text.normalize import normalize as fold

_WRITERS = words("""
    كاتب كاتبة باحث باحثة صحفي صحفية صحافي صحافية أكاديمي أكاديمية محلل محللة أستاذ أستاذة
    ناشط ناشطة خبير خبيرة دبلوماسي دبلوماسية
""")
_NOTE_WORDS = 15
_TAG_WORDS = 12
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")
_YEARS = re.compile(r"\d{4}\s*-\s*\d{4}")
_CONTACT_WORDS = 20
_BINDING = re.compile(r"[.,،؛:!?؟\"«»()]")


def closing_chrome(text: str) -> bool:
    """Whether the last paragraph of an article is chrome rather than story."""
    found = WORD_RE.findall(fold(text))
    if not found:
        return False
    if len(found) <= _CONTACT_WORDS and _phone(text):
        return True
    if len(found) <= _NOTE_WORDS and found[0] in _WRITERS:
        return not any(is_verb(w) for w in found)
    return 2 <= len(found) <= _TAG_WORDS and _tag_line(text, found)


def _phone(text: str) -> bool:
    return any(not _YEARS.fullmatch(m.group().strip()) for m in _PHONE.finditer(text))


def _tag_line(text: str, found: list[str]) -> bool:
    if _BINDING.search(text):
        return False
    return not any(w in PARTICLES or looks_like_verb(w) or w[:1] in ("و", "ف") for w in found)
