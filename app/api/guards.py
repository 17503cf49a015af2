"""Pure ASGI guard in front of the app: a request body must arrive within a deadline (uvicorn
waits on a slow or short body for ever), and NUL in a path or query, which PostgreSQL cannot
compare with text, is refused the same way on both engines."""

from __future__ import annotations

import asyncio
import json
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import RequestTimeout

PROBLEM_JSON = b"application/problem+json"


class GuardMiddleware:
    def __init__(self, app: ASGIApp, *, body_timeout: float) -> None:
        self.app = app
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            await _refuse_nul(scope, send)
            return
        await self.app(scope, _deadline_receive(receive, self.body_timeout), send)


def _deadline_receive(receive: Receive, timeout: float) -> Receive:
    """`receive` with one deadline for the whole body, counted from the first read."""
    deadline: float | None = None
    body_done = False

    async def guarded() -> Message:
        nonlocal deadline, body_done
        if body_done:
            return await receive()
        if deadline is None:
            deadline = time.monotonic() + timeout
        try:
            message = await asyncio.wait_for(receive(), max(deadline - time.monotonic(), 0))
        except TimeoutError:
            raise RequestTimeout(
                f"the request body did not arrive within {timeout:g} s",
                headers={"Connection": "close"},
            ) from None
        if message["type"] != "http.request" or not message.get("more_body", False):
            body_done = True
        return message

    return guarded


async def _refuse_nul(scope: Scope, send: Send) -> None:
    body = json.dumps(
        {
            "type": "about:blank",
            "title": "Invalid parameter",
            "status": 422,
            "detail": "NUL characters are not allowed in a path or query",
            "instance": scope["path"].replace("\x00", ""),
        }
    ).encode()
    headers = [(b"content-type", PROBLEM_JSON), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 422, "headers": headers})
    await send({"type": "http.response.body", "body": body})
