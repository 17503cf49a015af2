"""A mission described by where it serves is the one mission the article names there."""

from actor_support import names, run

from app.extract.model import EntityKind

ORG = EntityKind.ORGANIZATION
SHIPPED = None


def test_a_mission_described_by_its_seat_is_the_named_mission() -> None:
    result = run(
        "ومدد مجلس الأمن ولاية بعثة الأمم المتحدة لدعم اتفاق الحديدة عاما.",
        "وقالت البعثة الأممية في الحديدة إن الهدنة صامدة.",
        data_dir=SHIPPED,
    )
    assert names(result, ORG) == {"مجلس الأمن الدولي", "بعثة الأمم المتحدة لدعم اتفاق الحديدة"}


def test_a_mission_described_by_a_seat_no_named_body_shares_stays_its_own() -> None:
    result = run(
        "ومدد مجلس الأمن ولاية بعثة الأمم المتحدة لدعم اتفاق الحديدة عاما.",
        "وقالت البعثة الأممية في طرابلس إن الهدنة صامدة.",
        data_dir=SHIPPED,
    )
    assert "البعثة الأممية في طرابلس" in names(result, ORG)
