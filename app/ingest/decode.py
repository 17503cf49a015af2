"""Bytes to text: the declared or sniffed charset, and a clear refusal of anything else.

Precedence follows the WHATWG encoding sniffing order (BOM, then the transport's charset,
then the document's own <meta charset> / XML declaration, then UTF-8), with two
departures for Arabic pages seen in the wild: a markup declaration beats a transport
charset that is only a Western server default (ISO-8859-1 in front of windows-1256
pages), and bytes that are valid non-ASCII UTF-8 are read as UTF-8 even when the page's
own <meta> names a legacy charset (converted pages, and our own archived raw HTML).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from app.ingest.errors import EmptyInput, UndecodableInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels a server sends when nobody configured a charset; WHATWG reads them as windows-1252.
_WESTERN_DEFAULTS = {"cp1252", "iso8859-1", "ascii"}
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# Only text encodings: Python's codec registry also names transforms (rot13, base64, zlib),
# codecs that refuse to decode (undefined) and quadratic ones (punycode). These are the
# WHATWG encodings Python has, plus the DOS and Mac Arabic code pages.
_TEXT_ENCODINGS = frozenset(
    codecs.lookup(label).name
    for label in (
        "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
        "ascii", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "mac-arabic",
        "cp720", "cp864", "cp874", "gbk", "gb18030", "big5", "euc-jp", "iso2022-jp",
        "shift_jis", "euc-kr",
        *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16)),
        *(f"cp125{n}" for n in range(9)),
    )
)  # fmt: skip
_SNIFF_BYTES = 4096
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_RATIO = 0.05
# Unicode's control characters (category Cc) all lie below U+0100: one regex finds them,
# where asking unicodedata character by character cost a tenth of parsing.
_CONTROLS = re.compile(
    "["
    + "".join(
        re.escape(chr(c))
        for c in range(0x100)
        if unicodedata.category(chr(c)) == "Cc" and chr(c) not in _ALLOWED_CONTROLS
    )
    + "]"
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    warnings: list[str] = field(default_factory=list)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """("text/html", "windows-1256") from "text/html; charset=windows-1256"; Nones when absent."""
    if not value or not value.strip():
        return None, None
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, raw = param.partition("=")
        if name.strip().lower() == "charset" and raw.strip():
            charset = raw.strip().strip("\"'")
    return mime.strip().lower() or None, charset


def codec_name(label: str) -> str | None:
    """The Python codec for a charset label, WHATWG aliases applied; None when unknown or
    not a text encoding."""
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name not in _TEXT_ENCODINGS:
        return None
    return _WHATWG_ALIASES.get(name, name)


def sniff_markup_charset(data: bytes) -> str | None:
    """The charset a document declares about itself (<meta> or the XML declaration)."""
    head = data[:_SNIFF_BYTES]
    decl = _XML_DECL.match(head)
    if decl:
        return decl.group(1).decode("ascii")
    for tag in _META.finditer(head):
        found = _META_CHARSET.search(tag.group())
        if found:
            return found.group(1).decode("ascii")
    return None


def decode_bytes(data: bytes, *, charset: str | None = None, markup: bool = False) -> Decoded:
    """Decode input bytes; `charset` is the transport's declaration, `markup` enables
    reading the document's own declaration (HTML <meta>, XML declaration)."""
    if not data.strip():
        raise EmptyInput("the input is empty" if not data else "the input is only whitespace")
    warnings: list[str] = []
    encoding, start, declared = _choose_encoding(data, charset, markup, warnings)
    if len("\x00".encode(encoding)) == 1 and b"\x00" in data:
        # NUL never occurs in a text in a single- or multi-byte ASCII-compatible charset.
        offset = data.index(b"\x00")
        raise UndecodableInput(f"binary data, not text (NUL byte at offset {offset})")
    text = _decode(data, start, encoding, declared)
    text = _drop_controls(text, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("the input is only whitespace")
    return Decoded(text=text, encoding=encoding, warnings=warnings)


def _choose_encoding(
    data: bytes, charset: str | None, markup: bool, warnings: list[str]
) -> tuple[str, int, bool]:
    """(codec, bytes to skip, whether the codec was declared rather than assumed)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            declared = codec_name(charset) if charset else None
            if declared and _family(declared) != _family(name):
                warnings.append(f"byte order mark says {name}; declared charset {charset} ignored")
            return name, len(bom), True
    transport = _known(charset, "declared", warnings)
    document = _known(sniff_markup_charset(data), "in-document", warnings) if markup else None
    if document is not None and document.startswith("utf-16"):
        document = "utf-8"  # a text that could be read to find this <meta> is not UTF-16
    if transport and document and transport != document and transport in _WESTERN_DEFAULTS:
        warnings.append(f"declared charset {charset} looks like a server default; used {document}")
        return document, 0, True
    if transport:
        return transport, 0, True
    if document and document != "utf-8" and _is_utf8_text(data):
        # A page converted to UTF-8 that kept its old <meta> (or an archived copy of one):
        # non-ASCII text that is valid UTF-8 is, in practice, never a legacy charset.
        warnings.append(f"the page declares {document} but is valid UTF-8; read as UTF-8")
        return "utf-8", 0, True
    if document:
        return document, 0, True
    return "utf-8", 0, False


def _is_utf8_text(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _family(codec: str) -> str:
    return codec.removesuffix("-le").removesuffix("-be")


def _known(label: str | None, origin: str, warnings: list[str]) -> str | None:
    if not label:
        return None
    name = codec_name(label)
    if name is None:
        warnings.append(f"unknown {origin} charset {label!r} ignored")
    return name


def _decode(data: bytes, start: int, encoding: str, declared: bool) -> str:
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as exc:
        where = start + exc.start
        if declared:
            raise UndecodableInput(f"not valid {encoding} text at byte {where}") from exc
        raise UndecodableInput(
            f"not valid UTF-8 at byte {where}, and no charset was declared "
            "(send e.g. 'Content-Type: text/plain; charset=windows-1256')"
        ) from exc


def _drop_controls(text: str, warnings: list[str]) -> str:
    controls = len(_CONTROLS.findall(text))
    if not controls:
        return text.removeprefix("\ufeff")
    if controls / len(text) > _MAX_CONTROL_RATIO:
        raise UndecodableInput(f"binary data, not text ({controls} control characters)")
    warnings.append(f"removed {controls} stray control character(s)")
    return _CONTROLS.sub("", text).removeprefix("\ufeff")
