"""The explorer: a static page at / that reads the public GET API, and its assets."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

EXPLORER_DIR = Path(__file__).resolve().parents[2] / "static" / "explorer"
ASSETS_URL = "/static/explorer"

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"])
def page() -> FileResponse:
    # Every view lives behind a #fragment, so one document serves them all.
    return FileResponse(EXPLORER_DIR / "index.html", media_type="text/html; charset=utf-8")


def install_explorer(app: FastAPI) -> None:
    app.include_router(router)
    app.mount(ASSETS_URL, StaticFiles(directory=EXPLORER_DIR), name="explorer")
