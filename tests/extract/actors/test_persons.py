import pytest
from actor_support import assert_spans_match, names, recognizer, run, surfaces

from app.extract.model import EntityKind
from app.ingest.model import Part, TextBlock

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


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a hyphen inside a compound surname
        ("وصرّحت الوزيرة البلجيكية كلير-ماري بوشار بأن المبادرة مستمرة.", "كلير-ماري بوشار"),
        # an adjective of the title the lexicon lists (independent, resident)
        ("وتساءل النائب المستقل فادي كرم عن مصير الأموال.", "فادي كرم"),
        # a role noun with a possessive pronoun, then a place
        ("وقال سفيرها في موسكو رامي الشاعر إن الزيارة ناجحة.", "رامي الشاعر"),
        # acting head of a mission
        ("وقال القائم بأعمال رئيس البعثة مازن حداد إن الحوار متعثر.", "مازن حداد"),
        # the title names its body by a definite genitive with ل
        ("وقالت المديرة الإقليمية للمنظمة ريم البرغوثي إن الوضع كارثي.", "ريم البرغوثي"),
        # the name ends before the verb's object, or before a preposition on a named body
        ("ورفض المندوب الروسي فاسيلي نيبينزيا القرار أمس.", "فاسيلي نيبينزيا"),
        (
            "وقال المتحدث باسم الجيش جوناثان كونريكوس لوكالة فرانس برس إن الهجوم انتهى.",
            "جوناثان كونريكوس",
        ),
        # a surname that starts with و after a known first name
        ("وأكد نائب المندوب روبرت وود أن بلاده ستعترض.", "روبرت وود"),
        # a first name with the article
        ("وعزل المجلس المحافظ الصادق الكبير من منصبه.", "الصادق الكبير"),
    ],
)
def test_title_then_name_in_more_shapes(text: str, person: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {person}


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "وحذرت الممثلة المقيمة لليونيسف في اليمن، بيتينا شولتز، من تفشي الكوليرا.",
            "بيتينا شولتز",
            "الممثلة المقيمة لليونيسف في اليمن",
        ),
        (
            "ورأى عضو الجبهة الوطنية للتغيير (جود)، عماد الزين، أن الانتخابات مؤجلة.",
            "عماد الزين",
            "عضو الجبهة الوطنية للتغيير",
        ),
        (
            'وقالت مديرة مركز "نسيم" للدعم النفسي في طرابلس، هالة المصري، إن الطلب يتزايد.',
            "هالة المصري",
            'مديرة مركز "نسيم" للدعم النفسي في طرابلس',
        ),
    ],
)
def test_a_title_running_over_names_quotes_and_brackets(text: str, person: str, title: str) -> None:
    result = run(text, data_dir=None)
    assert person in names(result, PERSON)
    assert title in {a.title for a in result.affiliations}


@pytest.mark.parametrize(
    "text",
    [
        "واستقبل سامر وزوجته الضيوف في المطار.",
        "والتقى خالد ووفد الحكومة في القصر.",
        "وقال جون وأضاف أن المحادثات مستمرة.",
    ],
)
def test_a_coordinated_word_after_a_first_name_is_no_surname(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == set()


def test_a_known_surname_after_a_title_is_the_known_person() -> None:
    result = run("وأكد الرئيس أردوغان أن أنقرة لن تتراجع.", data_dir=None)
    assert names(result, PERSON) == {"رجب طيب أردوغان"}
    assert "أردوغان" in next(e for e in result.entities if e.kind is PERSON).aliases


def test_a_nisba_surname_after_a_title_is_left_to_the_title() -> None:
    # "الحوثي" after a title may be its adjective: "the Houthi spokesman"
    assert names(run("وقال المتحدث الحوثي إن الهجمات ستستمر.", data_dir=None), PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a kunya on a known first name, then a preposition on an outlet
        ("وقال الناشط أبو خالد الحمصي لموقع محلي إن القصف مستمر.", "أبو خالد الحمصي"),
        # the body of the title in quotes
        ('ونفى المتحدث باسم "الجبهة الشامية" أيمن رعد وقوع اشتباكات.', "أيمن رعد"),
        # a field of expertise, not a body
        ("ويرى الخبير في الشؤون الروسية سامر إلياس أن موسكو مترددة.", "سامر إلياس"),
        # a portfolio after ل
        ("وقال مساعد وزير الخارجية لشؤون الشرق الأدنى جوزيف كامبل إن واشنطن قلقة.", "جوزيف كامبل"),
        # the bloc an MP sits for
        ("وقال النائب عن كتلة التنمية والتحرير قاسم هاشم إن الجلسة أرجئت.", "قاسم هاشم"),
        # a preposition on a noun ends the name
        ("وردّ الوزير كمال دياب بالقول إن الاتهامات باطلة.", "كمال دياب"),
        # the verb's object after a full name
        ("ونفى المندوب سامي أبو عيسى الاتهامات جملة وتفصيلا.", "سامي أبو عيسى"),
        # a long abstract noun in ـية after a name is the object, not a surname
        ("وحمّل النائب فادي كرم مسؤولية الانهيار للحكومة.", "فادي كرم"),
        ("وقال الوزير عادل عطية إن الخطة جاهزة.", "عادل عطية"),  # a short one is a name
        # between commas, a last word with و is the surname
        ("وقال عضو مجلس المحافظة، حسين علي وتوت، إن الموازنة تأخرت.", "حسين علي وتوت"),
    ],
)
def test_title_complements_and_name_ends(text: str, person: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # آل (folded to ال) links a family name: it is not the article of a new phrase
        ("ووصل الشيخ سعود بن فهد آل مكتوم إلى العاصمة مساء أمس.", "سعود بن فهد آل مكتوم"),
        # a preposition on a listed noun ends the name ("بولاية" = for a term)
        ("وفاز الرئيس المنتهية ولايته ماهر الزين بولاية ثالثة.", "ماهر الزين"),
        # "باسمها": the spokesman of the body just named, then his name
        ("ورفضت النقابة القرار، وقال المتحدث باسمها رامي عبود إن الإضراب مستمر.", "رامي عبود"),
        # الموفد is an envoy like المبعوث
        ("وكان الموفد الفرنسي جان بيار دوبون قد زار المنطقة.", "جان بيار دوبون"),
        # a candidate, with adjectives of state between the role and the name
        ("وحل المرشح الموقوف الطاهر الجلاصي ثالثا في الاقتراع.", "الطاهر الجلاصي"),
        ("ونقل جثمان الرئيس الراحل حسني العلي إلى مسقط رأسه.", "حسني العلي"),
        ("وقال الخبير العسكري العقيد المتقاعد نزار عبود إن الجبهة هادئة.", "نزار عبود"),
        # a field after the role: "الباحث في الشأن التركي"
        ("ويرى الباحث في الشأن التركي مراد الحسيني أن أنقرة تراجعت.", "مراد الحسيني"),
        # a first name that carries the article, and one shaped like a nisba
        ("وقال السفير اليمني، الحارث منصور العبسي، إن الهدنة صامدة.", "الحارث منصور العبسي"),
        ("وقال المرشح العياشي الورغي إن الحملة انطلقت.", "العياشي الورغي"),
        # a Chinese name opens on the family name
        ("وأكد المندوب الصيني وانغ لي أن بكين تدعم الحل.", "وانغ لي"),
        # a name in ن is no first-person verb after a title
        ("وقالت المقررة الخاصة نافين كومار إن التقرير سيصدر قريبا.", "نافين كومار"),
        # links do not count toward the length of a name in a loose apposition
        (
            "وقال أستاذ الاقتصاد في الجامعة، سامر أبو عبد الله، إن الأسعار سترتفع.",
            "سامر أبو عبد الله",
        ),
    ],
)
def test_more_names_after_titles(text: str, person: str) -> None:
    assert person in names(run(text), PERSON)


def test_a_first_name_before_a_known_person_names_the_son() -> None:
    result = run("وقال رئيس الحزب، كمال غير بيدرسن، إن الاجتماع انتهى.")
    assert names(result, PERSON) == {"كمال غير بيدرسن"}


def test_a_compound_name_written_joined_is_the_known_person() -> None:
    result = run("والتقى الشيخ عبدالله بن زايد آل نهيان وفدا أمميا.", data_dir=None)
    assert "person:abdullah-bin-zayed" in {e.key for e in result.entities}


def test_a_known_name_goes_on_with_its_family() -> None:
    result = run("وأرسل الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة.", data_dir=None)
    king = next(e for e in result.entities if e.key == "person:king-salman")
    assert [m.surface for m in result.mentions if m.entity_key == king.key] == [
        "سلمان بن عبدالعزيز آل سعود"
    ]


def test_a_verbal_noun_in_n_after_a_title_is_the_object() -> None:
    assert names(run("وأكد الرئيس نجاح الزيارة في تحقيق أهدافها."), PERSON) == set()


def test_a_chinese_name_is_named_again_by_its_family_name_first() -> None:
    result = run(
        "وقال المندوب الصيني تشانغ جون إن المشروع متوازن.",
        "وأضاف تشانغ أن بلاده ستصوت لصالحه.",
    )
    assert surfaces(result, "تشانغ جون") == ["تشانغ جون", "تشانغ"]


def test_a_nationality_set_off_by_commas_between_title_and_name() -> None:
    result = run("وصل المبعوث الخاص إلى سوريا، الفرنسي، ماركو رينالدي، إلى دمشق أمس.")
    assert "ماركو رينالدي" in names(result, EntityKind.PERSON)
    assert "فرنسا" in names(result, EntityKind.PLACE)


def test_names_coordinated_after_a_plural_title_are_each_a_person() -> None:
    result = run("ترشح للمنصب النواب سامر الخطيب، ونبيل حداد، ومازن العلي.")
    assert names(result, EntityKind.PERSON) == {"سامر الخطيب", "نبيل حداد", "مازن العلي"}


def test_names_coordinated_after_a_dual_title() -> None:
    result = run("والتقى الوزيران سامر الخطيب ونبيل حداد في دمشق.")
    assert names(result, EntityKind.PERSON) == {"سامر الخطيب", "نبيل حداد"}
    assert result.affiliations == []  # a title of two says nothing of one office


def test_a_coordinated_word_that_is_no_name_ends_the_list() -> None:
    result = run("وقال الوزير سامر الخطيب وعلي الطاولة ملفات كثيرة.")
    assert names(result, EntityKind.PERSON) == {"سامر الخطيب"}


def test_a_surname_spelled_like_a_modifier_without_its_hamza() -> None:
    result = run("وترأس الجلسة النائب عامر الفايز، الذي أعلن إغلاق الباب.", "وهنأ المرشح الفائز.")
    assert names(result, EntityKind.PERSON) == {"عامر الفايز"}
    assert surfaces(result, "عامر الفايز") == ["عامر الفايز"]


def test_a_definite_title_right_after_a_quoted_speaker_is_his_apposition() -> None:
    result = run("وقال ماركو رينالدي المتحدث باسم الأمم المتحدة إن القافلة وصلت.")
    assert names(result, EntityKind.PERSON) == {"ماركو رينالدي"}
    (role,) = result.affiliations
    assert role.title == "المتحدث باسم الأمم المتحدة"


def test_a_representative_at_a_body_named_with_bi() -> None:
    result = run("وقال مندوب سوريا الدائم بالأمم المتحدة، ماهر زيدان، إن الجلسة انتهت.")
    assert names(result, EntityKind.PERSON) == {"ماهر زيدان"}


def test_a_broadcaster_is_a_title() -> None:
    result = run("وقال في حوار مع الإعلامي الفرنسي جان مارتينو إن الدور تاريخي.")
    assert names(result, EntityKind.PERSON) == {"جان مارتينو"}


def test_a_name_in_an_editors_brackets_after_a_title() -> None:
    result = run("وسألته عن لقاء الملك (سلمان بن حمد) بالوفد.", "وكان الرئيس (المنتخب) قد غادر.")
    assert names(result, EntityKind.PERSON) == {"سلمان بن حمد"}


def test_a_list_of_countries_each_with_its_minister() -> None:
    result = run("وحضر وزراء خارجية فرنسا جان مارتينو وتركيا سامر الخطيب وروسيا نبيل حداد.")
    assert names(result, EntityKind.PERSON) == {"جان مارتينو", "سامر الخطيب", "نبيل حداد"}
    assert {"فرنسا", "تركيا", "روسيا"} <= names(result, EntityKind.PLACE)


def test_a_known_surname_after_a_title_before_a_definite_word() -> None:
    result = run("وتضمن الملحق خطة الأمين العام غوتيريش المكونة من عشر نقاط.")
    assert names(result, EntityKind.PERSON) == {"أنطونيو غوتيريش"}


def test_the_object_of_the_verb_is_no_part_of_the_name() -> None:
    result = run("ورفض مندوب سوريا سامر خليل حداد نص القرار.")
    assert names(result, EntityKind.PERSON) == {"سامر خليل حداد"}


def test_a_surname_with_its_link_names_the_person_again() -> None:
    result = run("وقال الأمين العام للجامعة سامر أبو الخير إن القمة ناجحة.", "وأضاف أبو الخير أن")
    assert surfaces(result, "سامر أبو الخير") == ["سامر أبو الخير", "أبو الخير"]


def test_a_full_name_opened_by_a_first_name_after_a_preposition() -> None:
    result = run("وفرض المجلس عقوبات على سامر عبدالكريم الخطيب، قائد المجموعة.")
    assert names(result, EntityKind.PERSON) == {"سامر عبدالكريم الخطيب"}


def test_a_first_name_that_is_a_common_word_opens_nothing_alone() -> None:
    result = run("وأكد أن الحل يقوم على حسن النية، وأن شهر رمضان المبارك فرصة.")
    assert names(result, EntityKind.PERSON) == set()


def test_a_name_at_a_lines_start_needs_a_cue() -> None:
    result = run("سامر عبد الله الخطيب\nوصل الوفد إلى المدينة.")
    assert names(result, EntityKind.PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a cleric's rank is two words and its degree; سيد after it may lack the article
        ("واستقبل آية الله العظمى سيد حسن الموسوي الوفد أمس.", "حسن الموسوي"),
        ("وقال آية الله كامل الحيدري في خطبته إن الوضع صعب.", "كامل الحيدري"),
        # a courtesy title before the office
        ("وقال فخامة الرئيس نزار عبود إن البلاد متمسكة بالقرار.", "نزار عبود"),
        # "the late"
        ("وأشاد الخطيب بدور الراحل جمال الحداد في تلك الحقبة.", "جمال الحداد"),
        # a rank with its grade or corps
        ("وأعلن اللواء الركن يحيى رسول أن القوات تقدمت.", "يحيى رسول"),
        ("والتقى الوزير بالفريق أول كمال عبود في العاصمة.", "كمال عبود"),
    ],
)
def test_names_after_honorifics_ranks_and_the_late(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_a_cleric_addressed_with_a_courtesy_title_is_no_name_himself() -> None:
    result = run("وزار الوزير سماحة آية الله العظمى الشيخ كامل الحيدري في مكتبه.")
    assert names(result, PERSON) == {"كامل الحيدري"}


def test_a_word_in_the_indefinite_accusative_ends_the_name() -> None:
    result = run("وقدم السفير نزار عبود شرحاً مفصلاً للأوضاع.")
    assert names(result, PERSON) == {"نزار عبود"}


def test_a_first_name_in_an_editors_brackets_before_the_surname() -> None:
    result = run("والتقى الرئيس (سامر) الخطيب الوفد الزائر.")
    assert names(result, PERSON) == {"سامر الخطيب"}


@pytest.mark.parametrize(
    "text",
    [
        # ب on a noun that begins with ب, after a rank that is also a word (team)
        "وجرى خلاله تنوير الفريق ببرنامج الزيارات المقبلة.",
        # authorities of the enemy: common nouns after a title
        "ودعا المسؤول الأممي سلطات العدو إلى التعاون.",
        # a role that is an adjective of the noun before it
        "وقال في لقاء إعلامي أعقب جلسة التصويت إن القرار واضح.",
        # after a title that runs on, a phrase between commas is no name
        "وأشاد برؤية الملك وخياراته، لفائدة التفاوض، في خطابه.",
    ],
)
def test_phrases_that_look_like_names_after_titles(text: str) -> None:
    assert names(run(text), PERSON) == set()


def test_names_listed_after_kull_min_with_no_title() -> None:
    result = run("وحضر الاجتماع كل من سامر الخطيب ونبيل حداد وجمال العلي.")
    assert names(result, PERSON) == {"سامر الخطيب", "نبيل حداد", "جمال العلي"}


def test_a_known_surname_after_a_speech_verb() -> None:
    result = run("وقال غوتيريش إن الوضع خطير.", data_dir=None)
    assert "person:antonio-guterres" in {e.key for e in result.entities}


@pytest.mark.parametrize("text", ["لافروف: موسكو لن تسمح بذلك", "لافروف يحذر من التصعيد"])
def test_a_headline_that_opens_on_a_known_surname(text: str) -> None:
    result = run(text, data_dir=None)
    assert "person:sergey-lavrov" in {e.key for e in result.entities}


def test_a_surname_after_the_martyr_is_not_the_living_namesake() -> None:
    result = run("وزار الوفد مكتب الشهيد الصدر في النجف.", data_dir=None)
    assert names(result, PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # foreign first names shaped like a verb (يـ) or a preposition on a word (بـ، لـ)
        ("وقال الحاخام يتسحاق برنر إن القرار مرفوض.", "يتسحاق برنر"),
        ("وقالت النائبة بولا حداد إن البرلمان مقصر.", "بولا حداد"),
        ("وقال السيناتور ليندسي كارتر إن الكونغرس سيتحرك.", "ليندسي كارتر"),
        # a first name shaped like a verb (تـ) opens a name after a speech verb
        ("وقال تامير حداد إن الجيش غير مستعد.", "تامير حداد"),
        ("وأكد أوليغ سميرنوف أن موسكو لن تتراجع.", "أوليغ سميرنوف"),
    ],
)
def test_listed_foreign_first_names_open_a_name(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_a_counterpart_is_a_title() -> None:
    result = run("وتسلم الرئيس رسالة من نظيره جان لوك مارتان.")
    assert names(result, PERSON) == {"جان لوك مارتان"}


def test_a_noun_and_its_adjective_in_the_accusative_are_no_name() -> None:
    result = run("وأجرى وزير الخارجية اتصالا هاتفيا مع الوفد.")
    assert names(result, PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("والتقى سامر حداد بالوفد الأممي في العاصمة.", "سامر حداد"),
        ("واستقبل نبيل عبود في مكتبه سفير فرنسا.", "نبيل عبود"),
        ("وبحسب كمال حداد فإن الاتفاق قريب.", "كمال حداد"),
    ],
)
def test_a_known_first_name_after_a_verb_of_meeting_or_a_source_cue(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال د. سامر حداد إن الوضع صعب.", "سامر حداد"),
        ("وأكد د.نبيل عبود أن الحل سياسي.", "نبيل عبود"),
        ("وقال م. كمال الخطيب إن المشروع جاهز.", "كمال الخطيب"),
    ],
)
def test_a_name_after_an_abbreviated_honorific(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_an_abbreviated_honorific_after_a_mastheads_label_is_chrome() -> None:
    assert names(run("رئيس مجلس الإدارة: د. سامر حداد"), PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال سفير فرنسا هيرفيه لوران إن باريس تدعم.", "هيرفيه لوران"),
        ("وقالت الممثلة الخاصة ليز دوسيه إن المفاوضات ستستأنف.", "ليز دوسيه"),
    ],
)
def test_a_french_name_ending_in_yeh_is_no_pronoun(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_a_first_name_that_is_a_role_noun_after_a_rank() -> None:
    result = run("والتقى الوفد بالفريق أول سلطان الحداد في العاصمة.")
    assert names(result, PERSON) == {"سلطان الحداد"}


def test_a_role_of_the_country_after_a_courtesy_title_is_no_name() -> None:
    result = run("ورسم ملامحها سمو أمير البلاد قبل عقود.")
    assert names(result, PERSON) == set()


def test_a_full_name_after_a_noun_of_meeting_then_its_title() -> None:
    result = run("جاء ذلك خلال استقبال سامر بن خليل الحداد مندوب السلطنة الدائم الوفد.")
    assert "سامر بن خليل الحداد" in names(result, PERSON)


def test_a_headline_quoting_its_speaker_before_a_colon() -> None:
    blocks = [TextBlock(Part.TITLE, 0, "سامر حداد: الحل سياسي")]
    result = recognizer().recognize(blocks)
    assert {e.name for e in result.entities if e.kind is PERSON} == {"سامر حداد"}


def test_a_name_before_a_colon_in_the_body_may_be_a_byline() -> None:
    assert names(run("سامر حداد: وصل الوفد إلى المدينة أمس."), PERSON) == set()


def test_a_name_after_a_quoted_body_of_the_title_and_a_comma() -> None:
    result = run('وجاء ذلك خلال لقائه مع قائد "اليونيفيل"، جان مارتان، في القصر.', data_dir=None)
    assert names(result, PERSON) == {"جان مارتان"}


def test_a_known_name_with_the_fathers_name_added_is_the_known_person() -> None:
    result = run("وقال الوزير عبد اللطيف بن راشد الزياني إن المملكة تدعم.", data_dir=None)
    assert "person:abdullatif-al-zayani" in {e.key for e in result.entities}


def test_after_members_a_noun_phrase_is_no_list_of_names() -> None:
    result = run("وجدد القرار تفويض الدول الأعضاء باعتراض السفن المشبوهة.")
    assert names(result, PERSON) == set()


def test_a_global_adjective_is_no_surname() -> None:
    result = run("وأشاد بإنشاء مركز الملك سامر العالمي للتسامح.")
    assert names(result, PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال المطران جاد الله حنا إن الكنيسة مفتوحة للجميع.", "جاد الله حنا"),
        ("وقال المطران جادالله حنا إن الكنيسة مفتوحة للجميع.", "جادالله حنا"),
    ],
)
def test_a_compound_first_name_in_allah_goes_on_to_the_surname(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_a_pious_phrase_run_together_is_no_name() -> None:
    assert names(run("وقال الوزير إنشاءالله نصل إلى اتفاق."), PERSON) == set()


def test_the_mauritanian_son_of_link_inside_a_name() -> None:
    result = run("وقال وزير الخارجية سامر سالم ولد حداد إن بلاده تدعم الحل.")
    assert names(result, PERSON) == {"سامر سالم ولد حداد"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال مراسل القناة وائل حداد إن القصف مستمر منذ الصباح.", "وائل حداد"),
        ("وقالت القائمة بأعمال السفارة الكندية ريتا حداد إن بلادها ملتزمة.", "ريتا حداد"),
        ("وقالت رئيسة بعثة الاتحاد الأوروبي إلى اليمن ماريون كلود إن الحل سياسي.", "ماريون كلود"),
    ],
)
def test_a_title_running_on_past_its_grammar_then_a_full_name_with_no_comma(
    text: str, person: str
) -> None:
    assert names(run(text), PERSON) == {person}


def test_after_a_title_that_runs_on_an_everyday_first_name_opens_no_name() -> None:
    result = run("وأكد رئيس الوزراء التزام الحكومة حسن النية في المفاوضات.")
    assert names(result, PERSON) == set()


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وشارك في الندوة الباحثون سامر حداد ونبيل عبود.", {"سامر حداد", "نبيل عبود"}),
        ("وتحدثت الصحفيتان ليلى خوري وهالة الخطيب في المؤتمر.", {"ليلى خوري", "هالة الخطيب"}),
    ],
)
def test_a_plural_or_dual_of_any_role_opens_a_list_of_names(text: str, persons: set[str]) -> None:
    assert names(run(text), PERSON) == persons


def test_a_plural_role_before_a_noun_phrase_opens_no_list() -> None:
    assert names(run("واجتمع المراسلون مساء أمس في النادي."), PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("واعتقلت القوات الأسير المحرر سامر حداد من منزله.", "سامر حداد"),
        ("وأصدرت المحكمة حكمها على المتهم نبيل عبود أمس.", "نبيل عبود"),
        ("وتحدث الأكاديمي المصري كمال الخطيب عن الأزمة.", "كمال الخطيب"),
    ],
)
def test_roles_of_people_in_the_news_beyond_office(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_an_everyday_adjective_shaped_like_a_role_needs_the_article() -> None:
    result = run("وأعلنت الوزارة إدراج الشركة على قائمة العقوبات، متهمة الجماعة بتمويلها.")
    assert names(result, PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال مراسلنا في غزة وائل حداد إن القصف مستمر.", "وائل حداد"),
        ("وقالت مراسلتنا في بيروت سامية خوري إن الوضع هادئ.", "سامية خوري"),
    ],
)
def test_the_outlets_own_reporter(text: str, person: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {person}


def test_a_verbal_noun_after_a_preposition_ends_the_name() -> None:
    result = run("وطالب رئيس البلدية سامر حداد بتدخل الدولة لإنقاذ المدينة.")
    assert names(result, PERSON) == {"سامر حداد"}


@pytest.mark.parametrize(
    "text",
    [
        "وتضمنت خطة غوتيريش ثلاث مراحل للتهدئة.",
        "ويرى الكاتب أن غوتيريش أخفق في مهمته.",
        "وعاد الوفد بعد لقاء وغوتيريش يواصل مشاوراته.",
    ],
)
def test_a_known_foreigners_surname_said_alone(text: str) -> None:
    result = run(text)
    assert {e.key for e in result.entities if e.kind is PERSON} == {"person:antonio-guterres"}


def test_a_foreign_surname_after_another_first_name_is_another_man() -> None:
    result = run("وحضر اللقاء كارلوس غريفيث ممثلا عن الشركة.", data_dir=None)
    assert "person:martin-griffiths" not in {e.key for e in result.entities}


def test_a_name_after_a_speech_verb_then_a_definite_office_named_further_on() -> None:
    result = run("وقال إيلوي ألفارو دي ألبا، السفير والممثل الدائم لبلاده، إن المجلس منقسم.")
    assert names(result, PERSON) == {"إيلوي ألفارو دي ألبا"}


def test_then_qualifies_the_title_and_names_no_one() -> None:
    result = run("وبعث رئيس الوزراء آنذاك رسالة إلى الحاكم.")
    assert names(result, PERSON) == set()


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وقال السفير على الصادق المتحدث باسم الوزارة إن القرار مرفوض.", {"على الصادق"}),
        ("وقال السفير على الصادق، إن القرار مرفوض.", {"على الصادق"}),
        ("وشدد الوزير على الصادق من الوعود.", set()),
        ("وأكد السفير على حسن العلاقات بين البلدين.", set()),
    ],
)
def test_the_name_ali_typed_as_the_preposition_right_after_a_title(
    text: str, persons: set[str]
) -> None:
    assert names(run(text), PERSON) == persons


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("ويقول سامر حداد إن الوضع صعب.", "سامر حداد"),
        ("وتقول ليلى خوري إن الحل بعيد.", "ليلى خوري"),
        ("وغرد نبيل عبود قائلا إن الحرب ستنتهي.", "نبيل عبود"),
        ("وكتب كمال الخطيب في مقاله أن الحكومة فشلت.", "كمال الخطيب"),
    ],
)
def test_a_name_after_a_present_tense_or_written_speech_verb(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_a_kunya_on_a_first_name_after_a_speech_verb() -> None:
    result = run("وقال أبو محمد الحلبي، وهو قيادي في الفصيل، إن الهجوم صد.")
    assert names(result, PERSON) == {"أبو محمد الحلبي"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ('استقبل وزير الداخلية بالوكالة "كريم ناصر الحداد" وفدا من النقابة.', "كريم ناصر الحداد"),
        ("وطالبت الجمعية بالإفراج عن الناشطة «ليلى حسن» قبل العيد.", "ليلى حسن"),
        ("وقال الشهود إن القتيل (خالد العمري) كان أعزل.", "خالد العمري"),
    ],
)
def test_a_name_in_quotes_or_brackets_right_after_a_title(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


def test_a_quoted_phrase_after_a_title_is_no_name() -> None:
    assert names(run('وقال الوزير "الحكومة باقية" أمام الصحفيين.'), PERSON) == set()


def test_acting_in_office_opens_no_agency() -> None:
    result = run('وصل الوزير بالوكالة "نبيل سامر عبود" إلى العاصمة.')
    assert names(result, PERSON) == {"نبيل سامر عبود"}
    assert names(result, EntityKind.ORGANIZATION) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("كان الرئيس محمد ولد الشيخ أحمد أول رئيس منتخب.", "محمد ولد الشيخ أحمد"),
        ("وقال الوزير سعد بن الشيخ حمد إن الاتفاق قريب.", "سعد بن الشيخ حمد"),
    ],
)
def test_a_role_word_after_son_of_stays_in_the_name(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    "text",
    [
        "وصل رئيس المجلس الرئاسي الليبي محمد يونس المنفي إلى القاهرة. وقال محمد المنفي إنها مهمة.",
        "وصل رئيس المجلس الرئاسي الليبي محمد المنفي إلى القاهرة. وكان محمد منفي سفيرا في أثينا.",
    ],
)
def test_a_fuller_or_bare_surname_form_is_the_same_person(text: str) -> None:
    result = run(text, data_dir=None)
    assert len([e for e in result.entities if e.kind is PERSON]) == 1


def test_two_brothers_of_one_family_stay_two() -> None:
    result = run("وحضر الوزير كريم ناصر الحداد، والنائب سامر الحداد، ثم غادرا.", data_dir=None)
    assert names(result, PERSON) == {"كريم ناصر الحداد", "سامر الحداد"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وهنأت السفيرة ألينا ماركوفا، الحكومة الجديدة.", "ألينا ماركوفا"),
        ("استقبل المطران سيزار خوري الوفد.", "سيزار خوري"),
    ],
)
def test_foreign_first_names_after_a_title(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وأصيب الشاب كريم ناصر الحداد برصاص الدورية.", "كريم ناصر الحداد"),
        ("واعتقلت الشرطة المواطن سامر عادل الخطيب من منزله.", "سامر عادل الخطيب"),
        ("وقتل الطفل يوسف عمر حمدان في القصف.", "يوسف عمر حمدان"),
        ("وألقي القبض على المدعو ماهر سليم الخطيب في المدينة.", "ماهر سليم الخطيب"),
        ("وطالبت بمصير الصحفي الكندي المفقود نبيل سامر عبود منذ سنوات.", "نبيل سامر عبود"),
    ],
)
def test_victims_and_people_in_the_news_after_a_noun_of_who_they_are(
    text: str, person: str
) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    "text",
    [
        "وقال المواطن إن الوضع صعب.",
        "وأصيب الشاب الفلسطيني برصاص الدورية.",
        "يعاني المواطن العادي من الغلاء.",
    ],
)
def test_such_a_noun_without_a_name_names_nobody(text: str) -> None:
    assert names(run(text), PERSON) == set()


def test_a_list_of_names_goes_on_past_a_title_set_off_by_commas() -> None:
    text = (
        "والتقى الوزير نبيل عبود، وعماد سالم، رئيس جهاز المخابرات العامة المكلف، وطارق حسن"
        " القائم بأعمال السفارة."
    )
    assert names(run(text), PERSON) == {"نبيل عبود", "عماد سالم", "طارق حسن"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # Maghreb, Gulf, Yemeni, Coptic, Kurdish and foreign first names, and a compound
        # written as one word: each opens a name after a speech verb with no title
        ("وقال رمطان بوزيد إن الحوار متعثر.", "رمطان بوزيد"),
        ("وأكد عيدروس سالم أن الاتفاق صامد.", "عيدروس سالم"),
        ("وقالت لمياء الخطيب إن المعبر مغلق.", "لمياء الخطيب"),
        ("وأضاف عبدالرحيم الحسني أن اللجنة ستجتمع.", "عبدالرحيم الحسني"),
        ("وقال تواضروس جرجس إن الكنيسة تدين الهجوم.", "تواضروس جرجس"),
        ("وقال كوسرت أحمد إن الإقليم ملتزم بالاتفاق.", "كوسرت أحمد"),
        ("وقال يورغن مولر إن برلين تدعم الهدنة.", "يورغن مولر"),
    ],
)
def test_a_widely_listed_first_name_opens_a_name_after_a_speech_verb(
    text: str, person: str
) -> None:
    assert names(run(text), PERSON) == {person}


def test_widely_listed_first_names_open_each_name_of_a_list() -> None:
    result = run("وحضر اللقاء النواب سامر الخطيب ورعد حداد وتيمور سليمان.")
    assert names(result, PERSON) == {"سامر الخطيب", "رعد حداد", "تيمور سليمان"}


@pytest.mark.parametrize(
    "text",
    [
        "وقال كامل أعضاء الوفد إن الحل سياسي.",
        "وأكد صائب الرأي أن الحل سياسي.",
        "وعبر الأمين العام عن فائق التقدير لجهود الوسطاء.",
    ],
)
def test_a_word_that_is_also_a_name_but_mostly_an_adjective_opens_none(text: str) -> None:
    assert names(run(text), PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # an everyday word that is a first name too, then a family name, after a title
        # that runs on past what the grammar reads
        ("ثم تحدث سفير النوايا الحسنة جمال العتيبي الذي دعا إلى الحوار.", "جمال العتيبي"),
        ("وقالت رئيسة جمعية الحي أمل الحربي إن المياه مقطوعة.", "أمل الحربي"),
        # or after a noun of who someone is in the story
        ("واعتقلت الشرطة المواطن كمال الشمري من منزله.", "كمال الشمري"),
        # a family name after a speech verb closes a name no known first name opens
        ("وقال عواد الدليمي إن الطريق مقطوع.", "عواد الدليمي"),
    ],
)
def test_a_family_name_shows_the_words_before_it_are_a_name(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    "text",
    [
        "ثم تحدث سفير النوايا حسن النية في الحوار الذي دعا إليه.",
        "وقال سلام الشجعان ليس استسلاما.",
    ],
)
def test_an_everyday_word_with_no_family_name_after_it_opens_none(text: str) -> None:
    assert names(run(text), PERSON) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقالت السفيرة تثيرو باكو، إن البلدين صديقان.", "تثيرو باكو"),
        ("وأكد السفير نيمال تشاندراسيكارا أن بلاده تدعم القرار.", "نيمال تشاندراسيكارا"),
        ("وحضر السفير الأذربيجاني رامز حسنوف حفل الافتتاح.", "رامز حسنوف"),
    ],
)
def test_a_foreign_surname_is_read_by_its_shape(text: str, person: str) -> None:
    assert names(run(text), PERSON) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وحضر الدكتور سامر الأمين نائب رئيس اللجنة.", "سامر الأمين"),
        ("وحضر الدكتور عبد الله السيد و الأستاذ نبيل حداد.", "عبد الله السيد"),
        ("ورافقه مفتي المدينة الشيخ محمد طارق إمام، ثم غادر.", "محمد طارق إمام"),
    ],
)
def test_a_role_word_or_imam_can_be_a_family_name(text: str, person: str) -> None:
    assert person in names(run(text), PERSON)


def test_a_role_word_that_goes_on_into_a_title_is_no_family_name() -> None:
    result = run("وقال سامر حداد الأمين العام للحزب إن الحوار متعثر.")
    assert names(result, PERSON) == {"سامر حداد"}


def test_a_nationality_as_a_noun_is_the_title_of_the_name_after_it() -> None:
    result = run("وجاء التعيين خلفا للفرنسية كليمنتين سلامي في المنصب.")
    assert names(result, PERSON) == {"كليمنتين سلامي"}


def test_a_nationality_before_a_common_noun_names_nobody() -> None:
    assert names(run("وقال الجيش السوري إن الوضع هادئ."), PERSON) == set()


def test_a_known_first_name_opens_a_name_an_apposed_title_follows_mid_clause() -> None:
    text = "وكان بين المعتقلين سامر حداد، باحث منظمة العفو الدولية، ثم أفرج عنه."
    assert names(run(text, data_dir=None), PERSON) == {"سامر حداد"}


def test_a_family_name_in_waw_stays_in_the_name() -> None:
    text = "وكان بين المعتقلين دانييل ويليامز، باحث منظمة العفو الدولية، ثم أفرج عنه."
    assert names(run(text, data_dir=None), PERSON) == {"دانييل ويليامز"}


def test_a_known_first_name_ends_the_name_of_a_body_before_it() -> None:
    result = run("وحضر رئيس بلدية مجدلا محمد الأسمر، ثم غادر.", data_dir=None)
    assert names(result, PERSON) == {"محمد الأسمر"}
    assert "بلدية مجدلا محمد الأسمر" not in names(result)


def test_a_list_goes_on_past_the_title_of_a_man_the_gazetteer_knows() -> None:
    text = "وحضر عماد الطرابلسي، رئيس جهاز المخابرات، وطارق حسن القائم بأعمال السفارة."
    result = run(text, data_dir=None)
    assert {"عماد الطرابلسي", "طارق حسن"} <= names(result, PERSON)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وهنأ الملك سلمان الرئيس المنتخب بالفوز.", "سلمان بن عبد العزيز"),
        ("وبعث السلطان هيثم برقية تهنئة إلى الرئيس.", "هيثم بن طارق"),
        ("وقال الشيخ تميم إن الحوار ضروري.", "تميم بن حمد آل ثاني"),
    ],
)
def test_a_monarch_named_by_rank_and_first_name(text: str, person: str) -> None:
    assert person in names(run(text, data_dir=None), PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "ودرس في جامعة السلطان قابوس قبل سفره.",
        "وهبطت الطائرة في مطار الملك خالد الدولي.",
        "والتقى الشيخ محمد الوفد.",
    ],
)
def test_a_place_named_after_a_monarch_or_a_shared_first_name_names_none(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == set()


@pytest.mark.parametrize(
    "text",
    [
        "وأبدى المبعوث الخاص مخاوف جدية من التصعيد في المنطقة.",
        "ونقل السفير تحيات القيادة إلى الرئيس في اللقاء.",
        "واتهم النائب الحكومة بإهدار المال العام في المشروع.",
    ],
)
def test_a_common_noun_after_a_title_is_the_object_not_a_name(text: str) -> None:
    assert names(run(text), PERSON) == set()


def test_an_unknown_name_a_foreign_surname_ends_after_a_title_that_runs_on() -> None:
    text = "وتسلم أوراق اعتماد سفير جمهورية كينيا موانغي كاماو، ثم غادر."
    assert names(run(text, data_dir=None), PERSON) == {"موانغي كاماو"}


def test_a_list_goes_on_with_an_unknown_name_a_foreign_surname_ends() -> None:
    result = run("وحضر الوزير سامر حداد، وموانغي كاماو، حفل الافتتاح.", data_dir=None)
    assert names(result, PERSON) == {"سامر حداد", "موانغي كاماو"}


@pytest.mark.parametrize(
    "text",
    ["وصل الوفد. سامر حداد قال إن الحل سياسي.", "سامر حداد يزور دمشق غدا في زيارة رسمية."],
)
def test_a_name_opening_a_sentence_before_its_verb_is_the_subject(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {"سامر حداد"}


def test_an_everyday_first_name_opening_a_sentence_before_a_verb_names_none() -> None:
    assert names(run("وصل الوفد. أمل الجميع قال إن الحل سياسي.", data_dir=None), PERSON) == set()


def test_a_title_glued_to_the_next_word_still_introduces_the_name() -> None:
    # A lost space: "الوزيرالسابق" is the title and its adjective; spans stay on the text.
    text = "وقال الوزيرالسابق سامي الخطيب إن الحوار مستمر."
    result = run(text, data_dir=None)
    assert "سامي الخطيب" in names(result, EntityKind.PERSON)
    assert_spans_match(result, [TextBlock(Part.SECTION, 0, text)])


@pytest.mark.parametrize(
    "text",
    [
        "استقبل قائد الجيش العماد سامر حداد الوفد في مكتبه.",
        "وزار العماد سامر حداد، قائد الجيش، مدينة صور.",
    ],
)
def test_the_army_rank_imad_with_the_article_introduces_a_name(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {"سامر حداد"}


def test_imad_without_the_article_is_a_first_name() -> None:
    assert names(run("وقال عماد الخطيب إن الوضع مستقر.", data_dir=None), PERSON) == {"عماد الخطيب"}


def test_the_rank_stacked_after_an_office_still_introduces_the_name() -> None:
    result = run("التقى رئيس الجمهورية العماد سامر حداد وفدا نيابيا.", data_dir=None)
    assert names(result, PERSON) == {"سامر حداد"}


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وأقام خادم الحرمين الشريفين مأدبة غداء على شرف الضيف.", set()),
        ("بحث الرئيس سامر حداد، اليوم، وخادم الحرمين الشريفين آخر التطورات.", {"سامر حداد"}),
        (
            "حضر اللقاء سفير خادم الحرمين الشريفين لدى العراق سامر الشمري، ومدير المكتب.",
            {"سامر الشمري"},
        ),
    ],
)
def test_the_saudi_kings_style_is_a_title_not_a_name(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


@pytest.mark.parametrize(
    "text",
    [
        "رحب رئيس المجلس بتعيين مبعوثة أممية جديدة إلى ليبيا.",
        "وهنأ رئيس الوزراء نظيره بعيد ميلاد السيدة العذراء.",
    ],
)
def test_adjectives_and_a_feast_after_a_title_are_no_name(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == set()


@pytest.mark.parametrize(
    "text",
    [
        "بحث الوزير مع سفير جمهورية أوزبكستان في عمان كمال تورسون والوفد المرافق له.",
        "واستقبل الرئيس سفير مملكة السويد لدى العراق كمال تورسون، وبحث معه التعاون.",
    ],
)
def test_an_ambassador_styled_by_his_states_form_of_government(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {"كمال تورسون"}


@pytest.mark.parametrize(
    "text",
    [
        "وعقد اللقاء بحضور سامر حداد، المستشار الخاص للأمين العام للأمم المتحدة.",
        "وعقد اللقاء بحضور، سامر حداد المستشار الخاص للأمين العام للأمم المتحدة، والوفد.",
    ],
)
def test_a_name_after_bihudur_before_its_title(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {"سامر حداد"}


def test_bare_words_then_a_definite_noun_coordinated_close_a_name() -> None:
    text = "واستقبل الوزير السفير رسول جمالي والوفد المرافق له."
    assert names(run(text, data_dir=None), PERSON) == {"رسول جمالي"}


@pytest.mark.parametrize(
    "text",
    [
        "واستعرض الوزير مسار المفاوضات والجهود المبذولة.",
        "وبحث الوزير سبل التعاون والتنسيق بين البلدين.",
    ],
)
def test_a_noun_and_its_genitive_before_a_coordinated_noun_are_no_name(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == set()


def test_a_known_surname_alone_in_spaced_quotes_after_a_title() -> None:
    text = 'وأملت الرئاسة أن تتمكن المبعوثة " تيتيه" من إحياء العملية السياسية.'
    assert names(run(text, data_dir=None), PERSON) == {"هانا تيتيه"}


@pytest.mark.parametrize(
    "text",
    [
        "ورحب المجلس بتعيين هانا سيروا تيتيه رئيسة للبعثة.",
        'ورحب المجلس بتعيين " هانا سيروا تيتيه " رئيسة للبعثة.',
    ],
)
def test_a_known_person_written_with_a_middle_name(text: str) -> None:
    result = run(text, data_dir=None)
    assert names(result, PERSON) == {"هانا تيتيه"}
    assert_spans_match(result, [TextBlock(Part.SECTION, 0, text)])


def test_a_middle_word_must_be_able_to_be_a_name() -> None:
    text = "والتقت هانا في تيتيه وفدا من البلدية."
    assert "هانا تيتيه" not in names(run(text, data_dir=None), PERSON)


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وحضر الاجتماع الدكتور مساعد الحربي، وزير الدولة.", {"مساعد الحربي"}),
        ("وحضر الاجتماع الدكتور مساعد الوزير للشؤون الفنية.", set()),
        ("وحضر الاجتماع الدكتور مساعد مدير الجامعة.", set()),
    ],
)
def test_a_role_noun_that_is_a_first_name_after_an_honorific(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وأعلن الوزير سامر حداد لكمال الخطيب موعد الزيارة.", {"سامر حداد"}),
        ("وشاركت القائمة بالأعمال كاترين لاليس في اللقاء.", {"كاترين لاليس"}),
    ],
)
def test_li_on_a_first_name_ends_a_name_but_a_surname_in_la_does_not(
    text: str, persons: set[str]
) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


def test_the_secretary_general_spelled_with_kaf_for_g() -> None:
    text = "ورحب الأمين العام أنطونيو كوتيريس بالاتفاق."
    assert names(run(text, data_dir=None), PERSON) == {"أنطونيو غوتيريش"}


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        (
            "وودع الرئيس سفراء البلاد الجدد في كل من فرنسا سامر حداد، وقبرص نبيل خوري.",
            {"سامر حداد", "نبيل خوري"},
        ),
        (
            "وأدى اليمين السفراء الجدد في كل من اليونان كرم رعد،تشيلي جورج سمعان، كوبا جان نصار.",
            {"كرم رعد", "جورج سمعان", "جان نصار"},
        ),
        ("وتنتشر القوات في كل من سوريا والعراق ولبنان.", set()),
        ("وأجرى الوزير اتصالات مع كل من فرنسا وألمانيا.", set()),
    ],
)
def test_a_list_pairing_each_country_with_a_name(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وقال كل من سامر حداد ونبيل خوري إن الاتفاق صامد.", {"سامر حداد", "نبيل خوري"}),
        ("وشكر الوزير كل من حضر الحفل.", set()),
    ],
)
def test_each_of_then_names(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("وحضر اللقاء رئيس ديوان الرئاسة انتصار الحلبي.", {"انتصار الحلبي"}),
        ("وحضر اللقاء مدير مكتب الوزير انتصار الحلبي.", {"انتصار الحلبي"}),
        ("وعين الرئيس منسقا رفيع المستوى للشؤون الإنسانية وإعادة الإعمار في المدينة.", set()),
        ("وكان في استقباله رئيس دائرة الأوقاف ومدراء الأقسام.", set()),
    ],
)
def test_a_role_in_construct_with_the_office_it_heads(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


def test_a_foreign_first_name_opening_on_a_hamzated_alef() -> None:
    text = "والتقى الوزير السفير الروسي لدى الأردن ألكساندر ميخائيلوف ."
    assert names(run(text, data_dir=None), PERSON) == {"ألكساندر ميخائيلوف"}


def test_a_verbal_noun_opening_on_hamzated_alef_is_no_name() -> None:
    assert names(run("وأعلن الوزير إلغاء الزيارة.", data_dir=None), PERSON) == set()


def test_a_known_father_inside_a_daughters_name() -> None:
    text = "وحضر اللقاء الأميرة ريما بنت بندر بن سلطان بن عبدالعزيز سفيرة المملكة."
    result = run(text, data_dir=None)
    assert "ريما بنت بندر بن سلطان بن عبدالعزيز" in names(result, PERSON)
    assert "بندر بن سلطان" not in names(result, PERSON)


def test_a_blessing_after_a_name_is_no_part_of_it() -> None:
    text = "بعد زيارة مقام السيدة رقية سلام الله عليها، تناول الوفد الغداء."
    assert names(run(text, data_dir=None), PERSON) == set()


@pytest.mark.parametrize(
    "text",
    [
        "ونوه رئيس المجلس بما تقوم به الحكومة من جهود.",
        "بعد لقاء مهم مع رئيس الجمهورية، وزيارة مقام قديم في المدينة القديمة.",
    ],
)
def test_particles_and_coordinated_nouns_after_a_title_are_no_name(text: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == set()


def test_a_compound_din_first_name_takes_a_surname_spelled_like_an_adjective() -> None:
    text = "وحضر اللقاء السفير علاء الدين العسكري."
    assert names(run(text, data_dir=None), PERSON) == {"علاء الدين العسكري"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("انتخب المجلس العميد رسول جمالي رئيسا للجنة.", "رسول جمالي"),
        ("واستقبل الوزير رسول جمالي وفدا من الجالية.", "رسول جمالي"),
    ],
)
def test_an_accusative_role_or_noun_after_a_name_ends_it(text: str, person: str) -> None:
    assert names(run(text, data_dir=None), PERSON) == {person}


def _linked(text: str) -> list[tuple[str, str]]:
    result = run(text, data_dir=None)
    by_key = {e.key: e.name for e in result.entities if e.kind is PERSON}
    return [(m.surface, by_key[m.entity_key]) for m in result.mentions if m.entity_key in by_key]


def test_of_two_known_namesakes_the_title_names_the_one_in_office() -> None:
    text = (
        "انتخب البرلمان جوزاف عون رئيسا خلفا للرئيس السابق ميشال عون. "
        "وقال الرئيس عون إن الإصلاح أولوية."
    )
    assert ("عون", "جوزيف عون") in _linked(text)


def test_of_two_known_namesakes_a_bare_surname_names_neither() -> None:
    text = "وحضر ميشال عون وجوزيف عون الحفل. وقال عون إن البلاد بخير."
    assert [surface for surface, _ in _linked(text)].count("عون") == 0


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        (
            "استقبل الأمير كمال بن سامر الوفد. وقال الأمير كمال عقب اللقاء إنه متفائل.",
            ("كمال", "كمال بن سامر"),
        ),
        ("التقى الوزير كمال الخطيب السفير. وقال كمال إن اللقاء مثمر.", None),
    ],
)
def test_a_first_name_after_a_rank_names_the_articles_prince_again(
    text: str, linked: tuple[str, str] | None
) -> None:
    lone = [pair for pair in _linked(text) if pair[0] == "كمال"]
    assert lone == ([linked] if linked else [])


def test_a_georgian_surname_in_dze_is_no_pronoun() -> None:
    text = "والتقى الوزير الممثل الروسي لدى الأردن غوتشا بواتشيدزه."
    assert names(run(text, data_dir=None), PERSON) == {"غوتشا بواتشيدزه"}


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        (
            "وضم الوفد وعضوي المكتب السياسي سامر الخطيب وفادي العمر، وذلك بحضور المحافظ.",
            {"سامر الخطيب", "فادي العمر"},
        ),
        (
            "واستقبل الرئيس وزيري خارجية البلدين سامر الخطيب وفادي العمر.",
            {"سامر الخطيب", "فادي العمر"},
        ),
        ("وطالب ممثلي الدول الأعضاء بالتحرك.", set()),
        ("وقال إن الارتباط عضوي بين الملفين.", set()),
    ],
)
def test_a_dual_or_plural_title_in_construct_then_two_names(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        (
            "وذلك بحضور مسؤول شعبة البلدة الحاج كمال حداد ومسؤول العلاقات الحاج فادي العمر.",
            {"كمال حداد", "فادي العمر"},
        ),
        ("وأكد الحاج سامر الخطيب أن الأمر مرفوض.", {"سامر الخطيب"}),
        (
            "وقال مندوب البلاد عمر الحاج إن التقرير خاطئ. واعتبر الحاج أن الأمر مرفوض.",
            {"عمر الحاج"},
        ),
        ("ويؤكد البيان الحاجة إلى حل سياسي.", set()),
    ],
)
def test_al_hajj_before_a_first_name_is_an_honorific(text: str, persons: set[str]) -> None:
    assert names(run(text, data_dir=None), PERSON) == persons


def test_al_hajj_inside_a_name_after_an_envoys_republic() -> None:
    text = "وقدم سفير جمهورية بنين كمال الحاج سامر حداد أوراق اعتماده."
    assert names(run(text, data_dir=None), PERSON) == {"كمال الحاج سامر حداد"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وشكر الأمين العام إيران وقائدها الإمام الخامنئي على الدعم.", {"علي خامنئي"}),
        ("وأكد المرجع الديني الأعلى السيد السيستاني أن الوحدة واجبة.", {"علي السيستاني"}),
        ("وقال السيد العراقي إن الوحدة واجبة.", set()),
    ],
)
def test_a_clerics_honorific_takes_a_known_surname_shaped_like_an_adjective(
    text: str, person: set[str]
) -> None:
    assert names(run(text, data_dir=None), PERSON) == person


def test_a_role_noun_in_waw_after_a_first_name_is_the_next_title() -> None:
    text = "والتقى سامر وزير الخارجية العراقي إبراهيم الجعفري في القاهرة."
    assert names(run(text, data_dir=None), PERSON) == {"إبراهيم الجعفري"}
