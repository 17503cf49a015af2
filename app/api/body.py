"""Read a request body without ever holding more than the limit in memory."""

from __future__ import annotations

from fastapi import Request

from app.errors import PayloadTooLarge
from app.ingest.errors import EmptyInput
from app.text.digits import is_digits, parse_digits


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if is_digits(declared) and parse_digits(declared, max_value=limit) is None:
        raise PayloadTooLarge(f"the body is {declared} bytes; the limit is {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise EmptyInput("the request body is empty")
    return data
