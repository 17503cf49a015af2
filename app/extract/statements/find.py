"""Who said what: reported speech around a reporting verb (statements.verbs).

What counts is set by eval/GUIDELINES.md §4 and §7:
- a clause whose verb is one of قال، أكد، شدد، ذكر، أشار، دعا، أعلن، اعتبر، رأى، طالب، حذر،
  أوضح، أضاف or of the verbs real outlets report speech with (صرح، لفت، نوه، تابع، أفاد، كشف،
  نفى، أعرب، حث، أدان), finite (past or present, any person) or the participle that opens a
  clause of its own ("، مؤكداً أن"), with content opened by أن/إن, a colon, a quote, the verb's
  own preposition (أكد على، أشار إلى، طالب بـ) or, for verbs such as أكد and أعلن, a bare object;
- whose speaker is an actor of the article: a person, a body or a place the recognizer found
  (statements.speakers, statements.subjects), or a short form or title of one
  (statements.short_forms: "وتشير الهيئة"، "وقال عبد السلام"، "وأضاف المدعي العام"):
  anonymous sources ("مصادر"، "خبراء") and documents ("دعا القرار") speak for no one, and
  their statements are left out;
- not negated ("لم يعلن"), not owed or hypothetical ("على المجلس أن يطالب"), not the writer's
  voice ("يُذكر أن"), not inside a quotation («موسكو لا ترى بديلاً»), not a clause that
  describes the noun before it ("قراراً يطالب إسرائيل"), not ذكّر ("to remind").
Verbs of attitude (رحب، اتهم، ندد، كتب...) are read all the same, so that "وتابع" or
"، مضيفاً" after them know who is speaking, but are not returned.
A source clause ("وفق ما أعلن الأمين العام"، "بحسب ما أفادت به الوكالة") reports the part of
the sentence before it. A subject that points back (statements.back: "ودعت الدول"، "وأعرب
الأعضاء"، "وأشار البيان") speaks for whom it points at.

Speaker: the subject before the verb when a clause opens with it ("البحرة يطالب"، "وكان
البحرة قد قال"، "أما المندوب الروسي فقد اعتبر"), else after it, up to where the circumstances
begin ("في بيان"، "لـتلفزيون سوريا"), else, with no subject, the speaker of an earlier clause
of the same sentence, else the subject of the verb that opens the sentence ("رفض المندوب
القرار، وقال إنه"), else for a past verb ("وأضاف أن") the previous speaker of the same part of
the article. Actors joined by و each get the statement ("أعلنت روسيا وتركيا رفضهما").

verb is the word as written, without its conjunction ("أكدت", "مشدداً"). content runs from
after أن/إن (kept when it carries a pronoun: "إنها ستدعم") to the end of the sentence, the
closing quote of a quotation, or the next و-verb or participle of the sentence; a content that
is one quotation loses its quote marks. span covers the verb to the end of the content.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from app.extract.model import Mention, Statement
from app.extract.recognizer import ActorResult
from app.extract.statements import words as w
from app.extract.statements.back import BackRefs, Holders
from app.extract.statements.broken import joined, lead_verb, unjoined
from app.extract.statements.clauses import left_open
from app.extract.statements.frames import frame_of
from app.extract.statements.reader import Reader
from app.extract.statements.short_forms import ShortForms
from app.extract.statements.speakers import MentionIndex, Speaker
from app.extract.statements.verbs import TRIGGERS, Form, lookup
from app.extract.tokens import NormText, texts_of
from app.ingest.model import Part, TextBlock
from app.text.normalize import normalize

# A stop with an Arabic letter right after it ("قريب».وتقدم"); sentence_spans decides.
_RUN_ON = re.compile(r"[.!?؟؛…][\"'»”)\]]*[\u0621-\u064a]")
# "عبّر" with its shadda, between or after the vowel marks the press writes on it.
_ABBARA = re.compile("عب[\u064b-\u0652]*\u0651[\u064b-\u0652]*ر")
_ABBAR = normalize("عبر")


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The closed list of eval/GUIDELINES.md §4, by lemma.
LISTED = _lemmas("قال أكد شدد ذكر أشار دعا أعلن اعتبر رأى طالب حذر أوضح أضاف")
# The verbs real outlets report speech with beyond that list (eval/GUIDELINES.md §7).
WIDER = _lemmas("صرح لفت نوه تابع أفاد كشف نفى أعرب حث أدان")
REPORTED = LISTED | WIDER


def find_statements(
    blocks: Sequence[TextBlock], actors: ActorResult, texts: Sequence[NormText] | None = None
) -> list[Statement]:
    """Who said what in `blocks`; `texts` are their NormTexts (built here when not given)."""
    texts = texts_of(blocks) if texts is None else texts
    kinds = {e.key: e.kind for e in actors.entities}
    by_block: dict[tuple[Part, int], list[Mention]] = defaultdict(list)
    for mention in actors.mentions:
        by_block[(mention.span.part, mention.span.index)].append(mention)
    short = ShortForms(blocks, texts, by_block, actors.entities)
    holders = Holders(actors.affiliations)
    back = BackRefs(kinds)
    cities = frozenset(e.key for e in actors.entities if e.subkind == "city")
    found: list[Statement] = []
    heard: dict[tuple[str, ...], str] = {}  # the words of each speaker that named one actor
    last: Speaker | None = None
    part: Part | None = None
    frame: Speaker | None = None
    for seq, (block, nt) in enumerate(zip(blocks, texts, strict=True)):
        if block.part != part:
            part, last = block.part, None  # "وأضاف" never reaches back into the summary
        mentions = by_block[(block.part, block.index)]
        back.saw(seq, mentions, block.text)
        frame = frame_of(nt, mentions, kinds, frame)
        # a line the page broke mid-sentence: "، مضيفاً" opening this one goes on from it
        before = blocks[seq - 1].text if seq > 0 and blocks[seq - 1].part == block.part else ""
        lead = lead_verb(before)  # "وقال" ending the line before: this line is its clause
        if lead:
            block, mentions = joined(lead, block, mentions)
            nt = NormText(block.text)
        marked = "\u0651" in block.text and _ABBARA.search(block.text) is not None
        said = _said(nt, marked)
        if not said:
            continue  # no reporting verb: nothing said here, and the speaker carries over
        if _RUN_ON.search(block.text) is not None:
            # "قريب».وتقدم الوكيل": the page ran two sentences together, and the second has
            # a subject of its own (the other stages keep the block's plain sentences)
            nt = NormText(block.text, run_on=True)
            said = _said(nt, marked)
        said = _with_heads(nt, said)
        if len(said) < len(nt.sentences):
            nt = nt.only(said)  # the other sentences are never tokenized
        index = MentionIndex(nt, mentions, kinds, short.lone_names)
        broken = before.rstrip()[-1:].isalnum()  # not after "،" or ":", which open a line
        carried = left_open(before) if broken else ""
        reader = Reader(block, nt, index, last, cities, frame, broken=broken, carried=carried)
        for statement, speaker, lemma in reader.read():
            statement = unjoined(statement, lead) if lead else statement
            referred = back.refer(speaker, (seq, statement.span.start))
            spoken = _per_speaker(statement, referred, short, holders)
            if not spoken and referred.key is None:
                spoken = _heard_before(statement, referred.surface, heard)
            keys = [s.speaker_key for s in spoken if s.speaker_key]
            if len(keys) == 1:
                heard.setdefault(tuple(normalize(speaker.surface).split()), keys[0])
            for key in keys:
                short.spoke(key)
            if keys:
                back.spoke(Speaker(keys[0], speaker.surface, tuple(keys[1:])))
            if lemma in REPORTED:
                found.extend(spoken)
        last = reader.last
    return found


def _said(nt: NormText, marked: bool) -> list[int]:
    """The sentences of `nt` that hold a word that may open a statement."""
    return [k for k, (a, b) in enumerate(nt.sentences) if _says(nt.text, a, b, marked)]


def _with_heads(nt: NormText, said: list[int]) -> list[int]:
    """`said` with the sentence before each that opens with a participle ("... والتقاسم.
    معتبراً أن"): the page put a full stop before it, and its subject stands there."""
    heads = [k - 1 for k in said if k > 0 and _opens_with_participle(nt.text, *nt.sentences[k])]
    return sorted(set(said).union(heads)) if heads else said


def _opens_with_participle(text: str, start: int, end: int) -> bool:
    first = w.WORD_RE.search(text, start, end)
    found = lookup(first.group()) if first is not None else None
    return found is not None and not found[0] and found[1].form is Form.PARTICIPLE


def _says(text: str, start: int, end: int, marked: bool = False) -> bool:
    """Whether text[start:end] holds a word that may open a statement; `marked`: the block
    writes عبّر with its shadda, so that "عبر" may be the verb and not "via"."""
    words = w.WORD_RE.findall(text, start, end)
    return not TRIGGERS.isdisjoint(words) or (marked and _ABBAR in words)


def _spokesman(surface: str) -> bool:
    words = normalize(surface).split()
    # "المتحدث باسم الخارجية"، "الناطق الرسمي باسم الحكومة"
    spokesman = len(words) > 2 and w.has_stem(words[0], w.SPOKESMAN_STEMS)
    return spokesman and not w.ON_BEHALF_OF.isdisjoint(words[1:3])


def _heard_before(
    statement: Statement, surface: str, heard: dict[tuple[str, ...], str]
) -> list[Statement]:
    """ "وأضاف المكتب الإعلامي" after "وقال المكتب الإعلامي لرئيس المجلس": the opening words
    of a speaker heard before, two at least, are that speaker."""
    words = tuple(normalize(surface).split())
    if len(words) < 2:
        return []
    keys = {
        key for said, key in heard.items() if len(said) > len(words) and said[: len(words)] == words
    }
    return [replace(statement, speaker_key=keys.pop())] if len(keys) == 1 else []


def _per_speaker(
    statement: Statement, speaker: Speaker, short: ShortForms, holders: Holders
) -> list[Statement]:
    """One statement for each actor that speaks; none for an unnamed or anonymous speaker."""
    span = statement.span
    key = speaker.key or short.resolve(speaker.surface, span.part, span.index, span.start)
    if key is None and _spokesman(speaker.surface):
        # "المتحدث باسم الأمين العام": the spokesman of an office-holder the article names
        # speaks for him
        served = speaker.surface.split("باسم", 1)[-1].strip()
        key = short.resolve(served, span.part, span.index, span.start) if served else None
    if key is None and speaker.served is not None:
        key = holders.holder(speaker.surface, speaker.served)
    if key is None and speaker.fallback is not None:
        return _per_speaker(statement, speaker.fallback, short, holders)
    if speaker.key is not None and not speaker.others and _spokesman(speaker.surface):
        # the spokesman of a body, named elsewhere in the article, speaks for himself
        key = short.holder(speaker.surface, span.part, span.index, span.start) or key
    also = [short.resolve(surface, span.part, span.index, span.start) for surface in speaker.also]
    keys = [k for k in (key, *speaker.others, *also) if k is not None]
    return [
        statement if k == statement.speaker_key else replace(statement, speaker_key=k)
        for k in dict.fromkeys(keys)
    ]
