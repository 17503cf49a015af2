from app.extract.actors.matcher import TokenTrie, name_tokens, spelling_variants
from app.extract.tokens import lex
from app.ingest.model import Part, TextBlock
from app.text.normalize import normalize


def _trie() -> TokenTrie[str]:
    trie: TokenTrie[str] = TokenTrie()
    for name, value in [
        ("الولايات المتحدة", "US"),
        ("الولايات المتحدة الأمريكية", "US"),
        ("سوريا", "SY"),
        ("الائتلاف الوطني السوري", "SNC"),
    ]:
        trie.add(name_tokens(name), value)
    return trie


def _scan(text: str) -> list[tuple[str, str, str]]:
    block = lex(TextBlock(Part.SECTION, 0, text))
    out = []
    for m in _trie().scan(block):
        start = block.display_start(m.first, m.prefix)
        out.append((text[start : block.toks[m.last - 1].end], m.prefix, m.values[0]))
    return out


def test_longest_match_wins() -> None:
    assert _scan("دعت الولايات المتحدة الأمريكية") == [("الولايات المتحدة الأمريكية", "", "US")]


def test_clitics_are_split_and_left_out_of_the_span() -> None:
    assert _scan("وسوريا ولسوريا") == [("سوريا", "و", "SY"), ("سوريا", "ول", "SY")]
    assert _scan("والولايات المتحدة") == [("الولايات المتحدة", "و", "US")]
    assert _scan("بالائتلاف الوطني السوري") == [("الائتلاف الوطني السوري", "ب", "SNC")]


def test_laam_laam_gives_the_article_back() -> None:
    assert _scan("للائتلاف الوطني السوري") == [("ائتلاف الوطني السوري", "لل", "SNC")]


def test_no_match_across_a_comma_or_inside_a_word() -> None:
    assert _scan("الولايات، المتحدة") == []
    assert _scan("السوريالية") == []


def test_spelling_variants() -> None:
    variants = spelling_variants(name_tokens("الولايات المتحدة الأميركية"))
    assert name_tokens("الولايات المتحدة الأمريكية") in variants


def test_contains_and_size() -> None:
    trie = _trie()
    assert name_tokens("سورية") not in trie
    assert name_tokens("سوريا") in trie
    assert trie.size == 4


def test_a_compound_name_is_found_joined_or_apart() -> None:
    trie: TokenTrie[str] = TokenTrie()
    for variant in spelling_variants(name_tokens("عبد الرحمن سوار")):
        trie.add(variant, "A")
    for variant in spelling_variants(name_tokens("محمد عبدالكريم")):
        trie.add(variant, "B")
    block = lex(TextBlock(Part.SECTION, 0, "التقى عبدالرحمن سوار ومحمد عبد الكريم"))
    assert [m.values for m in trie.scan(block)] == [("A",), ("B",)]


def test_a_compound_without_the_article_is_found_joined_or_apart() -> None:
    trie: TokenTrie[str] = TokenTrie()
    for variant in spelling_variants(name_tokens("عبد ربه سالم")):
        trie.add(variant, "A")
    for variant in spelling_variants(name_tokens("عبدالنور خليل")):
        trie.add(variant, "B")
    block = lex(TextBlock(Part.SECTION, 0, "التقى عبدربه سالم مع عبد النور خليل"))
    assert [m.values for m in trie.scan(block)] == [("A",), ("B",)]


def test_a_name_that_merely_begins_with_abd_is_not_cut() -> None:
    assert spelling_variants(name_tokens("عبده سالم")) == {name_tokens("عبده سالم")}


def test_kurdish_spellings_meet() -> None:
    assert name_tokens("إقليم كوردستان") in spelling_variants(name_tokens("إقليم كردستان"))


def test_a_name_run_together_at_its_article_is_found() -> None:
    trie: TokenTrie[str] = TokenTrie()
    for variant in spelling_variants(name_tokens("الأمم المتحدة")):
        trie.add(variant, "UN")
    block = lex(TextBlock(Part.SECTION, 0, "رحبت والأممالمتحدة بالاتفاق، وقالت الأمم المتحدة"))
    assert [(m.values, m.prefix) for m in trie.scan(block)] == [(("UN",), "و"), (("UN",), "")]


def test_spelling_variants_fold_the_press_spellings_of_a_word_in_a_name() -> None:
    opcw = spelling_variants(name_tokens("منظمة حظر الأسلحة الكيميائية"))
    assert name_tokens("منظمة حظر الأسلحة الكيمائية") in opcw
    assert name_tokens("منظمة حظر الأسلحة الكيماوية") in opcw
    force = spelling_variants(name_tokens("قوة الأمم المتحدة المؤقتة في لبنان"))
    assert name_tokens("قوات الأمم المتحدة المؤقتة في لبنان") in force
    group = spelling_variants(name_tokens("المجموعة الدولية لدعم سوريا"))
    assert name_tokens("المجموعة الدولية لدعم سورية") in group


def test_a_scan_among_the_openers_of_the_words_finds_what_a_scan_finds() -> None:
    text = (
        "قالت الولايات المتحدة وسوريا، وللائتلاف الوطني السوري إن الولايات المتحدة "
        "الأمريكية والولايات بسوريا ثم سوريا"
    )
    block = lex(TextBlock(Part.SECTION, 0, text))
    trie = _trie()
    openers = trie.openers(set(block.norms))
    written = ("الولايات", "وسوريا", "وللائتلاف", "والولايات", "بسوريا", "سوريا")
    assert openers == {normalize(word) for word in written}
    found = [(m.first, m.last, m.prefix, m.values) for m in trie.scan_among(block, openers)]
    assert found == [(m.first, m.last, m.prefix, m.values) for m in _trie().scan(block)]
    assert len(found) == 6
