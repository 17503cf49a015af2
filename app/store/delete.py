"""Remove an article and everything extracted from it."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m
from app.store.writes import clear_children


def delete_article(*, session: Session, article_id: int) -> None:
    if session.get(m.Article, article_id) is None:
        raise NotFound(f"no article with id {article_id}")
    clear_children(session, article_id)
    session.execute(delete(m.Article).where(m.Article.id == article_id))
