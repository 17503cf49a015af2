"""Person names in running text: which tokens can be part of one and where one ends.

A name is 2-4 name tokens (links such as عبد، أبو، بن do not count). Tokens that are
particles, time words, verbs, role nouns, organization heads or common nouns are not
name tokens; a first token must not carry the article; a later one must not start with
و (a coordinated word). A known first name (data/first_names.json) settles doubt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.extract.actors.candidates import Cand, Form
from app.extract.actors.lexicon import (
    NAME_LINKS,
    NOT_NAMES,
    PARTICLES,
    TIME_WORDS,
    VERBS,
    first_names,
    is_verb,
    looks_like_verb,
    words,
)
from app.extract.actors.name_shapes import (
    family_names,
    foreign_shaped,
    surname_ending,
    surname_like,
)
from app.extract.actors.org_lexicon import GENERIC, HEADS, QUOTED_HEADS, org_head
from app.extract.actors.titles import ACCUSATIVE_ROLES, DOMAINS, MODIFIERS, title_head
from app.extract.model import EntityKind
from app.extract.tokens import SPACE, Block, Tok, bare, readings

_ALI = "علي"
_KUNYA = words("أبو أم")
_ALLAH = "الله"
# First names that are everyday words too: "حسن النية", "سلام الشجعان", and علي, which
# outlets also write for the preposition على.
COMMON_FIRST_NAMES = words("""
    حسن سلام أمل نصر نور جمال عادل كريم أمين صالح سعيد هادي رشيد فرح منى عزيز بشرى وفاء
    إيمان أمان شريف كمال فاضل ماجد نبيل سامي عالي فؤاد حكيم مجد عز رضا علا هدى سعد
    رمضان أسماء علي
""")
# Role words that are family names too: "أحمد الأمين", "عبد الله السيد", "خليل الوزير".
_ROLE_SURNAMES = words("الأمين الأمير الشيخ السيد الإمام القاضي الوزير العميد النقيب المفتي")
_IMAM = "امام"  # إمام the name or the cleric, أمام the preposition: one word once folded
_AL = "ال"  # the family word آل once folded, not the article
_SON_OF = "ولد"
_DIN = "الدين"
_ON_HIM = words(
    "عليه عليها عليهم عنه عنها عنهم"
)  # "محمد سالم ولد مرزوق": the link of Mauritanian names, not و + a word
_SON_LINKS = words("بن ابن بنت ولد")
_PRONOUN_ENDINGS = ("ته", "ها", "هم", "هما", "كم")
_HAMZA_MODIFIERS = words("الفائز الفائزة")
_TANWEEN_FATH = "\u064b"
# "إنشاءالله", "ماشاءالله", "بإذنالله": pious phrases run together, not names.
_PIOUS_HEADS = words("إنشاء ماشاء بإذن بعون بحمد سبحان")


@dataclass(slots=True)
class Context:
    block: Block
    atoms: dict[int, Cand]  # selected candidates by first token
    covered: list[Cand | None]  # candidate covering each token
    un_id: str | None = None
    eu_id: str | None = None
    surnames: Mapping[str, str] = field(default_factory=dict)  # gazetteer last name -> id
    lone_surnames: Mapping[str, str] = field(default_factory=dict)  # said alone, no cue
    sovereigns: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (rank, first)


def name_at(ctx: Context, j: int, *, strict: bool = True) -> Cand | None:
    atom = ctx.atoms.get(j)
    if atom is not None:
        return atom if atom.kind is EntityKind.PERSON and not atom.prefix else None
    if not name_token(ctx, j, first=True, strict=strict):
        return None
    toks = ctx.block.toks
    k, counted = j + 1, 1
    # "عبد الحكيم حاج محمود فقي": a link opening the name (عبد، أبو) is no name word
    most = 4 + (toks[j].norm in NAME_LINKS)
    while k < len(toks) and toks[k].sep == SPACE and counted < most:
        atom = ctx.atoms.get(k)
        if atom is not None:
            if (
                toks[k - 1].norm in _SON_LINKS
                and atom.kind is EntityKind.PERSON
                and not atom.prefix
            ):
                # "ريما بنت بندر بن سلطان بن عبد العزيز": a known man, her father, inside
                counted += sum(toks[m].norm not in NAME_LINKS for m in range(k, atom.last))
                k = atom.last
                if k < len(toks) and toks[k].sep == SPACE and toks[k].norm in _SON_LINKS:
                    continue  # his own father follows
                break
            if counted == 1 and _patronymic(ctx, j, atom):
                k = atom.last  # "بافل جلال طالباني": the son, named with his father's name
                break
            # "محمد شياع السوداني": a nisba after name tokens is a surname, not a country
            demonym_surname = atom.form is Form.DEMONYM and atom.size == 1
            if not demonym_surname or atom.prefix:
                break
        elif _after_compound_din(toks, j, k):
            k += 1  # "علاء الدين العسكري": the word after "X الدين" is the family name
            break
        elif _blessing(toks, k):
            break  # "السيدة رقية سلام الله عليها": a blessing after the name, not its words
        elif not name_token(ctx, k, first=False) and not (counted == 1 and waw_surname(ctx, j, k)):
            if role_surname(ctx, j, k):
                k += 1  # "أحمد الأمين نائب رئيس اللجنة": the role word is his family name
            break
        elif k > j + 1 and _after_surname(toks, k):
            break  # "بقيادة حسان العلي مواقع الجيش": "مواقع" heads the object
        elif k > j + 1 and _after_family_name(toks, k):
            break  # "رامز حسنوف حفل الافتتاح": a family name is a name's last word
        counted += toks[k].norm not in NAME_LINKS
        k += 1
    while k > j + 1 and toks[k - 1].norm in NAME_LINKS:
        k -= 1
    if counted >= 3 and _plural_object(toks[k - 1].norm):
        k -= 1  # "نفى المندوب محمد أبو شهاب الاتهامات": the verb's object, not a surname
    return name_span(ctx, j, k)


def _after_compound_din(toks: Sequence[Tok], j: int, k: int) -> bool:
    """A first name of the form "X الدين" (علاء الدين، نور الدين) is followed by the family
    name, even one spelled like an adjective (العسكري، الأمني)."""
    word = toks[k].norm
    return (
        k == j + 2
        and toks[j + 1].norm == _DIN
        and word.startswith("ال")
        and len(word) > 4
        and title_head(word) is None
        and org_head(word) is None
    )


def _blessing(toks: Sequence[Tok], k: int) -> bool:
    """ "سلام الله عليها", "رضي الله عنه": a blessing on the person just named."""
    return (
        k + 2 < len(toks)
        and toks[k + 1].norm == _ALLAH
        and toks[k + 2].norm in _ON_HIM
        and toks[k + 1].sep == SPACE
    )


def role_surname(ctx: Context, j: int, k: int) -> bool:
    """ "أحمد الأمين، نائب رئيس", "عبد الله السيد و...": a role word that is a family name
    too, right after a first name, ends the name where no title phrase goes on from it
    (not "محمد الأمين العام", "سامر الشيخ محمد")."""
    toks = ctx.block.toks
    if toks[k].norm not in _ROLE_SURNAMES or ctx.covered[k] is not None:
        return False
    opener = toks[j].norm
    if k - j > 2 or not (opener in first_names() or opener in NAME_LINKS):
        return False
    nxt = k + 1
    if nxt >= len(toks) or toks[nxt].sep != SPACE:
        return True
    word = toks[nxt].norm
    if word in MODIFIERS or word in DOMAINS or word.startswith("ال"):
        return False
    head = title_head(word)
    return (head is not None and not head[0]) or is_boundary_word(word) or word == "و"


def _patronymic(ctx: Context, j: int, atom: Cand) -> bool:
    """A known first name right before a known person's full name is that person's child:
    the father's name is the child's middle name ("بافل جلال طالباني")."""
    return (
        atom.kind is EntityKind.PERSON
        and not atom.prefix
        and atom.form is Form.NAME
        and atom.size >= 2
        and ctx.block.toks[j].norm in first_names()
    )


def _plural_object(word: str) -> bool:
    """A definite plural of a derived noun (الاتهامات، المفاوضات، التصريحات) ending a full
    name is the object of the verb; a surname of the same ending (الزيات) is not derived."""
    return word.startswith(("الا", "الم", "الت")) and word.endswith("ات") and len(word) > 6


def _after_surname(toks: Sequence[Tok], k: int) -> bool:
    """After a surname with the article (العلي), a bare word is no part of the name: names
    do not go on after it, the object of the verb does. "عبد الوهاب عاصي", "أبو الحسن
    علي": the article word after a link is half of a compound first name."""
    previous, word = toks[k - 1].norm, toks[k].norm
    if previous == _AL or not previous.startswith("ال") or word.startswith("ال"):
        return False  # "آل" (folded to "ال") links a family name: "زايد آل نهيان"
    if previous == _ALLAH:
        return False  # "عطا الله حنا", "نصر الله خليل": الله closes a compound first name
    if k >= 2 and toks[k - 2].norm in NAME_LINKS:
        return False
    return word not in NAME_LINKS and word not in first_names()


def _after_family_name(toks: Sequence[Tok], k: int) -> bool:
    """A listed or foreign-shaped surname ends a name, unless another follows it
    (a Sinhalese or Spanish name of several such words)."""
    last, word = toks[k - 1].norm, toks[k].norm
    return surname_ending(last) and not surname_like(word)


def name_span(ctx: Context, first: int, last: int) -> Cand | None:
    toks = ctx.block.toks
    counted = sum(toks[k].norm not in NAME_LINKS for k in range(first, last))
    if counted < 2 or counted > 4:
        return None
    tokens = tuple(toks[k].norm for k in range(first, last))
    if _accusative_pair(tokens) or _ala_on_a_verbal_noun(tokens):
        return None
    return Cand(ctx.block, EntityKind.PERSON, first, last, tokens=tokens)


def name_token(ctx: Context, k: int, *, first: bool, strict: bool = True) -> bool:
    """Whether token k can be part of a name. `strict` for a first token that no comma
    sets apart: then لمناقشة-like words (a preposition on a noun) are refused too."""
    if k < 0 or ctx.covered[k] is not None:
        return False
    tok = ctx.block.toks[k]
    word = tok.norm
    if tok.latin:
        return tok.capital and word.isalpha()
    if not word.isalpha() or len(word) < 2:
        return False
    shown = ctx.block.text(tok.start, tok.end)
    if _TANWEEN_FATH in shown:
        return False  # "شرحاً", "تأكيداً": an indefinite accusative, never a name
    if not first and _accusative_noun(word):
        return False  # "انتخب جوزاف عون رئيسا", "التقى ... وفدا": the tanween unwritten
    if word == _ALI and shown.endswith("ي"):
        return True  # علي the name, not على the preposition: both normalize to علي
    if word == _ALLAH:
        return not first  # عبد الله، العبد الله
    if word == _IMAM and shown.startswith("إ"):
        return not first  # "محمد طارق إمام": the hamza below writes the name, not أمام
    if word in PARTICLES or word in TIME_WORDS or word in NOT_NAMES:
        return False
    if word in first_names() or _joined_allah(word) or (word == _SON_OF and not first):
        return True
    if not first and word in family_names():
        return True  # "دانييل ويليامز": a family name in و is no و + a word
    if word in GENERIC:
        return False
    # a first-person plural verb (نـ) hardly follows a title in reported prose, while
    # names in ن are many (نافي بيلاي): before a bare word it may open a name; before a
    # definite one it is the verbal noun of an object ("أكد الوزير نجاح الزيارة")
    shaped = first and strict and not (word[:1] == "ن" and _bare_next(ctx, k))
    verb_shaped = looks_like_verb(word) if shaped else is_verb(word)
    if (word in MODIFIERS and not _surname_spelling(word, shown)) or word in DOMAINS:
        return False
    if first and word[:1] == "و" and word.endswith("نا") and len(word) >= 5:
        return False  # "، وتباحثنا": و on a verb of "we", never a name opening after a comma
    if verb_shaped and not foreign_shaped(word):
        return False  # "تثيرو"، "تشاندراسيكارا": no verb is spelled so
    if _after_son_of(ctx, k, first=first):
        return True  # "محمد ولد الشيخ أحمد", "سعد بن الشيخ": a father named by his title
    if title_head(word) is not None or org_head(word) is not None or word in ACCUSATIVE_ROLES:
        return False
    if first and word[:1] == "و" and word[1:] in NOT_NAMES:
        return False  # "، وزيارة مقام ...": و on a listed noun, another item of the clause
    opening = word.startswith("ال") and not _hamzated_al(word, shown)
    if opening if first else word.startswith(("و", "بال", "كال", "لل", "فال")):
        return False  # "... بالقول": a preposition on a noun ends the name
    if first and strict and _preposition_phrase(word):
        return False
    if first and _bi_on_a_b_word(word):
        return False  # "ببرنامج", "ببرقيتين": ب on a noun that begins with ب
    if not first and _on_common_word(word):
        return False  # "قيس سعيّد بولاية ثانية": a preposition on a noun ends the name
    if not first and _li_on_a_first_name(word, shown):
        return False  # "تعيين الأمين العام سامر حداد لكمال ...": the object, another man
    if not first and _abstract_noun(shown):
        return False  # "حمّل الوزير فلان مسؤولية": the verb's object, not a surname
    if shown.endswith("يه") and len(word) >= 5 and word not in PARTICLES:
        return True  # هيرفيه، دوسيه، بارنييه: French names in -é, -ier, not a pronoun
    if word.endswith("دزه") and len(word) >= 6:
        return True  # "بواتشيدزه", "شيفاردنادزه": Georgian -dze, not a pronoun
    return not (shown.endswith(_PRONOUN_ENDINGS) or (shown.endswith("ه") and len(word) > 3))


def _li_on_a_first_name(word: str, shown: str) -> bool:
    """ل on a listed first name: "لكمال", "لألكسندر" (the hamza written); "لاليس" with a
    bare alef is a surname of its own (Lalys), not ل on أليس."""
    stem = word[1:]
    if word[:1] != "ل" or stem not in first_names():
        return False
    return stem[:1] != "ا" or shown[1:2] in ("أ", "إ", "آ")


def _accusative_noun(word: str) -> bool:
    """A role or a listed noun with the accusative alef (رئيسا، ممثلا، وفدا)."""
    if not word.endswith("ا") or len(word) < 4:
        return False
    stem = word[:-1]
    return stem in NOT_NAMES or (title_head(stem) is not None and not stem.startswith("ال"))


def _hamzated_al(word: str, shown: str) -> bool:
    """ "ألكساندر", "إلياس": أل or إل written with the hamza opens a foreign name, not the
    article; a verbal noun of that shape (إلغاء، إلزام) is no name."""
    return shown.startswith(("أل", "إل")) and len(word) >= 5 and not _ifaal(word)


def _after_son_of(ctx: Context, k: int, *, first: bool) -> bool:
    """Right after بن or ولد inside a name, a role word with the article (الشيخ، الأمير) is
    the father's name or his honorific, part of the name: the link calls for a name."""
    toks = ctx.block.toks
    if first or k == 0 or toks[k].sep != SPACE or toks[k - 1].norm not in _SON_LINKS:
        return False
    head = title_head(toks[k].norm)
    return head is not None and head[0] == "" and toks[k].norm.startswith("ال")


def _joined_allah(word: str) -> bool:
    """ "عطالله", "نصرالله", "جارالله": a compound name written as one word; its final ه is
    God's name, not a pronoun."""
    return len(word) >= 6 and word.endswith(_ALLAH) and word[:-4] not in _PIOUS_HEADS


def _surname_spelling(word: str, shown: str) -> bool:
    """ "الفايز" the family, "الفائز" the winner: one word once the hamza is folded, told
    apart by how the text writes it."""
    return word in _HAMZA_MODIFIERS and "ئ" not in shown


def _accusative_pair(tokens: tuple[str, ...]) -> bool:
    """ "أجرى الوزير اتصالا هاتفيا": a noun and its relational adjective, both in the
    accusative with the tanween unwritten, not a first name and a surname in ـيا."""
    if len(tokens) != 2 or tokens[0] in first_names():
        return False
    noun, adjective = tokens
    return noun.endswith("ا") and adjective.endswith("يا") and len(adjective) >= 5


def _ala_on_a_verbal_noun(tokens: tuple[str, ...]) -> bool:
    """ "شدد الوزير علي تمسك بلاده": على written with ي, then a verbal noun (تفعّل،
    تفعيل), is the preposition and its object, not the name علي and a surname."""
    if tokens[0] != _ALI:
        return False
    word = tokens[1]
    tafaul = len(word) == 4 and word[0] == "ت" and not any(c in "اوي" for c in word[1:])
    return tafaul or _verbal_noun(word)


def _abstract_noun(shown: str) -> bool:
    """A long bare word in ـية (مسؤولية، أولوية، شرعية) is an abstract noun: surnames in
    ـية are short (عطية، رقية) or carry the article (العطية)."""
    return shown.endswith("ية") and len(shown) >= 6 and not shown.startswith("ال")


def _bare_next(ctx: Context, k: int) -> bool:
    toks = ctx.block.toks
    return k + 1 < len(toks) and toks[k + 1].sep == SPACE and not toks[k + 1].norm.startswith("ال")


def _preposition_phrase(word: str) -> bool:
    """لمناقشة، بحضور، لبحث: a preposition on a common word, not a first name."""
    for prefix, stem in readings(word):
        if not prefix:
            continue
        if prefix[-1] == "ل" and stem not in first_names():
            return True
        if prefix == "ب" and stem not in first_names() and (_verbal_noun(stem) or _ifaal(stem)):
            return True  # "بإهدار المال", "بتعزيز": ب on a verbal noun
        if stem in NOT_NAMES or stem in PARTICLES or is_verb(stem):
            return True
    return False


def _ifaal(stem: str) -> bool:
    """إفعال (إهدار، إطلاق، إعلان): the verbal noun of a form-IV verb."""
    return len(stem) == 5 and stem[0] == "ا" and stem[3] == "ا"


def _bi_on_a_b_word(word: str) -> bool:
    """No name opens on two ب: the first is the preposition (ببرنامج، ببيان)."""
    return word.startswith("بب") and len(word) >= 5


def _on_common_word(word: str) -> bool:
    """بولاية، لمنصب، كرئيس: ب، ل or ك on a listed noun or a role (surnames may begin
    with these letters: بوعسكر، بلحاج، لعمامرة)."""
    return any(
        prefix in ("ب", "ل", "ك")
        and (
            stem in NOT_NAMES
            or stem in TIME_WORDS
            or title_head(stem) is not None
            or (prefix != "ك" and _verbal_noun(stem))
        )
        for prefix, stem in readings(word)
    )


def _verbal_noun(stem: str) -> bool:
    """After ب or ل a word shaped like a verb is its verbal noun (بتدخل، لتعزيز): a
    preposition never takes a verb. تفعيل-shaped, or a listed verb form."""
    tafeel = len(stem) == 5 and stem[0] == "ت" and stem[3] == "ي"
    return tafeel or is_verb(stem)


def known_surname(
    ctx: Context, j: int, *, opening: bool = False, nisba: bool = False
) -> Cand | None:
    """ "الرئيس أردوغان": after a title, the last name of one person the gazetteer knows.
    A nisba (الحوثي، السيسي) is left out: after a title it may be the title's adjective;
    `nisba` where it cannot be ("نظيره الشيباني": a counterpart's nationality is a
    demonym the gazetteer reads first). `opening`: the block's first word."""
    toks = ctx.block.toks
    if j >= len(toks) or ctx.covered[j] is not None or (toks[j].sep != SPACE and not opening):
        return None
    word = toks[j].norm
    key = ctx.surnames.get(word)
    if key is None or (not nisba and word.startswith("ال") and word.endswith("ي")):
        return None
    if title_head(word) is not None or org_head(word) is not None:
        return None
    # "خطة الرئيس ترامب المكونة من": a definite word after a known surname qualifies what
    # the title hangs on; a one-word known name takes no article word after it
    if not (ends_name(ctx, j + 1) or _definite_after(ctx, j + 1)):
        return None
    return Cand(
        ctx.block, EntityKind.PERSON, j, j + 1, form=Form.SHORT_FORM, key=key, tokens=(word,)
    )


def _definite_after(ctx: Context, k: int) -> bool:
    toks = ctx.block.toks
    return k < len(toks) and toks[k].norm.startswith("ال") and toks[k].norm != _AL


def definite_l_genitive(word: str) -> bool:
    """ "للبرنامج", "للمنظمة": ل + a definite noun, the body a role belongs to."""
    for prefix, stem in readings(word):
        if prefix == "لل" and len(stem) >= 5:
            return not (stem in PARTICLES or stem in TIME_WORDS or is_verb(stem))
    return False


def name_is_credible(ctx: Context, person: Cand) -> bool:
    """A title then a name: credible when it opens with a first name (or a kunya on one:
    "أبو عمر"), ends on a family name or a foreign surname's shape, or a boundary closes
    it."""
    tokens = person.tokens
    if tokens[0] in first_names() or ends_name(ctx, person.last) or surname_like(tokens[-1]):
        return True
    if _definite_noun_joined(ctx, person.last) and not any(t.startswith("ال") for t in tokens):
        return True  # "السفير رسول جمالي والوفد المرافق": bare words, then a definite noun
    return tokens[0] in _KUNYA and len(tokens) > 1 and tokens[1] in first_names()


def _definite_noun_joined(ctx: Context, k: int) -> bool:
    """A definite noun joined by و at token k: another thing of the clause, not a name's."""
    toks = ctx.block.toks
    return k < len(toks) and toks[k].sep == SPACE and toks[k].norm.startswith("وال")


def ends_name(ctx: Context, k: int) -> bool:
    toks = ctx.block.toks
    if k >= len(toks) or toks[k].sep != SPACE:
        return True
    word = toks[k].norm
    if is_boundary_word(word) or title_head(word) is not None or _accusative_noun(word):
        return True
    if word[:1] == "و" and word[1:] in first_names() and word not in first_names():
        return True  # "سامر الخطيب ونبيل حداد": another name, coordinated
    if word.startswith(("بال", "لل", "كال")) and len(word) > 5:
        return True  # "التقى سامر حداد بالوفد": a preposition on a definite noun
    atom = ctx.atoms.get(k)
    if atom is not None and atom.prefix:
        return True  # "... لفرانس برس": a preposition on a named body opens a new phrase
    if any(p in ("ل", "ب") and (s in QUOTED_HEADS or bare(s) in HEADS) for p, s in readings(word)):
        return True  # "... لموقع «عنب بلدي»", "... لوكالة": the outlet it spoke to
    if word[:1] not in ("ل", "ب", "ك") and _after_surname(toks, k):
        # "حسان العلي مواقع الجيش": a construct phrase follows the name
        nxt = k + 1
        if nxt < len(toks) and toks[nxt].sep == SPACE and toks[nxt].norm.startswith("ال"):
            return True
    # the object of the verb: "رفض المندوب جلعاد إردان القرار"
    return word in NOT_NAMES or (word.startswith("ال") and word in GENERIC)


def waw_surname(ctx: Context, j: int, k: int) -> bool:
    """ "روبرت وود", "لين ولشمان": after a lone known first name, a word that starts with و
    is the surname unless what follows the و is a word of its own (a first name, a verb,
    a particle, a noun with the article): "سامر وعلي", "جون ودعا", "ليلى والوفد"."""
    return ctx.block.toks[j].norm in first_names() and waw_word(ctx.block.toks[k].norm)


def waw_word(word: str) -> bool:
    """A word starting with و that is not و + a word of its own, nor a role noun itself
    ("سامر وزير الخارجية": وزير is the next title, not his surname)."""
    rest = word[1:]
    if word[:1] != "و" or len(rest) < 2 or rest.startswith("ال") or word in PARTICLES:
        return False
    if title_head(word) is not None:
        return False
    if rest in first_names() or rest.endswith(_PRONOUN_ENDINGS):
        return False
    return not (
        rest in PARTICLES
        or rest in NOT_NAMES
        or rest in TIME_WORDS
        or is_verb(rest)
        or title_head(rest) is not None
        or org_head(rest) is not None
    )


def is_boundary_word(word: str) -> bool:
    if word in PARTICLES or word in TIME_WORDS or word in VERBS or looks_like_verb(word):
        return True
    return any(stem in PARTICLES or stem in VERBS for p, stem in readings(word) if p)
