"""A government named through its head names the head too: "نظام الأسد"."""

import pytest
from actor_support import run

from app.extract.model import EntityKind, MentionForm

BASHAR = "person:bashar-al-assad"


def _person_mentions(*paragraphs: str) -> list[tuple[str, str, MentionForm]]:
    result = run(*paragraphs, data_dir=None)
    kinds = {e.key: e.kind for e in result.entities}
    return [
        (m.entity_key, m.surface, m.form)
        for m in result.mentions
        if kinds[m.entity_key] is EntityKind.PERSON
    ]


def test_a_regime_named_by_its_heads_surname_names_him() -> None:
    mentions = _person_mentions("وطالب المتظاهرون برحيل نظام الأسد عن السلطة.")
    assert mentions == [(BASHAR, "الأسد", MentionForm.SHORT_FORM)]


def test_a_regime_named_by_its_heads_full_name_names_him() -> None:
    mentions = _person_mentions("وحمّل البيان سلطات نظام بشار الأسد المسؤولية الكاملة.")
    assert mentions == [(BASHAR, "بشار الأسد", MentionForm.NAME)]


def test_the_body_stays_a_mention_of_its_own() -> None:
    result = run("وقال إن نظام بشار الأسد يتحمل المسؤولية.", data_dir=None)
    assert {e.key for e in result.entities} >= {BASHAR, "org:syrian-regime"}


def test_a_surname_no_head_of_that_body_bore_names_nobody() -> None:
    assert _person_mentions("وانتقد الكاتب نظام المحاصصة في البلاد.") == []


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("وقال الكاتب إن سقوط الأسد فتح الباب أمام مرحلة جديدة.", (BASHAR, "الأسد")),
        ("وارتكبت قوات القذافي انتهاكات بحق المدنيين.", ("person:muammar-gaddafi", "القذافي")),
    ],
)
def test_a_noun_of_his_rule_names_the_head_by_his_surname_alone(
    text: str, head: tuple[str, str]
) -> None:
    assert [(key, surface) for key, surface, _ in _person_mentions(text)] == [head]


@pytest.mark.parametrize(
    "text",
    [
        "وتجمع الزوار في الحديقة حول الأسد الأفريقي.",
        "وشهد حكم الأسد الأب قمعا واسعا.",
    ],
)
def test_the_surname_without_a_noun_of_his_rule_or_of_the_father_names_nobody(text: str) -> None:
    assert _person_mentions(text) == []
