"""A synthetic archive for the HTTP benchmark: scraped-text files as an outlet's site would
give them (dateline, title, date line, summary points, paragraphs), ingested by the real
`khabar ingest`, so rows, counters and indexes are what production would hold.

Shaped like the archive the issue measured: one actor in about two articles of three (the
"popular" one), one in about one article of 150 (the "rare" one), resolution 2254 often.
The files are written once per size and seed under bench/.cache (git-ignored).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from bench.corpus import ORGS, PERSONS, PLACES, ROLES, sentence

CACHE = Path(__file__).resolve().parent / ".cache"
POPULAR = "هيئة التفاوض السورية"
RARE = "فولكر تورك"
POPULAR_SHARE = 0.67
RARE_SHARE = 0.0065
MONTHS = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيو",
    "تموز/يوليو",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
DATELINES = ["بيروت - أ ف ب", "جنيف - رويترز", "إسطنبول - الأناضول", "دمشق - خاص", "نيويورك"]
START = date(2016, 1, 1)


def date_line(day: date, rng: random.Random) -> str:
    clock = f"{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}"
    weekday = WEEKDAYS[day.weekday()]
    return f"{weekday} {day.day} {MONTHS[day.month - 1]} {day.year} - {clock}"


def article_text(number: int, rng: random.Random, words: int = 140) -> str:
    """One article as scraped text; `number` fixes its date (newer as numbers grow)."""
    day = START + timedelta(days=number // 6)
    paragraphs: list[str] = []
    if rng.random() < POPULAR_SHARE:
        paragraphs.append(f"وقالت {POPULAR} في بيان إن المفاوضات في {rng.choice(PLACES)} متعثرة.")
    if rng.random() < RARE_SHARE:
        paragraphs.append(f"وقال المفوض السامي لحقوق الإنسان، {RARE}، إن الوضع مقلق.")
    count = sum(len(p.split()) for p in paragraphs)
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(2))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    rng.shuffle(paragraphs)
    title = f"{rng.choice(PERSONS)} يبحث مع {rng.choice(ORGS)} الوضع في {rng.choice(PLACES)}"
    summary = f"• {rng.choice(ROLES)} يدعو إلى التهدئة (خبر رقم {number})."
    lines = [rng.choice(DATELINES), title, date_line(day, rng), summary, *paragraphs]
    return "\n\n".join(lines) + "\n"


def build_files(count: int, seed: int = 11) -> Path:
    """The folder of `count` article files, written unless a complete one is cached."""
    folder = CACHE / f"articles-{count}-{seed}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(count):
        shard = folder / f"{number // 1000:03d}"
        shard.mkdir(exist_ok=True)
        (shard / f"{number:06d}.txt").write_text(article_text(number, rng), encoding="utf-8")
    done.touch()
    return folder
