"""A name and its acronym in brackets name one body."""

from actor_support import entity, names, run, surfaces

from app.extract.model import EntityKind

ORG, PLACE = EntityKind.ORGANIZATION, EntityKind.PLACE
SHIPPED = None


def test_a_new_acronym_becomes_a_name_of_the_body_before_it() -> None:
    result = run(
        "وأعلنت هيئة الدفاع عن الصحفيين (حدص) تضامنها مع الزميل المعتقل.",
        "وقالت حدص في بيان لاحق إنها ستلجأ إلى القضاء.",
    )
    body = entity(result, "هيئة الدفاع عن الصحفيين")
    assert "حدص" in body.aliases
    assert surfaces(result, "هيئة الدفاع عن الصحفيين") == [
        "هيئة الدفاع عن الصحفيين",
        "حدص",
        "حدص",
    ]


def test_a_known_acronym_names_a_differently_worded_body() -> None:
    result = run(
        "وأنهى المجلس ولاية بعثة الأمم المتحدة المتكاملة للمساعدة الانتقالية في السودان "
        "(يونيتامس) بطلب من الخرطوم.",
        data_dir=SHIPPED,
    )
    mission = next(e for e in result.entities if e.key == "org:unitams")
    assert "بعثة الأمم المتحدة المتكاملة للمساعدة الانتقالية في السودان" in mission.aliases
    assert "الأمم المتحدة" not in names(result, ORG)  # part of the mission's name
    assert "السودان" not in names(result, PLACE)


def test_an_official_word_and_a_known_acronym_are_the_agency() -> None:
    result = run("ونقلت وكالة الأنباء السورية الرسمية (سانا) البيان كاملا.", data_dir=SHIPPED)
    assert [e.key for e in result.entities if e.kind is ORG] == ["org:sana"]


def test_a_head_noun_in_brackets_is_no_acronym() -> None:
    result = run("وأعلنت جبهة التحرير الجديدة (الجبهة) انسحابها.")
    assert all(a != "الجبهة" for e in result.entities for a in e.aliases)


def test_a_year_or_a_place_in_brackets_is_no_acronym() -> None:
    result = run("وأشار إلى قرار مجلس الأمن (2015) وإلى هيئة التنسيق (دمشق).")
    assert all(e.kind is not ORG or len(e.aliases) <= 2 for e in result.entities)
    assert "دمشق" in names(result, PLACE)


def test_a_lettered_clause_in_brackets_is_no_acronym() -> None:
    result = run("ويحق للمجلس بموجب المادة 13 (ب) من النظام إحالة الملف.", data_dir=SHIPPED)
    assert names(result, ORG) == set()


def test_an_acronym_spelled_like_a_common_word_is_not_looked_for_elsewhere() -> None:
    result = run(
        "ونقلت هيئة البث العامة (كان) عن مصدر قوله إن الوفد عاد.",
        "وكان الوفد قد غادر أمس.",
    )
    assert surfaces(result, "هيئة البث العامة") == ["هيئة البث العامة", "كان"]


def test_a_describing_adjective_in_brackets_is_no_acronym() -> None:
    result = run("ونشرت صحيفة الثورة اليمنية (رسمية) نص البيان.", data_dir=None)
    assert "رسمية" not in {m.surface for m in result.mentions}


def test_a_describing_participle_in_brackets_is_no_acronym() -> None:
    result = run("وحصل حزب التقدم (معارض) على عشرة مقاعد.", data_dir=None)
    assert "معارض" not in {m.surface for m in result.mentions}


def test_a_role_in_brackets_is_no_acronym() -> None:
    result = run(
        "وحضر اللقاء سامر الحداد عضو مجلس الوزراء (الوزير المناوب) ووكيل الوزارة.",
        data_dir=SHIPPED,
    )
    assert names(result, ORG) == set()  # a bare cabinet, and a role of the person
