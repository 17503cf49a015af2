"""Two bodies sharing one head in the dual, with a shared adjective after both."""

import pytest
from actor_support import names, run, surfaces

from app.extract.model import EntityKind

ORG = EntityKind.ORGANIZATION
SHIPPED = None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "واستقبل الرئيس وفدا من مجلسي الشيوخ والنواب الأمريكيين.",
            {"مجلس الشيوخ الأميركي", "مجلس النواب الأميركي"},
        ),
        (
            "وأصدرت وزارتا الدفاع والخارجية التركيتين بيانا مشتركا.",
            {"وزارة الدفاع التركية", "وزارة الخارجية التركية"},
        ),
    ],
)
def test_each_conjunct_is_its_own_body(text: str, expected: set[str]) -> None:
    assert names(run(text, data_dir=SHIPPED), ORG) == expected


def test_a_body_the_gazetteer_lacks_is_named_in_the_singular() -> None:
    result = run("وناقشت لجنتا المالية والطاقة البرلمانيتين المشروع.", data_dir=SHIPPED)
    assert names(result, ORG) == {"لجنة المالية البرلمانية", "لجنة الطاقة البرلمانية"}
    assert surfaces(result, "لجنة الطاقة البرلمانية") == ["الطاقة البرلمانيتين"]


def test_without_a_shared_adjective_nothing_is_split() -> None:
    assert names(run("وقال إن مجلسي النواب والدولة لم يتفقا.", data_dir=SHIPPED), ORG) == set()
