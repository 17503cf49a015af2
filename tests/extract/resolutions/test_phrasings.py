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


def test_a_preamble_clause_cites_through_the_body_that_opens_the_document(
    table: ResolutionTable,
) -> None:
    text = (
        "إن مجلس الأمن،\n"
        "- وإذ يعيد تأكيد قراره 2139 (2014) المؤرخ 22 شباط/فبراير 2014 وبخاصة فقرته الخامسة،"
        " وقراراته 2165 (2014) المؤرخ 14 تموز/يوليو 2014، و 2401 (2018)،\n"
        "يقرر ما يلي."
    )
    assert pairs(text, table) == {(UNSC, 2139), (UNSC, 2165), (UNSC, 2401)}


def test_a_possessive_with_no_body_and_no_preamble_is_nobodys(table: ResolutionTable) -> None:
    # the possessive points at whoever the sentence is about: nothing says it is the UN's
    assert pairs("وعاد الوزير إلى قراره 2165 بعد أسبوع.", table) == set()
    # a state's organ inside a preamble-like clause keeps it a national decision
    assert pairs("مجلس الأمن اجتمع.\nوإذ يؤكد وزير الداخلية قراره 2165 فإنه يقرر.", table) == set()


def test_the_date_of_adoption_after_the_number_keeps_the_list_going(
    table: ResolutionTable,
) -> None:
    text = (
        "واستند مجلس الأمن إلى القرارين 242 المؤرخ 22 تشرين الثاني/نوفمبر 1967،"
        " و338 المؤرخ 22 تشرين الأول/أكتوبر 1973."
    )
    assert pairs(text, table) == {(UNSC, 242), (UNSC, 338)}


def test_a_year_in_brackets_after_the_word_for_year(table: ResolutionTable) -> None:
    cited = find_citations(
        [TextBlock(Part.SECTION, 0, "وطالب بتنفيذ قرار الجمعية العامة رقم (181) لسنة (1947).")],
        table=table,
    )
    assert [(c.body, c.number, c.year) for c in cited] == [(UNGA, 181, 1947)]


def test_a_year_after_the_word_sanah_is_no_count(table: ResolutionTable) -> None:
    assert pairs("وذكّرت بقرار مجلس الأمن 2216 سنة 2015 مرجعا.", table) == {(UNSC, 2216)}
    # "2216 سنة" alone would count years
    assert pairs("وذكّرت بقرار مجلس الأمن 2216 سنة من التاريخ.", table) == set()


def test_brackets_turned_around_by_a_right_to_left_copy(table: ResolutionTable) -> None:
    cited = find_citations(
        [TextBlock(Part.SECTION, 0, "وأشار تقرير مجلس الأمن إلى الفقرة 4 من القرار 2014) 2139).")],
        table=table,
    )
    assert [(c.body, c.number, c.year) for c in cited] == [(UNSC, 2139, 2014)]


def test_a_number_that_could_be_a_year_needs_a_body(table: ResolutionTable) -> None:
    assert pairs("وقال المتحدث إن القرار 2025 سيكون عام التنفيذ.", table) == set()
    assert pairs("وصوّت مجلس الأمن على القرار 2025 أمس.", table) == {(UNSC, 2025)}


def test_a_session_number_takes_the_one_body_the_article_names(table: ResolutionTable) -> None:
    text = "واختتم مجلس حقوق الإنسان دورته في جنيف.\nوتبنى في ختامها القرار 52/31 بأغلبية."
    assert pairs(text, table) == {(ResolutionBody.HRC, 31)}
    # with no body named, a session from the 31st on is the Assembly's
    assert pairs("وجرى التصويت على القرار 52/31 بأغلبية كبيرة في الأمم المتحدة.", table) == {
        (UNGA, 31)
    }


def test_the_un_named_through_its_organisation_word(table: ResolutionTable) -> None:
    text = "وطالب بتطبيق قرار الجمعية العامة لهيئة الأمم المتحدة رقم 194 دون تأخير."
    assert pairs(text, table) == {(UNGA, 194)}


def test_a_name_of_several_words_holds_only_for_a_resolution_the_table_knows(
    table: ResolutionTable,
) -> None:
    assert pairs("وتحدث عن قرار تقسيم فلسطين رقم 181 لسنة 1947 وآثاره.", table) == {(UNGA, 181)}
    # the same shape for a number and year the table does not hold is anyone's decision
    assert pairs("وتحدث عن قرار هيئة الاستثمار رقم 1812 لسنة 2019 وآثاره.", table) == set()
    assert pairs("وتحدث عن قرار هيئة الاستثمار رقم 181 لسنة 2019 وآثاره.", table) == set()


def test_the_level_a_body_met_at_sits_between_its_name_and_the_number(
    table: ResolutionTable,
) -> None:
    text = "وذكّر البيان بقرار مجلس الجامعة العربية على المستوى الوزاري رقم 8914 بشأن القدس."
    assert pairs(text, table) == {(ResolutionBody.OTHER, 8914)}


def test_a_short_topic_after_a_named_organ_leads_to_the_number(table: ResolutionTable) -> None:
    assert pairs("وطالب بتنفيذ قرار مجلس الأمن بشأن اليمن 2216 كاملا.", table) == {(UNSC, 2216)}
    # not to a count, nor without the organ named
    assert pairs("ورحب بقرار مجلس الأمن بشأن حماية 2500 مدني.", table) == set()
    assert pairs("ورحب بالقرار بشأن اليمن 2216 كاملا.", table) == set()


def test_the_article_before_the_number_may_stand_apart(table: ResolutionTable) -> None:
    assert pairs("وتمسك الوفد بالقرار الـ 2254 مرجعا.", table) == {(UNSC, 2254)}


def test_how_and_when_it_was_adopted_may_come_before_the_number(table: ResolutionTable) -> None:
    text = "وذكّر بالقرار الذي اتخذه مجلس الأمن بالإجماع في 24 شباط/فبراير 2018 تحت رقم 2401."
    cited = find_citations([TextBlock(Part.SECTION, 0, text)], table=table)
    assert [(c.body, c.number, c.year) for c in cited] == [(UNSC, 2401, 2018)]
    text = "ونص قرار التقسيم الصادر عن الجمعية العامة عام 1947 برقم 181 على دولتين."
    assert pairs(text, table) == {(UNGA, 181)}


def test_a_resolution_known_as_its_number(table: ResolutionTable) -> None:
    assert pairs("وتمسك الوفد بالقرار المعروف بـ2254 مرجعا.", table) == {(UNSC, 2254)}


def test_a_famous_number_after_a_word_of_applying_it(table: ResolutionTable) -> None:
    text = "ودعا المبعوث الأممي إلى تنفيذ 2254 كاملا، ووفقا لـ2216 في اليمن."
    assert pairs(text, table) == {(UNSC, 2254), (UNSC, 2216)}
    # a count, a number the table does not hold, or a story with no UN word stay out
    assert pairs("ودعا المبعوث الأممي إلى تنفيذ 242 مشروعا و2255 مطلبا.", table) == set()
    assert pairs("ودعت الحكومة إلى تنفيذ 2254 كاملا.", table) == set()


def test_a_citation_cut_by_a_line_break_is_read_across_it(table: ResolutionTable) -> None:
    blocks = [
        TextBlock(Part.SECTION, 0, "وشدد الوفد على تنفيذ قرار مجلس الأمن رقم"),
        TextBlock(Part.SECTION, 1, "2401 دون إبطاء، فالقرار 2401 واضح."),
    ]
    cited = find_citations(blocks, table=table)
    assert [(c.body, c.number, c.span.index, c.surface) for c in cited] == [
        (UNSC, 2401, 1, "2401"),
        (UNSC, 2401, 1, "القرار 2401"),
    ]
    assert pairs("وطالب بتطبيق قرار مجلس\nالأمن 2216 كاملا.", table) == {(UNSC, 2216)}
    # a block that ends its sentence is not continued by the next one
    assert pairs("وطالب بتطبيق القرار.\n2216 شخصا نزحوا.", table) == set()


def test_its_predecessor_named_by_number(table: ResolutionTable) -> None:
    text = "ومدد مجلس الأمن الولاية بالقرار 2722، والنص مثل سابقه 2612 لا يحدد موعدا."
    assert pairs(text, table) == {(UNSC, 2722), (UNSC, 2612)}
    # with no resolution cited, "سابقه" is anyone's predecessor
    assert pairs("وكان الفريق مثل سابقه 2612 لاعبا في البطولة.", table) == set()
