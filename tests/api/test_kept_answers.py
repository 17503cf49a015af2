"""The answers kept per PostgreSQL generation, and the items and details the front keeps by
article version, are bounded in bytes by settings (KHABAR_KEPT_*_BYTES): the server's memory
has a documented ceiling on both engines."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from app.api.front import Front
from app.api.response_cache import KeptAnswers
from app.config import Settings
from app.main import create_app


def _keep(kept: KeptAnswers, number: int, size: int, generation: int = 1) -> None:
    kept.put(("/search", f"q={number}".encode(), b""), generation, [], b"x" * size, f'"{number}"')


def test_the_first_kept_answers_go_once_the_cap_is_passed() -> None:
    kept = KeptAnswers(max_bytes=1000)
    for number in range(3):
        _keep(kept, number, 400)
    assert kept.get(("/search", b"q=0", b""), 1) is None
    assert [kept.get(("/search", f"q={n}".encode(), b""), 1) is not None for n in (1, 2)] == [
        True,
        True,
    ]


def test_an_answer_kept_again_is_counted_once() -> None:
    kept = KeptAnswers(max_bytes=1000)
    for _ in range(5):
        _keep(kept, 0, 400)
    _keep(kept, 1, 400)
    assert kept.get(("/search", b"q=0", b""), 1) is not None


def _front(app: FastAPI) -> Front:
    layer = app.build_middleware_stack()
    while not isinstance(layer, Front):
        layer = layer.app  # type: ignore[attr-defined]
    return layer


def test_the_caps_are_settings(settings: Settings, engine: Engine) -> None:
    capped = settings.model_copy(
        update={"kept_items_bytes": 1000, "kept_details_bytes": 2000, "kept_answers_bytes": 3000}
    )
    app = create_app(capped, engine)
    front = _front(app)
    assert (front.kept.items.max_bytes, front.kept.details.max_bytes) == (1000, 2000)
    assert app.state.kept_answers.max_bytes == 3000


def test_the_default_caps_sum_to_80_mb() -> None:
    defaults = Settings()
    total = defaults.kept_items_bytes + defaults.kept_details_bytes + defaults.kept_answers_bytes
    assert total == 80 * 1024 * 1024
