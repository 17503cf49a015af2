"""An office the article names without its holder is the one person who held it then."""

from dataclasses import dataclass
from datetime import date

from app.extract.actors import RuleActorRecognizer
from app.extract.actors.gazetteer import GazEntry, Gazetteer
from app.extract.model import EntityKind, MentionForm
from app.extract.recognizer import ActorResult
from app.ingest.model import Part, TextBlock


@dataclass(frozen=True)
class Term:
    """A role as the typed gazetteer gives it: title, country and years."""

    title: str
    organization: str | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None


def gazetteer() -> Gazetteer:
    g = Gazetteer()
    g.add(GazEntry("country:XA", EntityKind.PLACE, "سوريا", "country", country="XA",
                   demonyms=["سوري"]))  # fmt: skip
    g.add(GazEntry("country:XB", EntityKind.PLACE, "الأردن", "country", country="XB",
                   demonyms=["أردني"]))  # fmt: skip
    terms = {
        "person:first": [Term("رئيس سوريا", country="XA", start=2000, end=2024)],
        "person:second": [Term("رئيس سوريا", country="XA", start=2024)],
        "person:minister": [Term("وزير الخارجية السوري", country="XA", start=2010, end=2020)],
        "person:envoy": [Term("مندوبة الأردن لدى الأمم المتحدة", country="XB", start=2016)],
        "person:envoy2": [Term("مندوب الأردن الدائم لدى الأمم المتحدة", country="XB", start=2009)],
        "person:premier": [Term("رئيس الوزراء السوري", country="XA")],
    }
    for n, (key, roles) in enumerate(terms.items()):
        name = ["سامر الخطيب", "نبيل حداد", "مازن العلي", "ريم الزعبي", "فادي القاسم", "هاني سليم"][
            n
        ]
        g.add(GazEntry(key, EntityKind.PERSON, name, roles=roles))  # type: ignore[arg-type]
    g.add_demonyms()
    return g


RECOGNIZER = RuleActorRecognizer(gazetteer())


def run(text: str, on: date | None) -> ActorResult:
    return RECOGNIZER.recognize([TextBlock(Part.SECTION, 0, text)], on=on)


def holders(result: ActorResult) -> list[tuple[str, str, MentionForm]]:
    return [
        (m.entity_key, m.surface, m.form)
        for m in result.mentions
        if m.entity_key.startswith("person:")
    ]


def titled(result: ActorResult) -> list[tuple[str, str, MentionForm]]:
    return [h for h in holders(result) if h[2] is MentionForm.TITLE]


def test_the_holder_in_the_articles_year() -> None:
    text = "وقال الرئيس السوري إن الحوار مستمر."
    assert holders(run(text, date(2015, 3, 1))) == [
        ("person:first", "الرئيس السوري", MentionForm.TITLE)
    ]
    assert holders(run(text, date(2025, 3, 1))) == [
        ("person:second", "الرئيس السوري", MentionForm.TITLE)
    ]


def test_a_year_two_persons_held_the_office_names_nobody() -> None:
    assert holders(run("وقال الرئيس السوري إن الحوار مستمر.", date(2024, 12, 20))) == []


def test_without_a_date_nobody() -> None:
    assert holders(run("وقال الرئيس السوري إن الحوار مستمر.", None)) == []


def test_the_office_must_be_the_same_in_its_words_and_its_country() -> None:
    year = date(2015, 3, 1)
    assert holders(run("وقال وزير الخارجية السوري إن الحوار مستمر.", year)) == [
        ("person:minister", "وزير الخارجية السوري", MentionForm.TITLE)
    ]
    assert holders(run("وقال وزير الدفاع السوري إن الحوار مستمر.", year)) == []
    assert holders(run("وقال الرئيس الأردني إن الحوار مستمر.", year)) == []


def test_a_holder_the_article_names_wins_over_the_record() -> None:
    result = run(
        "وقال الرئيس السوري رامي سعد إن الحوار مستمر. وأضاف الرئيس السوري أن", date(2015, 3, 1)
    )
    assert {e.name for e in result.entities if e.kind is EntityKind.PERSON} == {"رامي سعد"}


def test_without_a_date_the_one_person_the_article_names_in_that_office() -> None:
    text = "وقال وزير الخارجية السوري إن الحوار مستمر. وكان مازن العلي قد زار عمان."
    assert ("person:minister", "وزير الخارجية السوري", MentionForm.TITLE) in holders(
        run(text, None)
    )


def test_an_office_held_somewhere_is_named_by_its_title_with_qualifiers_or_without() -> None:
    text = "وكانت ريم الزعبي قد وصلت. وقالت المندوبة الأردنية إن الحوار مستمر."
    assert ("person:envoy", "المندوبة الأردنية", MentionForm.TITLE) in holders(run(text, None))
    text = "وكانت ريم الزعبي قد وصلت. وقالت المندوبة الأردنية الدائمة إن الحوار مستمر."
    assert ("person:envoy", "المندوبة الأردنية الدائمة", MentionForm.TITLE) in holders(
        run(text, None)
    )


def test_a_title_short_of_the_office_or_another_office_names_nobody_of_the_article() -> None:
    for title, named in (("الوزير السوري", "مازن العلي"), ("الرئيس السوري", "هاني سليم")):
        text = f"قال {title} إن الحوار مستمر. وزار {named} عمان."
        assert titled(run(text, None)) == []


def test_two_persons_of_the_article_in_that_office_name_nobody() -> None:
    text = "التقت ريم الزعبي فادي القاسم. وقال المندوب الأردني إن الحوار مستمر."
    assert titled(run(text, None)) == []


def test_with_a_date_a_term_that_does_not_cover_it_names_nobody() -> None:
    text = "وقال وزير الخارجية السوري إن الحوار مستمر. وكان مازن العلي قد زار عمان."
    assert titled(run(text, date(2023, 5, 1))) == []


def test_the_un_representative_in_iraq_by_year_from_the_shipped_gazetteer() -> None:
    text = "وقال الممثل الخاص للأمين العام للأمم المتحدة في العراق إن الانتخابات نجحت."
    shipped = RuleActorRecognizer()
    blocks = [TextBlock(Part.SECTION, 0, text)]
    assert (
        titled(shipped.recognize(blocks, on=date(2025, 2, 1)))[0][0] == "person:mohamed-al-hassan"
    )
    # 2018: one representative left and another came: nobody
    assert titled(shipped.recognize(blocks, on=date(2018, 6, 1))) == []
