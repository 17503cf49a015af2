import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract.tokens import (
    COMMA,
    QUOTE,
    SPACE,
    STOP,
    Kind,
    NormText,
    bare,
    bracket_end,
    clean_display,
    comma_gap,
    lex,
    soft_gap,
)
from app.extract.tokens.words import word_tokens
from app.ingest.model import Part, TextBlock
from app.text.normalize import fold_with_map, normalize_with_map

ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        list('قال رئيس الهيئة، بدر جاموس؛ ؟ أإآ ى ة ـ ًٌٍَُِّْ ٣٤ ۵ ﻻ \u200f\u00a0 Ab.,"«»()&;')
    ),
    max_size=60,
)


def _lex(text: str):  # type: ignore[no-untyped-def]
    return lex(TextBlock(Part.SECTION, 0, text))


def test_punctuation_is_a_boundary_not_part_of_a_word() -> None:
    block = _lex('رئيس الهيئة، بدر جاموس؛ "تويتر" ـ إسطنبول')
    assert [t.norm for t in block.toks] == ["رييس", "الهييه", "بدر", "جاموس", "تويتر", "اسطنبول"]
    assert [t.sep for t in block.toks] == [STOP, SPACE, COMMA, SPACE, STOP | QUOTE, STOP | QUOTE]


def test_offsets_point_at_display_text_through_diacritics_and_tatweel() -> None:
    text = "قالَ رئيـــس الهيئةِ"
    block = _lex(text)
    assert [text[t.start : t.end] for t in block.toks] == ["قالَ", "رئيـــس", "الهيئةِ"]
    assert block.display_start(2, "ال") == text.index("هيئة")


def test_html_entities_read_as_spaces() -> None:
    block = _lex("رئيس&nbsp;الائتلاف،&#160;هادي")
    assert [t.norm for t in block.toks] == ["رييس", "الايتلاف", "هادي"]
    assert [t.sep for t in block.toks][1:] == [SPACE, COMMA]
    assert clean_display("رئيس&nbsp;الائتلاف  الوطني") == "رئيس الائتلاف الوطني"


def test_latin_words_are_flagged() -> None:
    block = _lex("قال John smith")
    assert [(t.latin, t.capital) for t in block.toks] == [
        (False, False),
        (True, True),
        (True, False),
    ]


def test_bare_drops_the_article_of_long_words_only() -> None:
    assert bare("الهييه") == "هييه"
    assert bare("الا") == "الا"


@settings(max_examples=300)
@given(ARABIC_TEXT)
def test_fold_with_map_equals_normalize_with_map(text: str) -> None:
    expected = normalize_with_map(text)
    norm, origin = fold_with_map(text)
    assert norm == expected[0]
    assert list(origin) == expected[1]


def test_ornate_parentheses_do_not_recurse() -> None:
    # app.text.normalize._fold_char recurses forever on these; the lexer must not.
    limit = sys.getrecursionlimit()
    norm, origin = fold_with_map("قال ﴿الله﴾")
    assert norm == "قال ﴿الله﴾" and len(origin) == len(norm)
    assert sys.getrecursionlimit() == limit


def test_a_hyphen_between_letters_joins_a_compound_name() -> None:
    block = _lex("السفيرة توماس-غرينفيلد و ES-10 و بيروت - أ ف ب")
    norms = [t.norm for t in block.toks]
    assert norms[:3] == ["السفيره", "توماس", "غرينفيلد"]
    assert block.toks[2].sep == SPACE
    assert block.toks[norms.index("10")].sep == STOP  # digits stay apart
    assert block.toks[norms.index("ا")].sep == STOP  # a spaced dash is a stop


def test_brackets_and_commas_around_an_acronym() -> None:
    text = "عضو الجبهة (جود)، سامر"
    block = _lex(text)
    assert bracket_end(block, 2) == 3
    assert comma_gap(block, 3) and not soft_gap(block, 3)
    assert soft_gap(block, 2)


def test_word_tokens_carry_their_kind_sentence_and_normalized_span() -> None:
    text = "قال الوزير: القرار 2254. وأضاف"
    block = _lex(text)
    assert [(t.norm, t.kind, t.sentence) for t in block.toks] == [
        ("قال", Kind.WORD, 0),
        ("الوزير", Kind.WORD, 0),
        ("القرار", Kind.WORD, 0),
        ("2254", Kind.NUMBER, 0),
        ("واضاف", Kind.WORD, 1),
    ]
    assert all(block.folded.text[t.nstart : t.nend] == t.norm for t in block.toks)


@settings(max_examples=300)
@given(ARABIC_TEXT)
def test_both_views_agree_on_the_tokens_they_share(text: str) -> None:
    # A word the two views cut the same way is one token: same sentence, same display span.
    folded = NormText(text)
    block = lex(TextBlock(Part.SECTION, 0, text), folded)
    assert block.folded is folded
    by_span = {(t.nstart, t.nend): t for t in folded.tokens}
    for tok in block.toks:
        assert folded.text[tok.nstart : tok.nend] == tok.norm
        assert tok.sentence == folded.sentence_at(tok.nstart)
        same = by_span.get((tok.nstart, tok.nend))
        if same is not None:
            assert (same.start, same.end, same.kind, same.latin, same.capital) == (
                tok.start,
                tok.end,
                tok.kind,
                tok.latin,
                tok.capital,
            )


# Letters run into digits, dates, decimals, joined and spaced hyphens, tatweel in a gap.
MIXED_TEXT = st.text(
    alphabet=st.sampled_from(list("قال الهيئة، ـ ٣٤ 2254 و12 /.-: Ab\u200f\u00a0\n«»&;")),
    max_size=60,
)


@settings(max_examples=300)
@given(st.one_of(ARABIC_TEXT, MIXED_TEXT))
def test_the_word_view_read_off_the_sentence_view_is_the_one_the_regex_cuts(text: str) -> None:
    folded = NormText(text)
    cut = word_tokens(folded.display, folded.text, folded.origin, folded.sentences)
    assert folded.words == cut


def test_the_word_view_shares_the_sentence_view_tokens_it_does_not_cut_otherwise() -> None:
    folded = NormText("دعا الوزير، في القرار و2254 إلى الحل")
    words = folded.words
    assert [(t.norm, t.sep) for t in words.toks] == [
        ("دعا", STOP),
        ("الوزير", SPACE),
        ("في", COMMA),
        ("القرار", SPACE),
        ("و2254", SPACE),
        ("الي", SPACE),
        ("الحل", SPACE),
    ]
    by_start = {t.nstart: t for t in folded.tokens}
    assert words.toks[1] is by_start[words.toks[1].nstart]  # one token object in both views
    assert words.toks[2] is not by_start[words.toks[2].nstart]  # after the comma: its own sep


def test_a_date_is_one_token_in_the_sentence_view_and_three_words() -> None:
    folded = NormText("صدر في 2015/12/18")
    assert folded.words.norms == ("صدر", "في", "2015", "12", "18")
    assert [t.sep for t in folded.words.toks[2:]] == [SPACE, STOP, STOP]


def test_the_word_view_is_cut_once_per_normtext() -> None:
    block = TextBlock(Part.SECTION, 0, "قال الوزير إن الحل قريب")
    folded = NormText(block.text)
    first, again = lex(block, folded), lex(block, folded)
    assert first.toks is again.toks is folded.words.toks
    assert first.norms == tuple(t.norm for t in folded.words.toks)
