"""Where an organization name ends: the grammar of the head noun's chain."""

import pytest
from actor_support import entity, names, run, surfaces

from app.extract.model import EntityKind

ORG, PLACE = EntityKind.ORGANIZATION, EntityKind.PLACE
SHIPPED = None


def test_a_definite_noun_takes_no_city_as_genitive() -> None:
    result = run("واقترحت الحكومة بيروت مكانا للجولة المقبلة.", data_dir=SHIPPED)
    assert names(result, ORG) == set()
    assert names(result, PLACE) == {"بيروت"}


@pytest.mark.parametrize(
    "text",
    [
        "وفككت الشرطة شبكة لتهريب السلاح عبر الحدود.",
        "وتحولت القمة إلى منصة لتبادل الاتهامات.",
        "وقال مدير منظمة محلية للإغاثة إن المخزون نفد.",
        "وأعلن مجلس عسكري انتقالي توليه السلطة.",
        "ووقعت شركة روسية عقدا لبناء المحطة.",
        "وطالبت الهيئة السوريين في الخارج بالمشاركة.",
        "وعبر عن قلقه من إدارة الملف بهذه الطريقة.",
        "وانتقد طريقة إدارة العملية العسكرية في الجنوب.",
        "وقاتل اللواء الذي يتبع الفرقة بقيادة العقيد سامر خليل.",
        "وتولى الجنرال قيادة البلد الأفريقي الفقير بعد الانقلاب.",
        "وعجزت عن إدارة البلاد طوال عامين.",
    ],
)
def test_descriptions_and_verbal_nouns_are_no_organization(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


def test_troops_named_by_a_demonym_are_the_country() -> None:
    result = run("وطالبت دمشق بانسحاب القوات الأمريكية من الشرق.", data_dir=SHIPPED)
    assert names(result, ORG) == set()
    assert "الولايات المتحدة" in names(result, PLACE)


def test_armed_forces_are_a_body() -> None:
    result = run("وقالت القوات المسلحة المصرية إنها أحبطت محاولة تسلل.", data_dir=SHIPPED)
    assert names(result, ORG) == {"القوات المسلحة المصرية"}


def test_an_administration_needs_its_country() -> None:
    result = run("وانتقدت الإدارة الأمريكية القرار.", data_dir=SHIPPED)
    assert names(result, ORG) == {"الإدارة الأمريكية"}


def test_a_ministry_name_may_coordinate_its_domains() -> None:
    result = run("وقالت وزارة الإعلام والاتصالات الأردنية إن البث سيستأنف.", data_dir=SHIPPED)
    assert names(result, ORG) == {"وزارة الإعلام والاتصالات الأردنية"}


def test_a_ministry_domain_may_be_a_head_noun() -> None:
    result = run("وأصدرت وزارة الإدارة المحلية السورية تعميما جديدا.", data_dir=SHIPPED)
    assert names(result, ORG) == {"وزارة الإدارة المحلية السورية"}


def test_a_known_body_then_a_conjunct_stays_the_known_body() -> None:
    result = run("واجتمع الموفد مع منصة القاهرة والمستقلين في جنيف.", data_dir=SHIPPED)
    assert "منصة القاهرة" in names(result, ORG)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وانسحب مقاتلو الفيلق الخامس من مواقعهم.", "الفيلق الخامس"),
        ("وانضم مقاتلو اللواء الثامن إلى التسوية.", "اللواء الثامن"),
    ],
)
def test_a_unit_is_named_by_its_ordinal(text: str, body: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == {body}


def test_general_after_a_genitive_is_an_adjective() -> None:
    result = run("وأصدرت المديرية العامة للأمن العام الأردني بيانا.", data_dir=SHIPPED)
    assert names(result, ORG) == {"المديرية العامة للأمن العام الأردني"}


def test_a_body_concerned_with_something_keeps_its_complement() -> None:
    result = run("وقدمت اللجنة المستقلة المعنية بالمختفين قسرا في لبنان تقريرها.", data_dir=SHIPPED)
    assert "اللجنة المستقلة المعنية بالمختفين" in names(result, ORG)


def test_a_caretaker_government_alone_is_no_named_body() -> None:
    assert names(run("وقالت حكومة تصريف الأعمال إنها ستجتمع.", data_dir=SHIPPED), ORG) == set()


def test_a_numbered_group_is_named() -> None:
    result = run("واجتمعت اللجنة الرباعية في بروكسل.", data_dir=SHIPPED)
    assert names(result, ORG) == {"اللجنة الرباعية"}


def test_a_cut_construct_name_is_the_full_body() -> None:
    result = run(
        "وتعمل حكومة إقليم كردستان على تسوية الخلاف.",
        "وقالت حكومة الإقليم إنها ملتزمة بالاتفاق.",
        data_dir=SHIPPED,
    )
    key = entity(result, "حكومة إقليم كردستان").key
    assert [m.surface for m in result.mentions if m.entity_key == key] == [
        "حكومة إقليم كردستان",
        "حكومة الإقليم",
    ]
    assert surfaces(result, "حكومة إقليم كردستان")[1] == "حكومة الإقليم"


def test_a_body_of_the_un_named_by_its_purpose() -> None:
    result = run("وتنتشر بعثة الأمم المتحدة لمراقبة وقف إطلاق النار منذ عام.", data_dir=SHIPPED)
    assert "بعثة الأمم المتحدة لمراقبة وقف إطلاق النار" in names(result, ORG)
    assert "الأمم المتحدة" not in names(result, ORG)  # inside the mission's name


def test_a_system_is_no_regime() -> None:
    result = run("وتضرر النظام المصرفي اللبناني من الأزمة.", data_dir=SHIPPED)
    assert names(result, ORG) == set()
    assert names(result, PLACE) == {"لبنان"}


def test_a_bloc_named_with_a_lexicalized_genitive() -> None:
    result = run("وأعلنت كتلة الوفاء للمقاومة مقاطعة الجلسة.", data_dir=SHIPPED)
    assert names(result, ORG) == {"كتلة الوفاء للمقاومة"}


def test_a_ministry_may_add_a_portfolio_in_construct() -> None:
    result = run(
        "واستقبلت وزارة الخارجية وشؤون المغتربين في مقرها وفدا برلمانيا.", data_dir=SHIPPED
    )
    assert names(result, ORG) == {"وزارة الخارجية وشؤون المغتربين"}


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن الحل يمر عبر قيادة يختارها الناس بحرية.",
        "ونص نظام المحكمة الأساسي على ذلك، كما نص نظام روما الأساسي.",
        "وجدد المبعوث دعمه لمنبر جدة بوصفه الإطار الأنسب للحوار.",
        "ووقع البلدان اتفاقية تنظيم الصيد في المياه المشتركة.",
        "وفرض المجلس نظام العقوبات الخاص بالنزاع.",
        "وتصاعد حراك الشارع في المدن الكبرى.",
        "وأعلنت الحركة تشكيل حكومة موازية مقرها نيالا.",
    ],
)
def test_systems_talks_and_verbal_nouns_are_no_body(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


def test_talks_named_after_their_venue_keep_the_venue_as_a_place() -> None:
    result = run("وجدد المبعوث دعمه لمنبر جدة بوصفه الإطار الأنسب.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"جدة"}


def test_an_agency_head_with_a_country() -> None:
    result = run("وزار رئيس جهاز المخابرات الأردني العاصمة.", data_dir=SHIPPED)
    assert names(result, ORG) == {"جهاز المخابرات الأردني"}


def test_an_affairs_genitive_with_the_article_stays_in_the_name() -> None:
    result = run("وقال الباحث في المعهد المصري للشؤون الخارجية إن", data_dir=SHIPPED)
    assert "المعهد المصري للشؤون الخارجية" in names(result, ORG)


def test_a_commission_keeps_the_places_of_its_mandate() -> None:
    text = "وشكل المجلس لجنة التحقيق الدولية المستقلة بشأن ليبيا والسودان في العام الماضي."
    result = run(text, data_dir=SHIPPED)
    assert names(result, ORG) == {"لجنة التحقيق الدولية المستقلة بشأن ليبيا والسودان"}


def test_the_place_a_ministry_serves_completes_its_name() -> None:
    result = run("وقالت وزارة الصحة في غزة إن المستشفيات خرجت عن الخدمة.", data_dir=SHIPPED)
    assert names(result, ORG) == {"وزارة الصحة في غزة"}
    assert names(result, PLACE) == set()  # the city inside the name is no mention of its own


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقال مدير المرصد المحلي في حمص إن القصف تجدد.", "المرصد المحلي في حمص"),
        ("ولم يعلق فرع الأمن السياسي في حماة على الحادثة.", "فرع الأمن السياسي في حماة"),
    ],
)
def test_a_generic_body_is_named_by_the_place_it_serves(text: str, body: str) -> None:
    assert body in names(run(text, data_dir=SHIPPED), ORG)


@pytest.mark.parametrize(
    "text",
    [
        "وانتشر الجيش في حلب بعد انسحاب الفصائل.",
        "وناقش الخبراء إدارة الأزمة في حمص.",
        "ووقعا اتفاقية تنظيم الصيد في البحر الأحمر.",
    ],
)
def test_troops_and_verbal_nouns_in_a_place_name_no_body(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


def test_an_office_of_the_un_named_by_its_seat() -> None:
    result = run("وقال مندوب البلاد لدى مكتب الأمم المتحدة في جنيف إن", data_dir=SHIPPED)
    assert "مكتب الأمم المتحدة في جنيف" in names(result, ORG)


def test_the_parent_a_body_belongs_to_is_named_too() -> None:
    result = run("واعتمد مجلس حقوق الإنسان التابع للأمم المتحدة قرارا.", data_dir=SHIPPED)
    assert names(result, ORG) == {"مجلس حقوق الإنسان", "الأمم المتحدة"}


def test_a_dual_adjective_of_two_conjuncts_is_not_part_of_the_second_name() -> None:
    result = run("وسيجري تشكيل الحكومة والمجلس الاستشاري الانتقاليين خلال شهر.", data_dir=SHIPPED)
    assert not any(name.endswith("الانتقاليين") for name in names(result, ORG))


def test_a_first_name_after_the_bodys_own_name_is_its_holders() -> None:
    result = run("وحضر رئيس بلدية مجدلا محمد الأسمر.", data_dir=None)
    assert not any("محمد" in name for name in names(result, EntityKind.ORGANIZATION))
    assert "محمد الأسمر" in names(result, EntityKind.PERSON)


def test_a_first_name_in_the_name_of_a_party_stays_in_it() -> None:
    result = run("وقال رئيس حزب عمر المختار إن الانتخابات قريبة.", data_dir=None)
    assert names(result, EntityKind.ORGANIZATION) == {"حزب عمر المختار"}


@pytest.mark.parametrize(
    "text",
    [
        # an agency named only by what it is
        "ونقلت وكالة الأنباء الرسمية عن الوزير تأكيده أن المحادثات مستمرة.",
        "وبثت وكالة الأنباء الحكومية صورا للاجتماع.",
        # government and people: a greeting to the country
        "وتمنى الوزير للأردن الشقيق قيادةً وشعباً دوام الأمن.",
        "ونقل الموفد تهاني أمير الكويت لحكومة وشعب الجمهورية اللبنانية.",
    ],
)
def test_an_unnamed_agency_and_a_greeting_name_no_body(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


def test_an_agency_named_with_its_country_is_an_outlet() -> None:
    result = run("ونقلت وكالة الأنباء الكويتية عن الوزير قوله.", data_dir=SHIPPED)
    assert names(result, ORG) == {"وكالة الأنباء الكويتية"}


def test_a_feminine_demonym_after_a_masculine_body_agrees_with_the_feminine_title() -> None:
    result = run("وصافح الرئيس رئيسة مجلس النواب البلجيكية لدى وصولها إلى القصر.", data_dir=SHIPPED)
    assert names(result, ORG) == set()  # the chamber is her position, a bare one
    assert names(result, PLACE) == {"بلجيكا"}


def test_a_masculine_title_leaves_the_demonym_to_the_body() -> None:
    result = run("وصافح الرئيس رئيس مجلس النواب البلجيكي لدى وصوله.", data_dir=SHIPPED)
    assert names(result, ORG) == {"مجلس النواب البلجيكي"}


@pytest.mark.parametrize(
    "text",
    [
        "وأكد دعمه لجهود المبعوث في قيادة المسلسل السياسي نحو حل متوافق عليه.",
        "وتعهد الوزير بإدارة المرحلة الانتقالية حتى الانتخابات.",
        "وأحرق محتجون قسم شرطة الزهور في المدينة.",
        "وقال إن الضربات لن تضعف جبهة المقاومة في المنطقة.",
    ],
)
def test_a_process_led_a_police_station_and_the_resistance_camp_are_no_body(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقالت قيادة العمليات المشتركة إن الطريق آمن.", "قيادة العمليات المشتركة"),
        ("وأعلنت شرطة دبي توقيف المشتبه به.", "شرطة دبي"),
    ],
)
def test_a_command_and_a_police_force_named_so_are_bodies(text: str, body: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == {body}
