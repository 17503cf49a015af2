"""Image captions and credits in scraped page text.

Explicit forms are read anywhere ("مصدر الصورة، Getty Images", "التعليق على الصورة، ...",
"© UNICEF/Omar Albam", "صورة: رويترز"). A caption that merely ends in a credit
("... - تويتر", "... (رويترز)") is only trusted in the page header, between the title
and the story: in the story the same shape is a sentence citing its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.lines.lines import word_count

_CREDIT_LABEL = re.compile(
    r"^(?:مصدر الصورة|حقوق الصورة|الصورة|صورة|تصوير|الصور|photo|image)\s*[:،,：]\s*(?P<text>.+)$",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(
    r"^(?:التعليق على الصورة|التعليق علي الصورة|تعليق الصورة|شرح الصورة|caption)\s*[:،,：]\s*"
    r"(?P<text>.+)$",
    re.IGNORECASE,
)
_COPYRIGHT_CREDIT = re.compile(r"^©\s*(?P<text>(?!(?:19|20)\d\d)\S.*)$")
_TRAILING_DASH_CREDIT = re.compile(r"^(?P<caption>.+\S)\s+[-–—]\s+(?P<credit>[^-–—]+)$")
_TRAILING_PAREN_CREDIT = re.compile(r"^(?P<caption>.+?\S)\s*\((?P<credit>[^()]+)\)$")
_MAX_CREDIT_WORDS = 3
_MAX_PAREN_CREDIT_WORDS = 4
_MIN_CAPTION_WORDS = 4
_MAX_CAPTION_WORDS = 40


@dataclass(frozen=True, slots=True)
class MediaLine:
    caption: str | None = None
    credit: str | None = None


def explicit_media(line: str) -> MediaLine | None:
    """A line that says it is an image caption or credit."""
    caption = _CAPTION_LABEL.match(line)
    if caption:
        return MediaLine(caption=caption.group("text").strip())
    credit = _CREDIT_LABEL.match(line) or _COPYRIGHT_CREDIT.match(line)
    if credit and word_count(credit.group("text")) <= 6:
        return MediaLine(credit=credit.group("text").strip())
    return None


def _credit_shaped(text: str, max_words: int) -> bool:
    text = text.strip()
    return bool(text) and word_count(text) <= max_words and text[-1] not in ".؟!:،"


def caption_with_credit(line: str) -> MediaLine | None:
    """ "caption - credit" (credit of at most three words) or "caption (credit)"."""
    if word_count(line) > _MAX_CAPTION_WORDS:
        return None
    for pattern, max_words in (
        (_TRAILING_DASH_CREDIT, _MAX_CREDIT_WORDS),
        (_TRAILING_PAREN_CREDIT, _MAX_PAREN_CREDIT_WORDS),
    ):
        found = pattern.match(line)
        if not found:
            continue
        caption, credit = found.group("caption").strip(), found.group("credit").strip()
        if word_count(caption) >= _MIN_CAPTION_WORDS and _credit_shaped(credit, max_words):
            return MediaLine(caption=caption, credit=credit)
    return None
