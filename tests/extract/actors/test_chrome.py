"""Closing lines of page chrome are not read as story."""

import pytest
from actor_support import names, run

from app.extract.actors.chrome import closing_chrome
from app.extract.model import EntityKind

PLACE = EntityKind.PLACE
BODY = (
    "وقالت الحكومة إن المحادثات في جنيف ستستأنف الأسبوع المقبل.",
    "وأضافت في بيان أن الوفد سيغادر يوم الأحد.",
)


@pytest.mark.parametrize(
    "closing",
    [
        "صحفي وكاتب لبناني مقيم في برلين",  # the author's note
        "لبنان برلين المفاوضات النووي",  # tags
        "لمراسلة الموقع والإبلاغ عن الأخطاء: 0096170123456",  # a contact line
    ],
)
def test_a_closing_chrome_line_names_nothing(closing: str) -> None:
    result = run(*BODY, closing, data_dir=None)
    assert names(result, PLACE) == {"جنيف"}


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الوزير أن الحل سياسي.",
        "ويعيش في المخيم نحو عشرة آلاف لاجئ من حمص",
        "الباحث في الشؤون السورية أكد أن الحل بعيد",
        "وتأسس الفيلق إبان الحرب العراقية-الإيرانية (1980-1988) في طهران",  # years, no phone
        "ونشر المرصد رقما للتواصل هو 0096170123456 في بيان طويل وزعه على الصحفيين في بيروت "
        "بعد ظهر اليوم وأكد فيه أن الاتصالات ستبقى مفتوحة طوال الأسبوع المقبل أمام الأهالي",
    ],
)
def test_a_story_paragraph_is_no_chrome(text: str) -> None:
    assert not closing_chrome(text)


def test_a_brief_of_one_paragraph_is_read_whole() -> None:
    assert names(run("بيروت باريس", data_dir=None), PLACE) == {"بيروت", "باريس"}
