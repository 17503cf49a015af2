"""RuleActorRecognizer: persons, organizations and places of an article, by rules.

Per block: gazetteer matches (token trie, clitics split), organizations by head noun and
chain, head-only short forms, persons by title and speech-verb patterns, settlements
announced by مدينة/بلدة/... Overlaps are settled longest first. Per article: short forms,
surnames and roles resolve to the actors named in full (see coref.py), and the result is
assembled into one Entity per actor.

Spans exclude proclitics: in "وسوريا" the mention is "سوريا", in "للهيئة" it is "هيئة"
(the alias recorded is "الهيئة"). Every Mention.surface equals block.text[start:end].
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from app.extract.assemble import assemble
from app.extract.candidates import Cand, Form
from app.extract.coref import BlockResult, resolve
from app.extract.gazetteer import Gazetteer, Ref, load_gazetteer
from app.extract.lexer import SPACE, Block, lex, readings
from app.extract.model import EntityKind
from app.extract.names import Context
from app.extract.organizations import find_orgs, short_forms
from app.extract.persons import find_persons
from app.extract.places import find_cued_places, has_cue
from app.extract.recognizer import ActorResult
from app.ingest.model import TextBlock

log = logging.getLogger(__name__)


class RuleActorRecognizer:
    """The default ActorRecognizer. Thread-safe: it keeps no per-article state."""

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, data_dir: Path | str | None = None
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer(data_dir)

    def recognize(self, blocks: Sequence[TextBlock]) -> ActorResult:
        results = [self._block(lex(b)) for b in blocks if b.text and b.text.strip()]
        resolve(results, self.gazetteer)
        return assemble(results, self.gazetteer)

    def _block(self, block: Block) -> BlockResult:
        gaz = self._gazetteer_matches(block)
        by_first = {c.first: c for c in gaz}
        selected = _select(gaz + find_orgs(block, by_first))
        covered = _coverage(block, selected)
        selected += short_forms(block, [c is not None for c in covered])
        covered = _coverage(block, selected)
        ctx = Context(
            block,
            {c.first: c for c in selected},
            covered,
            self.gazetteer.un_id,
            self.gazetteer.eu_id,
        )
        finds, roles = find_persons(ctx)
        persons = [f.person for f in finds if f.person not in selected]
        selected = [c for c in selected if not any(c.overlaps(p) for p in persons)] + persons
        selected += find_cued_places(block, _coverage(block, selected))
        return BlockResult(block, selected, finds, roles)

    def _gazetteer_matches(self, block: Block) -> list[Cand]:
        out: list[Cand] = []
        for match in self.gazetteer.trie.scan(block):
            ref = min(match.values, key=lambda r: r.rank)
            if ref.needs_cue and not has_cue(block, match.first, match.prefix):
                continue
            cand = self._cand(block, match.first, match.last, match.prefix, ref)
            cand.alternatives = tuple(
                r.entry_id for r in match.values if r.rank == ref.rank and r is not ref
            )
            previous = out[-1] if out else None
            if previous is not None and _extends(previous, cand):
                previous.last = cand.last  # "الولايات المتحدة الأميركية": one mention
                continue
            out.append(cand)
        return out

    def _cand(self, block: Block, first: int, last: int, prefix: str, ref: Ref) -> Cand:
        entry = self.gazetteer.entries[ref.entry_id]
        stem = next(
            (s for p, s in readings(block.toks[first].norm) if p == prefix), block.toks[first].norm
        )
        return Cand(
            block,
            entry.kind,
            first,
            last,
            prefix,
            form=Form.DEMONYM if ref.demonym else Form.NAME,
            key=entry.id,
            subkind=entry.subkind,
            tokens=(stem, *(block.toks[k].norm for k in range(first + 1, last))),
        )


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
    order = sorted(range(len(cands)), key=lambda n: (-cands[n].size, n))
    chosen: list[Cand] = []
    for n in order:
        cand = cands[n]
        if any(cand is c or cand.overlaps(c) for c in chosen):
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.first)


def _coverage(block: Block, cands: list[Cand]) -> list[Cand | None]:
    covered: list[Cand | None] = [None] * len(block.toks)
    for cand in cands:
        for k in range(cand.first, cand.last):
            covered[k] = cand
    return covered
