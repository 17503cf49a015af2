"""Places the gazetteer does not settle alone: cues for homographs, settlements announced
by a noun (lists included), named features and facilities, and homographs confirmed once."""

import pytest
from actor_support import entity, names, run, surfaces

from app.extract.actors.places import has_cue, is_date
from app.extract.model import EntityKind
from app.extract.tokens import lex
from app.ingest.model import Part, TextBlock

PLACE, ORG = EntityKind.PLACE, EntityKind.ORGANIZATION
SHIPPED = None


def _block(text: str):  # type: ignore[no-untyped-def]
    return lex(TextBlock(Part.SECTION, 0, text))


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("ووصل الوفد وفي حمص استقبله المحافظ", 3),  # و + a two-letter preposition
        ("انتقل الاجتماع إلى العاصمة السورية دمشق", 5),  # a cue, then a demonym
        ("وتعثرت محادثات جدة مجددا", 2),  # talks named after the city
    ],
)
def test_cues_before_a_homograph(text: str, index: int) -> None:
    assert has_cue(_block(text), index, "")


def test_a_month_next_to_a_number_is_a_date_not_a_town() -> None:
    block = _block("وقعت المجزرة في 21 آب 2013 في الغوطة")
    assert is_date(block, 4)
    assert not has_cue(block, 4, "")


def test_homograph_joined_to_a_place_is_a_place() -> None:
    result = run("وجال المبعوث بين الرياض ومسقط قبل عودته.", data_dir=SHIPPED)
    assert {"الرياض", "مسقط"} <= names(result, PLACE)


def test_a_homograph_confirmed_once_counts_everywhere_in_the_article() -> None:
    result = run(
        "مسقط تستضيف الجولة المقبلة",
        "وتقرر نقل المشاورات إلى العاصمة العمانية مسقط الشهر المقبل.",
        data_dir=SHIPPED,
    )
    assert surfaces(result, "مسقط") == ["مسقط", "مسقط"]


def test_a_homograph_with_no_cue_anywhere_is_left_out() -> None:
    result = run("وقال إن جدة العائلة توفيت الأسبوع الماضي.", data_dir=SHIPPED)
    assert "جدة" not in names(result, PLACE)


@pytest.mark.parametrize(
    ("text", "key"),
    [("وزار الوفد عمّان أمس.", "place:amman"), ("ورحبت عُمان بالاتفاق.", "country:OM")],
)
def test_vowel_marks_tell_two_places_spelled_alike_apart(text: str, key: str) -> None:
    result = run(text, data_dir=SHIPPED)
    assert [e.key for e in result.entities if e.kind is PLACE] == [key]


def test_a_shared_spelling_goes_to_the_place_of_the_country_named() -> None:
    result = run(
        "وصل وزير الخارجية إلى الأردن في جولة إقليمية.",
        "وعقد الوزراء اجتماعهم في عمان بحضور ممثلين عن الجامعة العربية.",
        data_dir=SHIPPED,
    )
    assert "place:amman" in {e.key for e in result.entities}
    assert "country:OM" not in {e.key for e in result.entities}


def test_a_long_spelling_of_a_homograph_needs_no_cue() -> None:
    result = run("وأعلنت سلطنة عمان ترحيبها بالهدنة.", data_dir=SHIPPED)
    assert entity(result, "عُمان").key == "country:OM"


def test_a_plural_settlement_noun_announces_a_list() -> None:
    result = run("وطال القصف قرى كفر نبودة والهبيط وعابدين في الريف الجنوبي.")
    assert names(result, PLACE) == {"كفر نبودة", "الهبيط", "عابدين"}
    assert surfaces(result, "الهبيط") == ["الهبيط"]  # the و is not part of the name


@pytest.mark.parametrize(
    "text",
    [
        "وسيطرت الفصائل على مدن وبلدات عدة في الشمال.",
        "وتضررت بلدات ساحلية وقرى كثيرة من العاصفة.",
    ],
)
def test_a_plural_noun_with_adjectives_names_no_place(text: str) -> None:
    assert names(run(text), PLACE) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وأغلقت السلطات معبر نصيب الحدودي أمام الشاحنات.", "معبر نصيب الحدودي"),
        ("وانطلقت الطائرات من قاعدة حميميم الجوية.", "قاعدة حميميم الجوية"),
        ("وتراجع منسوب نهر بردى إلى أدنى مستوياته.", "نهر بردى"),
        ("وعبرت القوافل معبر باب السلامة صباحا.", "معبر باب السلامة"),
    ],
)
def test_a_feature_noun_is_part_of_the_place_name(text: str, place: str) -> None:
    assert names(run(text, data_dir=SHIPPED), PLACE) == {place}


def test_a_crossing_named_after_a_town_is_not_the_town() -> None:
    result = run("وأعيد فتح معبر رفح أمام المساعدات.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"معبر رفح"}


def test_a_port_or_airport_stands_for_its_town() -> None:
    assert names(run("وتوقفت الرحلات في مطار بيروت.", data_dir=SHIPPED), PLACE) == {"بيروت"}
    result = run("وتراجعت الصادرات عبر ميناء جرجيس أمس.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"جرجيس"}
    assert "ميناء جرجيس" in entity(result, "جرجيس").aliases


@pytest.mark.parametrize(
    "text",
    [
        "وطالبت المنظمات بفتح معبر إنساني للمدنيين.",
        "وأنشأت الوزارة قاعدة بيانات للمفقودين.",
        "وتملك الحركة قاعدة شعبية واسعة.",
    ],
)
def test_a_feature_noun_without_a_name_is_no_place(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), PLACE) == set()


def test_seas_rivers_and_continents_are_known() -> None:
    result = run(
        "وتعبر السفن البحر الأحمر وخليج عدن بين آسيا وأوروبا، وتتجنب المرور قرب الفرات.",
        data_dir=SHIPPED,
    )
    assert {"البحر الأحمر", "خليج عدن", "آسيا", "أوروبا", "نهر الفرات"} <= names(result, PLACE)


def test_a_direction_before_a_country_is_the_country() -> None:
    result = run("وتتواصل الغارات على جنوب لبنان منذ أسابيع.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"لبنان"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وداهمت القوات مخيم الفوار جنوب الخليل فجر اليوم.", "مخيم الفوار"),
        ("ونزحت عائلات من مخيم دير عمار إلى المدينة.", "مخيم دير عمار"),
        ("وأعيد فتح معبر كفر أبو سمرة أمام المسافرين.", "معبر كفر أبو سمرة"),
        ("ودخلت الشاحنات عبر معبر تل أبو سليم الحدودي.", "معبر تل أبو سليم الحدودي"),
    ],
)
def test_a_camp_or_crossing_is_named_by_its_noun_and_name(text: str, place: str) -> None:
    assert place in names(run(text, data_dir=SHIPPED), PLACE)


def test_a_camp_named_after_a_city_is_not_the_city() -> None:
    result = run("واقتحمت القوات مخيم حلب قرب المدينة.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"مخيم حلب"}


@pytest.mark.parametrize(
    "text",
    [
        "وأنشأ المجلس آلية رقابة خاصة بالإقليم بالقرار نفسه.",
        "وزار المسؤول مخيمات النازحين في الشمال.",
        "وتعيش مخيمات الشمال ظروفا صعبة.",
        "ولا يملك البلد ميناء عميقاً على البحر.",
    ],
)
def test_no_place_from_a_definite_settlement_noun_or_a_common_word(text: str) -> None:
    assert names(run(text, data_dir=SHIPPED), PLACE) == set()


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("وهاجمت كتيبة صور مواقع الجيش", 2),
        ("وقال محافظ صور إن الأضرار كبيرة", 2),
    ],
)
def test_a_body_or_an_office_named_after_a_town_announces_it(text: str, index: int) -> None:
    assert has_cue(_block(text), index, "", town=True)
    assert not has_cue(_block(text), index, "")  # not for a country: "نظام مالي"


def test_a_country_homograph_after_a_body_noun_is_not_the_country() -> None:
    result = run("وأطلقت الحكومة صندوق مالي لدعم المزارعين.", data_dir=SHIPPED)
    assert names(result, PLACE) == set()


def test_landmarks_where_something_happens_are_places() -> None:
    # one that speaks is the presidency it houses (GUIDELINES §7; test_palaces.py)
    result = run("والتقى الوفد في الكرملين قبل أن يتوجه إلى البيت الأبيض.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"الكرملين", "البيت الأبيض"}
    assert names(result, ORG) == set()


def test_a_compound_demonym_points_at_its_country() -> None:
    result = run("وقالت الوزيرة الجنوب أفريقية إن بلادها ستقدم الملف.", data_dir=SHIPPED)
    assert names(result, PLACE) == {"جنوب أفريقيا"}


def test_an_office_at_a_crossing_is_no_body_named_after_it() -> None:
    result = run("وأوضح مدير المكتب الإعلامي في معبر رفح أن الشاحنات عبرت صباحا.", data_dir=None)
    assert names(result, EntityKind.ORGANIZATION) == set()
    assert "معبر رفح" in names(result, EntityKind.PLACE)


def test_small_places_of_the_region_are_known() -> None:
    result = run(
        "ووصلت القافلة إلى باب الهوى ثم إلى الصليف، وعقد الاجتماع في بعبدا.", data_dir=None
    )
    assert {"معبر باب الهوى", "الصليف", "بعبدا"} <= names(result, EntityKind.PLACE)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير في حديثه للصحفيين إن الوفد سيعود.",  # his talk, not the town حديثة
        "ووصل الوفد في آب الماضي إلى العاصمة.",  # August, not the city إب
    ],
)
def test_a_homograph_written_as_the_other_word_is_no_place(text: str) -> None:
    assert names(run(text, data_dir=None), PLACE) == set()


def test_a_homograph_written_without_its_marks_is_still_the_place() -> None:
    assert "عمّان" in names(run("وعقد الاجتماع في العاصمة الأردنية عمان أمس.", data_dir=None))


def test_a_noun_coordinated_with_the_settlement_noun_is_no_name() -> None:
    result = run("وانسحبت القوات من مدينة وموانئ الصليف أمس.", data_dir=None)
    assert names(result, PLACE) == {"الصليف"}


@pytest.mark.parametrize("epithet", ["الكيان الصهيوني", "دولة الاحتلال", "العدو الصهيوني"])
def test_an_epithet_used_as_a_name_names_the_country(epithet: str) -> None:
    assert names(run(f"وصعّد {epithet} غاراته على القرى.", data_dir=None), PLACE) == {"إسرائيل"}


def test_a_listed_first_name_before_a_name_is_no_proclitic_and_place() -> None:
    # كلاوس reads as ك + لاوس; before a surname it is the first name.
    result = run("واستقبل المستشار كلاوس برانت الوفد في بلاوس.", data_dir=SHIPPED)
    assert surfaces(result, "لاوس") == ["لاوس"]  # the second one only, after ب
