"""Persons announced by a cue word: "بقيادة X", "تعيين X رئيساً"."""

import pytest
from actor_support import names, run

from app.extract.actors.person_cues import accusative_role
from app.extract.model import EntityKind

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


def test_led_by_a_name_is_a_person_not_a_body() -> None:
    result = run("وهاجمت الكتيبة بقيادة حسان العلي مواقع الجيش.")
    assert names(result, PERSON) == {"حسان العلي"}
    assert "قيادة حسان العلي" not in names(result, ORG)


def test_led_by_a_country_is_no_body() -> None:
    result = run("وشن التحالف بقيادة الولايات المتحدة غارات جديدة.")
    assert names(result, ORG) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقرر المجلس تعيين وليد الحمصي مديرا للمصرف.", {"وليد الحمصي"}),
        ("وانتخب المؤتمر ليلى الخطيب رئيسة، وسامر دياب نائبا لها.", {"سامر دياب"}),
        ("وكلفت الرئاسة كمال عبد الكريم سفيرا في باريس.", {"كمال عبد الكريم"}),
    ],
)
def test_a_name_before_the_role_it_is_given(text: str, expected: set[str]) -> None:
    assert expected <= names(run(text), PERSON)


def test_no_name_before_a_role_no_person() -> None:
    assert names(run("وعاد الملف مفتوحا بعد أن بات الوزير مسؤولا عنه.")) == set()


def test_accusative_role_forms() -> None:
    assert accusative_role("رييسا") and accusative_role("نايبا")
    assert not accusative_role("رييس") and not accusative_role("شيخا")  # honorifics aside


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وبدأت محاكمة خالد يوسف عبد الكريم، المعروف بأبي حمزة، أمس.", "خالد يوسف عبد الكريم"),
        ("وأفرج عن سلمى الحداد، الملقبة بـ«أم الأسرى»، بعد عامين.", "سلمى الحداد"),
    ],
)
def test_whoever_is_known_as_someone_is_a_person(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_known_as_needs_a_first_name_to_open_the_name() -> None:
    assert (
        names(run("وتوسعت السوق السوداء، المعروفة بأسعارها المرتفعة، في المدينة."), PERSON) == set()
    )
