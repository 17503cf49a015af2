"""A palace that speaks is the presidency it houses; one that is visited is a place."""

import pytest
from actor_support import names, run, surfaces

from app.extract.model import EntityKind

ORG, PLACE = EntityKind.ORGANIZATION, EntityKind.PLACE


@pytest.mark.parametrize(
    ("text", "presidency", "surface"),
    [
        ("وأعلن البيت الأبيض أن الزيارة أرجئت.", "الرئاسة الأمريكية", "البيت الأبيض"),
        ("ونفى الكرملين صحة التقارير أمس.", "الرئاسة الروسية", "الكرملين"),
        ("وجاء في تصريحات قصر الإليزيه أن اللقاء كان مثمرا.", "الرئاسة الفرنسية", "قصر الإليزيه"),
    ],
)
def test_a_palace_that_speaks_is_its_countrys_presidency(
    text: str, presidency: str, surface: str
) -> None:
    result = run(text, data_dir=None)
    assert presidency in names(result, ORG)
    assert surfaces(result, presidency) == [surface]
    assert surface not in names(result, PLACE)


def test_the_palace_and_the_presidency_written_out_are_one_body() -> None:
    result = run(
        "وأكدت الرئاسة الفرنسية دعمها للمبادرة.",
        "وأشار قصر الإليزيه إلى أن الاتصال تم أمس.",
        data_dir=None,
    )
    assert surfaces(result, "الرئاسة الفرنسية") == ["الرئاسة الفرنسية", "قصر الإليزيه"]


@pytest.mark.parametrize(
    "text",
    [
        "والتقى الرئيسان في البيت الأبيض أمس.",  # where
        "وزار الوفد الكرملين الأسبوع الماضي.",  # visited
        "وقالت الوزيرة في كلمة من قصر الإليزيه إن الاتفاق قريب.",
    ],
)
def test_a_palace_where_something_happens_is_a_place(text: str) -> None:
    result = run(text, data_dir=None)
    assert not any(name.startswith("الرئاسة") for name in names(result, ORG))


def test_an_arab_presidential_palace_is_a_place_not_a_mans_name() -> None:
    result = run("واستقبل الرئيس رئيسة الحكومة اليوم بقصر قرطاج.", data_dir=None)
    assert "قصر قرطاج" in names(result, PLACE)
    assert names(result, EntityKind.PERSON) == set()
