"""extract(): the stages of extraction over one article."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest
from factories import article

from app.extract import pipeline
from app.extract.pipeline import extract
from app.extract.tokens import NormText


def test_each_block_is_normalized_once_for_all_the_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.default_recognizer()  # loaded first: loading the gazetteer normalizes its names
    built: list[str] = []
    init = NormText.__init__

    def counting(self: NormText, display: str) -> None:
        built.append(display)
        init(self, display)

    monkeypatch.setattr(NormText, "__init__", counting)
    story = article(
        body="قال المبعوث الأممي غير بيدرسون إن القرار 2254 يبقى أساس الحل في سوريا.",
    )
    extraction = extract(story)
    # every stage read the text: actors, a citation and a statement were found
    assert extraction.entities and extraction.citations and extraction.statements
    assert sorted(built) == sorted(block.text for block in story.blocks())


class _Loaded:
    """Stands for the default recognizer: an object the collector tracks, as the gazetteer's
    dicts are."""


def test_the_default_recognizer_once_loaded_is_out_of_the_collectors_reach(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = _Loaded()
    monkeypatch.setattr(pipeline, "_default_recognizer", None)
    monkeypatch.setattr(pipeline, "RuleActorRecognizer", lambda: loaded)
    gc.unfreeze()
    assert any(o is loaded for o in gc.get_objects())
    assert pipeline.default_recognizer() is loaded
    # frozen: in no generation a collection walks
    assert not any(o is loaded for o in gc.get_objects())
    assert pipeline.default_recognizer() is loaded  # loaded once
    gc.unfreeze()


def test_loading_the_default_recognizer_lets_more_young_objects_wait_for_a_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = gc.get_threshold()
    monkeypatch.setattr(pipeline, "_default_recognizer", None)
    monkeypatch.setattr(pipeline, "RuleActorRecognizer", _Loaded)
    gc.set_threshold(700, *before[1:])
    try:
        pipeline.default_recognizer()
        assert gc.get_threshold() == (pipeline._YOUNG_BEFORE_COLLECTION, *before[1:])
        gc.set_threshold(50_000, *before[1:])  # a process's own, higher setting stays
        monkeypatch.setattr(pipeline, "_default_recognizer", None)
        pipeline.default_recognizer()
        assert gc.get_threshold()[0] == 50_000
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_an_article_in_another_language_is_not_analysed() -> None:
    story = article(body="The envoy said resolution 2254 remains the basis.")
    story.language = "en"
    assert extract(story).analysed is False


def test_an_undated_office_speaks_through_the_one_person_of_the_article_who_held_it() -> None:
    story = article(
        body="قال وزير الخارجية الإيراني إن المحادثات ستستأنف قريبا. "
        "وكان عباس عراقجي قد وصل إلى مسقط مساء أمس.",
    )
    extraction = extract(replace(story, published_at=None))
    assert [(s.speaker_key, s.verb) for s in extraction.statements] == [
        ("person:abbas-araghchi", "قال")
    ]


def test_an_undated_office_no_person_of_the_article_held_is_no_speaker() -> None:
    story = article(body="قال وزير الخارجية الإيراني إن المحادثات ستستأنف قريبا.")
    extraction = extract(replace(story, published_at=None))
    assert not [m for m in extraction.mentions if m.entity_key.startswith("person:")]
    assert not [s for s in extraction.statements if s.speaker_key]
