"""Lines that close a page after the story: the site or the writer talking, not the news.

Opinion pages end with a starred note on the writer ("* كاتب وباحث سوري"), breaking
news with "التفاصيل بعد قليل", local outlets with a contact line or a phone number, most
pages with a follow-us line, a rights notice or a "المصدر:" line. These rules read only
the lines after the last story paragraph: inside the story, a phone number, a "المصدر"
or a line that opens with "تابعنا" is story text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.lines import ends_sentence, match_key, opens_paragraph, word_count
from app.ingest.model import Section
from app.text.normalize import normalize

# A note on the writer is starred to match a star after the byline name ("بقلم: فلان*").
_STAR = re.compile(r"^\s*(?:\(\*\)|\*+|٭)\s*")
# "الكاتب: ...", "نبذة عن الكاتبة: ..." (normalized text)
_WRITER_LABEL = re.compile(r"^(?:(?:نبذه )?عن )?(?:ال)?(?:كاتب|كاتبه)\s*[:：]\s*")
# "الكاتب سامر يوسف، ...": the article says a name follows
_THE_WRITER = re.compile(r"^ال(?:كاتب|كاتبة|كاتبه)\s+")
# fmt: off
# What writers are ("كاتب وباحث سوري", "صحفية مقيمة في عمّان"). Words that also open
# story bullets ("رئيس", "عضو", "مدير") are left out on purpose.
_WRITER_WORDS = frozenset(match_key(w) for w in (
    "كاتب", "كاتبة", "باحث", "باحثة", "صحفي", "صحفية", "صحافي", "صحافية", "إعلامي", "إعلامية",
    "أكاديمي", "أكاديمية", "محلل", "محللة", "أستاذ", "أستاذة", "خبير", "خبيرة", "ناشط", "ناشطة",
    "روائي", "روائية", "شاعر", "شاعرة", "مترجم", "مترجمة", "مراسل", "مراسلة", "محرر", "محررة",
    "دبلوماسي", "دبلوماسية", "محام", "محامي", "محامية", "طبيب", "طبيبة", "أديب", "أديبة",
))
_PLATFORMS = (  # match-key spellings
    "فيسبوك", "فيس بوك", "تويتر", "اكس", "تلغرام", "تيليغرام", "تليغرام", "تليجرام", "واتساب",
    "انستغرام", "انستجرام", "انستقرام", "يوتيوب", "تيك توك", "قناتنا", "قناه", "حساب", "حسابات",
    "حسابنا", "صفحتنا", "صفحه", "منصات", "منصاتنا", "موقعنا", "نشرتنا", "تطبيق", "تطبيقنا",
    "google",
)
# fmt: on
_NAME_END = re.compile(r"\s*[،,:：;؛\-–—ـ(]\s*")
_NOT_NAME_WORDS = frozenset(
    match_key(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "مقيم", "مقيمة")
)
_MIN_NAME_WORDS, _MAX_NAME_WORDS = 2, 4
_DESCRIPTOR_WITHIN = 5  # a name of up to four words, then what the writer is
_MAX_NOTE_WORDS = 40
_MAX_TAIL_WORDS = 30
_MAX_CRUMB_WORDS = 3
_MIN_HEADLINES, _MIN_HEADLINE_WORDS, _MAX_HEADLINE_WORDS = 2, 4, 20

# Over the match key (normalized, punctuation gone, lower case):
_PENDING = re.compile(
    r"^(?:خبر )?(?:عاجل )?(?:(?:ال)?مزيد (?:من )?)?(?:ال)?تفاصيل (?:اكثر |الكامله )?"
    r"(?:بعد قليل|لاحقا|قريبا|تتبع|في وقت لاحق)$"
    r"|^(?:خبر )?(?:عاجل )?يتبع$|^(?:الخبر )?(?:قيد|جار|جاري) التحديث$"
)
# "تابعونا" is always the site talking; "تابعنا"/"تابعوا" may be a story's "we/they
# followed", so they count only when "على"/"عبر" a platform follows.
_FOLLOW_US = re.compile(
    r"^(?:تابعونا\s|(?:تابعنا|تابعوا) (?:علي|عبر) "
    r"|(?:لمتابعه|للمتابعه|انضم(?:وا)?|اشترك(?:وا)?) "
    r".*(?:قناتنا|صفحتنا|حساباتنا|منصاتنا|موقعنا|تطبيقنا))"
)
_PLATFORM = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _PLATFORMS)) + r")(?!\w)")
_RIGHTS = re.compile(
    r"^حقوق (?:النشر|الطبع)|جميع الحقوق محفوظه"
    r"|^(?:ي?منع|يحظر|لا يجوز) (?:نسخ|اعاده نشر|اعاده النشر|النقل|الاقتباس)"
    r"|(?:تعبر|يعبر|تعكس|يعكس)(?: بالضروره)? عن (?:راي|اراء|وجهه نظر) (?:ال)?(?:كاتب|كتاب)"
)
# Over the normalized text, punctuation kept (labels end with a colon):
_SOURCE = re.compile(r"^(?:ال)?(?:مصدر|مصادر|مصدر الخبر|source|sources)\s*[:：]")
_CONTACT = re.compile(
    r"^(?:لل|ل)?(?:تواصل|اتصال|مراسله|استفسار|اعلان)(?: معنا| مع\s.{1,40}?)?\s*[:：]"
    r"|^(?:راسلونا|اتصلوا بنا|تواصلوا معنا)"
    r"|^(?:هاتف|تلفون|جوال|موبايل|فاكس|واتساب|البريد الالكتروني|الايميل|e-?mail|phone|tel)\s*[:：]"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d.,/])(?:(?:\+|00)\d[\d \-]{6,}\d|\d{9,})(?![\d.,/])")


@dataclass(frozen=True, slots=True)
class TailNote:
    """A line closing the page that is not story; `author` when a writer's note names one."""

    author: str | None = None


def drop_tail(sections: list[Section]) -> list[str]:
    """Drop what closes the page after the story; return the writers its notes name.

    Notes on the writer keep their star until here ("* كاتب سوري"), which tells them from
    a starred list item; one the tail does not reach loses it like any bullet.
    """
    authors: list[str] = []
    while sections:
        text = sections[-1].text
        note = None if _is_crumb(text) else tail_note(text)
        if note is None and not _is_crumb(text):
            if not _drop_headlines(sections):
                break
            continue
        sections.pop()
        if note and note.author and note.author not in authors:
            authors.insert(0, note.author)
    for index, section in enumerate(sections):
        if is_author_note(section.text):
            sections[index] = Section(section.kind, _STAR.sub("", section.text, count=1))
    return authors


def _drop_headlines(sections: list[Section]) -> bool:
    """Drop the headlines of other stories that close a page: two or more short lines that
    finish no sentence, after a paragraph that does ("... في غزة." then "الأونروا: 23 طفلا
    ..." and "تفاصيل حالة الطقس ..."). One such line may be a cut-off paragraph."""
    run = 0
    while run < len(sections) and _is_headline(sections[-1 - run].text):
        run += 1
    if run < _MIN_HEADLINES or run == len(sections):
        return False
    if not ends_sentence(sections[-1 - run].text):
        return False
    del sections[-run:]
    return True


def _is_headline(text: str) -> bool:
    """Short, unfinished, and not opened like a paragraph going on ("وأضاف ...", "كما ..."):
    a subheading and the cut-off paragraph under it are no run of headlines."""
    if not _MIN_HEADLINE_WORDS <= word_count(text) <= _MAX_HEADLINE_WORDS:
        return False
    return not ends_sentence(text.rstrip("…")) and not opens_paragraph(text)


def _is_crumb(text: str) -> bool:
    """Footer crumbs after the story: a few words that finish no sentence."""
    return word_count(text) <= _MAX_CRUMB_WORDS and not ends_sentence(text)


def is_author_note(line: str) -> bool:
    """ "* كاتب وباحث سوري": a starred note on the writer, not a starred list item."""
    star = _STAR.match(line)
    if star is None or word_count(line) > _MAX_NOTE_WORDS:
        return False
    return _names_a_writer(line[star.end() :])


def tail_note(line: str) -> TailNote | None:
    """What a line after the last story paragraph is when it is no story, else None."""
    if is_author_note(line):
        return TailNote(_note_author(_STAR.sub("", line, count=1)))
    norm = " ".join(normalize(line).split())
    labelled = _WRITER_LABEL.match(norm)
    if labelled and word_count(line) <= _MAX_NOTE_WORDS:
        return TailNote(_note_author(line.split(":", 1)[-1].split("：", 1)[-1]))
    if word_count(line) > _MAX_TAIL_WORDS:
        return None
    key = match_key(line)
    if _SOURCE.match(norm) or _is_contact(line, norm):
        return TailNote()
    if _PENDING.search(key) or _RIGHTS.search(key):
        return TailNote()
    if _FOLLOW_US.search(key) and _PLATFORM.search(key):
        return TailNote()
    return None


def _is_writer_word(word: str) -> bool:
    key = match_key(word)
    for prefix in ("", "و", "ال", "وال"):
        if key.startswith(prefix) and key[len(prefix) :] in _WRITER_WORDS:
            return True
    return False


def _names_a_writer(text: str) -> bool:
    """A writer descriptor among the first words: "كاتب سوري", "سامر يوسف، باحث في ..."."""
    return any(_is_writer_word(word) for word in text.split()[:_DESCRIPTOR_WITHIN])


def _note_author(text: str) -> str | None:
    """The writer a note names before its descriptor: "سامر يوسف، كاتب سوري" -> سامر يوسف."""
    text = _THE_WRITER.sub("", text.strip(), count=1)
    head = _NAME_END.split(text, maxsplit=1)[0]
    name: list[str] = []
    for word in head.split():
        if _is_writer_word(word) or any(ch.isdigit() for ch in word):
            break
        if match_key(word) in _NOT_NAME_WORDS:
            return None
        name.append(word)
    if not _MIN_NAME_WORDS <= len(name) <= _MAX_NAME_WORDS:
        return None
    return " ".join(name).strip(" .*")


def _is_contact(line: str, norm: str) -> bool:
    """ "للتواصل: ...", or an unfinished line carrying an e-mail address or a phone number."""
    if _CONTACT.search(norm):
        return True
    finished = line.rstrip().endswith((".", "!", "؟", "?"))
    return not finished and bool(_EMAIL.search(line) or _PHONE.search(line))
