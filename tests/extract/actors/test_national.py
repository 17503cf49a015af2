"""Home institutions named without their country, in an article about one country."""

from actor_support import entity, names, run

from app.extract.model import EntityKind

ORG = EntityKind.ORGANIZATION
SHIPPED = None

LEBANON = (
    "وصل الموفد إلى بيروت حيث التقى المسؤولين اللبنانيين.",
    "ويعيش لبنان فراغا رئاسيا منذ أشهر، فيما تتواصل الاتصالات بين القوى اللبنانية.",
)


def test_a_parliament_chamber_is_the_countrys() -> None:
    result = run(*LEBANON, "وفشل مجلس النواب في انتخاب رئيس للمرة الثالثة.", data_dir=SHIPPED)
    chamber = next(e for e in result.entities if e.kind is ORG)
    assert "مجلس النواب" in chamber.aliases
    assert "اللبناني" in chamber.name


def test_a_ministry_is_the_countrys_and_keeps_how_it_was_written() -> None:
    result = run(*LEBANON, "وأعلنت وزارة الطاقة خطة لزيادة ساعات التغذية.", data_dir=SHIPPED)
    ministry = next(e for e in result.entities if e.kind is ORG)
    assert ministry.name == "وزارة الطاقة اللبنانية"
    assert "وزارة الطاقة" in ministry.aliases


def test_the_regime_is_the_known_regime_of_the_article_country() -> None:
    result = run(
        "وتواصل القصف على ريف إدلب في شمال غرب سوريا.",
        "واتهم ناشطون النظام بخرق التهدئة في إدلب وحماة.",
        data_dir=SHIPPED,
    )
    assert entity(result, "النظام السوري").key == "org:syrian-regime"


def test_a_ministry_of_another_country_named_in_full_is_not_the_home_one() -> None:
    result = run(
        *LEBANON,
        "وفرضت وزارة الخزانة الأمريكية عقوبات جديدة.",
        "وقال وكيل وزارة الخزانة إن العقوبات ستتوسع.",
        data_dir=SHIPPED,
    )
    assert not any("اللبنانية" in e.name for e in result.entities if e.kind is ORG)


def test_no_country_clearly_ahead_no_home_body() -> None:
    result = run(
        "وبحث وزيرا خارجية فرنسا وألمانيا في باريس وبرلين الأزمة.",
        "وقال مجلس النواب إنه سيناقش الملف.",
        data_dir=SHIPPED,
    )
    assert names(result, ORG) == set()


def test_bare_government_is_left_alone() -> None:
    result = run(*LEBANON, "وقالت الحكومة إنها ستدرس المقترح.", data_dir=SHIPPED)
    assert names(result, ORG) == set()


def test_a_body_in_the_complement_of_a_role_is_no_home_body() -> None:
    result = run(
        *LEBANON,
        "وقال نائب رئيس مجلس الوزراء سعد حمدان إن الحكومة ستجتمع.",
        data_dir=SHIPPED,
    )
    assert not any(e.kind is ORG and "مجلس الوزراء" in e.name for e in result.entities)


def test_a_ministry_named_in_full_in_a_title_is_the_countrys() -> None:
    result = run(
        *LEBANON,
        "وقالت مستشارة وزارة الطاقة رنا سليم إن التغذية ستتحسن.",
        data_dir=SHIPPED,
    )
    assert entity(result, "وزارة الطاقة اللبنانية").kind is ORG


def test_a_titles_portfolio_after_a_ministry_is_no_home_body() -> None:
    result = run(
        *LEBANON,
        "وقال وكيل وزارة المالية لشؤون الموازنة والضرائب إن العجز تراجع.",
        data_dir=SHIPPED,
    )
    assert names(result, ORG) == set()


def test_a_bare_parliament_is_left_alone() -> None:
    result = run(*LEBANON, "وأحال الوزير مشروع القانون إلى البرلمان أمس.", data_dir=SHIPPED)
    assert names(result, ORG) == set()


def test_the_intelligence_service_and_national_guard_are_the_countrys() -> None:
    result = run(
        "واستقبل الرئيس الفلسطيني في رام الله الوفد، وبحث معه الأوضاع الفلسطينية.",
        "وحضر اللقاء رئيس جهاز المخابرات العامة سامر خليل.",
        data_dir=SHIPPED,
    )
    assert "جهاز المخابرات العامة الفلسطينية" in names(result, ORG)
    guard = run(
        "وصل الوزير إلى الرياض في زيارة إلى السعودية التقى خلالها مسؤولين سعوديين.",
        "كما التقى نائب رئيس الحرس الوطني في مكتبه.",
        data_dir=SHIPPED,
    )
    assert names(guard, ORG) == {"الحرس الوطني السعودي"}


def test_a_sub_body_named_with_its_parent_is_no_home_body() -> None:
    result = run(
        *LEBANON,
        "وأعلنت وزارة الدفاع بحكومة الوحدة الوطنية وقف القتال.",
        data_dir=SHIPPED,
    )
    assert not any("وزارة الدفاع" in e.name for e in result.entities)


def test_a_court_with_a_generic_adjective_is_the_countrys() -> None:
    result = run(*LEBANON, "وقبلت المحكمة العليا الطعن المقدم.", data_dir=SHIPPED)
    court = next(e for e in result.entities if e.kind is ORG)
    assert court.name == "المحكمة العليا اللبنانية"
    assert "المحكمة العليا" in court.aliases


def test_a_ministry_of_two_portfolios_is_named_without_a_clear_country() -> None:
    result = run("وأصدرت وزارة الشباب والرياضة بيانا حول البطولة.", data_dir=SHIPPED)
    assert {e.name for e in result.entities if e.kind is ORG} == {"وزارة الشباب والرياضة"}


def test_a_bare_ministry_is_the_one_of_the_known_minister_the_article_names() -> None:
    result = run(
        "وشارك أحمد عطاف في اجتماع عقد في نيويورك وجنيف حول الأزمة.",
        "وأوضحت وزارة الشؤون الخارجية في بيان أن اللقاء كان مثمرا.",
        data_dir=SHIPPED,
    )
    ministry = entity(result, "وزارة الخارجية الجزائرية")
    assert "وزارة الشؤون الخارجية" in ministry.aliases


def test_a_bare_ministry_fitting_two_named_ministers_stays_unkeyed() -> None:
    result = run(
        "والتقى أحمد عطاف بنظيره صباح الخالد الحمد الصباح في نيويورك.",
        "وأوضحت وزارة الخارجية في بيان أن اللقاء كان مثمرا.",
        data_dir=SHIPPED,
    )
    assert names(result, ORG) == set()


def test_a_ministry_statement_names_its_own_country_by_name() -> None:
    # Palestine is reached through adjectives and a city more often than Jordan by name;
    # the statement's own country is the one named by name
    result = run(
        "أكد الأردن رفضه الاستيطان في الأراضي الفلسطينية وحذر من التصعيد في غزة.",
        "وقالت وزارة الخارجية إن الأردن يدعم الشعب الفلسطيني، وإن الأردن سيواصل جهوده.",
        "ودعت إلى حماية المدنيين الفلسطينيين في غزة.",
        data_dir=SHIPPED,
    )
    assert "وزارة الخارجية الأردنية" in names(result, ORG)


def test_a_bare_cabinet_is_no_home_body() -> None:
    result = run(*LEBANON, "وقرر مجلس الوزراء تأجيل البحث في الموازنة.", data_dir=SHIPPED)
    assert names(result, ORG) == set()


def test_a_descriptive_alias_names_a_known_body_only_where_its_country_is_named() -> None:
    libya = run(
        "وأيد المجلس حكومة الوفاق الوطني باعتبارها الحكومة الشرعية الوحيدة في ليبيا.",
        data_dir=SHIPPED,
    )
    assert "الحكومة اليمنية" not in names(libya, ORG)
    yemen = run("وتقدمت الحكومة الشرعية نحو الحديدة غرب اليمن.", data_dir=SHIPPED)
    assert "الحكومة اليمنية" in names(yemen, ORG)


def test_the_public_prosecution_is_the_countrys() -> None:
    result = run(*LEBANON, "وادعت النيابة العامة على الموقوفين بتهمة الاختلاس.", data_dir=SHIPPED)
    assert "النيابة العامة اللبنانية" in names(result, ORG)


def test_on_behalf_of_is_no_prosecution() -> None:
    result = run(*LEBANON, "وألقى الوزير كلمة نيابة عن رئيس الحكومة.", data_dir=SHIPPED)
    assert not any("نيابة" in name for name in names(result, ORG))
