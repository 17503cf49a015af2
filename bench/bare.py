"""The floor of the HTTP benchmark: the same FastAPI and uvicorn, one endpoint, no work."""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def root() -> dict[str, str]:
    return {"status": "ok"}
