"""eval/real: the annotation schema, the loader's cache checks, document-level scoring and the
restore script. The texts here are made up for the tests; real excerpts are never committed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from app.extract.model import (
    Citation,
    Entity,
    EntityKind,
    Extraction,
    Mention,
    MentionForm,
    ResolutionBody,
    Span,
    Statement,
)
from app.ingest.model import Part
from eval.gold import EVAL_DIR
from eval.real.__main__ import main
from eval.real.loader import REAL_DIR, load_annotation, load_real_set
from eval.real.restore import main as restore_main
from eval.real.restore import restore
from eval.real.schema import Annotation, RealGold
from eval.real.scoring import demonym_only, is_demonym, score_real

SPAN = Span(Part.SECTION, 0, 0, 1)
TEXT = (
    "قال المبعوث الأممي غير بيدرسن إن الحل يمر بقرار مجلس الأمن 2254.\n"
    "وأضاف بيدرسن أن القوات الروسية ما زالت في دمشق."
)
GOLD: dict[str, Any] = {
    "persons": [{"name": "غير بيدرسون", "aliases": ["غير بيدرسن", "بيدرسن"]}],
    "organizations": [{"name": "مجلس الأمن الدولي", "aliases": ["مجلس الأمن"]}],
    "places": [{"name": "دمشق", "aliases": []}, {"name": "روسيا", "aliases": ["الروسية"]}],
    "resolutions": [{"body": "UNSC", "number": 2254, "year": None}],
    "statements": [
        {"speaker": "غير بيدرسون", "verb": "قال"},
        {"speaker": "غير بيدرسون", "verb": "أضاف"},
    ],
}


def _annotation(excerpt_id: str = "r001", text: str = TEXT, **changes: Any) -> dict[str, Any]:
    doc = {
        "id": excerpt_id,
        "url": f"https://example.org/{excerpt_id}",
        "query": "بيدرسن 2254",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "length": len(text),
        "outlet": "Example",
        "country": "Syria",
        "genre": "wire",
        "split": "dev" if int(excerpt_id[1:]) % 2 else "test",
        "gold": GOLD,
    }
    return {**doc, **changes}


def _write(root: Path, doc: dict[str, Any], text: str | None = TEXT) -> None:
    (root / "annotations").mkdir(parents=True, exist_ok=True)
    (root / ".cache").mkdir(exist_ok=True)
    (root / "annotations" / f"{doc['id']}.json").write_text(json.dumps(doc), encoding="utf-8")
    if text is not None:
        (root / ".cache" / f"{doc['id']}.txt").write_text(text, encoding="utf-8")


def _entity(key: str, name: str, kind: EntityKind) -> Entity:
    return Entity(key=key, name=name, kind=kind)


def _extraction() -> Extraction:
    """What a perfect extractor returns for TEXT: Pedersen named by a variant and his surname."""
    return Extraction(
        entities=[
            _entity("p", "غير بيدرسن", EntityKind.PERSON),
            _entity("o", "مجلس الأمن الدولي", EntityKind.ORGANIZATION),
            _entity("l", "دمشق", EntityKind.PLACE),
        ],
        mentions=[Mention("p", "بيدرسن", SPAN), Mention("o", "مجلس الأمن", SPAN)],
        citations=[Citation(ResolutionBody.UNSC, 2254, None, "2254", SPAN)],
        statements=[
            Statement("p", "المبعوث الأممي غير بيدرسن", "قال", "...", SPAN),
            Statement("p", "بيدرسن", "وأضاف", "...", SPAN),
        ],
    )


def _score(extraction: Extraction, text: str = TEXT) -> Any:
    return score_real("r001", "dev", RealGold.model_validate(GOLD), extraction, text)


def test_schema_accepts_extended_verbs_and_rejects_bad_split_verb_and_speaker() -> None:
    extended = {**GOLD, "statements": [{"speaker": "غير بيدرسون", "verb": "أعرب"}]}
    assert Annotation.model_validate(_annotation(gold=extended)).gold.statements[0].verb == "أعرب"
    with pytest.raises(ValidationError, match="split"):
        Annotation.model_validate(_annotation(split="test"))
    for statements in ([{"speaker": "غير بيدرسون", "verb": "رحب"}],
                       [{"speaker": "نيويورك", "verb": "قال"}]):  # fmt: skip
        with pytest.raises(ValidationError):
            Annotation.model_validate(_annotation(gold={**GOLD, "statements": statements}))
    with pytest.raises(ValidationError):
        Annotation.model_validate(_annotation(sha256="abc"))


def test_loader_reports_missing_and_changed_texts(tmp_path: Path) -> None:
    _write(tmp_path, _annotation("r001"))
    _write(tmp_path, _annotation("r002"), text=None)
    _write(tmp_path, _annotation("r003"), text=TEXT + " ")
    _write(tmp_path, _annotation("r004", split="dev"))
    loaded = load_real_set([tmp_path])
    assert [a.id for a in loaded.articles] == ["r001"]
    assert loaded.missing == ["r002"]
    assert "sha256 mismatch" in loaded.problems["r003"]
    assert "invalid annotation" in loaded.problems["r004.json"]
    assert loaded.annotations == 4


def test_a_perfect_extraction_scores_1_on_every_kind() -> None:
    score = _score(_extraction())
    for kind, result in score.kinds.items():
        assert result.tally.f1 == 1.0, kind
    assert score.ignored_demonym_places == ["روسيا"]


def test_an_actor_matches_through_a_mention_surface_with_a_clitic() -> None:
    extraction = _extraction()
    extraction.entities[0] = _entity("p", "المبعوث غير", EntityKind.PERSON)  # a wrong name
    extraction.mentions = [Mention("p", "لبيدرسن", SPAN)]
    assert _score(extraction).kinds["person"].tally.tp == 1


def test_a_demonym_only_country_is_neither_required_nor_penalized() -> None:
    extraction = _extraction()
    extraction.entities.append(_entity("r", "روسيا", EntityKind.PLACE))
    place = _score(extraction).kinds["place"].tally
    assert (place.tp, place.fp, place.fn) == (1, 0, 0)
    russia = RealGold.model_validate(GOLD).places[1]
    assert demonym_only(russia, TEXT)
    assert not demonym_only(russia, TEXT + " وصل إلى روسيا")


def test_demonyms_are_adjectives_not_spellings_of_the_name() -> None:
    assert all(map(is_demonym, ["الأميركي", "الإسرائيلية", "السوريين", "فيتنامي", "فلبينيان"]))
    assert not any(map(is_demonym, ["سورية", "سوريا", "الجمهورية العربية السورية"]))


def test_each_actor_counts_once_per_article_and_a_duplicate_is_a_false_positive() -> None:
    extraction = _extraction()
    extraction.mentions += [Mention("l", "دمشق", SPAN)] * 3
    assert _score(extraction).kinds["place"].tally.fp == 0
    extraction.entities.append(_entity("l2", "بدمشق", EntityKind.PLACE))
    assert _score(extraction).kinds["place"].tally.fp == 1


def test_a_resolution_with_the_wrong_body_is_a_miss_and_a_body_error() -> None:
    extraction = _extraction()
    extraction.citations = [Citation(ResolutionBody.UNKNOWN, 2254, None, "2254", SPAN)]
    score = _score(extraction)
    tally = score.kinds["resolution"].tally
    assert (tally.tp, tally.fp, tally.fn) == (0, 1, 1)
    assert score.body_errors == ["UNSC 2254 read as unknown"]


def test_statements_are_speaker_verb_pairs_once_per_article_and_speakers_alone() -> None:
    extraction = _extraction()
    extraction.statements = [
        Statement("p", "بيدرسن", "قال", "...", SPAN),
        Statement("p", "بيدرسن", "قالت", "...", SPAN),  # the same pair again
        Statement("p", "بيدرسن", "أكد", "...", SPAN),  # a verb gold does not have
        Statement(None, "مصادر", "قالت", "...", SPAN),  # an anonymous speaker
    ]
    score = _score(extraction)
    pairs, speakers = score.kinds["statement"].tally, score.kinds["speaker"].tally
    assert (pairs.tp, pairs.fp, pairs.fn) == (1, 2, 1)
    assert (speakers.tp, speakers.fp, speakers.fn) == (1, 1, 0)


def test_restore_writes_only_texts_whose_hash_matches(tmp_path: Path) -> None:
    _write(tmp_path, _annotation("r001"), text=None)
    _write(tmp_path, _annotation("r002"), text=None)
    answer = {"results": [
        {"url": "https://example.org/r001", "excerpt": TEXT},
        {"url": "https://example.org/r002", "excerpt": TEXT + "!"},
        {"url": "https://example.org/other", "excerpt": TEXT},
    ]}  # fmt: skip
    done = restore([answer], tmp_path)
    assert (done.written, done.mismatched) == (["r001"], ["r002"])
    assert (tmp_path / ".cache" / "r001.txt").read_text(encoding="utf-8") == TEXT
    assert not (tmp_path / ".cache" / "r002.txt").exists()


def test_restore_accepts_a_shortened_url_only_with_the_recorded_text(tmp_path: Path) -> None:
    long_one = {"url": "https://example.org/news/a-very-long-slug-of-the-story"}
    _write(tmp_path, _annotation("r001", **long_one), text=None)
    other = _annotation(
        "r003", text=TEXT + "!!", url="https://example.org/news/a-very-long-slug-of"
    )
    _write(tmp_path, other, text=None)
    answer = {"results": [
        {"url": "https://example.org/news/a-very-long-slug", "excerpt": TEXT},
        {"url": "https://example.org/news/a-very-long-slug-of", "excerpt": TEXT + "!"},
    ]}  # fmt: skip
    done = restore([answer], tmp_path)
    assert (done.written, done.mismatched) == (["r001"], ["r003"])
    assert (tmp_path / ".cache" / "r001.txt").read_text(encoding="utf-8") == TEXT


def test_restore_lists_each_missing_query_once_with_its_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, _annotation("r001"), text=None)
    _write(tmp_path, _annotation("r002"), text=None)
    _write(tmp_path, _annotation("r003"))
    assert restore_main(["--root", str(tmp_path), "--list"]) == 0
    assert capsys.readouterr().out == "بيدرسن 2254\tr001 r002\n"


def test_cli_says_how_to_restore_when_the_cache_is_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, _annotation("r001"), text=None)
    assert main(["--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "cached texts absent" in out and "eval.real.restore" in out


def test_cli_hides_test_misses_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, _annotation("r002"))
    main(["--root", str(tmp_path), "--misses", "--json"])
    assert json.loads(capsys.readouterr().out)["misses"] == {}
    main(["--root", str(tmp_path), "--split", "test", "--misses", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert "audit only" in " ".join(doc["notices"])


COMMITTED = sorted((REAL_DIR / "annotations").glob("*.json"))


@pytest.mark.parametrize("path", COMMITTED, ids=[p.stem for p in COMMITTED])
def test_committed_annotations_validate(path: Path) -> None:
    load_annotation(path)


def test_committed_excerpts_are_distinct_and_not_excluded() -> None:
    urls = [load_annotation(p).url for p in COMMITTED]
    assert len(urls) == len(set(urls))
    excluded_list = EVAL_DIR.parent.parent / "shared" / "eval-excluded-urls.sha256"
    if excluded_list.is_file():
        excluded = set(excluded_list.read_text(encoding="utf-8").split())
        assert not [u for u in urls if hashlib.sha256(u.encode()).hexdigest() in excluded]


def test_the_cache_of_third_party_texts_is_git_ignored() -> None:
    # Without a trailing slash: the pattern also ignores a symlink to a shared cache.
    assert (
        "eval/real/.cache"
        in (EVAL_DIR.parent / ".gitignore").read_text(encoding="utf-8").splitlines()
    )


def test_an_actor_known_only_by_a_role_is_not_scored() -> None:
    extraction = _extraction()
    extraction.entities.append(_entity("x", "سامر الخطيب", EntityKind.PERSON))
    extraction.mentions.append(Mention("x", "الرئيس السوري", SPAN, MentionForm.TITLE))
    assert _score(extraction).kinds["person"].tally.fp == 0
    extraction.mentions.append(Mention("x", "الخطيب", SPAN, MentionForm.SHORT_FORM))
    assert _score(extraction).kinds["person"].tally.fp == 1
