"""Resolution citations: the reference article, each way outlets write one, and distractors.

Every sentence here is written for these tests, in the manner of different outlets; the
resolution numbers and years are real.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import reference_lines, reference_text

from app.extract.model import Citation, ResolutionBody
from app.extract.resolutions import find_citations
from app.extract.resolutions.table import (
    DEFAULT_PATH,
    ResolutionRecord,
    ResolutionTable,
    default_table,
)
from app.ingest.model import Part, TextBlock

UNSC, UNGA, HRC = ResolutionBody.UNSC, ResolutionBody.UNGA, ResolutionBody.HRC
OTHER, UNKNOWN = ResolutionBody.OTHER, ResolutionBody.UNKNOWN

_ENTRIES = [
    {"body": "UNSC", "number": 2254, "year": 2015, "title_en": "Syria", "title_ar": "سوريا"},
    {"body": "UNSC", "number": 242, "year": 1967, "title_en": "Middle East", "title_ar": ""},
    {"body": "UNSC", "number": 338, "year": 1973, "title_en": "Middle East", "title_ar": ""},
    {"body": "UNSC", "number": 2334, "year": 2016, "title_en": "Settlements", "title_ar": ""},
    {"body": "UNSC", "number": 2118, "year": 2013, "title_en": "Chemical weapons"},
    {"body": "UNSC", "number": 377, "year": 1975, "title_en": "Western Sahara"},
    {"body": "UNGA", "number": 377, "year": 1950, "title_en": "Uniting for peace"},
    {"body": "UNGA", "number": 194, "year": 1948, "title_en": "Palestine refugees"},
    {"body": "UNGA", "number": 19, "year": 2012, "session": 67, "title_en": "Status of Palestine"},
]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> ResolutionTable:
    path = tmp_path_factory.mktemp("data") / "resolutions.json"
    path.write_text(json.dumps(_ENTRIES, ensure_ascii=False), encoding="utf-8")
    return ResolutionTable.from_path(path)


def cite(text: str, table: ResolutionTable | None = None) -> list[Citation]:
    return find_citations([TextBlock(Part.SECTION, 0, text)], table=table or ResolutionTable())


def triples(text: str, table: ResolutionTable) -> list[tuple[ResolutionBody, int, int | None]]:
    return [(c.body, c.number, c.year) for c in cite(text, table)]


# -- the reference article ------------------------------------------------------------------


def _seed_blocks() -> list[TextBlock]:
    lines = reference_lines()
    bullets = [i for i, line in enumerate(lines) if line.strip().startswith("•")]
    summary = [lines[i].strip().lstrip("•").strip() for i in bullets]
    paragraphs = [line.strip() for line in lines[bullets[-1] + 1 :] if line.strip()]
    return [TextBlock(Part.SUMMARY, i, text) for i, text in enumerate(summary)] + [
        TextBlock(Part.SECTION, i, text) for i, text in enumerate(paragraphs)
    ]


def test_reference_article_cites_2254_six_times() -> None:
    blocks = _seed_blocks()
    citations = find_citations(blocks, table=ResolutionTable())
    assert [(c.body, c.number) for c in citations] == [(UNSC, 2254)] * 6
    assert [c.span.part for c in citations].count(Part.SUMMARY) == 1
    texts = {(b.part, b.index): b.text for b in blocks}
    for c in citations:
        assert texts[(c.span.part, c.span.index)][c.span.start : c.span.end] == c.surface
    surfaces = [c.surface for c in citations]
    assert "قرار مجلس الأمن 2254" in surfaces
    assert "للقرار 2254" in surfaces
    assert "القرار 2254" in surfaces  # "ولا سيما القرار 2254"
    assert "2254" in surfaces  # the bare number in "ولا سيما 2254"
    assert all("2011" not in s for s in surfaces)


def test_reference_article_through_the_scraped_parser() -> None:
    scraped = pytest.importorskip("app.ingest.scraped")
    article = scraped.parse_scraped_text(reference_text())
    citations = find_citations(list(article.blocks()), table=ResolutionTable())
    assert [(c.body, c.number) for c in citations] == [(UNSC, 2254)] * 6


def test_reference_article_takes_year_and_title_from_the_table(table: ResolutionTable) -> None:
    citations = find_citations(_seed_blocks(), table=table)
    assert {(c.body, c.number, c.year, c.title) for c in citations} == {(UNSC, 2254, 2015, "سوريا")}


# -- the ways a resolution is cited ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وجدد المجلس التزامه بقرار مجلس الأمن الدولي رقم 2254 (2015).", [(UNSC, 2254, 2015)]),
        ("دعت الخارجية إلى تطبيق القرار الأممي 2254 دون انتقائية.", [(UNSC, 2254, 2015)]),
        ("فرنسا تدعم قرار مجلس الأمن 2254 والحل السياسي.", [(UNSC, 2254, 2015)]),
        ("وشدد على الالتزام الكامل للقرار 2254 وبيان جنيف.", [(UNSC, 2254, 2015)]),
        ("الحل يجب أن يمر بالقرار ٢٢٥٤ حصراً.", [(UNSC, 2254, 2015)]),
        ("استناداً إلى القرار رقم 2254 لعام 2015 تبدأ المرحلة الانتقالية.", [(UNSC, 2254, 2015)]),
        ("طالب الوفد بتنفيذ القرارين 242 و338.", [(UNSC, 242, 1967), (UNSC, 338, 1973)]),
        (
            "تمسكت الجامعة بالقرارات 242 و338 و2334 أساساً للتسوية.",
            [(UNSC, 242, 1967), (UNSC, 338, 1973), (UNSC, 2334, 2016)],
        ),
        (
            "وفق القرارات الدولية ذات الصلة، ولا سيما 2254 و2118.",
            [(UNSC, 2254, 2015), (UNSC, 2118, 2013)],
        ),
        (
            "ودعا الحزب إلى احترام القرارات الأممية، وفي مقدمها 242 و338.",
            [(UNSC, 242, 1967), (UNSC, 338, 1973)],
        ),
        ("يستند حق العودة إلى قرار الجمعية العامة 194.", [(UNGA, 194, 1948)]),
        ("نالت فلسطين صفة دولة مراقب بموجب القرار 67/19.", [(UNGA, 19, 2012)]),
        ("واعتمد قرار مجلس حقوق الإنسان رقم 49/27 بأغلبية الأصوات.", [(HRC, 27, 2022)]),
        ("وأشار إلى قرار الجامعة العربية رقم 8914 بشأن سوريا.", [(OTHER, 8914, None)]),
        ("ويعد القرار 377 سابقة في عمل المنظمة.", [(UNKNOWN, 377, None)]),
        ("استندت إلى قرار الجمعية العامة 377 المعروف بالاتحاد من أجل السلام.", [(UNGA, 377, 1950)]),
        ("وصدر القرار 2724 بعد مفاوضات طويلة.", [(UNKNOWN, 2724, None)]),
        ("وتبنى مجلس الأمن القرار 2724 بإجماع أعضائه.", [(UNSC, 2724, None)]),
        (
            "وجاء القرار رقم 2254 الصادر في 18 كانون الأول/ديسمبر 2015 ليرسم خريطة الطريق.",
            [(UNSC, 2254, 2015)],
        ),
        ("وتحدث عن القرار رقم 2254 الصادر عن مجلس الأمن.", [(UNSC, 2254, 2015)]),
        ("انظر الوثيقة S/RES/2254 (2015) على موقع المنظمة.", [(UNSC, 2254, 2015)]),
        ("وطالب مجلس الأمن في قراره 2118 بتدمير المخزون الكيميائي.", [(UNSC, 2118, 2013)]),
        (
            "وأكد احترام قرارات مجلس الأمن الدولي التي تخص الملف السوري، وخاصة القرار 2254.",
            [(UNSC, 2254, 2015)],
        ),
        ("ينص قرار مجلس الأمن رقم 2254/2015 على وقف إطلاق النار.", [(UNSC, 2254, 2015)]),
        ("وطالب بتطبيق قرار مجلس الأمن الدولي بشأن سوريا رقم 2254.", [(UNSC, 2254, 2015)]),
        ("ودعا إلى احترام قرار مجلس الأمن 1701 الخاص بلبنان.", [(UNSC, 1701, None)]),
        # 2222 of 2015 fits the Council's numbering between 2118 (2013) and 2334 (2016)
        ("أقر المجلس القرار 2222 عام 2015 بعد نقاش.", [(UNSC, 2222, 2015)]),
        ("وجدد تأكيده على القرار الدولي رقم (2254).", [(UNSC, 2254, 2015)]),
        ("قرار مجلس الأمن رقم 2254 (S/RES/2254) واضح.", [(UNSC, 2254, 2015)]),
        ("وأشار إلى القرار A/RES/67/19 للجمعية العامة.", [(UNGA, 19, 2012)]),
        (
            "وتطالب الشبكة بتطبيق القرارات الأممية ذات الصلة، بما فيها القرار 2118.",
            [(UNSC, 2118, 2013)],
        ),
        ("أقرت القمة العربية القرار رقم 8914 بالإجماع.", [(OTHER, 8914, None)]),
        ("دعا قرار البرلمان الأوروبي رقم 2023/2876 إلى فرض عقوبات.", [(OTHER, 2876, 2023)]),
        (
            "يستند الحل إلى قراري مجلس الأمن 242 (1967) و338 (1973).",
            [(UNSC, 242, 1967), (UNSC, 338, 1973)],
        ),
        ("وفي مقدمتها قرار الأمم المتحدة رقم 194 لعام 1948.", [(UNGA, 194, 1948)]),
    ],
)
def test_citation_forms(
    text: str, expected: list[tuple[ResolutionBody, int, int | None]], table: ResolutionTable
) -> None:
    assert triples(text, table) == expected


def test_body_as_written_wins_over_the_table() -> None:
    table = ResolutionTable([ResolutionRecord(UNGA, 2254, 1967)])
    assert triples("قرار مجلس الأمن 2254", table) == [(UNSC, 2254, None)]


def test_a_number_named_once_with_its_body_carries_it_through_the_article() -> None:
    blocks = [
        TextBlock(Part.SECTION, 0, "وأكد ضرورة تنفيذ القرار 2724 دون إبطاء."),
        TextBlock(Part.SECTION, 1, "ويطالب قرار مجلس الأمن 2724 بوقف فوري لإطلاق النار."),
    ]
    citations = find_citations(blocks, table=ResolutionTable())
    assert [(c.body, c.number) for c in citations] == [(UNSC, 2724), (UNSC, 2724)]


def test_a_plain_un_number_dated_after_1975_is_the_security_councils() -> None:
    assert triples("وأكد القرار الأممي 2728 (2024) ضرورة الهدنة.", ResolutionTable()) == [
        (UNSC, 2728, 2024)
    ]
    assert triples("وأشار إلى القرار الأممي 181 (1947).", ResolutionTable()) == [
        (UNKNOWN, 181, 1947)
    ]


def test_a_united_nations_adjective_uses_the_sentence_organ() -> None:
    assert triples("وتبنى مجلس الأمن بالإجماع القرار الأممي 2728.", ResolutionTable()) == [
        (UNSC, 2728, None)
    ]


def test_surfaces_and_spans_follow_the_display_text() -> None:
    text = "وأكّد التزامه بالقرارين ٢٤٢ و٣٣٨ الصادرين عن مجلس الأمن."
    citations = cite(text)
    assert [c.surface for c in citations] == ["بالقرارين ٢٤٢", "٣٣٨"]
    for c in citations:
        assert text[c.span.start : c.span.end] == c.surface
    assert [c.number for c in citations] == [242, 338]


def test_the_conjunction_is_not_part_of_the_surface() -> None:
    [citation] = cite("والقرار 2254 هو المرجع.")
    assert citation.surface == "القرار 2254"


def test_each_occurrence_counts() -> None:
    text = "القرار 2254 واضح، ومن يرفض القرار 2254 يرفض الحل."
    assert len(cite(text)) == 2


# -- what is not a UN resolution -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ينهي المأساة السورية الممتدة منذ العام 2011.",
        "قتل 2254 شخصاً في القرار الذي اتخذته الميليشيا.",
        "وصل 2500 لاجئ إلى الحدود بعد القرار.",
        "بلغت قيمة الصفقة 2254 دولاراً بحسب القرار.",
        "للاستفسار اتصلوا على الرقم 0933225400.",
        "عقد الاجتماع في 14/11/2023 واتخذ القرار بالإجماع.",
        "وتنص المادة 8 من الدستور على ذلك.",
        "صدر القانون رقم 10 لعام 2018 الخاص بالملكية.",
        "أصدر الرئيس المرسوم رقم 16 لعام 2022.",
        "وبموجب قرار وزاري رقم 25 لعام 2020 أغلقت المعابر.",
        "أصدر وزير الداخلية القرار رقم 1234 لسنة 2023 بشأن المعابر.",
        "ونص القرار رقم 612 الصادر عن وزارة الصحة على إغلاق المدارس.",
        "وجاء قرار مجلس الأمن القومي رقم 5 بعد الهجوم.",
        "ارتفعت نسبة التضخم بعد القرار إلى 25%.",
        "اتخذ البرلمان القرار رقم 3 لسنة 2020.",
        "وافقت الحكومة على قرار مجلس الوزراء رقم 45.",
        "القرار الذي اتخذ عام 2015 ما يزال حبراً على ورق.",
        "وقال إن القرار صائب، وإن 2254 مواطناً وقعوا العريضة.",
        "القرار 2254.5 ليس رقماً صحيحاً.",
        "وصوتت 2254 دولة على القرارات.",
        "وبحسب القرار رقم 1234 لعام 2023، يمنع تصدير الخضار.",
        "ورفع القرار رقم 17 لسنة 2024 أسعار الخبز.",
    ],
)
def test_not_a_citation(text: str, table: ResolutionTable) -> None:
    assert cite(text, table) == []


# -- the reference table ---------------------------------------------------------------------


def test_table_lookups(table: ResolutionTable) -> None:
    assert len(table) == len(_ENTRIES)
    record = table.get(UNSC, 2254)
    assert record is not None and record.year == 2015
    assert table.unique(377) is None  # two bodies
    assert table.unique(19) is None  # numbered within a session
    unique = table.unique(19, 67)
    assert unique is not None and unique.body is UNGA


def test_missing_table_file_is_an_empty_table(tmp_path: Path) -> None:
    assert len(ResolutionTable.from_path(tmp_path / "absent.json")) == 0


def test_table_file_may_wrap_its_list(tmp_path: Path) -> None:
    path = tmp_path / "resolutions.json"
    path.write_text(json.dumps({"resolutions": _ENTRIES[:2]}), encoding="utf-8")
    assert len(ResolutionTable.from_path(path)) == 2


@pytest.mark.parametrize(
    "entry", [{"body": "UNICEF", "number": 1}, {"body": "UNSC"}, ["UNSC", 2254]]
)
def test_table_rejects_bad_entries(tmp_path: Path, entry: object) -> None:
    path = tmp_path / "resolutions.json"
    path.write_text(json.dumps([entry]), encoding="utf-8")
    with pytest.raises(ValueError):
        ResolutionTable.from_path(path)


def test_shipped_table_when_present() -> None:
    if not DEFAULT_PATH.exists():
        pytest.skip("app/extract/data/resolutions.json not shipped yet")
    shipped = default_table()
    record = shipped.get(UNSC, 2254)
    assert record is not None and record.year == 2015
    assert triples("ولا سيما القرار 2254", shipped)[0][:2] == (UNSC, 2254)


# -- robustness -----------------------------------------------------------------------------

_TEXT = st.text()


def test_quranic_brackets_do_not_stop_extraction() -> None:
    assert [c.number for c in cite("قال تعالى ﴿وقل﴾ ولا سيما القرار 2254")] == [2254]


_FRAGMENTS = [
    "القرار", "قرار", "القرارات", "القرارين", "للقرار", "مجلس", "الأمن", "الدولي", "الأممي",
    "الجمعية", "العامة", "رقم", "ولا", "سيما", "و", "،", ",", "(", ")", "/", ".", "2254", "٢٢٥٤",
    "67/19", "2015", "لعام", "عام", "الصادر", "عن", "في", "كانون", "شخصاً", "وزاري", "«", "»",
    "S/RES/2254", "قراره", "ذات", "الصلة", "\u064b", "\u0640", "\u00a0", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for c in cite(text):
        assert text[c.span.start : c.span.end] == c.surface


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30), st.sampled_from([" ", ""]))
def test_spans_map_to_surfaces_on_citation_like_text(words: list[str], glue: str) -> None:
    text = glue.join(words) if glue else " ".join(words).replace(" \u064b", "\u064b")
    for c in cite(text):
        assert text[c.span.start : c.span.end] == c.surface
        assert c.number > 0


def test_reads_every_citation_of_a_long_article() -> None:
    # Speed is bench/extraction.py's business; a wall-clock bound here fails on a busy machine.
    paragraph = "وأكد على القرار 2254 والقرارات الدولية ذات الصلة، ولا سيما 2118، منذ العام 2011. "
    blocks = [TextBlock(Part.SECTION, i, paragraph * 5) for i in range(200)]
    citations = find_citations(blocks, table=ResolutionTable())
    assert len(citations) == 2000


# -- names, special sessions and short forms -------------------------------------------------


def blocks_of(*texts: str) -> list[TextBlock]:
    return [TextBlock(Part.SECTION, i, text) for i, text in enumerate(texts)]


def cite_blocks(*texts: str, table: ResolutionTable | None = None) -> list[Citation]:
    return find_citations(blocks_of(*texts), table=table or ResolutionTable())


def test_a_quoted_name_may_stand_between_the_noun_and_its_number(table: ResolutionTable) -> None:
    text = "واحتج المندوب بقرار «الاتحاد من أجل السلام» رقم 377 لعام 1950 أمام الأعضاء."
    # two bodies have a 377 in the table: the year tells them apart
    assert triples(text, table) == [(UNGA, 377, 1950)]
    assert cite("وذكّر بقرار «حماية المدنيين» الذي لم ينفذ.") == []  # a name with no number


def test_an_emergency_special_session_symbol_is_the_general_assemblys() -> None:
    [c] = cite("وتبنت الدول الأعضاء القرار ES-11/1 بأغلبية كبيرة.")
    assert (c.body, c.number, c.session) == (UNGA, 1, 11)
    assert c.surface == "القرار ES-11/1"  # the symbol as written
    [c] = cite("راجع الوثيقة A/RES/ES-10/23 على موقع المنظمة.")
    assert (c.body, c.number, c.session) == (UNGA, 23, 10)


def test_the_shipped_table_knows_emergency_session_resolutions() -> None:
    [c] = find_citations(blocks_of("وأعادت الوفود التذكير بالقرار ES-10/22 المطالب بالهدنة."))
    assert (c.body, c.number, c.session, c.year) == (UNGA, 22, 10, 2023)


def test_a_special_session_resolution_takes_the_council_the_article_names() -> None:
    citations = cite_blocks(
        "عقد مجلس حقوق الإنسان في جنيف جلسة استثنائية بشأن سوريا.",
        "واعتمد المجلس القرار S-16/1 بعد نقاش طويل.",
    )
    assert [(c.body, c.number, c.session) for c in citations] == [(HRC, 1, 16)]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ("انعقد مجلس الأمن الدولي بطلب من بريطانيا.", "وتبنى المجلس بالإجماع القرار 2140."),
            [(UNSC, 2140)],
        ),
        (
            (
                "ألقى المندوب كلمة أمام الجمعية العامة للأمم المتحدة.",
                "وذكّر بأن الجمعية أقرت القرار 181.",
            ),
            [(UNGA, 181)],
        ),
        (
            (
                "اجتمع مجلس جامعة الدول العربية في القاهرة.",
                "وقال المتحدث باسم الجامعة إن القرار رقم 8914 لا يلزم الدول فرادى.",
            ),
            [(OTHER, 8914)],
        ),
        (  # the short form points at the council named nearest before it
            (
                "ناقش مجلس الأمن الوضع في السودان.",
                "وفي بغداد، ناقش مجلس النواب الموازنة وأقر المجلس القرار رقم 2140 بالأغلبية.",
            ),
            [],
        ),
        (  # "المجلس الوطني" is a name of its own, not a short form
            ("ناقش مجلس الأمن الوضع.", "وقال المجلس الوطني إن القرار رقم 2140 لعام 2014 ملزم."),
            [],
        ),
    ],
)
def test_short_forms_point_back_at_the_body_the_article_names(
    texts: tuple[str, ...], expected: list[tuple[ResolutionBody, int]]
) -> None:
    assert [(c.body, c.number) for c in cite_blocks(*texts)] == expected


def test_adopted_by_a_vote_is_not_adopted_by_a_state() -> None:
    text = "وطالب مجلس الأمن بوقف الهجمات في القرار 2722 الذي اعتمده بأغلبية 11 صوتاً."
    assert [(c.body, c.number) for c in cite(text)] == [(UNSC, 2722)]
    text = "وحذر من القرار رقم 77 الذي اعتمده مجلس الوزراء في جلسته."
    assert cite(text) == []


def test_a_number_settled_once_is_settled_for_the_whole_article() -> None:
    citations = cite_blocks(
        "طالب مجلس الأمن في جلسة مغلقة بتنفيذ القرار 2140 كاملاً.",
        "ويرى مراقبون أن القرار 2140 بقي حبراً على ورق.",
    )
    assert [(c.body, c.number) for c in citations] == [(UNSC, 2140), (UNSC, 2140)]


# -- the numbering of each body ---------------------------------------------------------------

_SERIES_TABLE = ResolutionTable(
    [
        ResolutionRecord(UNSC, 242, 1967),
        ResolutionRecord(UNSC, 1441, 2002),
        ResolutionRecord(UNSC, 1546, 2004),
        ResolutionRecord(UNGA, 194, 1948),
        ResolutionRecord(UNGA, 377, 1950),
        ResolutionRecord(UNGA, 19, 2012, session=67),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأنشئت البعثة بموجب القرار 1483 الصادر عام 2003.", [(UNSC, 1483, 2003)]),
        ("وأنشئت الوكالة بموجب القرار 273 عام 1949.", [(UNGA, 273, 1949)]),
        # 1483 cannot be the Council's in 1990 (1441 came in 2002), nor the Assembly's
        ("واستشهد بالقرار 1483 عام 1990.", [(UNKNOWN, 1483, 1990)]),
        ("أصدر وزير الداخلية القرار رقم 1483 لعام 2003 بشأن المعابر.", []),
    ],
)
def test_a_plain_number_and_its_year_fit_one_bodys_numbering(
    text: str, expected: list[tuple[ResolutionBody, int, int | None]]
) -> None:
    assert triples(text, _SERIES_TABLE) == expected


def test_series_bounds() -> None:
    assert _SERIES_TABLE.series_body(1500, 2003) is UNSC
    assert _SERIES_TABLE.series_body(300, 1949) is UNGA
    assert _SERIES_TABLE.series_body(300, 1980) is UNSC  # between 242 (1967) and 1441 (2002)
    assert _SERIES_TABLE.series_body(3000, 1980) is None  # the Assembly numbers by session
    assert _SERIES_TABLE.series_body(100, 1940) is None  # before the United Nations
    assert ResolutionTable().series_body(1500, 2003) is None  # an empty table knows nothing


def test_shipped_table_numbering_runs_with_the_years() -> None:
    if not DEFAULT_PATH.exists():
        pytest.skip("app/extract/data/resolutions.json not shipped yet")
    entries = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    for body in ("UNSC", "UNGA"):
        plain = sorted(
            (e["number"], e["year"]) for e in entries if e["body"] == body and "session" not in e
        )
        assert [y for _, y in plain] == sorted(y for _, y in plain), body
    shipped = default_table()
    for number, year, body in [(1500, 2003, UNSC), (302, 1949, UNGA), (2724, 2024, UNSC)]:
        record = shipped.get(body, number)
        assert record is not None and record.year == year


def test_table_tells_two_bodies_apart_by_year(table: ResolutionTable) -> None:
    assert table.unique(377) is None
    by_year = table.unique(377, year=1975)
    assert by_year is not None and by_year.body is UNSC


# -- a resolution named again by its bare number -------------------------------------------


def test_a_cited_number_named_again_bare_counts_again() -> None:
    citations = cite_blocks(
        "وأكد الوزير أن القرار 2254 يبقى الأساس.",
        "ولن نتخلى عن «2254» مهما طال الزمن، وقد وقّع أكثر من 2254 شخصاً العريضة في نحو 2254 بلدة.",
    )
    assert [c.surface for c in citations] == ["القرار 2254", "2254"]


def test_a_bare_number_that_could_be_a_year_is_not_a_citation() -> None:
    citations = cite_blocks(
        "وأشار إلى قرار مجلس الأمن 1973 بشأن ليبيا.", "وكانت الحرب قد اندلعت في 1973."
    )
    assert len(citations) == 1


# -- ranges -----------------------------------------------------------------------------------


def test_both_ends_of_a_range_of_resolutions_are_cited(table: ResolutionTable) -> None:
    text = "وذكّر بأن القرارات الدولية الخاصة بالشرق الأوسط، من 242 إلى 338، ما زالت مرجعاً."
    assert [(c.number, c.surface) for c in cite(text, table)] == [(242, "242"), (338, "338")]
    assert triples("وطالب بتطبيق القرارات من 2254 حتى 2334.", table) == [
        (UNSC, 2254, 2015),
        (UNSC, 2334, 2016),
    ]


def test_a_range_of_years_is_a_period(table: ResolutionTable) -> None:
    assert cite("وتراكمت القرارات الصادرة من 2011 إلى 2015 دون تنفيذ.", table) == []


def test_a_special_session_symbol_names_a_resolution_on_its_own() -> None:
    text = "ويستند المشروع، الذي يحمل الرمز ES-10/24، إلى الرأي الاستشاري للمحكمة."
    [c] = cite(text)
    assert (c.body, c.number, c.session, c.surface) == (UNGA, 24, 10, "ES-10/24")
    assert cite("وأطلقت الدفاعات صواريخ S-300 على الأهداف.") == []


def test_the_session_that_adopted_it_is_not_a_states_organ() -> None:
    text = "وأنشأ المجلس اللجنة بموجب القرار S-30/1 الصادر عن دورته الاستثنائية الثلاثين."
    citations = cite_blocks("اجتمع مجلس حقوق الإنسان في جنيف.", text)
    assert [(c.body, c.number, c.session) for c in citations] == [(HRC, 1, 30)]


def test_the_numbers_of_one_list_share_their_body(table: ResolutionTable) -> None:
    # 2118 is the Council's in the table; 2139 and 2165 are not in it
    text = "وتجاهل النظام القرارات 2118 و2139 و2165 طوال سنوات."
    assert [(c.body, c.number) for c in cite(text, table)] == [
        (UNSC, 2118),
        (UNSC, 2139),
        (UNSC, 2165),
    ]


def test_the_body_named_before_the_citation_in_its_sentence_wins() -> None:
    citations = cite_blocks(
        "اعتمد مجلس حقوق الإنسان قرارات عدة في دورته.",
        "وطالب المجلس في القرار 55/28، الذي قدمته باكستان باسم منظمة التعاون الإسلامي، "
        "بوقف بيع الأسلحة.",
    )
    assert [(c.body, c.number, c.session) for c in citations] == [(HRC, 28, 55)]


def test_a_cited_number_written_with_the_article() -> None:
    citations = cite_blocks("لا نقاش خارج الـ1701 قبل الانسحاب", "وتمسك الوزير بالقرار 1701 كاملاً.")
    assert [c.surface for c in citations] == ["1701", "بالقرار 1701"]


def test_a_body_that_only_owns_a_mission_is_not_the_voting_body() -> None:
    text = "وصوت مجلس الأمن على تمديد عمل بعثة الاتحاد الأفريقي بموجب القرار 4321."
    assert [(c.body, c.number) for c in cite(text)] == [(UNSC, 4321)]


# -- phrasings of real outlets --------------------------------------------------------------


def test_a_preposition_after_the_council_is_no_adjective_of_a_national_council() -> None:
    # normalized, إلى has the shape of a nisba ("الي"), as in "مجلس الأمن القومي"
    found = cite("وأشار مجلس الأمن إلى قراره 2401 بشأن الهدنة الإنسانية.")
    assert [(c.body, c.number) for c in found] == [(UNSC, 2401)]


@pytest.mark.parametrize(
    "text",
    [
        "وينص قرار مجلس الأمن، الذي حمل الرقم 2401، على هدنة مدتها ثلاثون يوماً في سوريا.",
        "القرار الأممي الذي يحمل رقم 2401 طالب بهدنة إنسانية.",
    ],
)
def test_a_relative_clause_that_gives_the_number(text: str) -> None:
    assert [c.number for c in cite(text)] == [2401]


def test_a_relative_clause_that_carries_a_count_is_no_citation() -> None:
    assert cite("وسلّم الوفد القرار الذي حمل 300 توقيع إلى رئاسة البرلمان.") == []


def test_a_plain_number_takes_the_one_body_the_article_names() -> None:
    found = cite_blocks(
        "صوت مجلس الأمن الدولي أمس على تمديد ولاية البعثة في الصحراء الغربية.",
        "وجرى التصويت على القرار 2494 بأغلبية ثلاثة عشر صوتاً.",
    )
    assert [(c.body, c.number) for c in found] == [(UNSC, 2494)]


@pytest.mark.parametrize(
    "second",
    [
        "ونشرت الجريدة الرسمية القرار رقم 2494 لسنة 2020 الخاص بتنظيم الاستيراد.",
        "وذكّرت الجامعة العربية بالقرار 2494 الذي اتخذته قمة الرياض.",
    ],
)
def test_no_body_is_taken_from_the_article_for_a_state_decision_or_between_two(
    second: str,
) -> None:
    found = cite_blocks("اجتمع مجلس الأمن الدولي أمس لبحث الوضع في السودان.", second)
    assert all(c.body is not UNSC for c in found)


def test_the_council_named_back_before_a_preposition_still_points_back() -> None:
    found = cite_blocks(
        "عقد مجلس الأمن الدولي جلسة طارئة حول ليبيا.",
        "وأشار المجلس إلى قراره رقم 2259 (2015) الذي أيد الاتفاق السياسي.",
    )
    assert [(c.body, c.number, c.year) for c in found] == [(UNSC, 2259, 2015)]


def test_a_number_borne_in_a_relative_clause_is_not_a_state_decision() -> None:
    found = cite_blocks(
        "اعتمد مجلس الأمن الدولي بالإجماع قراراً جديداً بشأن سوريا.",
        "وأعرب القرار الذي حمل الرقم 2401 عن القلق من تدهور الوضع.",
    )
    assert [(c.body, c.number) for c in found] == [(UNSC, 2401)]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("واعتمد مجلس الأمن قراراً يحمل الرقم 2401 بشأن الهدنة.", [2401]),
        ("وذكّر بقرارات مجلس الأمن أرقام 242 و338 و2334.", [242, 338, 2334]),
        ("واستند إلى قرارات مجلس الأمن الدولي ذوات الأرقام 242 و338.", [242, 338]),
        ("وطالب بتنفيذ قرار مجلس الأمن الدولي، رقم 2254، بشأن سوريا.", [2254]),
    ],
)
def test_more_ways_to_give_the_number(text: str, numbers: list[int]) -> None:
    assert [c.number for c in cite(text)] == numbers


def test_the_council_named_back_inside_the_citation() -> None:
    found = cite_blocks(
        "عقد مجلس الأمن الدولي جلسة حول سوريا.", "ودعا إلى تطبيق قرار المجلس 2401 فوراً."
    )
    assert [(c.body, c.number) for c in found] == [(UNSC, 2401)]


def test_a_state_council_named_back_inside_the_citation_is_no_un_resolution() -> None:
    found = cite_blocks("عقد مجلس النواب جلسة طارئة.", "وصدر قرار المجلس 250 بشأن الموازنة.")
    assert found == []


def test_a_year_shaped_number_takes_no_body_from_the_article() -> None:
    found = cite_blocks("اجتمع مجلس الأمن الدولي أمس.", "وأكد أن القرار 2015 كان مفصلياً.")
    assert all(c.body is not UNSC for c in found)


def test_the_body_a_draft_was_put_forward_for_did_not_adopt_it() -> None:
    found = cite("وأشادت الإمارات بدور البحرين في تقديم القرار رقم 2817 نيابة عن دول مجلس التعاون.")
    assert [c.body for c in found] != [OTHER]
