"""Names in lists and after envoys' titles: commas alone between names after a plural
title, an acting head's mission, a country the gazetteer does not know, and a place
that is a given name too."""

from app.extract.model import EntityKind
from tests.extract.actors.actor_support import names, run

PERSON = EntityKind.PERSON


def persons(*paragraphs: str) -> set[str]:
    return names(run(*paragraphs, data_dir=None), PERSON)


def test_a_plural_title_lists_names_parted_by_commas_alone() -> None:
    found = persons("وحضر اللقاء النواب سامر حداد، نبيل خوري، كريم سلطان، ووليد عطار.")
    assert {"سامر حداد", "نبيل خوري", "كريم سلطان", "وليد عطار"} <= found


def test_the_plural_title_may_carry_waw() -> None:
    found = persons("وشارك وزير المالية ماهر عيسى والنواب سامر حداد، نبيل خوري.")
    assert {"ماهر عيسى", "سامر حداد", "نبيل خوري"} <= found


def test_a_comma_list_ends_on_a_word_that_opens_no_name() -> None:
    found = persons("وحضر النواب سامر حداد، نبيل خوري، على أن تعقد جلسة ثانية غدا.")
    assert found == {"سامر حداد", "نبيل خوري"}


def test_a_comma_list_takes_no_common_noun_pair() -> None:
    found = persons("وناقش النواب سامر حداد، مشروع قانون الموازنة العامة.")
    assert found == {"سامر حداد"}


def test_an_acting_head_of_an_embassy_is_named_after_the_country() -> None:
    found = persons(
        "وحضر القائم بأعمال سفارة العراق أمين الربيعي، والقائم بأعمال سفارة قطر علي المهندي."
    )
    assert {"أمين الربيعي", "علي المهندي"} <= found


def test_a_bare_envoy_noun_takes_an_unknown_country_before_the_name() -> None:
    found = persons("وشارك في الحفل سفير كازاخستانيا رسول تيميروف.")
    assert "رسول تيميروف" in found
    assert not any(name.startswith("كازاخستانيا") for name in found)


def test_an_unknown_country_before_two_bare_words() -> None:
    found = persons("وحضر سفير ليتوانيا بيلار كوستا.")
    assert "بيلار كوستا" in found


def test_a_place_that_is_a_given_name_opens_the_name_after_a_full_title() -> None:
    result = run("وصلت إلى العاصمة رئيسة الحكومة الإيطالية جورجيا بانيني في زيارة.", data_dir=None)
    assert "جورجيا بانيني" in names(result, PERSON)
    assert "جورجيا" not in names(result, EntityKind.PLACE)


def test_the_place_stays_a_place_after_a_bare_title() -> None:
    result = run("ووصل رئيس جورجيا سامر حداد إلى العاصمة.", data_dir=None)
    assert "سامر حداد" in names(result, PERSON)
    assert "جورجيا" in names(result, EntityKind.PLACE)


def test_each_item_of_a_nationality_list_is_a_name() -> None:
    found = persons(
        "والتقى الوزير بكل من الكندية ميريام كارتون، الفرنسي ألكسندر دوبوا، والسفير "
        "الياباني كينجي ساتو."
    )
    assert {"ميريام كارتون", "ألكسندر دوبوا"} <= found


def test_a_nationality_before_an_unknown_pair_outside_a_list_names_nobody() -> None:
    found = persons("وأشاد الخبير الفرنسي بقرار الحكومة، والمستثمر الأمريكي عرض خطته.")
    assert found == set()


def test_a_name_opening_on_abd_holds_four_name_words_after_it() -> None:
    found = persons("ووصل وزير الدفاع عبد الكريم حاج سالم نور أمس إلى المدينة.")
    assert "عبد الكريم حاج سالم نور" in found


def test_a_known_nisba_surname_after_a_counterpart_names_him() -> None:
    found = persons("وبحث الوزير سامر حداد مع نظيره الشيباني ملف اللاجئين.")
    assert "أسعد الشيباني" in found


def test_a_nationality_after_a_counterpart_names_nobody() -> None:
    found = persons("وبحث الوزير سامر حداد مع نظيره السوري ملف اللاجئين.")
    assert found == {"سامر حداد"}


def test_her_counterpart_is_a_title_too() -> None:
    found = persons("واستقبلت الوزيرة سامية حداد نظيرتها الشيباني في المطار.")
    assert "أسعد الشيباني" in found


def test_a_list_item_may_name_its_role_after_the_name() -> None:
    found = persons(
        "واجتمع الوزير بالسفير الألماني، وماركو ليندبيرغ القائم بالأعمال في السفارة السويدية."
    )
    assert "ماركو ليندبيرغ" in found


def test_a_clause_on_waw_before_a_role_names_nobody() -> None:
    found = persons("وعاد الوفد إلى البلاد، وأكد البيان الختامي القائم على التعاون.")
    assert found == set()


def test_an_institution_is_no_founder_before_a_name() -> None:
    found = persons("وأصبحت الهيئة مؤسسة عليا تضم جميع الفصائل المسلحة.")
    assert found == set()


def test_an_honorary_envoy_is_named_after_his_cause() -> None:
    found = persons("وتحدث في الحفل سفير الطفولة حسن قرداحي عن حقوق الأطفال.")
    assert "حسن قرداحي" in found


def test_ala_before_a_particle_is_the_preposition() -> None:
    found = persons('وشدد الرئيس الكيني على أن "بلاده تقف مع الحل".')
    assert found == set()


def test_ala_written_with_ya_before_a_verbal_noun_is_the_preposition() -> None:
    found = persons("وشدد الوزير الكيني علي تمسك بلاده بالحوار.")
    assert found == set()


def test_ali_before_a_surname_stays_a_name() -> None:
    found = persons("وحضر الاجتماع الوزير الكيني علي تميم.")
    assert "علي تميم" in found
