"""Type aliases for query builders passed between functions."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Select

AnySelect: TypeAlias = Select[*tuple[Any, ...]]
