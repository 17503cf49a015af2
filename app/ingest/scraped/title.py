"""Which line of a scraped page is the article's title.

Pages open with navigation, section labels and mastheads ("الأخبار", "سياسة",
"بي بي سي نيوز عربي", "منظور عالمي قصص إنسانية"), then the title, then the dateline and
byline. The title is the first line of five words or more before the first dateline or
byline (else of three or more, else the first line at all); the lines above it are chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.dates import ParsedDate, find_dateline
from app.ingest.lines import (
    block_marker,
    has_letters,
    is_bullet,
    is_chrome,
    is_outlet_name,
    read_byline,
    split_dateline,
    word_count,
)

NO_TITLE = "no title line; title taken from the first paragraph"
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+\S)\s+\|\s+(?P<site>[^|]{2,40})$")
_MAX_TITLE_WORDS = 35
_STORY_WORDS = 12  # a line this long that ends with a period is the story, not a title
_PREFERRED_WORDS = (5, 3, 1)
_MAX_SITE_WORDS = 4
_MAX_DERIVED_TITLE_WORDS = 20


@dataclass(frozen=True, slots=True)
class TitlePick:
    text: str
    next_index: int  # the first line after the title: where the header starts
    early_date: ParsedDate | None = None  # a dateline printed above the title
    site: str | None = None  # from "title | site"
    warning: str | None = None


def pick_title(lines: list[str]) -> TitlePick:
    candidates: list[int] = []
    dates: list[tuple[int, ParsedDate]] = []
    first_anchor = len(lines)
    story_at: int | None = None
    for i, line in enumerate(lines):
        if not line:
            continue
        date = find_dateline(line, max_stray_words=2)
        if date or read_byline(line):
            first_anchor = min(first_anchor, i)
            if date:
                dates.append((i, date))
            continue
        if is_chrome(line) or block_marker(line) or is_bullet(line) or is_outlet_name(line):
            continue
        words = word_count(line)
        if words > _MAX_TITLE_WORDS or (words >= _STORY_WORDS and line.endswith(".")):
            story_at = i
            break
        candidates.append(i)
    pool = [i for i in candidates if i < first_anchor] or candidates
    for least in _PREFERRED_WORDS:
        chosen = next((i for i in pool if word_count(lines[i]) >= least), None)
        if chosen is not None:
            return _picked(lines[chosen], chosen, dates)
    return _derived(lines, story_at)


def _picked(line: str, index: int, dates: list[tuple[int, ParsedDate]]) -> TitlePick:
    early = next((date for at, date in dates if at < index), None)
    suffix = _TITLE_SUFFIX.match(line)
    if suffix and word_count(suffix.group("site")) <= _MAX_SITE_WORDS:
        return TitlePick(suffix.group("title"), index + 1, early, suffix.group("site").strip())
    return TitlePick(line, index + 1, early)


def _derived(lines: list[str], story_at: int | None) -> TitlePick:
    """No title line: the first sentence of the story stands in, and the story stays whole."""
    if story_at is None:
        story_at = next((i for i, line in enumerate(lines) if has_letters(line)), None)
    if story_at is None:
        return TitlePick("", len(lines), warning=NO_TITLE)
    opening = lines[story_at]
    dated = split_dateline(opening)  # "روما- رأى الوزير ...": the title starts after it
    opening = dated[1] if dated else opening
    sentence = re.split(r"(?<=[.!؟?])\s", opening, maxsplit=1)[0].split()
    text = " ".join(sentence[:_MAX_DERIVED_TITLE_WORDS])
    if len(sentence) > _MAX_DERIVED_TITLE_WORDS:
        text += "…"
    return TitlePick(text, story_at, warning=NO_TITLE)
