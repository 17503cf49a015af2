"""Multi-line structures of scraped text: marker blocks and what a line leads into."""

from __future__ import annotations

import re

from app.ingest.dates import find_dateline
from app.ingest.lines import (
    Block,
    block_marker,
    ends_sentence,
    is_bullet,
    is_chrome,
    is_heading_shaped,
    is_paragraph_like,
    strip_any_bullet,
    word_count,
)

_MAX_HEADLINE_WORDS = 20
_MAX_TAG_WORDS = 3
_MAX_UNBULLETED_POINTS = 8
_MAX_TAG_LINE_WORDS = 12
_TAG_SEPARATOR = re.compile(r"\s*[،,|#·•]\s*|\s+-\s+")
# A links block ends here: BBC closes "قصص مقترحة" with "نهاية".
_BLOCK_ENDS = frozenset({"نهاية", "نهاية القصص المقترحة", "نهاية قصص مقترحة"})


def is_headline_like(line: str) -> bool:
    """A linked headline: short, and not closed like a sentence ("؟" and quotes are fine)."""
    return word_count(line) <= _MAX_HEADLINE_WORDS and line[-1:] not in ".:،,؛;…"


def story_follows(lines: list[str], i: int) -> bool:
    """Whether the next line with content after i is story text (so line i may head it)."""
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if not line or is_chrome(line):
            continue
        if block_marker(line) or find_dateline(line, max_stray_words=0):
            return False
        return is_paragraph_like(line) or is_bullet(line)
    return False


def _is_tag_line(line: str, first: bool) -> bool:
    """One tag, a separated run of tags ("سوريا، جنيف، 2254"), or, right under the marker, a
    run of tags separated by spaces only ("العراق تركيا المياه الجفاف")."""
    if ends_sentence(line) and not line.endswith(("،", ",")):
        return False
    if word_count(line) <= _MAX_TAG_WORDS:
        return True
    tags = [tag for tag in _TAG_SEPARATOR.split(line) if tag]
    if len(tags) > 1 and all(word_count(tag) <= _MAX_TAG_WORDS for tag in tags):
        return True
    return first and word_count(line) <= _MAX_TAG_LINE_WORDS and not ends_sentence(line)


def _skip_blanks(lines: list[str], j: int) -> int:
    while j < len(lines) and not lines[j]:
        j += 1
    return j


def _summary_end(lines: list[str], j: int) -> tuple[int, list[str]]:
    """Bulleted points (blank lines between allowed), else one unbroken run of lines."""
    points: list[str] = []
    bulleted = j < len(lines) and is_bullet(lines[j])
    while j < len(lines) and lines[j]:
        if (bulleted and not is_bullet(lines[j])) or (
            not bulleted and len(points) == _MAX_UNBULLETED_POINTS
        ):
            break
        points.append(strip_any_bullet(lines[j]))
        j = _skip_blanks(lines, j + 1) if bulleted else j + 1
    return j, points


def block_end(lines: list[str], i: int, block: Block, alone: bool) -> tuple[int, list[str]]:
    """Where the block opened at line i ends, and the lines it owns.

    A marker with its content inline ("اقرأ أيضاً: ...") owns nothing more; a comment
    section's heading owns the rest of the page. Links own the
    headline-like lines after them; a blank line followed by a subheading of the story
    ends them early, so "اقرأ أيضاً / linked headline / (blank) / subheading / paragraph"
    keeps its subheading.
    """
    if not alone:
        return i + 1, []
    if block is Block.COMMENTS:
        return len(lines), []  # comments, the form and its rules: nothing of the story
    j = _skip_blanks(lines, i + 1)
    if block is Block.SUMMARY:
        return _summary_end(lines, j)
    owned: list[str] = []
    while j < len(lines):
        line = lines[j]
        if not line:
            j += 1
            continue
        if line in _BLOCK_ENDS:
            return j + 1, owned
        if block_marker(line):
            break
        after_blank = bool(owned) and not lines[j - 1]
        if after_blank and is_heading_shaped(line) and story_follows(lines, j):
            break
        fits = is_headline_like(line) if block is Block.LINKS else _is_tag_line(line, not owned)
        if not (fits or is_chrome(line) or find_dateline(line) is not None):
            break
        owned.append(line)
        j += 1
    return j, owned
