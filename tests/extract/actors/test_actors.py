"""The recognizer end to end: the reference article, spellings, dirty text, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from actor_support import (
    FIXTURE_GAZETTEER,
    assert_spans_match,
    entity,
    names,
    recognizer,
    run,
    surfaces,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference import reference_text

from app.extract.actors import RuleActorRecognizer
from app.extract.actors.gazetteer import load_gazetteer
from app.extract.model import EntityKind
from app.extract.recognizer import ActorRecognizer, ActorResult
from app.ingest.model import Part, TextBlock

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE
SHIPPED = None  # recognizer(None) reads app/extract/data


def _seed_blocks() -> list[TextBlock]:
    from app.ingest.scraped import parse_scraped_text

    return list(parse_scraped_text(reference_text()).blocks())


@pytest.fixture(params=[FIXTURE_GAZETTEER, SHIPPED], ids=["fixture-gazetteer", "shipped-gazetteer"])
def gazetteer_dir(request: pytest.FixtureRequest) -> Path | None:
    directory: Path | None = request.param
    if directory is None and not load_gazetteer().entries:
        pytest.skip("app/extract/data has no gazetteer yet")
    return directory


def test_is_an_actor_recognizer() -> None:
    instance: ActorRecognizer = RuleActorRecognizer(load_gazetteer(FIXTURE_GAZETTEER))
    assert isinstance(instance.recognize([]), ActorResult)


def test_reference_article(gazetteer_dir: Path | None) -> None:
    blocks = _seed_blocks()
    result = recognizer(gazetteer_dir).recognize(blocks)
    assert_spans_match(result, blocks)
    assert names(result, PERSON) == {"بدر جاموس", "بريجيت كرمي", "أوليفر كوفن", "هادي البحرة"}
    assert names(result, ORG) == {
        "هيئة التفاوض السورية",
        "الائتلاف الوطني السوري",
        "النظام السوري",
        entity(result, "مجلس الأمن الدولي" if gazetteer_dir is None else "مجلس الأمن").name,
    }
    assert names(result, PLACE) == {"سوريا", "فرنسا", "الولايات المتحدة", "روسيا", "إسطنبول"}

    def seen(name: str) -> set[str]:
        key = entity(result, name).key
        return {m.surface for m in result.mentions if m.entity_key == key}

    assert {"هيئة التفاوض", "الهيئة", "هيئة التفاوض السورية"} <= seen("هيئة التفاوض السورية")
    assert {"الائتلاف الوطني", "الائتلاف"} <= seen("الائتلاف الوطني السوري")
    assert {"البحرة", "رئيس الائتلاف الوطني"} <= seen("هادي البحرة")
    assert "رئيس الهيئة" in seen("بدر جاموس")
    assert {"سورية", "سوريا", "السوري"} <= seen("سوريا")
    assert {"الفرنسيان", "الفرنسي", "فرنسا"} <= seen("فرنسا")
    assert "الولايات المتحدة الأميركية" in seen("الولايات المتحدة")

    roles = {
        (a.title, entity(result, n).key)
        for a in result.affiliations
        for n in names(result, PERSON)
        if a.person_key == entity(result, n).key
    }
    org_of = {a.title: a.organization_key for a in result.affiliations}
    assert {t for t, _ in roles} == {
        "رئيس هيئة التفاوض السورية",
        "مبعوثة فرنسا إلى سوريا",
        "القنصل العام الفرنسي في إسطنبول",
        "رئيس الائتلاف الوطني السوري",
    }
    assert org_of["رئيس هيئة التفاوض السورية"] == entity(result, "هيئة التفاوض السورية").key
    assert org_of["رئيس الائتلاف الوطني السوري"] == entity(result, "الائتلاف الوطني السوري").key
    assert org_of["مبعوثة فرنسا إلى سوريا"] == entity(result, "فرنسا").key
    assert org_of["القنصل العام الفرنسي في إسطنبول"] == entity(result, "فرنسا").key
    for affiliation in result.affiliations:
        assert affiliation.evidence and any(affiliation.evidence in b.text for b in blocks)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وسوريا", "سوريا"),
        ("لسوريا", "سوريا"),
        ("فسوريا", "سوريا"),
        ("والولايات المتحدة", "الولايات المتحدة"),
        ("وللولايات المتحدة", "ولايات المتحدة"),
        ("بالولايات المتحدة الأمريكية", "الولايات المتحدة الأمريكية"),
        ("الولايات المتحدة الأميركية", "الولايات المتحدة الأميركية"),
        ("أمريكا", "أمريكا"),
        ("أميركا", "أميركا"),
    ],
)
def test_clitics_and_variants_find_the_same_place(text: str, surface: str) -> None:
    result = run(f"وجاء البيان {text} أمس.")
    assert [(m.entity_key, m.surface) for m in result.mentions] == [
        (entity(result, next(iter(names(result)))).key, surface)
    ]
    assert names(result) in ({"سوريا"}, {"الولايات المتحدة"})


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("أكد المسؤولان الفرنسيان دعم بلادهما.", "فرنسا"),
        ("والتقى القنصل العام الفرنسي نظيره.", "فرنسا"),
        ("وصرحت مصادر أمريكية بأن الاتفاق قريب.", "الولايات المتحدة"),
        ("ونفت الخارجية الروسيّة ذلك، وقال الروس إنهم لن ينسحبوا.", "روسيا"),
        ("وأكد الجانب التركي والمسؤولون الأتراك ذلك.", "تركيا"),
    ],
)
def test_demonyms_point_at_their_country(text: str, country: str) -> None:
    assert country in names(run(text), PLACE)


def test_homograph_place_needs_a_cue() -> None:
    assert names(run("ورفضت الفصائل حمص الشام.")) == {"دمشق"}
    assert "حمص" in names(run("وقعت اشتباكات في حمص ومدينة حماة."))
    assert names(run("وقدمت الدول دعما ماليا، والدعم المالي مستمر.")) == set()
    assert "مالي" in names(run("وانسحبت القوات الفرنسية من مالي."))


def test_settlement_named_by_its_noun() -> None:
    result = run("أعلنت الفصائل سيطرتها على بلدة الهبيط وقرية تل عرن في ريف إدلب، ومدينة كبيرة.")
    assert names(result, PLACE) == {"الهبيط", "تل عرن", "إدلب"}
    assert entity(result, "الهبيط").key == "new:place:الهبيط"


def test_same_spelling_two_places_uses_the_article_country() -> None:
    result = run("وصل الوفد إلى طرابلس الليبية للقاء المسؤولين.", data_dir=None)
    if not result.entities:
        pytest.skip("no shipped gazetteer")
    tripoli = next(e for e in result.entities if e.name == "طرابلس")
    assert "libya" in tripoli.key or "ly" in tripoli.key.lower()


@pytest.mark.parametrize(
    "text",
    [
        "قال رئيس&nbsp;الائتلاف&nbsp;الوطني",
        '،،، ؛؛ ... «» "" ـــ () 2254 ٢٢٥٤',
        "وقال John Smith إن the talks failed, according to Reuters.",
        "ﷲ ﴿قال﴾ ﻻ \u200f\u202bنص\u202c",
        "",
        "   ",
    ],
)
def test_dirty_text_degrades_gracefully(text: str) -> None:
    blocks = [TextBlock(Part.SECTION, 0, text)]
    result = recognizer().recognize(blocks)
    assert_spans_match(result, blocks)
    assert names(result, ORG) <= {"الائتلاف الوطني"} and names(result, PERSON) == set()


def test_words_run_together_are_read_apart_with_spans_on_the_text() -> None:
    # A lost space between two known words (tokens.glued): the body and both places are
    # found, each mention pointing into the text as written.
    blocks = [TextBlock(Part.SECTION, 0, "اجتمعت هيئةالتفاوض مع الوفد في جنيفوسوريا")]
    result = recognizer().recognize(blocks)
    assert_spans_match(result, blocks)
    assert len(names(result, ORG)) == 1 and names(result, PERSON) == set()
    assert "سوريا" in names(result, PLACE)


def test_nbsp_between_title_and_name() -> None:
    result = run("قال رئيس&nbsp;الائتلاف الوطني السوري،&nbsp;هادي البحرة، إن الحل سياسي.")
    assert names(result, PERSON) == {"هادي البحرة"}
    assert result.affiliations[0].title == "رئيس الائتلاف الوطني السوري"


def test_typo_in_a_known_name_invents_nothing_else() -> None:
    result = run("وقال أنطونيو غوتيرش إن الأمم المتحدة قلقة.")
    # the spelling without its ي is the known person (transliteration.py), nothing new
    assert names(result) <= {"أنطونيو غوتيريش", "الأمم المتحدة"}


TEXT = st.text(
    alphabet=st.sampled_from(
        list("قال رئيس هيئة التفاوض السورية، بدر جاموس؛ وسوريا للهيئة الفرنسيان والائتلاف")
        + list(' .،"«»()&;ـًٌٍَُِّْ\u00a0\u200fAbc19٣')
    ),
    max_size=120,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, max_size=4))
def test_never_raises_and_spans_map_to_surfaces(paragraphs: list[str]) -> None:
    blocks = [TextBlock(Part.SECTION, i, text) for i, text in enumerate(paragraphs)]
    result = recognizer().recognize(blocks)
    assert_spans_match(result, blocks)
    assert len({e.key for e in result.entities}) == len(result.entities)


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_never_raises_on_any_unicode(text: str) -> None:
    blocks = [TextBlock(Part.TITLE, 0, text)]
    assert_spans_match(recognizer().recognize(blocks), blocks)


def test_the_adjective_of_the_united_nations_names_it() -> None:
    result = run("وصل المبعوث الأممي إلى الحديدة، وأكد أن الهدنة صامدة.")
    assert surfaces(result, "الأمم المتحدة") == ["الأممي"]


def test_the_adjective_in_a_persons_title_is_dropped_when_the_body_is_named() -> None:
    result = run(
        "وقال المبعوث الأممي غير بيدرسن إن الحل سياسي.",
        "ودعا إلى دعم جهود الأمم المتحدة في سوريا.",
    )
    assert surfaces(result, "الأمم المتحدة") == ["الأمم المتحدة"]


def test_an_outlet_quoted_without_its_head_noun() -> None:
    result = run("وقال مصدر دبلوماسي لـ«الشرق الأوسط» إن الجولة تأجلت.", data_dir=SHIPPED)
    assert names(result, ORG) == {"صحيفة الشرق الأوسط"}
    assert names(result, PLACE) == set()


def test_a_one_word_outlet_in_quotes_needs_a_citing_word() -> None:
    assert names(run("ونقلت «المنار» عن مصادر أن القصف توقف.", data_dir=SHIPPED), ORG) == {
        "قناة المنار"
    }
    assert names(run("ورفع المحتجون لافتة كتب عليها «المنار».", data_dir=SHIPPED), ORG) == set()
