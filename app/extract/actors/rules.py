"""RuleActorRecognizer: persons, organizations and places of an article, by rules.

Per block: gazetteer matches (token trie, clitics split; a homograph waits for a cue or
its written vowel marks), outlets quoted without their head noun, named features (معبر
رفح), organizations by head noun and chain (org_chain.py) and by purpose (un_bodies.py),
acronyms in brackets (acronyms.py), head-only short forms, persons by title, cue and
speech-verb patterns, settlements announced by مدينة/بلدات/..., the adjective الأممي.
Overlaps are settled longest first. Per article: homographs confirmed once count
everywhere, short forms, surnames and roles resolve to the actors named in full
(coref.py), home institutions to the article's country (national.py), and the result is
assembled into one Entity per actor. A closing line of page chrome is not read.

Spans exclude proclitics: in "وسوريا" the mention is "سوريا", in "للهيئة" it is "هيئة"
(the alias recorded is "الهيئة"). Every Mention.surface equals block.text[start:end].
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.extract.actors import national, offices, transliteration
from app.extract.actors.acronyms import bracketed_acronyms
from app.extract.actors.assemble import assemble
from app.extract.actors.candidates import BlockResult, Cand, Form
from app.extract.actors.chrome import closing_chrome
from app.extract.actors.coref import resolve
from app.extract.actors.features import find_features
from app.extract.actors.gazetteer import Gazetteer, Ref, load_gazetteer
from app.extract.actors.matcher import Match
from app.extract.actors.middle_names import two_word_names, with_middle_names
from app.extract.actors.names import Context
from app.extract.actors.organizations import (
    cued_media,
    dateline,
    domain_adjective,
    find_orgs,
    media_credit,
    minister_title,
    names_un,
    own_demonyms,
    quoted_media,
    short_forms,
    un_adjectives,
    un_in_vague_chains,
)
from app.extract.actors.palaces import presidencies
from app.extract.actors.persons import find_persons
from app.extract.actors.places import (
    find_cued_places,
    first_name_read_as_place,
    has_cue,
    is_date,
    names_settlement,
    spelled_otherwise,
)
from app.extract.actors.positions import title_headed_governments
from app.extract.actors.regime_heads import prepare as regime_heads_index
from app.extract.actors.regime_heads import regime_heads, ruled_by_surname
from app.extract.actors.regimes import governments_by_head
from app.extract.actors.seats import missions_by_seat
from app.extract.actors.shared_head import shared_head_bodies
from app.extract.actors.sovereigns import sovereigns
from app.extract.model import EntityKind
from app.extract.recognizer import ActorResult
from app.extract.tokens import SPACE, Block, NormText, is_mark, lex, stem_of, texts_of
from app.ingest.model import Part, TextBlock

log = logging.getLogger(__name__)
_CLOSED_BODY = 3  # paragraphs an article needs before its last one may be chrome
_FAMILY = "ال"  # آل once folded
_ORG = EntityKind.ORGANIZATION


class RuleActorRecognizer:
    """The default ActorRecognizer. Thread-safe: it keeps no per-article state."""

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, data_dir: Path | str | None = None
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer(data_dir)
        # The indexes derived from the gazetteer are built with it, once, not by whichever
        # article first needs one.
        for prepare in (
            offices.prepare,
            transliteration.prepare,
            national.prepare,
            regime_heads_index,
            sovereigns,
            two_word_names,
        ):
            prepare(self.gazetteer)
        countries = self.gazetteer.countries
        # a body's own country, for "فيلق القدس الإيراني" (organizations.own_demonyms)
        self._country_of: dict[str, str | None] = {
            e.id: countries.get(e.country)
            for e in self.gazetteer.entries.values()
            if e.kind is _ORG and e.country
        }

    def recognize(
        self,
        blocks: Sequence[TextBlock],
        texts: Sequence[NormText] | None = None,
        *,
        on: date | None = None,
    ) -> ActorResult:
        texts = texts_of(blocks) if texts is None else texts
        results: list[BlockResult] = []
        waiting: list[tuple[BlockResult, list[Cand]]] = []
        last = _last_section(blocks)
        for source, text in zip(blocks, texts, strict=True):
            if source is last and closing_chrome(source.text):
                continue
            if source.text and source.text.strip():
                result, uncued = self._block(lex(source, text))
                results.append(result)
                if uncued:
                    waiting.append((result, uncued))
        if waiting:
            _confirm_homographs(results, waiting)
        _drop_titled_adjectives(results)
        title_headed_governments(results)
        presidencies(results, self.gazetteer)
        resolve(results, self.gazetteer, on.year if on else None)
        un_in_vague_chains(results, self.gazetteer)
        governments_by_head(results, self.gazetteer)
        missions_by_seat(results, self.gazetteer)
        return assemble(results, self.gazetteer)

    def _block(self, block: Block) -> tuple[BlockResult, list[Cand]]:
        gaz, uncued = self._gazetteer_matches(block)
        gaz += with_middle_names(block, self.gazetteer, _taken(block, gaz))
        gaz = [
            c
            for c in gaz
            if c.kind is not _ORG
            or not (minister_title(block, c.first) or domain_adjective(block, c.first))
        ]
        by_first = {c.first: c for c in gaz}
        media = (
            quoted_media(block, self.gazetteer.media_tails, self.gazetteer.cited_tails)
            if self.gazetteer.media_tails
            else []
        )
        features = find_features(block, by_first)
        orgs = own_demonyms(find_orgs(block, by_first), by_first, self._country_of)
        # "صحيفة «الخليج»": the head says what the quoted name is, whatever else it names
        quoted = [c for c in orgs if c.quoted] + cued_media(block)
        dual = shared_head_bodies(block, self.gazetteer)  # "مجلسي الشيوخ والنواب ..."
        selected = _select(
            dual + media + quoted + gaz + features + [c for c in orgs if not c.quoted]
        )
        selected = bracketed_acronyms(block, selected)
        if any(dateline(block, c) for c in selected):
            selected = []  # "شفق نيوز- بغداد": a dateline line, no story text
        selected = [c for c in selected if not media_credit(block, c)]
        covered = _coverage(block, selected)
        selected += short_forms(block, covered)
        covered = _coverage(block, selected)
        ctx = Context(
            block,
            {c.first: c for c in selected},
            covered,
            self.gazetteer.un_id,
            self.gazetteer.eu_id,
            self.gazetteer.surnames,
            self.gazetteer.foreign_surnames,
            sovereigns(self.gazetteer),
        )
        finds, roles = find_persons(ctx)
        persons = [f.person for f in finds if f.person not in selected]
        if persons:
            selected = [c for c in selected if not any(c.overlaps(p) for p in persons)] + persons
        selected += regime_heads(block, selected, self.gazetteer)
        selected += ruled_by_surname(block, selected, self.gazetteer)
        if names_settlement(block):
            selected += find_cued_places(block, _coverage(block, selected))
        if self.gazetteer.un_id is not None and names_un(block):
            selected += un_adjectives(block, _coverage(block, selected), self.gazetteer.un_id)
        return BlockResult(block, selected, finds, roles), uncued

    def _gazetteer_matches(self, block: Block) -> tuple[list[Cand], list[Cand]]:
        """Gazetteer candidates, and the homographs no cue confirmed (kept aside)."""
        out: list[Cand] = []
        uncued: list[Cand] = []
        for match in self.gazetteer.trie.scan(block):
            values = match.values
            single = len(values) == 1  # most names name one entry
            ref = values[0] if single else min(values, key=lambda r: r.rank)
            spelled = None if single and not ref.needs_cue else self._spelled(block, match)
            cand = self._cand(block, match.first, match.last, match.prefix, spelled or ref)
            if cand.kind is EntityKind.PLACE and first_name_read_as_place(
                block, match.first, match.prefix
            ):
                continue
            if spelled is None:
                if not single:
                    cand.alternatives = tuple(
                        r.entry_id for r in values if r.rank == ref.rank and r is not ref
                    )
                entry = self.gazetteer.entries[ref.entry_id]
                if ref.needs_cue and spelled_otherwise(cand.surface, entry.spellings):
                    continue  # "في حديثه": the homograph written as the other word
                if ref.needs_cue and not (
                    has_cue(block, match.first, match.prefix, town=cand.subkind == "city")
                    or _coordinated(out, cand)
                ):
                    if not is_date(block, match.first):
                        uncued.append(cand)
                    continue
            if cand.kind is EntityKind.PERSON:
                _family_name(block, cand)
            previous = out[-1] if out else None
            if previous is not None and _extends(previous, cand):
                previous.last = cand.last  # "الولايات المتحدة الأميركية": one mention
                continue
            out.append(cand)
        return out, uncued

    def _spelled(self, block: Block, match: Match[Ref]) -> Ref | None:
        """The one entry whose spelling the text writes with the same vowel marks:
        "عُمان" is Oman and "عمّان" Amman, though both fold to عمان."""
        if len(match.values) < 2 and not match.values[0].needs_cue:
            return None
        start = block.display_start(match.first, match.prefix)
        surface = block.text(start, block.toks[match.last - 1].end).replace("\u0640", "")
        if not any(is_mark(ch) for ch in surface):
            return None
        found = [
            ref for ref in match.values if surface in self.gazetteer.entries[ref.entry_id].spellings
        ]
        return found[0] if len(found) == 1 else None

    def _cand(self, block: Block, first: int, last: int, prefix: str, ref: Ref) -> Cand:
        entry = self.gazetteer.entries[ref.entry_id]
        stem = stem_of(block.toks[first].norm, prefix)
        return Cand(
            block,
            entry.kind,
            first,
            last,
            prefix,
            form=Form.DEMONYM if ref.demonym else Form.NAME,
            key=entry.id,
            subkind=entry.subkind,
            tokens=(stem, *block.norms[first + 1 : last]),
        )


def _last_section(blocks: Sequence[TextBlock]) -> TextBlock | None:
    """The closing paragraph of an article with a body to close (a one-line brief is all
    story)."""
    sections = [b for b in blocks if b.part is Part.SECTION and b.text.strip()]
    return sections[-1] if len(sections) >= _CLOSED_BODY else None


def _coordinated(out: list[Cand], cand: Cand) -> bool:
    """ "في الرياض ومسقط": a homograph joined by و to the place just before it."""
    if not cand.prefix.startswith("و") or not out:
        return False
    previous = out[-1]
    return previous.kind is EntityKind.PLACE and previous.last == cand.first


def _confirm_homographs(
    results: list[BlockResult], waiting: list[tuple[BlockResult, list[Cand]]]
) -> None:
    """A homograph the article confirms once ("إلى العاصمة العمانية مسقط") is the same
    place where it stands alone ("مسقط على الطاولة")."""
    confirmed = {c.key for r in results for c in r.cands if c.kind is EntityKind.PLACE}
    for result, cands in waiting:
        for cand in cands:
            key = next((k for k in (cand.key, *cand.alternatives) if k in confirmed), None)
            if key is not None and not any(cand.overlaps(c) for c in result.cands):
                cand.key, cand.alternatives = key, ()
                result.cands.append(cand)


def _drop_titled_adjectives(results: list[BlockResult]) -> None:
    """ "المبعوث الأممي غير بيدرسن": the adjective inside a person's title is a mention of
    the United Nations only where the article names it nowhere else; the person's
    affiliation carries it anyway."""
    adjectives = [
        (r, c)
        for r in results
        for c in r.cands
        if c.form is Form.DEMONYM and c.kind is EntityKind.ORGANIZATION
    ]
    if not adjectives:
        return
    key = adjectives[0][1].key
    if any(c.key == key and c.form is not Form.DEMONYM for r in results for c in r.cands):
        titled = {
            id(c)
            for r, c in adjectives
            if any(t.first <= c.first < t.last for f in r.finds for t in f.titles)
        }
        for result in results:
            result.cands = [c for c in result.cands if id(c) not in titled]


def _family_name(block: Block, cand: Cand) -> None:
    """ "سلمان بن عبد العزيز آل سعود": a known name goes on with its family (آل, folded to
    ال) when the text gives it."""
    toks, n = block.toks, cand.last
    if n + 1 >= len(toks) or toks[n].norm != _FAMILY or toks[n].sep != SPACE:
        return
    name = toks[n + 1].norm
    if toks[n + 1].sep == SPACE and name.isalpha() and not name.startswith("ال"):
        cand.last = n + 2


def _extends(previous: Cand, cand: Cand) -> bool:
    return (
        previous.kind is EntityKind.PLACE
        and previous.form is Form.NAME
        and cand.form is Form.DEMONYM
        and cand.key == previous.key
        and previous.last == cand.first
        and not cand.prefix
        and cand.block.toks[cand.first].sep == SPACE
    )


def _select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, longest first; on a tie the earlier-listed one."""
    if not cands:
        return []
    chosen: list[Cand] = []
    taken = [False] * max(c.last for c in cands)  # the tokens of the chosen ones
    for cand in sorted(cands, key=_longest_first):  # a stable sort: ties keep their order
        first, last = cand.first, cand.last
        if first < last:
            if any(taken[first:last]):
                continue
            taken[first:last] = [True] * (last - first)
        elif any(cand is c or cand.overlaps(c) for c in chosen):
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.first)


def _longest_first(cand: Cand) -> int:
    return cand.first - cand.last


def _taken(block: Block, cands: list[Cand]) -> list[bool]:
    return [c is not None for c in _coverage(block, cands)]


def _coverage(block: Block, cands: list[Cand]) -> list[Cand | None]:
    covered: list[Cand | None] = [None] * len(block.toks)
    for cand in cands:
        for k in range(cand.first, cand.last):
            covered[k] = cand
    return covered
