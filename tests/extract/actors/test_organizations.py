import pytest
from actor_support import assert_spans_match, entity, names, run, surfaces

from app.extract.model import EntityKind, MentionForm
from app.ingest.model import Part, TextBlock

ORG, PLACE = EntityKind.ORGANIZATION, EntityKind.PLACE
SHIPPED = None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال المجلس الوطني الكردي في بيان إن المفاوضات متوقفة.", "المجلس الوطني الكردي"),
        ("وشنت هيئة تحرير الشام هجوما واسعا.", "هيئة تحرير الشام"),
        ("أعلنت وزارة الخارجية التركية أن الوزير سيزور دمشق.", "وزارة الخارجية التركية"),
        ("أعلنت قوات سوريا الديمقراطية سيطرتها على البلدة.", "قوات سوريا الديمقراطية"),
        ("وأعلن حزب العدالة والتنمية الحاكم ترشيحه.", "حزب العدالة والتنمية"),
        ("وقال المرصد السوري لحقوق الإنسان إن القصف مستمر.", "المرصد السوري لحقوق الإنسان"),
        ("وقالت حركة حماس، في بيان، إن الاحتلال مسؤول.", "حركة حماس"),
        ("ونقلت وكالة سبوتنيك عن مصدر قوله.", "وكالة سبوتنيك"),
        ("وأكدت الحكومة السورية المؤقتة أنها ستنقل مقرها.", "الحكومة السورية المؤقتة"),
        ("قالت منظمة العفو الدولية إن الانتهاكات مستمرة.", "منظمة العفو الدولية"),
    ],
)
def test_organizations_by_head_and_chain(text: str, expected: str) -> None:
    assert names(run(text), ORG) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "وأكد ضرورة دفع العملية السياسية وتطبيق القرارات الدولية.",
        "ودعا المجتمع الدولي إلى عدم ترك الشعب السوري ضحية.",
        "واللقاء جرى في القصر الفرنسي في إسطنبول.",
        "الذراع التفاوضية لقوى الثورة والمعارضة.",
        "وقالت وزارة الخارجية إن الوزير سيسافر.",  # whose ministry? nobody says
        "وانتشرت قوات الأمن في المدينة.",
        "وناقش المجلس المحلي الخطة.",
        "وأعلنت حركة جديدة تأسيسها.",
        "قررت الهيئة تأجيل الاجتماع.",  # a short form with nothing to point at
    ],
)
def test_generic_phrases_are_not_organizations(text: str) -> None:
    assert names(run(text), ORG) == set()


def test_ministry_without_its_noun() -> None:
    result = run("وقالت المتحدثة باسم الخارجية الروسية إن موسكو ترفض.")
    assert names(result, ORG) == {"وزارة الخارجية الروسية"}
    assert surfaces(result, "وزارة الخارجية الروسية") == ["الخارجية الروسية"]


def test_demonym_inside_a_name_is_not_a_country_mention() -> None:
    result = run("أكدت هيئة التفاوض السورية أن الحل سياسي.")
    assert names(result) == {"هيئة التفاوض السورية"}


def test_known_body_keeps_its_key_with_a_trailing_adjective() -> None:
    result = run("رحب الاتحاد الأوروبي بقرار مجلس الأمن الدولي.")
    keys = {e.key for e in result.entities}
    assert keys == {"org:eu", "org:unsc"}
    assert surfaces(result, "مجلس الأمن") == ["مجلس الأمن الدولي"]


def test_a_longer_chain_over_a_known_body_is_another_body() -> None:
    result = run("واجتمع مجلس الأمن القومي الأمريكي أمس.")
    assert "مجلس الأمن القومي الأمريكي" in names(result, ORG)


def test_chain_stops_at_a_following_name_and_at_a_coordinated_body() -> None:
    result = run("رئيس هيئة التفاوض السورية بدر جاموس والائتلاف الوطني السوري.")
    assert names(result, ORG) == {"هيئة التفاوض السورية", "الائتلاف الوطني السوري"}


def test_clitic_is_outside_the_span_and_the_alias() -> None:
    result = run(
        "وأكد رئيس الائتلاف الوطني السوري دعمه لهيئة التفاوض السورية وللمجلس الوطني الكردي."
    )
    assert surfaces(result, "هيئة التفاوض السورية") == ["هيئة التفاوض السورية"]
    assert surfaces(result, "المجلس الوطني الكردي") == ["مجلس الوطني الكردي"]
    assert names(result, ORG) >= {"هيئة التفاوض السورية", "المجلس الوطني الكردي"}


def test_quoted_name_after_its_head() -> None:
    result = run('ونقلت صحيفة "الوطن" المقربة من النظام عن مصادر قولها إن الجيش يستعد.')
    assert names(result, ORG) == {"صحيفة الوطن"}
    assert surfaces(result, "صحيفة الوطن") == ["الوطن"]


def test_the_object_of_the_verb_is_not_part_of_the_name() -> None:
    result = run("من جهته، حمل المجلس الوطني الكردي المجتمع الدولي مسؤولية الصمت.")
    assert names(result, ORG) == {"المجلس الوطني الكردي"}


def test_a_vague_adjective_alone_names_no_body() -> None:
    assert names(run("وأعربت المنظمة الدولية عن قلقها."), ORG) == set()
    assert names(run("وقضت المحكمة الجنائية الدولية بذلك."), ORG) == {"المحكمة الجنائية الدولية"}


def test_a_quoted_name_alone_names_the_body_again() -> None:
    result = run(
        'وأطلق فريق "ملهم التطوعي" حملة لإغاثة المتضررين.',
        "وقال القائمون على ملهم التطوعي إن الحملة ستستمر.",
    )
    assert surfaces(result, "فريق ملهم التطوعي") == ["ملهم التطوعي", "ملهم التطوعي"]


def test_a_quoted_common_word_is_not_looked_for_again() -> None:
    result = run('ونقلت صحيفة "الوطن" عن مصادر أن الوطن يمر بأزمة.')
    assert surfaces(result, "صحيفة الوطن") == ["الوطن"]


def test_a_quoted_outlet_named_like_a_region_needs_a_citing_word() -> None:
    cited = run("وقال الوزير لـ«الشرق الأوسط» إن الجولة انتهت.", data_dir=SHIPPED)
    assert names(cited, ORG) == {"صحيفة الشرق الأوسط"}
    assert names(cited, PLACE) == set()
    region = run("وتعيش منطقة «الشرق الأوسط» أسوأ أيامها.", data_dir=SHIPPED)
    assert names(region, ORG) == set()
    assert names(region, PLACE) == {"الشرق الأوسط"}


def test_outlets_written_in_latin_letters() -> None:
    result = run(
        "وقال مسؤول لشبكة CNN إن الخطة جاهزة، فيما نقلت DW عربية عن خبراء.", data_dir=SHIPPED
    )
    assert names(result, ORG) == {"سي إن إن", "دويتشه فيله"}


def test_an_embassy_is_no_body_its_adjective_names_the_country() -> None:
    result = run("واقتحم محتجون مقر السفارة الإيرانية في العاصمة.", data_dir=SHIPPED)
    assert names(result, ORG) == set()
    assert names(result, PLACE) == {"إيران"}


def test_a_head_noun_says_what_a_quoted_place_name_is() -> None:
    result = run("وقالت صحيفة «الخليج» إن المفاوضات متعثرة.", data_dir=SHIPPED)
    assert names(result, ORG) == {"صحيفة الخليج"}
    assert names(result, PLACE) == set()


def test_a_quoted_name_the_gazetteer_knows_stays_the_known_body() -> None:
    result = run("ودعا الحكومة وجماعة «أنصار الله» إلى الحوار.", data_dir=SHIPPED)
    assert {e.key for e in result.entities if e.kind is ORG} == {"org:houthis"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعلن جهاز الأمن الوطني اعتقال خلية.", {"جهاز الأمن الوطني"}),
        ("وقال جهاز الإحصاء إن التضخم ارتفع.", set()),
        ("وأضاف أن جهاز التكييف تعطل في المستشفى.", set()),
    ],
)
def test_an_agency_needs_a_named_adjective_or_a_country(text: str, expected: set[str]) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == expected


def test_a_participle_clause_after_a_body_is_not_part_of_its_name() -> None:
    result = run("رحبت الخارجية بقرار الهيئة الوطنية السورية الداعية إلى حوار شامل.")
    assert "الهيئة الوطنية السورية" in names(result, EntityKind.ORGANIZATION)
    assert not any("الداعية" in name for name in names(result))


def test_a_nisba_before_a_preposition_stays_in_the_name() -> None:
    result = run("دعا المجلس الوطني الكردي إلى الحوار.")
    assert "المجلس الوطني الكردي" in names(result, EntityKind.ORGANIZATION)


def test_a_social_network_is_a_channel_not_a_body() -> None:
    result = run(
        "وكتب الوزير في تدوينة عبر منصة «إكس» أن الحل قريب، ثم نشر على منصة (إكس) صورا.",
        "وقالت منصة موسكو إنها ترفض الورقة.",
        data_dir=None,
    )
    assert names(result, EntityKind.ORGANIZATION) == {"منصة موسكو"}
    assert [m.surface for m in result.mentions] == ["منصة موسكو"]


def test_forces_described_by_what_they_do_are_no_body() -> None:
    result = run(
        "وطالب البيان بخروج قوات الاحتلال الإسرائيلي من القطاع، ونددت بقصف قوات العدو.",
        data_dir=None,
    )
    assert names(result, EntityKind.ORGANIZATION) == set()
    assert "إسرائيل" in names(result, EntityKind.PLACE)


def test_a_month_in_brackets_is_no_acronym_of_what_precedes() -> None:
    result = run("وكان مجلس الأمن اعتمد في نيسان (أبريل) قرارا بالإجماع.", data_dir=None)
    assert names(result, EntityKind.ORGANIZATION) == {"مجلس الأمن الدولي"}


def test_a_known_body_written_with_quotes_inside_its_name_is_that_body() -> None:
    result = run('وأكد تقرير لمنظمة "حظر الأسلحة الكيمائية" استخدام غاز سام.', data_dir=None)
    assert names(result, ORG) == {"منظمة حظر الأسلحة الكيميائية"}


def test_a_force_is_one_body_whether_written_force_or_forces() -> None:
    result = run(
        "وانتشرت قوات الأمم المتحدة المؤقتة في لبنان جنوب النهر.",
        "وقالت قوة الأمم المتحدة المؤقتة في لبنان إن دورياتها مستمرة.",
        data_dir=None,
    )
    assert names(result, ORG) == {"قوة الأمم المتحدة المؤقتة في لبنان"}


def test_a_government_after_its_heads_title_is_named_by_the_title_only() -> None:
    result = run("وقال رئيس الحكومة اللبنانية نواف سلام إن الخطة تمضي.", data_dir=None)
    government = entity(result, "الحكومة اللبنانية")
    forms = {m.form for m in result.mentions if m.entity_key == government.key}
    assert forms == {MentionForm.TITLE}
    # the holder's affiliation still names the government
    assert any(a.organization_key == government.key for a in result.affiliations)


@pytest.mark.parametrize(
    ("titled", "free", "body"),
    [
        (
            "وقال رئيس الحكومة اللبنانية نواف سلام إن الخطة تمضي.",
            "وأقرت الحكومة اللبنانية الخطة بالإجماع.",
            "الحكومة اللبنانية",
        ),
        (
            "وضم الوفد رئيس لجنة الطعون والتأديب الشيخ سامي فهمي.",
            "وأصدرت لجنة الطعون والتأديب قرارها أمس.",
            "لجنة الطعون والتأديب",
        ),
    ],
)
def test_a_body_named_on_its_own_stays_a_named_body(titled: str, free: str, body: str) -> None:
    result = run(titled, free, data_dir=None)
    found = entity(result, body)
    assert MentionForm.NAME in {m.form for m in result.mentions if m.entity_key == found.key}


def test_a_government_with_a_name_of_its_own_is_a_body_even_in_a_title() -> None:
    result = run("وقال رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة إن الانتخابات قريبة.")
    assert "حكومة الوحدة الوطنية" in names(result, ORG)


def test_militia_is_one_word_in_its_four_spellings() -> None:
    for head in ("ميليشيا", "مليشيا", "ميليشيات", "مليشيات"):
        result = run(f"وأعلنت {head} الحوثي مسؤوليتها عن الهجوم.", data_dir=None)
        assert names(result, ORG) == {"جماعة الحوثي"}, head


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        (
            "وقالت البعثة الفرنسية لدى الأمم المتحدة إن المشروع جاهز.",
            "البعثة الفرنسية لدى الأمم المتحدة",
        ),
        (
            "وسلمت مندوبية قطر الدائمة لدى الأمم المتحدة رسالة.",
            "مندوبية قطر الدائمة لدى الأمم المتحدة",
        ),
    ],
)
def test_a_states_mission_is_named_with_the_body_it_is_accredited_to(
    text: str, mission: str
) -> None:
    assert names(run(text, data_dir=None), ORG) == {mission}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # the UN's adjective on a UN organ
        ("وتبنى مجلس الأمن الأممي قرارا جديدا.", "مجلس الأمن الدولي"),
        # a label the writer puts on an armed group
        ("وأدان البيان هجمات مليشيا الحوثي الانقلابية على السفن.", "جماعة الحوثي"),
    ],
)
def test_a_known_body_qualified_by_the_writer_is_still_that_body(text: str, body: str) -> None:
    assert names(run(text, data_dir=None), ORG) == {body}


@pytest.mark.parametrize(
    ("text", "government"),
    [
        ("وردت إدارة الرئيس الأمريكي دونالد ترامب على الهجمات.", "الإدارة الأمريكية"),
        ("واتهم التقرير نظام الرئيس بشار الأسد بالهجوم.", "النظام السوري"),
        ("ودعا إلى تمكين حكومة الرئيس عبدربه منصور هادي من العودة.", "الحكومة اليمنية"),
    ],
)
def test_a_government_named_through_its_head_is_that_countrys_government(
    text: str, government: str
) -> None:
    result = run(text, data_dir=None)
    assert government in names(result, ORG)
    assert len(names(result, EntityKind.PERSON)) == 1  # the head stays a person mention
    assert_spans_match(result, [TextBlock(Part.SECTION, 0, text)])


def test_a_head_noun_of_another_kind_names_no_government() -> None:
    result = run("وانتقد نظام العقوبات الرئيس بشار الأسد.", data_dir=None)
    assert "النظام السوري" not in names(result, ORG)


def test_the_gulf_council_is_one_body_in_its_short_and_full_names() -> None:
    result = run(
        "وأدان مجلس التعاون لدول الخليج العربية الهجمات.",
        "وأكد مجلس التعاون والدول العربية تمسكهم بالحوار.",
        data_dir=None,
    )
    assert names(result, ORG) == {"مجلس التعاون لدول الخليج العربية"}


def test_a_leadership_named_by_its_demonym_is_no_body() -> None:
    result = run("وأكدت القيادة الفلسطينية رفضها للخطة.", data_dir=None)
    assert names(result, ORG) == set()
    assert names(result, PLACE) == {"فلسطين"}


def test_peacekeepers_named_by_their_task_are_no_body() -> None:
    result = run("ونشرت قوات حفظ السلام دورياتها على الحدود.", data_dir=None)
    assert names(result, ORG) == set()


def test_a_regional_group_of_states_is_a_collective_not_a_body() -> None:
    result = run("وقدمت المجموعة العربية مشروع القرار إلى المجلس.", data_dir=None)
    assert names(result, ORG) == set()
    named = run("وعقدت المجموعة الدولية لدعم سوريا اجتماعها.", data_dir=None)
    assert names(named, ORG) == {"المجموعة الدولية لدعم سوريا"}


def test_a_head_noun_after_a_relative_is_a_verb() -> None:
    result = run("وتحدث عن المصالح التي تجمع البلدين منذ عقود.", data_dir=None)
    assert names(result, ORG) == set()
    named = run("وأعلن تجمع المهنيين السودانيين إضرابا عاما.", data_dir=None)
    assert names(named, ORG) == {"تجمع المهنيين السودانيين"}


def test_a_ministers_title_names_no_ministry_whatever_its_adjective() -> None:
    result = run("وصرح وزير الخارجية الأردنية بأن الحدود آمنة.", data_dir=None)
    assert names(result, ORG) == set()
    named = run("وأعلنت الخارجية الأردنية أن الحدود آمنة.", data_dir=None)
    assert names(named, ORG) == {"وزارة الخارجية الأردنية"}


def test_the_forces_of_a_mission_known_by_its_acronym_are_that_mission() -> None:
    result = run("وانسحبت قوات اليوناميد من معسكرها قرب الفاشر.", data_dir=None)
    assert names(result, ORG) == {"العملية المختلطة للاتحاد الأفريقي والأمم المتحدة في دارفور"}


def test_a_un_mission_in_its_long_and_short_wordings_is_one_body() -> None:
    result = run(
        "وقالت بعثة الأمم المتحدة لتقديم المساعدة إلى العراق إنها ستنهي ولايتها، وأكدت"
        " بعثة الأمم المتحدة في العراق (اليونامي) أن التسليم سيتم بهدوء.",
        data_dir=None,
    )
    assert names(result, ORG) == {"بعثة الأمم المتحدة لمساعدة العراق"}


def test_the_un_system_named_by_its_purpose_is_no_body() -> None:
    result = run("وانتقد تعامل نظام الأمم المتحدة لحقوق الإنسان مع الملف.", data_dir=None)
    assert names(result, ORG) == {"الأمم المتحدة"}
    named = run("وأصدر مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية تقريرا.", data_dir=None)
    assert names(named, ORG) == {"مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"}


def test_the_arab_league_in_its_rarer_wording_is_one_body() -> None:
    result = run("وأكدت رابطة الدول العربية ما قالته الجامعة العربية أمس.", data_dir=None)
    assert names(result, ORG) == {"جامعة الدول العربية"}


def test_a_head_in_lam_after_lam_is_definite() -> None:
    """ل + اللجنة is written للجنة: with a definite adjective it is no indefinite head."""
    result = run("وقدم الوفد تقريره للجنة الدولية ثم غادر.", data_dir=None)
    assert names(result, ORG) == set()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وأكدت السفارة السعودية لدى اليمن استمرار الدعم.", "السفارة السعودية لدى اليمن"),
        ("وحذرت سفارة الولايات المتحدة لدى العراق رعاياها.", "سفارة الولايات المتحدة لدى العراق"),
        (
            "واستقبل وفد الأردن الدائم لدى الأمم المتحدة المبعوث.",
            "وفد الأردن الدائم لدى الأمم المتحدة",
        ),
    ],
)
def test_an_embassy_or_delegation_is_a_body_when_named_with_where_it_is_accredited(
    text: str, body: str
) -> None:
    assert names(run(text, data_dir=None), ORG) == {body}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وشكر الوزير البعثة الدبلوماسية المغربية في نيويورك.", "المغرب"),
        ("وطالبت البعثة الفلسطينية بمقعد كامل.", "فلسطين"),
        ("وانتشرت القوات الأمنية العراقية في الشوارع.", "العراق"),
        ("ووصل وفد سوريا إلى جنيف للمحادثات.", "سوريا"),
    ],
)
def test_a_mission_forces_or_delegation_named_by_the_country_alone_is_the_country(
    text: str, country: str
) -> None:
    result = run(text, data_dir=None)
    assert names(result, ORG) == set()
    assert country in names(result, PLACE)


def test_the_un_named_by_its_adjective_on_a_generic_head() -> None:
    result = run("وأيدت المنظمة الأممية الطلب، فيما رفضته الهيئة الأممية سابقا.", data_dir=None)
    assert names(result, ORG) == {"الأمم المتحدة"}
    assert surfaces(result, "الأمم المتحدة") == ["المنظمة الأممية", "الهيئة الأممية"]


def test_an_unresolved_vague_un_chain_still_names_the_un_by_its_adjective() -> None:
    result = run("وانتشرت القوات الأممية على طول الحدود.", data_dir=None)
    assert names(result, ORG) == {"الأمم المتحدة"}
    assert surfaces(result, "الأمم المتحدة") == ["الأممية"]


def test_a_vague_un_chain_is_the_one_un_body_of_its_head_the_article_names() -> None:
    result = run(
        "مدد مجلس الأمن ولاية بعثة الأمم المتحدة لمساعدة العراق.",
        "وقالت البعثة الأممية إنها ستواصل عملها.",
        data_dir=None,
    )
    assert "الأمم المتحدة" not in names(result, ORG)
    assert "البعثة الأممية" in surfaces(result, "بعثة الأمم المتحدة لمساعدة العراق")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وجدد المجلس ولاية لجنة العقوبات الخاصة باليمن.", "لجنة العقوبات الخاصة باليمن"),
        ("والتقى الوزير فريق خبراء العقوبات في الخرطوم.", "فريق خبراء العقوبات"),
        ("وفاز التحالف الثلاثي بأغلبية المقاعد.", "التحالف الثلاثي"),
        ("وطالبت اللجنة الدولية المستقلة للتحقيق بالوصول.", "اللجنة الدولية المستقلة للتحقيق"),
    ],
)
def test_names_of_subsidiary_bodies_and_alliances(text: str, body: str) -> None:
    assert body in names(run(text, data_dir=None), ORG)


def test_a_lieutenant_general_is_a_rank_not_a_team() -> None:
    result = run("وقال الفريق أول ركن عبد الفتاح البرهان إن الجيش مستعد.", data_dir=None)
    assert names(result, ORG) == set()
    assert names(result, EntityKind.PERSON) == {"عبد الفتاح البرهان"}


@pytest.mark.parametrize(
    "text",
    [
        "وتولى نائبه رئاسة اليمن لفترة انتقالية.",  # the office, not a body
        "وعرضت المنظمة المشاركة في إدارة ميناء الحديدة.",  # managing a port
        "وكتب المقال فريق التحرير في الصحيفة.",  # a team of any kind
        "وأكد أن التطبيع غير وارد في السياسة الخارجية اللبنانية.",  # foreign policy
    ],
)
def test_verbal_nouns_teams_and_adjectives_are_no_bodies(text: str) -> None:
    assert names(run(text, data_dir=None), ORG) == set()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقالت بعثة قطر في مجلس الأمن إن النص متوازن.", "بعثة قطر في مجلس الأمن"),
        ("وقال الوزير لقناة العربية للأخبار إن الاتفاق قريب.", "قناة العربية للأخبار"),
        ("ونقلت وكالة الأنباء السودانية الرسمية الخبر.", "وكالة الأنباء السودانية"),
    ],
)
def test_a_mission_to_a_body_a_news_channel_and_an_agency_without_its_label(
    text: str, body: str
) -> None:
    assert body in names(run(text, data_dir=None), ORG)


def test_the_uns_team_in_a_country_names_the_un_and_is_no_rank() -> None:
    result = run(
        "ويتواصل العمل عبر الفريق الأممي المقيم في بغداد، وبما يخدم العراق.", data_dir=None
    )
    assert names(result, ORG) == {"الأمم المتحدة"}
    assert names(result, EntityKind.PERSON) == set()


def test_a_government_named_through_its_head_in_apposition() -> None:
    text = "وجاء القرار صدمة لحكومة الرئيس التركي، رجب طيب أردوغان، الداعمة للطرف الآخر."
    result = run(text, data_dir=None)
    assert "الحكومة التركية" in names(result, ORG)
    assert names(result, EntityKind.PERSON) == {"رجب طيب أردوغان"}


def test_the_regime_of_a_past_head_is_his_countrys_former_regime() -> None:
    result = run("وفرض المجلس عقوبات على نظام معمر القذافي عام 2011.", data_dir=None)
    assert "النظام الليبي السابق" in names(result, ORG)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وقال المبعوث عبر فضائية «ليبيا الأحرار» إن الحوار مستمر.", "ليبيا الأحرار"),
        ("وذكر راديو «صوت الساحل» أن الطريق أغلق.", "صوت الساحل"),
    ],
)
def test_a_satellite_channel_or_radio_before_a_quoted_name(text: str, surface: str) -> None:
    result = run(text, data_dir=None)
    assert [m.surface for m in result.mentions if m.entity_key.startswith("new:org")] == [surface]


def test_a_un_body_named_by_its_purpose_between_two_countries() -> None:
    result = run("وأنجزت لجنة الأمم المتحدة لترسيم الحدود بين السودان ومصر عملها.", data_dir=None)
    assert "لجنة الأمم المتحدة لترسيم الحدود بين السودان ومصر" in names(result, ORG)


@pytest.mark.parametrize(
    "ministry",
    [
        "وزارة الشؤون الخارجية والتعاون الإفريقي والموريتانيين في الخارج",
        "وزارة الخارجية والمصريين بالخارج",
    ],
)
def test_a_foreign_ministry_ends_on_its_citizens_abroad(ministry: str) -> None:
    result = run(f"وأصدرت {ministry} بيانا حول الأزمة.", data_dir=None)
    assert names(result, ORG) == {ministry}


def test_an_outlet_after_a_date_closing_a_paragraph_is_a_credit_line() -> None:
    credit = run("وأكد الوزير أن العلاقات متينة... 12.03.2024, سبوتنيك عربي", data_dir=None)
    assert names(credit, ORG) == set()
    cited = run("ونقلت سبوتنيك عن الوزير أن العلاقات متينة.", data_dir=None)
    assert names(cited, ORG) == {"وكالة سبوتنيك"}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("وقال مراسل (صوت العاصمة)، إن الوفد وصل صباحا.", "صوت العاصمة"),
        ("وأكد الوزير في حديثه الذي رصدته «نبض» أن الحوار مستمر.", "نبض"),
        ("وأشار بحسب بيان تلقاه (المرصد برس) إلى أن الطريق مغلق.", "المرصد برس"),
    ],
)
def test_an_outlet_in_quotes_or_brackets_after_a_reporting_cue(text: str, outlet: str) -> None:
    assert names(run(text, data_dir=None), ORG) == {outlet}


def test_an_outlets_own_correspondent_in_a_byline_is_chrome() -> None:
    result = run('مراسل "الوطن": البرلمان يؤجل الجلسة', 'سامي علي | مراسل "الوطن" - بغداد:')
    assert names(result, ORG) == set()


def test_a_committee_of_several_portfolios_is_one_name() -> None:
    result = run("وناقشت لجنة الشؤون الخارجية والدفاع والأمن الوطني المشروع.", data_dir=None)
    assert names(result, ORG) == {"لجنة الشؤون الخارجية والدفاع والأمن الوطني"}


def test_the_libyan_joint_military_commission_by_its_numbers() -> None:
    result = run("واجتمعت لجنة 5+5 في جنيف لبحث وقف النار.", data_dir=None)
    assert "اللجنة العسكرية المشتركة 5+5" in names(result, ORG)


@pytest.mark.parametrize(
    "text",
    [
        "وأطلق جيش الاحتلال النار على المحتجين قرب القرية.",
        "وانسحب جيش العدو من التلة بعد الظهر.",
        "وتقدمت قوات القذافي نحو المدينة فجرا.",  # troops named by whoever leads them
    ],
)
def test_troops_named_by_what_they_do_or_who_leads_them_are_no_body(text: str) -> None:
    assert names(run(text), ORG) == set()
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


def test_troops_named_by_a_noun_keep_their_name() -> None:
    assert names(run("وانتشرت قوات الصاعقة في الميناء."), ORG) == {"قوات الصاعقة"}


@pytest.mark.parametrize(
    "text",
    [
        "وتحسنت حركة الأفراد والبضائع بين البلدين.",
        "وتتواصل حركة النزوح من الأحياء الشرقية.",
        "وعادت حركة الملاحة في الميناء إلى طبيعتها.",
        "وطالب الحراك الشعبي برحيل الحكومة.",  # the street's protests
    ],
)
def test_a_movement_of_people_goods_or_protest_is_no_body(text: str) -> None:
    assert names(run(text), ORG) == set()


@pytest.mark.parametrize(
    ("text", "outlet", "surface"),
    [
        ("ونقلت صحيفة النهار اللبنانية عن مصدر أن الجلسة أرجئت.", "صحيفة النهار", "صحيفة النهار"),
        ("وقالت قناة الغد المصرية إن الوفد وصل.", "قناة الغد", "قناة الغد"),
        # the demonym is all a generic outlet is named by
        ("وقالت وكالة الأنباء التونسية إن الوفد وصل.", None, "وكالة الأنباء التونسية"),
    ],
)
def test_a_demonym_after_an_outlets_own_name_says_where_it_is_from(
    text: str, outlet: str | None, surface: str
) -> None:
    result = run(text, data_dir=SHIPPED)
    orgs = [e for e in result.entities if e.kind is ORG]
    assert len(orgs) == 1
    assert [m.surface for m in result.mentions if m.entity_key == orgs[0].key] == [surface]
    if outlet is not None:
        assert orgs[0].name == outlet


def test_an_owner_word_after_a_known_agency_is_the_agency() -> None:
    plain = run("ونشرت وكالة الأنباء السعودية النص.", data_dir=SHIPPED)
    owned = run("ونشرت وكالة الأنباء السعودية الحكومية النص.", data_dir=SHIPPED)
    assert {e.key for e in owned.entities} == {e.key for e in plain.entities}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("وقال الوزير لإذاعة شمس إف إم إن الحوار مستمر.", "إذاعة شمس إف إم"),
        ("وصرح لوكالة الرافدين ديلي نيوز بأن الوفد غادر.", "وكالة الرافدين ديلي نيوز"),
    ],
)
def test_an_outlets_name_goes_on_over_its_english_words(text: str, outlet: str) -> None:
    assert names(run(text), ORG) == {outlet}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("وبحسب التقرير الذي توصلت «النبأ برس» بنسخة منه، فإن الطريق مغلق.", "النبأ برس"),
        ("وأوضح في بيان ترجمته «الأفق» أن التمديد مؤقت.", "الأفق"),
    ],
)
def test_an_outlet_that_received_or_translated_the_text(text: str, outlet: str) -> None:
    assert names(run(text, data_dir=None), ORG) == {outlet}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("وحل حزب الحركة الوطنية ثالثا في الاقتراع.", "حزب الحركة الوطنية"),
        ("وانسحب حزب الاتحاد الدستوري من التحالف.", "حزب الاتحاد الدستوري"),
    ],
)
def test_a_party_may_be_named_like_another_body(text: str, party: str) -> None:
    assert names(run(text), ORG) == {party}


def test_a_peacekeeping_mission_named_by_its_task_is_no_body() -> None:
    assert names(run("وانضمت الكتيبة إلى بعثة حفظ السلام قبل عامين."), ORG) == set()


def test_a_body_of_the_rights_named_with_a_definite_l_genitive() -> None:
    result = run("وقالت الجمعية الوطنية للحقوق والحريات إن المعتقلين مرضى.")
    assert names(result, ORG) == {"الجمعية الوطنية للحقوق والحريات"}


@pytest.mark.parametrize(
    "text",
    [
        "ووقعت الشركة الروسية عقد التنقيب أمس.",
        "وطالبوا بملاحقة المؤسسة الأمريكية الأمنية التي توزع المساعدات.",
    ],
)
def test_a_company_or_institution_named_by_its_country_alone_is_no_body(text: str) -> None:
    result = run(text, data_dir=SHIPPED)
    assert names(result, ORG) == set()
    assert len(names(result, PLACE)) == 1  # the demonym still names the country


def test_a_name_quoted_from_its_head_on_is_the_whole_name() -> None:
    result = run("وقاتلت «كتائب عمر بن الخطاب» و«لواء أبو الفضل العباس» إلى جانب الجيش.")
    assert names(result, ORG) == {"كتائب عمر بن الخطاب", "لواء أبو الفضل العباس"}


def test_a_quoted_designation_is_no_name() -> None:
    assert names(run("وصنفت الحكومة الحركة «جماعة إرهابية» الشهر الماضي."), ORG) == set()


def test_an_outlet_alone_on_its_line_is_the_credit_not_an_actor() -> None:
    result = run(
        "وكالة الرافدين الرقمية", "ونقلت وكالة الأنباء العراقية عن الوزير أن الطريق مفتوح."
    )
    assert names(result, ORG) == {"وكالة الأنباء العراقية"}


def test_a_known_body_followed_by_its_own_countrys_demonym_is_that_body() -> None:
    result = run("والتقى الوفد قائد فيلق القدس الإيراني في بغداد أمس.", data_dir=None)
    assert names(result, ORG) == {"فيلق القدس"}
    assert surfaces(result, "فيلق القدس") == ["فيلق القدس الإيراني"]


def test_a_known_body_followed_by_another_countrys_demonym_is_another_body() -> None:
    result = run("وتبنى حزب الله العراقي الهجوم على القاعدة أمس.", data_dir=None)
    assert "حزب الله" not in names(result, ORG)


def test_a_quoted_name_after_militia_is_the_group_whatever_the_head() -> None:
    result = run('وقال قيادي في مليشيات "بدر" إن مليشيا "بدر" لن تنسحب من المدينة.')
    assert names(result, ORG) == {"بدر"}


def test_an_adjective_quoted_after_militia_names_no_body_of_its_own() -> None:
    result = run('واتهم البيان مليشيا "الانتقالي" بمهاجمة المدينة.')
    assert names(result, ORG) == set()


def test_security_forces_named_by_their_country_are_a_mention_of_it() -> None:
    result = run("واشتبكت قوات الأمن العراقية مع المسلحين قرب الحدود.", data_dir=None)
    assert names(result, ORG) == set()
    assert names(result, EntityKind.PLACE) == {"العراق"}


def test_security_forces_with_a_name_of_their_own_are_a_body() -> None:
    result = run("وانتشرت قوات الأمن الداخلي اللبنانية في المدينة.", data_dir=None)
    assert names(result, ORG) == {"قوات الأمن الداخلي اللبنانية"}


def test_a_committee_of_common_nouns_in_a_members_title_is_named_by_the_title_only() -> None:
    result = run("وضم الوفد رئيس لجنة الطعون والتأديب الشيخ سامي فهمي.", data_dir=None)
    named = {m.entity_key for m in result.mentions if m.form is MentionForm.NAME}
    assert not any(e.name == "لجنة الطعون والتأديب" and e.key in named for e in result.entities)
    assert names(result, EntityKind.PERSON) == {"سامي فهمي"}


@pytest.mark.parametrize(
    "text",
    [
        "وقال رئيس لجنة تنسيق إعادة الانتشار إن العمل مستمر.",  # a construct of its own
        "وقال رئيس اللجنة الدستورية السورية إن العمل مستمر.",  # a naming adjective
    ],
)
def test_a_committee_with_a_name_of_its_own_in_a_title_stays_a_named_body(text: str) -> None:
    result = run(text, data_dir=None)
    assert any(
        m.form is MentionForm.NAME
        for m in result.mentions
        if m.entity_key.startswith(("org:", "new:organization"))
    )


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "وقال رئيس اللجنة الوطنية لمتابعة ملف المفقودين إن العمل مستمر.",
            "اللجنة الوطنية لمتابعة ملف المفقودين",
        ),
        (
            "واجتمعت اللجنة العليا للتعامل مع الاتحاد الأوروبي أمس.",
            "اللجنة العليا للتعامل مع الاتحاد الأوروبي",
        ),
    ],
)
def test_a_named_committee_goes_on_through_its_purpose(text: str, body: str) -> None:
    assert body in names(run(text, data_dir=None), ORG)


def test_a_purpose_after_a_government_is_the_sentences_not_its_name() -> None:
    result = run("ودعا المبعوث الحكومة السورية للانخراط في العملية السياسية.", data_dir=None)
    assert not any("للانخراط" in name for name in names(result, ORG))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقالت الشرطة الإسرائيلية إن المشتبه به اعتقل.", "الشرطة الإسرائيلية"),
        ("وأعلن الديوان الملكي السعودي وفاة الأمير.", "الديوان الملكي السعودي"),
        ("وقال ديوان المحاسبة إن الوزارة أهدرت المال العام.", "ديوان المحاسبة"),
    ],
)
def test_a_police_or_a_court_named_with_its_country_or_domain_is_a_body(
    text: str, body: str
) -> None:
    assert names(run(text, data_dir=None), ORG) == {body}


@pytest.mark.parametrize("text", ["وقالت الشرطة إن المشتبه به اعتقل.", "وقرأ الشاعر من ديوانه."])
def test_a_bare_police_or_a_poets_diwan_is_no_body(text: str) -> None:
    assert names(run(text, data_dir=None), ORG) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a verb right after an indefinite head: a body described, no name
        "وهي جماعة تأسست في القاهرة قبل قرن.",
        "وقاد الرجل جماعة أسست فروعا في عدة مدن.",
        "وطالب النواب بحكومة تضطلع بمهمة الإنقاذ.",
        "ورحب الحزب بحكومة تشكلت بعد أشهر من الفراغ.",
        # people coordinated after forces are not part of a name
        "ووقعت مواجهات بين قوات الأمن والمواطنين الغاضبين.",
        "وفصلت قوات الشرطة والمتظاهرين حواجز حديدية.",
    ],
)
def test_a_described_body_or_one_beside_people_names_none(text: str) -> None:
    assert names(run(text), ORG) == set()


def test_a_participle_with_its_preposition_ends_the_name() -> None:
    result = run("وقال نائب عن كتلة النهضة البرلمانية المنضوية في التحالف إن الجلسة تأجلت.")
    assert names(result, ORG) == {"كتلة النهضة البرلمانية"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('وقال مصدر مطلع لـ"المدن" إن الجلسة أرجئت.', "موقع المدن"),
        ("ونقلت «الساعة 24» عن مسؤول محلي قوله إن الطريق أغلق.", "موقع الساعة 24"),
        ("وذكرت شفق نيوز أن الوفد وصل إلى أربيل.", "شفق نيوز"),
    ],
)
def test_regional_outlets_cited_in_the_story(text: str, expected: str) -> None:
    assert expected in names(run(text, data_dir=SHIPPED), ORG)


def test_an_outlet_named_like_a_common_word_needs_its_quotes() -> None:
    assert names(run("وتعاني المدن الساحلية من الجفاف.", data_dir=SHIPPED), ORG) == set()


@pytest.mark.parametrize("line", ["شفق نيوز- البصرة", "هسبريس من الرباط الأربعاء 3 دجنبر 2025"])
def test_a_dateline_names_neither_the_outlet_nor_its_city(line: str) -> None:
    result = run(line, "وصل الوفد صباحا إلى المطار.", data_dir=SHIPPED)
    assert names(result) == set()


def test_the_portfolio_of_a_title_is_not_part_of_the_known_ministry() -> None:
    text = "واجتمع الرئيس بوكيل وزارة الخارجية الأميركية للشؤون السياسية في قصره."
    assert names(run(text, data_dir=SHIPPED), ORG) == {"وزارة الخارجية الأميركية"}


def test_the_portfolio_of_a_definite_title_is_not_part_of_the_known_body() -> None:
    text = "وأجرى الممثل الأعلى للاتحاد الأوروبي للشؤون الخارجية اتصالا بالوزير مساء أمس."
    assert names(run(text, data_dir=SHIPPED), ORG) == {"الاتحاد الأوروبي"}


def test_a_masculine_adjective_after_a_movement_qualifies_what_comes_before() -> None:
    text = "وقال مسؤول ملف حركة حماس الإعلامي في بيروت إن الرد قريب."
    assert names(run(text, data_dir=SHIPPED), ORG) == {"حركة حماس"}


@pytest.mark.parametrize(
    "text",
    [
        "(رويترز) – قال مسؤولون إن المفاوضات تعثرت مساء أمس.",
        "الرباط/ وكالة الأناضول- أعلن الوزير عن خطة جديدة للطرق.",
    ],
)
def test_an_outlet_opening_a_paragraph_with_a_dash_is_its_dateline(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == set()


def test_an_outlet_quoted_in_the_first_sentence_is_an_actor() -> None:
    text = "رويترز نقلت عن مصدر - لم تسمه - أن الاتفاق قريب."
    assert names(run(text, data_dir=SHIPPED), ORG) == {"وكالة رويترز"}


def test_a_nisba_plural_after_forces_still_names_them() -> None:
    result = run("وأعلنت قوات سوريا الديمقراطية والتحالف الدولي بدء العملية.", data_dir=SHIPPED)
    assert "قوات سوريا الديمقراطية" in names(result, ORG)
