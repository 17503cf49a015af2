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
    }
    for n, (key, roles) in enumerate(terms.items()):
        name = ["سامر الخطيب", "نبيل حداد", "مازن العلي"][n]
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
