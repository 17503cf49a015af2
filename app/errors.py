"""One error base for the whole service: each carries the HTTP status the API answers with."""

from __future__ import annotations


class KhabarError(Exception):
    status: int = 400
    title: str = "Bad request"

    def __init__(
        self,
        detail: str,
        extra: dict[str, object] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        # Members added to the problem body beside the RFC 9457 ones (e.g. `candidates`).
        self.extra = extra or {}
        self.headers = headers or {}  # e.g. Connection: close on a request timeout


class NotFound(KhabarError):
    status = 404
    title = "Not found"


class InvalidParameter(KhabarError):
    status = 422
    title = "Invalid parameter"


class Ambiguous(KhabarError):
    status = 409
    title = "Ambiguous name"


class Unauthorized(KhabarError):
    status = 401
    title = "Missing API key"


class Forbidden(KhabarError):
    status = 403
    title = "Invalid API key"


class RequestTimeout(KhabarError):
    status = 408
    title = "Request timeout"


class TooManyRequests(KhabarError):
    status = 429
    title = "Too many requests"


class PayloadTooLarge(KhabarError):
    status = 413
    title = "Request body too large"


class DatabaseUnavailable(KhabarError):
    status = 503
    title = "Database unavailable"
