"""Every mention says how it names its entity: in full, by a short form, by a demonym or
by a title, so a client can count only the named mentions."""

from actor_support import entity, run

from app.extract.model import MentionForm
from app.extract.recognizer import ActorResult


def forms(result: ActorResult, name: str) -> list[tuple[str, MentionForm]]:
    key = entity(result, name).key
    return [(m.surface, m.form) for m in result.mentions if m.entity_key == key]


def test_a_full_name_then_a_surname() -> None:
    result = run(
        "أكد رئيس الائتلاف الوطني السوري، هادي البحرة، أن الحل سياسي.",
        "وذكر البحرة أن السوريين أمام تحد كبير.",
    )
    assert forms(result, "هادي البحرة") == [
        ("هادي البحرة", MentionForm.NAME),
        ("البحرة", MentionForm.SHORT_FORM),
    ]


def test_a_role_names_its_holder_by_title() -> None:
    result = run(
        "رئيس الهيئة يلتقي مبعوثة فرنسا.",
        "التقى رئيس هيئة التفاوض السورية، بدر جاموس، مع مبعوثة فرنسا إلى سوريا، "
        "السفيرة بريجيت كرمي.",
    )
    assert forms(result, "بدر جاموس") == [
        ("رئيس الهيئة", MentionForm.TITLE),
        ("بدر جاموس", MentionForm.NAME),
    ]
    assert forms(result, "هيئة التفاوض السورية")[0] == ("الهيئة", MentionForm.SHORT_FORM)


def test_a_demonym_links_the_country_without_naming_it() -> None:
    result = run("استقبل الرئيس الفرنسي وفدا من فرنسا في قصر الإليزيه.")
    assert forms(result, "فرنسا") == [
        ("الفرنسي", MentionForm.DEMONYM),
        ("فرنسا", MentionForm.NAME),
    ]
