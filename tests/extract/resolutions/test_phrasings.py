"""Resolution citations in the wider phrasings of real outlets, and what must stay out.

Every sentence is written for these tests; the numbers and years are real resolutions'.
"""

from __future__ import annotations

import json

import pytest

from app.extract.model import ResolutionBody
from app.extract.resolutions import find_citations
from app.extract.resolutions.table import ResolutionTable
from app.ingest.model import Part, TextBlock

UNSC, UNGA = ResolutionBody.UNSC, ResolutionBody.UNGA

_ENTRIES = [
    {"body": "UNSC", "number": 2216, "year": 2015, "title_en": "Yemen", "title_ar": "اليمن"},
    {"body": "UNGA", "number": 181, "year": 1947, "title_en": "Partition", "title_ar": "التقسيم"},
    {"body": "UNGA", "number": 182, "year": 1991, "session": 46, "title_en": "Aid"},
    *(
        {"body": "UNSC", "number": number, "year": year, "title_en": "-"}
        for number, year in (
            (242, 1967),
            (338, 1973),
            (1701, 2006),
            (2139, 2014),
            (2165, 2014),
            (2254, 2015),
            (2334, 2016),
            (2401, 2018),
            (2402, 2018),
        )
    ),
]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> ResolutionTable:
    path = tmp_path_factory.mktemp("data") / "resolutions.json"
    path.write_text(json.dumps(_ENTRIES, ensure_ascii=False), encoding="utf-8")
    return ResolutionTable.from_path(path)


def pairs(text: str, table: ResolutionTable) -> set[tuple[ResolutionBody, int]]:
    blocks = [TextBlock(Part.SECTION, n, para) for n, para in enumerate(text.split("\n"))]
    return {(c.body, c.number) for c in find_citations(blocks, table=table)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon after the number marker
        ("ودعا الوفد إلى احترام القرار الأممي رقم: 1701 دون انتقائية.", {(UNSC, 1701)}),
        # the article written onto the number
        ("وتمسك الطرفان بالقرار الـ2254 الصادر عن مجلس الأمن.", {(UNSC, 2254)}),
        # "برقم" and an issuing clause before it
        ("ورحب بالقرار الذي أصدره مجلس الأمن برقم 2139 الأسبوع الماضي.", {(UNSC, 2139)}),
        # an adjective of praise between the noun and the number
        ("وذكّر بالقرار التاريخي 2334 حول الاستيطان.", {(UNSC, 2334)}),
        # the name a resolution is known by, then its number
        ("واستعاد الكاتب قرار التقسيم رقم 181 وما تلاه.", {(UNGA, 181)}),
        # a dual noun whose members follow "هما"
        ("وأصدر مجلس الأمن قرارين هما 2401 و2402 في أسبوع واحد.", {(UNSC, 2401), (UNSC, 2402)}),
        # "the international organization" names the UN
        ("وطالب بتطبيق قرار المنظمة الدولية رقم 2254 كاملا.", {(UNSC, 2254)}),
    ],
)
def test_the_number_is_reached_through_the_words_outlets_put_before_it(
    table: ResolutionTable, text: str, expected: set[tuple[ResolutionBody, int]]
) -> None:
    assert pairs(text, table) == expected


def test_each_member_of_a_list_may_name_its_own_body(table: ResolutionTable) -> None:
    text = "وتعمل الوكالات وفق قراري الجمعية العامة 46/182 ومجلس الأمن 2165 بشأن الإغاثة."
    assert pairs(text, table) == {(UNGA, 182), (UNSC, 2165)}


def test_a_dated_number_the_table_knows_is_kept_even_in_the_register_of_decrees(
    table: ResolutionTable,
) -> None:
    assert pairs("وتمسكت الرياض بالقرار رقم 2216 لسنة 2015 مرجعا للحل.", table) == {(UNSC, 2216)}
    # the same register with a number and year the table does not hold is a state's decree
    assert pairs("وتمسكت الوزارة بالقرار رقم 2216 لسنة 2019 مرجعا للحل.", table) == set()


def test_a_parliament_is_no_un_word(table: ResolutionTable) -> None:
    assert pairs("وأقر مجلس النواب القرار رقم 15 لسنة 2024 بالأغلبية.", table) == set()


def test_the_member_states_of_a_body_are_not_the_body_that_voted(table: ResolutionTable) -> None:
    text = (
        "وأشادت عمّان بتبني القرار 2733 الذي يدين الهجمات على دول مجلس التعاون الخليجي،"
        " وذكّرت بميثاق الأمم المتحدة."
    )
    assert pairs(text, table) == {(UNSC, 2733)}


def test_a_four_digit_plain_number_in_a_story_about_the_un_is_the_councils(
    table: ResolutionTable,
) -> None:
    text = (
        "اعتمدت الأمم المتحدة أمس نصا جديدا بشأن ليبيا.\n"
        "ويطالب القرار، الذي حمل الرقم 2769، بوقف تدفق السلاح."
    )
    assert pairs(text, table) == {(UNSC, 2769)}
    # without any UN word in the story nothing tells whose it is
    assert pairs("ويطالب القرار، الذي حمل الرقم 2769، بوقف تدفق السلاح.", table) == {
        (ResolutionBody.UNKNOWN, 2769)
    }


@pytest.mark.parametrize(
    "text",
    [
        "وقرر وزير المالية رقم 2254 موظفا في الجهاز.",
        "وجاء القرار الوزاري رقم 25 لتنظيم الأسواق.",
        "واستند الحكم إلى القانون رقم 10 لعام 2018 والمادة 140 من الدستور.",
        "وصدر قرار جمهوري رقم 1234 بتعيين المحافظ.",
    ],
)
def test_decrees_laws_and_counts_stay_out(table: ResolutionTable, text: str) -> None:
    assert pairs(text, table) == set()


def test_a_comma_before_the_and_of_a_list_keeps_the_list(table: ResolutionTable) -> None:
    assert pairs("وذكّر البيان بالقرارين 242، و338 مرجعا للتسوية.", table) == {
        (UNSC, 242),
        (UNSC, 338),
    }


def test_the_un_named_before_its_resolution_lets_the_possessive_cite_it(
    table: ResolutionTable,
) -> None:
    assert pairs("وذكّرت الأمم المتحدة في قرارها 2254 بالحل السياسي.", table) == {(UNSC, 2254)}
