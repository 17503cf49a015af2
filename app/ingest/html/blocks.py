"""An element tree as a flat run of text blocks in reading order.

The same walk reads a page's DOM (h1-h6, p, ul/li, figure...) and trafilatura's output
(head, p, list/item, graphic, lb...), so both feed one assembly step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.ingest.model import Image

_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button",
        "select", "textarea", "input", "nav", "aside", "footer", "table", "object", "video",
        "audio", "canvas", "map", "dialog",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
_TEXT_BLOCKS = frozenset({"p", "li", "item", "dt", "dd", "pre", "quote", "blockquote"}) | _HEADINGS
_ITEMS = frozenset({"li", "item", "dt", "dd"})
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var", "hi", "ref", "del", "ins", "label", "nobr", "big", "tt",
    }
)  # fmt: skip
_BOLD = frozenset({"b", "strong"})
_BREAKS = frozenset({"br", "lb"})
_IMAGES = frozenset({"img", "graphic"})
_NEWLINES = re.compile(r"\s*\n\s*")


class Kind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item: a summary point, a related link, or body text
    IMAGE = "image"


@dataclass(slots=True)
class Block:
    kind: Kind
    text: str = ""
    emphasis: bool = False  # all of the text is bold: a subheading dressed as a paragraph
    image: Image | None = None
    origin: str = field(default="", repr=False)  # the element's tag


def walk(root: Any) -> list[Block]:
    """The blocks under `root` (an lxml element), in document order."""
    walker = _Walker()
    walker.container(root)
    walker.flush()
    return walker.blocks


def _tag(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1].lower()


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.loose: list[tuple[str, bool]] = []  # text outside any block element

    def flush(self) -> None:
        self._emit(Kind.PARAGRAPH, self.loose, "")
        self.loose = []

    def container(self, element: Any) -> None:
        self.loose.extend(_pieces(element.text))
        for child in element:
            self.visit(child)
            self.loose.extend(_pieces(child.tail))

    def visit(self, element: Any) -> None:
        tag = _tag(element)
        if not tag or tag in _SKIP:
            return
        if tag in _BREAKS:
            self.loose.append(("\n", False))
        elif tag in _INLINE and not _has_blocks(element):
            self.loose.extend(_inline_text(element, tag in _BOLD or _bold_hi(element)))
        elif tag in _IMAGES:
            self.flush()
            self._image(element, None)
        elif tag == "figure":
            self.flush()
            self._figure(element)
        elif tag in _TEXT_BLOCKS and not _has_blocks(element):
            self.flush()
            kind = Kind.HEADING if tag in _HEADINGS else Kind.ITEM if tag in _ITEMS else None
            self._emit(kind or Kind.PARAGRAPH, list(_inline_text(element, False)), tag)
        else:
            self.flush()
            self.container(element)
            self.flush()

    def _emit(self, kind: Kind, pieces: list[tuple[str, bool]], origin: str) -> None:
        text = "".join(text for text, _ in pieces)
        emphasis = all(bold for text, bold in pieces if text.strip())
        for line in _NEWLINES.split(text.strip()):
            line = " ".join(line.split())
            if line:
                self.blocks.append(Block(kind, line, emphasis, None, origin))

    def _figure(self, figure: Any) -> None:
        caption = None
        for child in figure.iter():
            if _tag(child) == "figcaption":
                caption = " ".join("".join(t for t, _ in _inline_text(child, False)).split())
        images = [e for e in figure.iter() if _tag(e) in _IMAGES]
        if images:
            self._image(images[0], caption or None)
        elif caption:
            self.blocks.append(Block(Kind.IMAGE, "", False, Image(caption=caption), "figure"))

    def _image(self, element: Any, caption: str | None) -> None:
        src = element.get("src") or element.get("data-src") or None
        alt = " ".join((element.get("alt") or element.get("title") or "").split()) or None
        if src and src.startswith("data:"):
            src = None  # a lazy-loading placeholder, not the picture
        image = Image(title=alt, caption=caption, url=src)
        self.blocks.append(Block(Kind.IMAGE, "", False, image, _tag(element)))


def _pieces(text: str | None) -> list[tuple[str, bool]]:
    return [(text, False)] if text else []


def _inline_text(element: Any, bold: bool) -> Iterator[tuple[str, bool]]:
    """(text, is bold) pieces of an element's text, line breaks as newlines."""
    if element.text:
        yield element.text, bold
    for child in element:
        tag = _tag(child)
        if tag in _BREAKS:
            yield "\n", bold
        elif tag and tag not in _SKIP and tag not in _IMAGES:
            yield from _inline_text(child, bold or tag in _BOLD or _bold_hi(child))
        if child.tail:
            yield child.tail, bold


def _bold_hi(element: Any) -> bool:
    return _tag(element) == "hi" and "#b" in (element.get("rend") or "")


def _has_blocks(element: Any) -> bool:
    """Whether an element holds block elements, so it must be walked as a container."""
    return any(
        (tag := _tag(e)) and (tag in _TEXT_BLOCKS or tag in {"div", "ul", "ol", "list", "figure"})
        for e in element.iterdescendants()
    )
