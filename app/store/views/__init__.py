"""The read model: one Pydantic declaration per shape, returned by the store's query functions
and serialized by the API as it is (app/api/schemas.py only re-exports these)."""

from app.store.views.articles import (
    ArticleActor,
    ArticleDetail,
    ArticleItem,
    Citation,
    Highlight,
    Image,
    Mention,
    Role,
    SearchHit,
    Section,
    Statement,
)
from app.store.views.common import (
    EntityKind,
    EntityRef,
    Location,
    Page,
    ReadModel,
    ResolutionRef,
    Symbol,
    local_time,
)
from app.store.views.entities import (
    CitedResolution,
    EntityDetail,
    EntityItem,
    Related,
    ResolutionDetail,
    ResolutionItem,
)

__all__ = [
    "ArticleActor",
    "ArticleDetail",
    "ArticleItem",
    "Citation",
    "CitedResolution",
    "EntityDetail",
    "EntityItem",
    "EntityKind",
    "EntityRef",
    "Highlight",
    "Image",
    "Location",
    "Mention",
    "Page",
    "ReadModel",
    "Related",
    "ResolutionDetail",
    "ResolutionItem",
    "ResolutionRef",
    "Role",
    "SearchHit",
    "Section",
    "Statement",
    "Symbol",
    "local_time",
]
