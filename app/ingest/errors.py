"""Why an input could not be ingested. The API maps each to a problem+json status."""

from __future__ import annotations

from app.errors import KhabarError


class IngestError(KhabarError):
    """Base: the input is not something Khabar can turn into an article."""

    status = 422
    title = "Input cannot be ingested"


class EmptyInput(IngestError):
    title = "Empty input"


class UndecodableInput(IngestError):
    title = "Input is not text"


class NotAnArticle(IngestError):
    title = "No article found"


class InvalidDocument(IngestError):
    title = "Invalid document"


class UnsupportedFormat(IngestError):
    status = 415
    title = "Unsupported media type"


class InputTooLarge(IngestError):
    status = 413
    title = "Input too large"


class FetchError(IngestError):
    status = 502
    title = "Source could not be fetched"


class HttpStatusError(FetchError):
    """The server answered with an error status, kept for callers that tell them apart
    (robots.txt: 404 allows everything, 401/403 nothing)."""

    def __init__(self, detail: str, *, status_code: int) -> None:
        super().__init__(detail)
        self.status_code = status_code


class ForbiddenTarget(IngestError):
    status = 422
    title = "URL not allowed"
