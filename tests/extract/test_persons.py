import pytest
from actor_support import names, run

from app.extract.model import EntityKind

PERSON = EntityKind.PERSON


@pytest.mark.parametrize(
    ("text", "person", "title", "owner"),
    [
        (
            "جاء ذلك خلال لقاء أجراه رئيس هيئة التفاوض السورية، بدر جاموس، مع الوفد.",
            "بدر جاموس",
            "رئيس هيئة التفاوض السورية",
            "new:organization:هييه التفاوض السوريه",
        ),
        (
            "وقال وزير الخارجية التركي هاكان فيدان، خلال مؤتمر صحفي، إن بلاده لن تسمح بذلك.",
            "هاكان فيدان",
            "وزير الخارجية التركي",
            "country:TR",
        ),
        (
            "قالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن موسكو ترفض العقوبات.",
            "ماريا زاخاروفا",
            "المتحدثة باسم الخارجية الروسية",
            "new:organization:وزاره الخارجيه الروسيه",
        ),
        (
            "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف إطلاق النار.",
            "أنطونيو غوتيريش",
            "الأمين العام للأمم المتحدة",
            "org:un",
        ),
        (
            "التقى المبعوث الأممي إلى سوريا غير بيدرسن بوفد من المعارضة.",
            "غير بيدرسن",
            "المبعوث الأممي إلى سوريا",
            "org:un",
        ),
        (
            "مع مبعوثة فرنسا إلى سوريا، السفيرة بريجيت كرمي، والقنصل العام.",
            "بريجيت كرمي",
            "مبعوثة فرنسا إلى سوريا",
            "country:FR",
        ),
        (
            "والقنصل العام الفرنسي في إسطنبول، أوليفر كوفن.",
            "أوليفر كوفن",
            "القنصل العام الفرنسي في إسطنبول",
            "country:FR",
        ),
        (
            "وأعلن قائد قوات سوريا الديمقراطية، مظلوم عبدي، أن قواته ستشارك.",
            "مظلوم عبدي",
            "قائد قوات سوريا الديمقراطية",
            "new:organization:قوات سوريا الديمقراطيه",
        ),
        (
            "قال محمد العبد الله، عضو الهيئة السياسية في المجلس الوطني الكردي، إن الحوار متعثر.",
            "محمد العبد الله",
            "عضو الهيئة السياسية في المجلس الوطني الكردي",
            "new:organization:المجلس الوطني الكردي",
        ),
        (
            "وقال الرئيس الأمريكي دونالد ترامب إن بلاده ستنسحب.",
            "دونالد ترامب",
            "الرئيس الأمريكي",
            "country:US",
        ),
        (
            "قال الباحث في مركز جسور للدراسات عبد الوهاب عاصي إن الاتفاق هش.",
            "عبد الوهاب عاصي",
            "الباحث في مركز جسور للدراسات",
            "new:organization:مركز جسور للدراسات",
        ),
    ],
)
def test_title_patterns(text: str, person: str, title: str, owner: str) -> None:
    result = run(text)
    assert names(result, PERSON) == {person}
    [affiliation] = result.affiliations
    assert (affiliation.title, affiliation.organization_key) == (title, owner)
    assert affiliation.person_key == next(e.key for e in result.entities if e.name == person)
    assert affiliation.evidence in text


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وأوضح سالم المسلط أن الائتلاف يعمل على إعادة الهيكلة.", "سالم المسلط"),
        ("وقالت ليلى الشامي إن الأهالي غادروا.", "ليلى الشامي"),
        ("وقال بدر جاموس، رئيس هيئة التفاوض، إن الحل سياسي.", "بدر جاموس"),
        ("وقال المبعوث الأممي Geir Pedersen إن اللجنة ستجتمع.", "Geir Pedersen"),
        ("وتحدث رئيس الوزراء بنيامين نتنياهو عن العملية.", "بنيامين نتنياهو"),
        ("وقال الرائد يوسف حمود إن الفصائل صدت الهجوم.", "يوسف حمود"),
        ("رئيس الهيئة بدر جاموس يلتقي مبعوثة فرنسا.", "بدر جاموس"),
    ],
)
def test_names_without_a_known_title_owner(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    "text",
    [
        "رئيس الهيئة يلتقي مبعوثة فرنسا إلى سوريا والقنصل الفرنسي في إسطنبول لمناقشة التطورات.",
        "وأكد رئيس الهيئة على ضرورة دفع العملية السياسية.",
        "من جانبه، أكد المسؤولان الفرنسيان دعم بلادهما للقرار.",
        "وقال وزير الخارجية الروسي موقف بلاده ثابت.",
        "أعلن وزير الدفاع بدء عملية عسكرية ضد التنظيم.",
        "وقال مصدر مطلع إن الاجتماع تأجل.",
        "وعلق علي الأمر قائلا إنه مهم.",
        "وقال الوزير إن الحكومة تدرس الخيارات.",
        "قال المبعوث الأممي إلى سوريا إن اللجنة الدستورية ستجتمع.",
    ],
)
def test_no_person_without_a_name(text: str) -> None:
    assert names(run(text), PERSON) == set()


def test_bare_title_or_honorific_gives_no_affiliation() -> None:
    result = run("واستقبل السفير بريجيت كرمي، والدكتور أحمد طعمة.")
    assert names(result, PERSON) == {"بريجيت كرمي", "أحمد طعمة"}
    assert result.affiliations == []


def test_affiliation_to_an_unidentified_body_is_left_out() -> None:
    result = run("قال محمد العبد الله، عضو الهيئة السياسية في الائتلاف، إن المفاوضات متعثرة.")
    assert names(result, PERSON) == {"محمد العبد الله"}
    assert result.affiliations == []


def test_deputy_and_stacked_titles_share_the_country() -> None:
    result = run("وشارك نائب رئيس الوزراء وزير الخارجية التركي هاكان فيدان في الاجتماع.")
    assert {(a.title, a.organization_key) for a in result.affiliations} == {
        ("نائب رئيس الوزراء", "country:TR"),
        ("وزير الخارجية التركي", "country:TR"),
    }


def test_spokesman_for_an_officer_is_one_title() -> None:
    result = run("وأعرب المتحدث باسم الأمين العام للأمم المتحدة ستيفان دوجاريك عن قلقه.")
    [affiliation] = result.affiliations
    assert affiliation.title == "المتحدث باسم الأمين العام للأمم المتحدة"
    assert affiliation.organization_key == "org:un"


def test_title_that_runs_on_before_a_comma_and_a_name() -> None:
    result = run("وقال عضو المجلس الوطني الكردي عن منطقة الجزيرة، طارق الكردي، إن الحوار متوقف.")
    assert names(result, PERSON) == {"طارق الكردي"}
    [affiliation] = result.affiliations
    assert affiliation.title == "عضو المجلس الوطني الكردي عن منطقة الجزيرة"


def test_a_country_after_fi_is_the_owner_of_a_government_role() -> None:
    result = run(
        "وقالت وزيرة الدولة للشؤون الخارجية في تركيا، لولوة الخاطر، إن الحوار مستمر.",
        "وقال المبعوث الخاص إلى سوريا، جون سميث، إن الوضع صعب.",
    )
    owners = {a.title: a.organization_key for a in result.affiliations}
    assert owners["وزيرة الدولة للشؤون الخارجية في تركيا"] == "country:TR"
    assert owners["المبعوث الخاص إلى سوريا"] is None  # sent to Syria, not by it


def test_foreign_first_name_shaped_like_a_verb_after_a_comma() -> None:
    result = run("استقبل المنسقة الخاصة للأمم المتحدة في تركيا، يوانا فرونتسكا، في مكتبه.")
    assert names(result, PERSON) == {"يوانا فرونتسكا"}
