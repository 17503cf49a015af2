"""Within one article, short forms resolve to the full actor the article names.

- an organization named by part of its name ("الائتلاف الوطني", "هيئة التفاوض",
  "وزارة الخارجية") is the one full name in the article that contains it;
- a head noun with the article ("الهيئة", "الائتلاف", "النظام") is the one organization
  of the article with that head;
- a surname ("البحرة") is the one person of the article with that surname, and a full
  name seen once with a title is found again without it;
- a role ("رئيس الهيئة", "مبعوثة فرنسا") is the one person the article gives that role.

Anything that resolves to nothing, or to more than one actor, is dropped: no actor is
invented from a short form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from app.extract.actors.candidates import BlockResult, Cand, Form, Title
from app.extract.actors.gazetteer import Gazetteer
from app.extract.actors.lexicon import NAME_LINKS, NOT_NAMES, PARTICLES, TIME_WORDS, first_names
from app.extract.actors.matcher import TokenTrie, compound, name_tokens
from app.extract.actors.namesakes import titled_namesake
from app.extract.actors.national import dominant_country, not_home_bodies, resolve_national
from app.extract.actors.offices import holder, named_holder, title_office
from app.extract.actors.org_lexicon import ABOUT, org_head
from app.extract.actors.respelled import respelled, skeletons
from app.extract.actors.sovereigns import RANK_OF_TITLE
from app.extract.actors.titles import MODIFIERS, title_head
from app.extract.actors.transliteration import transliterated, vowel_skeleton
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, bare, readings, stem_of
from app.text.memo import CANDIDATES
from app.text.normalize import normalize


def new_key(kind: EntityKind, tokens: Iterable[str]) -> str:
    if kind is EntityKind.PERSON:
        tokens = compound(tuple(tokens))  # "عبد الله العليمي" and "عبدالله العليمي": one man
    return f"new:{kind.value}:{' '.join(tokens)}"


def resolve(results: list[BlockResult], gazetteer: Gazetteer, year: int | None = None) -> None:
    """Set `key` on every candidate that names an actor; the rest keep None. `year`, the
    article's, names the holder of an office no one in the article holds."""
    cands = [c for r in results for c in r.cands]
    _choose_homonyms(cands, gazetteer)
    for cand in cands:
        if cand.key is None and cand.form is Form.NAME and not cand.weak:
            known = _known_person(cand, gazetteer) if cand.kind is EntityKind.PERSON else None
            known = known or _known_body(cand, gazetteer)
            cand.key = known or new_key(cand.kind, cand.tokens)
    _merge_into_longer(cands, gazetteer, EntityKind.ORGANIZATION)
    _merge_into_longer(cands, gazetteer, EntityKind.PERSON)
    _merge_fuller_names(cands, gazetteer)
    _merge_respelled_names(cands)
    _surnames_of_the_article(cands)
    cands = _drop_two_surnames(results, cands)
    for cand in cands:
        if cand.same_as is not None and cand.same_as.key is not None:
            cand.key = cand.same_as.key  # "(تقدم)": the body named before the brackets
    _find_again(results, cands, gazetteer)
    _resolve_heads(cands, gazetteer)
    resolve_national(cands, gazetteer, not_home_bodies(results))
    _resolve_roles(results, gazetteer, year)


def _known_body(cand: Cand, gazetteer: Gazetteer) -> str | None:
    """A body's name read from the words around it ("منظمة "حظر الأسلحة الكيمائية"", quotes
    inside the name) that is a spelling the gazetteer knows: that body, not a new one."""
    if cand.kind is not EntityKind.ORGANIZATION:
        return None
    ids = {ref.entry_id for ref in gazetteer.trie_values(cand.tokens) if not ref.demonym}
    if len(ids) != 1:
        return None
    found = next(iter(ids))
    return found if gazetteer.entries[found].kind is EntityKind.ORGANIZATION else None


def _known_person(cand: Cand, gazetteer: Gazetteer) -> str | None:
    """A name the gazetteer knows in another form: one ancestor more, another
    transliteration; or another transliteration followed by a word that is no part of it
    ("دونالد ترمب المعلن": an adjective of what follows, not a family name in ـي)."""
    tokens = cand.tokens
    known = gazetteer.lineage(tokens) or transliterated(gazetteer, tokens)
    if known is not None or len(tokens) < 3:
        return known
    last = tokens[-1]
    if not last.startswith("ال") or last.endswith("ي") or tokens[-2] in NAME_LINKS:
        return None
    known = transliterated(gazetteer, tokens[:-1])
    if known is not None:
        cand.last -= 1
        cand.tokens = tokens[:-1]
    return known


def _choose_homonyms(cands: list[Cand], gazetteer: Gazetteer) -> None:
    """طرابلس of Lebanon or of Libya, عمان the city or the country (a spelling the data
    declares shared): the one whose country the article names; between several, or with
    none named, the one of the country the article is mostly about."""
    if not any(c.alternatives for c in cands):
        return
    settled = [c for c in cands if not c.alternatives]
    named = {
        entry.country
        for c in settled
        if c.key
        and (entry := gazetteer.entries.get(c.key)) is not None
        and entry.subkind == "country"
    }
    leading = dominant_country(settled, gazetteer, margin=1.01)
    lead = gazetteer.entries[leading].country if leading else None
    for cand in cands:
        if cand.alternatives and cand.key:
            options = (cand.key, *cand.alternatives)
            hits = [k for k in options if gazetteer.entries[k].country in named] or list(options)
            cand.key = next((k for k in hits if gazetteer.entries[k].country == lead), hits[0])


def _forms(
    cands: list[Cand], gazetteer: Gazetteer, kind: EntityKind
) -> dict[str, set[tuple[str, ...]]]:
    """Every token form of every actor of `kind` named in full in the article, by key."""
    return _forms_by_kind(cands, gazetteer, (kind,))[kind]


def _forms_by_kind(
    cands: list[Cand], gazetteer: Gazetteer, kinds: tuple[EntityKind, ...]
) -> dict[EntityKind, dict[str, set[tuple[str, ...]]]]:
    """`_forms` of each of `kinds`, in one pass over the candidates."""
    by_kind: dict[EntityKind, dict[str, set[tuple[str, ...]]]] = {
        kind: defaultdict(set) for kind in kinds
    }
    spelled: set[tuple[EntityKind, str]] = set()  # the gazetteer's spellings are in
    for cand in cands:
        forms = by_kind.get(cand.kind)
        if forms is None or not cand.key:
            continue
        entry = gazetteer.entries.get(cand.key)
        if cand.form is Form.NAME:
            forms[cand.key].add(cand.tokens)
            written = _written_name(cand)
            if written:
                forms[cand.key].add(written)
        elif entry is None or cand.form is not Form.SHORT_FORM:
            continue  # "الرئيس أردوغان" names a known person by a short form: it counts
        if entry is not None and (cand.kind, cand.key) not in spelled:
            spelled.add((cand.kind, cand.key))
            forms[cand.key].update(_spelling_tokens(entry.spellings))
    return by_kind


@lru_cache(maxsize=CANDIDATES)
def _spelling_tokens(spellings: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The token forms of a gazetteer entry's spellings, in their order."""
    return tuple(name_tokens(s) for s in spellings)


def _written_name(cand: Cand) -> tuple[str, ...]:
    """'جمعية «سنابل»': the quoted name alone names the body again ("وقالت سنابل"); a
    lone word with the article («الوطن») is too common a word to be looked for."""
    if not cand.canonical or cand.head is None or cand.kind is not EntityKind.ORGANIZATION:
        return ()
    written = tuple(t.norm for t in cand.block.toks[cand.first : cand.last])
    if written == cand.tokens or (len(written) == 1 and written[0].startswith("ال")):
        return ()
    return written


def _merge_into_longer(cands: list[Cand], gazetteer: Gazetteer, kind: EntityKind) -> None:
    """ "الائتلاف الوطني" -> "الائتلاف الوطني السوري" when that is the only one containing it."""
    forms = _forms(cands, gazetteer, kind)
    # The variants by their first word without the article: `_contains` needs them equal.
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for key, variants in forms.items():
        for variant in variants:
            if variant:
                by_first[bare(variant[0])].append((key, variant))
    redirect: dict[str, str] = {}
    found: dict[tuple[tuple[str, ...], str | None], set[str]] = {}  # a name seen again
    for cand in cands:
        if cand.kind is not kind or cand.form is not Form.NAME or not cand.tokens:
            continue
        if cand.key is not None and not cand.key.startswith("new:"):
            continue
        core = _without_topic(cand.tokens)
        known = found.get((core, cand.key))
        if known is None:  # the same name, mentioned again: the same answer
            known = found[(core, cand.key)] = {
                key
                for key, variant in (by_first.get(bare(core[0]), ()) if core else ())
                if key != cand.key and _contains(variant, core)
            }
            if not known and kind is EntityKind.PERSON:
                known = found[(core, cand.key)] = _linked_surname(forms, core, cand.key)
        if len(known) == 1:
            target = next(iter(known))
            if cand.key is not None:
                redirect[cand.key] = target
            cand.key = target
    for cand in cands:
        while cand.key in redirect:
            cand.key = redirect[cand.key]


def _merge_fuller_names(cands: list[Cand], gazetteer: Gazetteer) -> None:
    """ "محمد يونس المنفي", "بدر بن حمد البوسعيدي" after "محمد المنفي", "بدر البوسعيدي":
    a new name that adds middle names (a father's, a grandfather's) to another person's
    first name and surname is that person; so is "محمد منفي", the surname without its
    article. Only when exactly one person of the article fits."""
    fresh = [
        c
        for c in cands
        if c.kind is EntityKind.PERSON
        and c.form is Form.NAME
        and (c.key or "").startswith("new:")
        and len(c.tokens) >= 2
    ]
    if not fresh:
        return
    # two-part names (a first name, a surname) by their first name and bare surname
    by_ends: dict[tuple[tuple[str, ...], str], dict[str, set[tuple[str, ...]]]] = {}
    for key, variants in _forms(cands, gazetteer, EntityKind.PERSON).items():
        for variant in variants:
            first = _first_unit(variant)
            if len(variant) == len(first) + 1 and variant[-1] not in NAME_LINKS:
                by_ends.setdefault((first, bare(variant[-1])), {}).setdefault(key, set()).add(
                    variant
                )
    redirect: dict[str, str] = {}
    for cand in fresh:
        named = by_ends.get((_first_unit(cand.tokens), bare(cand.tokens[-1])), {})
        fits = {k for k, vs in named.items() if k != cand.key and _fuller(cand.tokens, vs)}
        if len(fits) == 1 and cand.key is not None:
            redirect[cand.key] = next(iter(fits))
    for cand in cands:
        if cand.key in redirect:
            cand.key = redirect[cand.key]


def _first_unit(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The first name with its link: "عبد الرحمن", "أبو بكر", or one word."""
    n = 0
    while n < len(tokens) - 1 and tokens[n] in NAME_LINKS:
        n += 1
    return tokens[: n + 1]


def _fuller(name: tuple[str, ...], shorter: set[tuple[str, ...]]) -> bool:
    """`name` adds middle names to a two-part name of `shorter`, or bares its surname."""
    for other in shorter:
        if name == other:
            return False
        if len(name) > len(other) and name[-1] == other[-1]:
            return True
        if len(name) == len(other) and name[:-1] == other[:-1] and name[-1] != other[-1]:
            return True  # "محمد منفي"
    return False


def _merge_respelled_names(cands: list[Cand]) -> None:
    """ "جوزاف عون" and "جوزيف عون" in one article: full names that differ only in long
    vowels or traded consonants, word by word, are one person (the gazetteer's, if one
    is). Two listed first names are two names, not two spellings: "محمد"، "محمود"."""
    by_skeleton: dict[tuple[str, ...], list[Cand]] = defaultdict(list)
    for cand in cands:
        named = cand.kind is EntityKind.PERSON and cand.form is Form.NAME and cand.key
        if named and len(cand.tokens) >= 2:
            by_skeleton[tuple(vowel_skeleton(t) for t in cand.tokens)].append(cand)
    for group in by_skeleton.values():
        keys = {c.key for c in group}
        if len(keys) < 2:
            continue
        known = {k for k in keys if k and not k.startswith("new:")}
        if len(known) > 1:
            continue  # two known men
        target = next(iter(known)) if known else group[0].key
        spelled = next(c.tokens for c in group if c.key == target)
        for cand in group:
            if cand.key != target and _respelled(cand.tokens, spelled):
                cand.key = target


def _respelled(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    firsts = first_names()
    return all(a == b or not (a in firsts and b in firsts) for a, b in zip(one, other, strict=True))


def _linked_surname(
    forms: dict[str, set[tuple[str, ...]]], core: tuple[str, ...], own: str | None
) -> set[str]:
    """ "الوزير بو حبيب" after "عبد الله بو حبيب": a surname of a link and a word, read
    as a name of its own after a title, is the person whose full name ends with it.
    "محمدسالم مرزوق" after "محمد سالم ولد مرزوق": the first name and the father's written
    as one word, the surname the same, is that person too."""
    if len(core) != 2:
        return set()
    if core[0] not in _SURNAME_LINKS:
        return {
            key
            for key, variants in forms.items()
            if key != own and any(_joined_first(v, core) for v in variants)
        }
    return {
        key
        for key, variants in forms.items()
        if key != own and any(len(v) > 2 and v[-2:] == core for v in variants)
    }


def _joined_first(variant: tuple[str, ...], core: tuple[str, ...]) -> bool:
    return len(variant) >= 3 and variant[-1] == core[1] and variant[0] + variant[1] == core[0]


def _surnames_of_the_article(cands: list[Cand]) -> None:
    """ "عباس بقائي ... وأوضح بقائي": a surname the gazetteer gave to a known man is the
    article's own man of that surname when the article names him in full, and not the
    known one."""
    named: dict[str, set[str]] = defaultdict(set)  # surname -> keys named in full
    for cand in cands:
        full = cand.kind is EntityKind.PERSON and cand.form is Form.NAME
        if full and cand.key and len(cand.tokens) >= 2 and cand.tokens[-2] not in NAME_LINKS:
            named[cand.tokens[-1]].add(cand.key)
    for cand in cands:
        if cand.kind is not EntityKind.PERSON or cand.form is not Form.SHORT_FORM:
            continue
        keys = named.get(cand.tokens[0], set()) if len(cand.tokens) == 1 else set()
        if len(keys) == 1 and cand.key not in keys and not _named(cands, cand.key):
            cand.key = next(iter(keys))


def _drop_two_surnames(results: list[BlockResult], cands: list[Cand]) -> list[Cand]:
    """ "ودعا عبد المهدي بارزاني إلى": the surnames of two men the article names in full,
    subject and object of one verb, are no third man's name. Returns the cands kept."""
    tails: dict[tuple[str, ...], str] = {}
    for cand in cands:
        if cand.kind is EntityKind.PERSON and cand.form is Form.NAME and cand.key:
            for n in range(1, len(cand.tokens)):
                tails.setdefault(cand.tokens[n:], cand.key)
    dropped = {id(c) for c in cands if tails and _two_surnames(c, tails)}
    if not dropped:
        return cands
    for result in results:
        result.cands = [c for c in result.cands if id(c) not in dropped]
    return [c for c in cands if id(c) not in dropped]


def _two_surnames(cand: Cand, tails: dict[tuple[str, ...], str]) -> bool:
    if cand.kind is not EntityKind.PERSON or not (cand.key or "").startswith("new:"):
        return False
    tokens = cand.tokens
    for n in range(1, len(tokens)):
        if n == 1 and tokens[0] in first_names():
            continue  # "أحمد معلم فقي": a first name, whoever else bears it as a surname
        first, second = tails.get(tokens[:n]), tails.get(tokens[n:])
        if first and second and first != second and cand.key not in (first, second):
            return True
    return False


def _named(cands: list[Cand], key: str | None) -> bool:
    return any(c.key == key and c.form is Form.NAME for c in cands)


def _without_topic(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "لجنة التحقيق الدولية بشأن سوريا" -> "لجنة التحقيق الدولية": the same commission as
    one the article names by another wording of its mandate."""
    return tokens[: tokens.index(ABOUT)] if ABOUT in tokens[2:] else tokens


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """`short` is an in-order part of a longer `long` that starts the same way."""
    if len(short) >= len(long) or not short or bare(short[0]) != bare(long[0]):
        return False
    # the article on a cut construct chain is no difference: "منظمة الحظر" is short for
    # "منظمة حظر الأسلحة الكيميائية", "حكومة الإقليم" for "حكومة إقليم كردستان", and a
    # genitive with ل is the same noun: "مفوضية الانتخابات" for "المفوضية ... للانتخابات"
    rest = iter(long[1:])
    return all(any(_stem(token) == _stem(other) for other in rest) for token in short[1:])


def _stem(token: str) -> str:
    """The noun without its article or its genitive لل."""
    return token[2:] if token.startswith("لل") and len(token) > 4 else bare(token)


@dataclass(frozen=True, slots=True)
class _Known:
    key: str
    kind: EntityKind
    short: bool
    namesakes: tuple[str, ...] = ()  # several persons of this surname: a title chooses
    by_rank: bool = False  # a first name, named again only after a rank: "الأمير فيصل"


def _find_again(results: list[BlockResult], cands: list[Cand], gazetteer: Gazetteer) -> None:
    """Full names, person surnames and org prefixes seen elsewhere in the article."""
    trie: TokenTrie[_Known] = TokenTrie()
    surnames: dict[str | tuple[str, ...], set[str]] = defaultdict(set)
    firsts: dict[str, set[str]] = defaultdict(set)
    prefixes: dict[tuple[str, ...], set[str]] = defaultdict(set)
    kinds = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)
    forms = _forms_by_kind(cands, gazetteer, kinds)
    for kind in kinds:
        for key, variants in forms[kind].items():
            named = _Known(key, kind, short=False)
            for tokens in variants:
                if len(tokens) == 1 and not _usable_short(tokens[0]):
                    continue  # "(كان)": an acronym spelled like a common word is not looked for
                trie.add(tokens, named)
                if kind is EntityKind.PERSON and len(tokens) >= 2:
                    if tokens[-2] not in NAME_LINKS:  # "آل ثاني": a family, not one person
                        surnames[tokens[-1]].add(key)
                    elif tokens[-2] in _SURNAME_LINKS and len(tokens) >= 3:
                        surnames[tokens[-2:]].add(key)  # "أبو الغيط", "بن جامع"
                    if len(tokens) == 2 and tokens[0] in _CHINESE_FAMILY_NAMES:
                        surnames[tokens[0]].add(key)  # "وانغ يي" is named again as "وانغ"
                    firsts[tokens[0]].add(key)
                elif kind is EntityKind.ORGANIZATION:
                    for n in range(2, len(tokens)):
                        prefixes[tokens[:n]].add(key)
    unique = {s for s, keys in surnames.items() if len(keys) == 1 and _usable_surname(s)}
    for surname, keys in surnames.items():
        written = surname if isinstance(surname, tuple) else (surname,)
        if written in trie or not _usable_surname(surname):
            continue
        if surname in unique:
            trie.add(written, _Known(next(iter(keys)), EntityKind.PERSON, True))
        else:
            trie.add(written, _Known("", EntityKind.PERSON, True, tuple(sorted(keys))))
    for first, keys in firsts.items():
        if len(keys) == 1 and first in first_names() and (first,) not in trie:
            trie.add((first,), _Known(next(iter(keys)), EntityKind.PERSON, True, by_rank=True))
    for tokens, keys in prefixes.items():
        if len(keys) == 1 and tokens not in trie:
            trie.add(tokens, _Known(next(iter(keys)), EntityKind.ORGANIZATION, short=True))
    nisbas = {s for s in unique if isinstance(s, str)}
    by_skeleton = skeletons({s: next(iter(surnames[s])) for s in nisbas})
    words: set[str] = set().union(*(result.block.norms for result in results))
    openers = trie.openers(words)
    for result in results:
        if nisbas:  # "السوداني" is also a demonym: as a noun, it is the person
            result.cands = [c for c in result.cands if not _nisba_as_noun(c, nisbas)]
        result.cands.extend(_scan(result, trie, openers, firsts, gazetteer))
    if by_skeleton:  # after every block's scan: a name found again is no respelling
        respelled(results, words, by_skeleton, nisbas)


def _rank(word: str) -> bool:
    """A monarch's or a prince's rank with the article (الأمير، الشيخ، الملك)."""
    head = title_head(word)
    return head is not None and not head[0] and word.startswith("ال") and head[1] in RANK_OF_TITLE


def _nisba_as_noun(cand: Cand, surnames: set[str]) -> bool:
    """A demonym spelled like the surname of a person of the article, standing as a noun
    ("والسوداني يرحب", "وقال السوداني") rather than after a definite noun it qualifies
    ("الجيش السوداني", "للرئيس السوداني"): the person, not the country."""
    if cand.form is not Form.DEMONYM or cand.size != 1 or cand.tokens[0] not in surnames:
        return False
    toks = cand.block.toks
    if cand.first == 0 or toks[cand.first].sep != SPACE or cand.prefix[:1] in ("ب", "ل", "ك"):
        return True
    before = toks[cand.first - 1].norm
    if cand.prefix[:1] in ("و", "ف"):  # coordinated: a noun, unless with another adjective
        return not (before.startswith("ال") and before.endswith(("ي", "يه")))
    return not any(stem.startswith("ال") for _, stem in readings(before))


# Links that make a surname of two words, said alone: "أبو الغيط", "بن جامع", "بو حبيب";
# not عبد (half of a first name) nor آل (a family).
_SURNAME_LINKS = frozenset(normalize(w) for w in ("أبو", "بو", "بن", "ابن", "ولد"))
# A Chinese name puts the family name first, and the press names the person again by it.
_CHINESE_FAMILY_NAMES = frozenset(
    normalize(n) for n in ("وانغ", "تشانغ", "ليو", "تشن", "يانغ", "هوانغ", "تشاو", "تشو", "شيه")
)


def _usable_surname(surname: str | tuple[str, ...]) -> bool:
    """A one-word surname that is no common word, or a link and a name: "أبو الغيط"."""
    return isinstance(surname, tuple) or _usable_short(surname)


def _usable_short(word: str) -> bool:
    return (
        len(word) >= 3
        and word not in PARTICLES
        and word not in TIME_WORDS
        and word not in NOT_NAMES
        and word not in MODIFIERS  # "الفايز" the family is "الفائز" the winner once folded
        and org_head(word) is None
    )


def _scan(
    result: BlockResult,
    trie: TokenTrie[_Known],
    openers: frozenset[str],
    firsts: dict[str, set[str]],
    gazetteer: Gazetteer,
) -> list[Cand]:
    block = result.block
    if openers.isdisjoint(block.norms):
        return []
    taken = [False] * len(block.toks)
    for cand in result.cands:
        for k in range(cand.first, cand.last):
            taken[k] = True
    out: list[Cand] = []
    for match in trie.scan_among(block, openers):
        if any(taken[match.first : match.last]):
            continue
        known = match.values[0]
        before = block.toks[match.first - 1].norm if match.first > 0 else ""
        if known.by_rank and (match.prefix or not _rank(before)):
            continue  # "فيصل" alone is anyone; "الأمير فيصل" is the article's prince
        if known.namesakes:
            key = titled_namesake(gazetteer, before, known.namesakes)
            if key is None or match.prefix:
                continue  # "عون" alone, of two known men: nobody can tell which
            known = _Known(key, EntityKind.PERSON, True)
        if known.short and match.last - match.first == 1 and match.first > 0:
            before = block.toks[match.first - 1].norm
            if before in first_names() and known.key not in firsts.get(before, set()):
                continue  # "ماهر الأسد" is not the "بشار الأسد" of the article
        stem = stem_of(block.toks[match.first].norm, match.prefix)
        rest = tuple(block.toks[k].norm for k in range(match.first + 1, match.last))
        out.append(
            Cand(
                block,
                known.kind,
                match.first,
                match.last,
                match.prefix,
                form=Form.SHORT_FORM if known.short else Form.NAME,
                key=known.key,
                tokens=(stem, *rest),
            )
        )
    return out


def _resolve_heads(cands: list[Cand], gazetteer: Gazetteer) -> None:
    """ "الهيئة" -> the one organization of the article whose head is هيئة."""
    heads: dict[str, set[str]] = defaultdict(set)
    for cand in cands:
        if cand.kind is EntityKind.ORGANIZATION and cand.key and cand.form is Form.NAME:
            head = cand.head
            entry = gazetteer.entries.get(cand.key)
            if entry is not None:
                found = org_head(name_tokens(entry.name)[0]) if entry.name else None
                head = found[1] if found else head
            if head:
                heads[head].add(cand.key)
    for cand in cands:
        if cand.key is None and cand.form is Form.SHORT_FORM and cand.head:
            keys = heads.get(cand.head, set())
            if len(keys) == 1:
                cand.key = next(iter(keys))


def _resolve_roles(results: list[BlockResult], gazetteer: Gazetteer, year: int | None) -> None:
    """ "رئيس الهيئة" -> the one person the article calls رئيس of that body; else, with the
    article's year, the one known person who held that office then (offices.py)."""
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_noun: dict[str, set[str]] = defaultdict(set)  # "الأمير": whoever the article so titled
    for result in results:
        for find in result.finds:
            if find.person.key is None:
                continue
            inherited: str | None = None
            for title in find.titles:
                owner = owner_key(title) or inherited
                inherited = owner
                if not title.honorific:
                    by_noun[title.head].add(find.person.key)
                if owner:
                    holders[(_office_noun(title.head), owner)].add(find.person.key)
    named = {c.key for r in results for c in r.cands if c.key and c.kind is EntityKind.PERSON}
    for result in results:
        for title in result.roles:
            owner = owner_key(title)
            if owner is None and not title.owners:
                persons = by_noun.get(title.head, set())
            else:
                persons = holders.get((_office_noun(title.head), owner), set()) if owner else set()
            if not persons and (owner or title.owners):
                office = title_office(gazetteer, title)
                known = holder(gazetteer, office, year) if year is not None else None
                known = known or named_holder(gazetteer, office, named, year)
                persons = {known} if known else persons
            if len(persons) != 1:
                continue
            role = Cand(
                title.block,
                EntityKind.PERSON,
                title.first,
                title.last,
                title.prefix,
                form=Form.TITLE,
                key=next(iter(persons)),
            )
            result.cands.append(role)


# One office, two nouns: a body's special representative is its envoy in the news
# ("الممثل الخاص للأمين العام" then "المبعوث الأممي").
_ENVOY = normalize("مبعوث")
_SAME_OFFICE = {normalize("ممثل"): _ENVOY}


def _office_noun(head: str) -> str:
    return _SAME_OFFICE.get(head, head)


def owner_key(title: Title) -> str | None:
    """The key of the body a title belongs to: the best-ranked resolved part."""
    ranked = sorted((rank, n) for n, (rank, part) in enumerate(title.owners) if part.key)
    if ranked and (ranked[0][0] <= 1 or title.owner_key is None):
        return title.owners[ranked[0][1]][1].key
    return title.owner_key
