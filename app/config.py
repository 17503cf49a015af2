"""Settings: one class, one module-level instance, env prefix KHABAR_."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_ENGINES = ("sqlite", "postgresql")
# Rate limits in the `limits` notation
DEFAULT_CLIENT_LIMIT = "600/minute"
DEFAULT_KEY_LIMIT = "6000/minute"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KHABAR_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./data/khabar.db"
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    # Seconds a successful GET is kept in the process (0: off); see app/api/response_cache.py.
    response_cache_seconds: float = Field(default=0.0, ge=0, le=60)
    # PostgreSQL: keep the hottest answers until a commit is notified (app/store/changes.py).
    # Off behind a pooler that does not keep a session's LISTEN (PgBouncer's transaction mode).
    change_notices: bool = True
    # PostgreSQL: how long after another process's commit was notified a kept answer it
    # changed may still be given while one request reads it again (0: wait for that read).
    # Writes through this process are seen at once whatever this says. See docs/API.md.
    kept_stale_seconds: float = Field(default=1.0, ge=0, le=60)
    # Memory kept by one server process (issue 9: RSS under 300 MB at 100,000 articles),
    # each a byte cap on what the cache holds (the oldest entries go first): the list items
    # and article details kept by version (app/store/reads/versions.py), and the answers
    # kept per PostgreSQL generation (app/api/response_cache.py). 0 keeps nothing.
    kept_items_bytes: int = Field(default=24 * 1024 * 1024, ge=0)
    kept_details_bytes: int = Field(default=24 * 1024 * 1024, ge=0)
    kept_answers_bytes: int = Field(default=32 * 1024 * 1024, ge=0)
    # glibc malloc arenas of the process (app/memory.py); 0 leaves glibc's 8 per core.
    malloc_arenas: int = Field(default=2, ge=0)
    log_level: str = "INFO"
    # The app asks itself each read once at start-up, within this time (0: off); see
    # app/api/warmup.py.
    warmup_seconds: float = Field(default=10.0, ge=0, le=120)
    # URL fetching (issue 3): hosts allowed even though they resolve to private addresses.
    fetch_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    fetch_timeout_seconds: float = Field(default=10.0, gt=0)
    fetch_max_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    fetch_max_redirects: int = Field(default=5, ge=0)
    user_agent: str = "KhabarBot/0.1 (+https://github.com/khabar)"
    # Continuous ingestion (issue 11). GETs go to the read replica when one is named.
    read_database_url: str | None = None
    host_delay_seconds: float = Field(default=1.0, ge=0)  # between requests to one host
    robots_ttl_seconds: int = Field(default=3600, ge=0)
    poll_max_backoff_seconds: int = Field(default=6 * 3600, gt=0)
    worker_concurrency: int = Field(default=4, ge=1)  # jobs at once in one worker process
    worker_heartbeat_seconds: float = Field(default=10.0, gt=0)
    worker_stalled_seconds: float = Field(default=30.0, gt=0)  # then its jobs are retried
    scheduler_seconds: float = Field(default=30.0, gt=0)  # how often due feeds are queued
    # Bounded waits (issue 10): a database that is down, frozen or saturated answers 503
    # within about db_statement_timeout + 1 s, never hangs a request.
    db_connect_timeout_seconds: int = Field(default=2, ge=2)  # libpq's minimum
    db_statement_timeout_seconds: float = Field(default=5.0, gt=0)
    db_pool_timeout_seconds: float = Field(default=2.0, gt=0)
    db_pool_size: int = Field(default=10, ge=1)
    # Slow clients: the request line and headers, then the body, each within a deadline.
    header_timeout_seconds: float = Field(default=10.0, gt=0)
    body_timeout_seconds: float = Field(default=30.0, gt=0)
    keep_alive_seconds: int = Field(default=5, ge=1)
    limit_concurrency: int = Field(default=1000, ge=1)
    # Rate limits (the `limits` notation); shared through Redis when redis_url is set.
    rate_limit_per_client: str = DEFAULT_CLIENT_LIMIT
    rate_limit_per_key: str = DEFAULT_KEY_LIMIT
    redis_url: str | None = None

    @field_validator("rate_limit_per_client", "rate_limit_per_key")
    @classmethod
    def _limit_notation(cls, value: str) -> str:
        if value in {DEFAULT_CLIENT_LIMIT, DEFAULT_KEY_LIMIT}:
            return value  # checked by a test: `limits` and its imports are for the API
        from limits import parse

        parse(value)  # ValueError on anything but "N/second|minute|hour|day"
        return value

    @field_validator("api_keys", "cors_origins", "fetch_allowed_hosts", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("api_keys")
    @classmethod
    def _no_weak_keys(cls, keys: list[str]) -> list[str]:
        weak = [k for k in keys if len(k) < 16 or k.lower() in {"changeme", "secret"}]
        if weak:
            raise ValueError("every API key must be at least 16 characters and not a default")
        return keys

    @field_validator("database_url", "read_database_url")
    @classmethod
    def _known_engine(cls, url: str | None) -> str | None:
        if not url:
            return None  # an empty KHABAR_READ_DATABASE_URL: no replica
        scheme = url.split(":", 1)[0].split("+", 1)[0]
        if scheme not in _ENGINES:
            raise ValueError(f"unsupported database scheme {scheme!r}; use sqlite or postgresql")
        return url

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, level: str) -> str:
        level = level.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {level!r}")
        return level


@lru_cache
def get_settings() -> Settings:
    return Settings()
