"""decode_bytes: input bytes to text, with the charset declared or sniffed, or a clear refusal."""

from __future__ import annotations

import codecs

import pytest

from app.ingest.decode import decode_bytes, parse_content_type, sniff_markup_charset
from app.ingest.errors import EmptyInput, UndecodableInput

ARABIC = "قال وزير الخارجية إن الحل السياسي يمر عبر القرار 2254."


def test_utf8_is_the_default() -> None:
    decoded = decode_bytes(ARABIC.encode())
    assert decoded.text == ARABIC
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == []


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n"])
def test_empty_or_blank_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInput) as caught:
        decode_bytes(data)
    assert caught.value.status == 422


def test_blank_text_in_utf16_is_refused_too() -> None:
    with pytest.raises(EmptyInput):
        decode_bytes(codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"))


def test_a_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + ARABIC.encode()).text == ARABIC


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_utf16_and_utf32_are_read_from_their_bom(bom: bytes, codec: str) -> None:
    decoded = decode_bytes(bom + ARABIC.encode(codec))
    assert decoded.text == ARABIC
    assert decoded.encoding == codec


def test_a_bom_beats_the_declared_charset_with_a_warning() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + ARABIC.encode(), charset="windows-1256")
    assert decoded.text == ARABIC
    assert decoded.warnings == ["byte order mark says utf-8; declared charset windows-1256 ignored"]


def test_a_declared_windows_1256_charset_is_honoured() -> None:
    decoded = decode_bytes(ARABIC.encode("cp1256"), charset="windows-1256")
    assert decoded.text == ARABIC
    assert decoded.encoding == "cp1256"


@pytest.mark.parametrize(
    "declaration",
    [
        b'<meta charset="windows-1256">',
        b"<meta charset=windows-1256>",
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
        b'<META CONTENT="text/html; charset=windows-1256" HTTP-EQUIV="content-type">',
    ],
)
def test_html_declares_its_own_charset(declaration: bytes) -> None:
    page = b"<html><head>" + declaration + b"</head><body><p>" + ARABIC.encode("cp1256")
    decoded = decode_bytes(page, markup=True)
    assert ARABIC in decoded.text
    assert decoded.encoding == "cp1256"


def test_an_xml_declaration_names_the_encoding() -> None:
    data = b'<?xml version="1.0" encoding="windows-1256"?><rss>' + ARABIC.encode("cp1256")
    assert sniff_markup_charset(data) == "windows-1256"
    assert ARABIC in decode_bytes(data, markup=True).text


def test_the_transport_charset_beats_the_document() -> None:
    page = b'<meta charset="windows-1256"><p>' + ARABIC.encode()
    decoded = decode_bytes(page, charset="utf-8", markup=True)
    assert decoded.encoding == "utf-8"
    assert ARABIC in decoded.text


def test_a_western_server_default_yields_to_the_page_declaration() -> None:
    # Apache-style "charset=ISO-8859-1" on every page, in front of a windows-1256 page
    page = b'<meta charset="windows-1256"><p>' + ARABIC.encode("cp1256")
    decoded = decode_bytes(page, charset="ISO-8859-1", markup=True)
    assert ARABIC in decoded.text
    assert decoded.warnings == [
        "declared charset ISO-8859-1 looks like a server default; used cp1256"
    ]


def test_a_page_that_is_valid_utf8_is_read_as_utf8_whatever_its_meta_says() -> None:
    # a CMS converted the page (or the archive re-encoded it) but kept the old <meta>
    page = b'<meta charset="windows-1256"><p>' + ARABIC.encode()
    decoded = decode_bytes(page, markup=True)
    assert ARABIC in decoded.text
    assert decoded.warnings == ["the page declares cp1256 but is valid UTF-8; read as UTF-8"]


def test_a_meta_tag_in_plain_text_is_not_a_declaration() -> None:
    text = "نص عادي يذكر الوسم <meta charset=windows-1256> في جملة.".encode()
    assert decode_bytes(text).encoding == "utf-8"


def test_an_unknown_charset_is_ignored_with_a_warning() -> None:
    decoded = decode_bytes(ARABIC.encode(), charset="x-klingon")
    assert decoded.text == ARABIC
    assert decoded.warnings == ["unknown declared charset 'x-klingon' ignored"]


def test_invalid_utf8_without_a_charset_names_the_byte_offset() -> None:
    data = "خبر عاجل: ".encode() + "وزير".encode("cp1256")
    offset = len("خبر عاجل: ".encode())
    with pytest.raises(UndecodableInput, match=f"not valid UTF-8 at byte {offset}") as caught:
        decode_bytes(data)
    assert "charset=windows-1256" in caught.value.detail
    assert caught.value.status == 422


def test_invalid_bytes_for_a_declared_charset_name_it() -> None:
    with pytest.raises(UndecodableInput, match="not valid utf-8 text at byte 3"):
        decode_bytes(b"abc\xff\xfe def", charset="utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "نص".encode() + b"\x00\x00" + "آخر".encode(),
    ],
)
def test_nul_bytes_mean_binary_data(data: bytes) -> None:
    with pytest.raises(UndecodableInput, match="binary data"):
        decode_bytes(data, charset="windows-1256")


def test_mostly_control_characters_mean_binary_data() -> None:
    junk = bytes(range(1, 9)) * 20 + b"abc"
    with pytest.raises(UndecodableInput, match="binary data, not text"):
        decode_bytes(junk)


def test_a_few_stray_control_characters_are_removed() -> None:
    decoded = decode_bytes(("\x0b" + ARABIC + "\x1f").encode())
    assert decoded.text == "\x0b" + ARABIC  # vertical tab is whitespace, kept
    assert decoded.warnings == ["removed 1 stray control character(s)"]


def test_line_endings_become_newlines() -> None:
    assert decode_bytes(b"a\r\nb\rc\n").text == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=windows-1256", ("text/html", "windows-1256")),
        ('Text/HTML;Charset="UTF-8"', ("text/html", "UTF-8")),
        ("application/json", ("application/json", None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_content_type_parts(header: str | None, expected: tuple[str | None, str | None]) -> None:
    assert parse_content_type(header) == expected
