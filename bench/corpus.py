"""Synthetic articles for benchmarks: sentences in news style, assembled to a word count.

The sentences are our own templates filled with real actor names, so a benchmark exercises
gazetteer hits, role patterns, clitics, resolutions and statements like a real article does.
"""

from __future__ import annotations

import random

from app.ingest.model import ParsedArticle, Section, SectionKind

PERSONS = [
    "هادي البحرة",
    "بدر جاموس",
    "غير بيدرسن",
    "نجيب ميقاتي",
    "هانس غروندبرغ",
    "أنطونيو غوتيريش",
]
ROLES = ["رئيس الائتلاف الوطني السوري", "المبعوث الأممي إلى سوريا", "وزير الخارجية التركي"]
ORGS = ["هيئة التفاوض السورية", "مجلس الأمن الدولي", "الاتحاد الأوروبي", "جامعة الدول العربية"]
PLACES = ["سوريا", "وسورية", "لبنان", "بالعراق", "إسطنبول", "جنيف", "والولايات المتحدة", "روسيا"]
RESOLUTIONS = ["2254", "2216", "1701", "242 و338", "2118"]

TEMPLATES = [
    "وقال {role}، {person}، إن الحل في {place} يمر عبر تطبيق القرار {res} بشكل كامل.",
    "وأكد {person} خلال لقائه وفداً من {org} في {place} ضرورة دفع العملية السياسية.",
    "من جهتها، دعت {org} المجتمع الدولي إلى دعم الجهود الرامية إلى وقف التصعيد في {place}.",
    "وأشار المسؤولون الفرنسيون إلى أن قرار مجلس الأمن الدولي رقم {res} يبقى مرجعية أساسية.",
    "وبحسب مصادر مطلعة، فإن الاجتماع المقبل سيعقد في {place} بمشاركة ممثلين عن {org}.",
    "وشدد {person} على أهمية التنسيق مع {org} لضمان وصول المساعدات إلى أكثر من 2500 عائلة.",
    "وكانت {org} قد أعلنت في وقت سابق أن المادة 8 من الاتفاق تنص على انسحاب القوات خلال عام 2024.",
    "ويأتي ذلك في وقت تشهد فيه {place} أزمة اقتصادية خانقة وارتفاعاً في أسعار المواد الأساسية.",
]


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        person=rng.choice(PERSONS),
        role=rng.choice(ROLES),
        org=rng.choice(ORGS),
        place=rng.choice(PLACES),
        res=rng.choice(RESOLUTIONS),
    )


def article(rng: random.Random, words: int = 600) -> ParsedArticle:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(3))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return ParsedArticle(
        title=sentence(rng),
        sections=[Section(SectionKind.PARAGRAPH, p) for p in paragraphs],
    )


def corpus(n: int, words: int = 600, seed: int = 7) -> list[ParsedArticle]:
    rng = random.Random(seed)
    return [article(rng, words) for _ in range(n)]
