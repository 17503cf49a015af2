"""Document-level scoring of one real excerpt. Pure functions, no I/O.

Each actor, resolution and (speaker, verb) pair counts once per article, however often the
text names it. An extracted actor matches a gold one when its name or the surface of any of
its mentions equals a gold name or alias (eval.matching keys: normalized, a leftover
proclitic forgiven). A gold country the text reaches only through a demonym is neither
required nor penalized.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.extract.model import EntityKind, Extraction, Statement
from eval.gold import EntityKindName, GoldEntity
from eval.matching import (
    KindResult,
    Tally,
    gold_keys,
    match_key,
    max_matching,
    named_entities,
    predicted_keys,
    verb_lemma,
)
from eval.real.schema import RealGold, Split

REAL_KINDS: tuple[str, ...] = (
    "person", "organization", "place", "resolution", "statement", "speaker"
)  # fmt: skip
_ENTITY_KINDS: tuple[tuple[EntityKindName, EntityKind], ...] = (
    ("person", EntityKind.PERSON),
    ("organization", EntityKind.ORGANIZATION),
    ("place", EntityKind.PLACE),
)
# A one-word adjective: الأميركي، الإسرائيلية، السوريين; without the article only masculine
# forms (فيتنامي، فلبينيان), since an indefinite feminine is also a spelling (سورية).
_DEMONYM = re.compile(r"ال\S+(?:ي|يه|يون|يين|يان|يتان|يتين)|\S+(?:ي|يون|يين|يان)")


@dataclass(slots=True)
class RealScore:
    id: str
    split: Split
    kinds: dict[str, KindResult] = field(default_factory=dict)
    body_errors: list[str] = field(default_factory=list)  # right number, wrong body
    ignored_demonym_places: list[str] = field(default_factory=list)


def is_demonym(form: str) -> bool:
    return bool(_DEMONYM.fullmatch(match_key(form)))


def occurs(key: str, text_key: str) -> bool:
    """Does a matching key occur in the (matching-keyed) text as whole words, clitics allowed?"""
    stems = [re.escape(key)]
    if key.startswith("ال"):
        stems.append("لل" + re.escape(key[2:]))  # ل + ال is written لل
    pattern = rf"(?:^|\s)[وفبلك]{{0,2}}(?:{'|'.join(stems)})(?=\s|$)"
    return re.search(pattern, text_key) is not None


def demonym_only(place: GoldEntity, text_key: str) -> bool:
    """True when the text names the country only through an adjective form."""
    named = [f for f in place.forms() if not is_demonym(f) or f == place.name]
    return not any(occurs(k, text_key) for k in gold_keys(named))


def _forms_by_key(extraction: Extraction) -> dict[str, list[str]]:
    """Each extracted entity's name followed by the surfaces of its mentions."""
    forms = {e.key: [e.name] for e in extraction.entities}
    for mention in extraction.mentions:
        forms.setdefault(mention.entity_key, []).append(mention.surface)
    return forms


def _match_sets(
    gold: Sequence[set[str]], predicted: Sequence[set[str]], optional: Sequence[bool]
) -> tuple[list[tuple[int, int]], set[int]]:
    """Pairs (predicted, gold): required gold first, then optional gold with what is left.
    Returns the pairs with required gold and the predictions absorbed by optional gold."""

    def matcher(golds: list[int], preds: list[int]) -> list[tuple[int, int]]:
        pairs = max_matching(
            len(preds), len(golds), lambda i, j: bool(predicted[preds[i]] & gold[golds[j]])
        )
        return [(preds[i], golds[j]) for i, j in pairs]

    required = [j for j in range(len(gold)) if not optional[j]]
    first = matcher(required, list(range(len(predicted))))
    left = [i for i in range(len(predicted)) if i not in {p for p, _ in first}]
    second = matcher([j for j in range(len(gold)) if optional[j]], left)
    return first, {p for p, _ in second}


def _result(
    labels_gold: Sequence[str],
    labels_pred: Sequence[str],
    pairs: list[tuple[int, int]],
    absorbed: set[int],
    optional: Sequence[bool],
) -> KindResult:
    hit_p, hit_g = {p for p, _ in pairs} | absorbed, {g for _, g in pairs}
    missed = [g for j, g in enumerate(labels_gold) if j not in hit_g and not optional[j]]
    spurious = [p for i, p in enumerate(labels_pred) if i not in hit_p]
    return KindResult(Tally(len(pairs), len(spurious), len(missed)), missed, spurious)


def _score_entities(
    gold: RealGold, extraction: Extraction, text_key: str, score: RealScore
) -> None:
    forms = _forms_by_key(extraction)
    for name, kind in _ENTITY_KINDS:
        golds = gold.entities(name)
        optional = [name == "place" and demonym_only(g, text_key) for g in golds]
        score.ignored_demonym_places += [g.name for g, o in zip(golds, optional, strict=True) if o]
        predicted = named_entities(extraction, kind)
        pairs, absorbed = _match_sets(
            [gold_keys(g.forms()) for g in golds],
            [predicted_keys(forms[e.key]) for e in predicted],
            optional,
        )
        score.kinds[name] = _result(
            [g.name for g in golds], [e.name for e in predicted], pairs, absorbed, optional
        )


def _score_resolutions(gold: RealGold, extraction: Extraction, score: RealScore) -> None:
    want = sorted({(r.body, r.number) for r in gold.resolutions})
    got = sorted({(c.body.value, c.number) for c in extraction.citations})
    found = set(want) & set(got)
    bodies = {n: b for b, n in got}
    score.body_errors = [
        f"{b} {n} read as {bodies[n]}" for b, n in want if (b, n) not in found and n in bodies
    ]
    score.kinds["resolution"] = KindResult(
        Tally(len(found), len(got) - len(found), len(want) - len(found)),
        missed=[f"{b} {n}" for b, n in want if (b, n) not in found],
        spurious=[f"{b} {n}" for b, n in got if (b, n) not in found],
    )


def _speaker(statement: Statement, forms: dict[str, list[str]]) -> tuple[str, set[str]]:
    """Identity and matching keys of a predicted speaker: its entity, else its surface."""
    if statement.speaker_key and statement.speaker_key in forms:
        entity_forms = forms[statement.speaker_key]
        return entity_forms[0], predicted_keys(entity_forms)
    return statement.speaker_surface, predicted_keys([statement.speaker_surface])


def _score_statements(gold: RealGold, extraction: Extraction, score: RealScore) -> None:
    forms = _forms_by_key(extraction)
    g_pairs = sorted({(s.speaker, s.verb) for s in gold.statements})
    g_keys = {n: gold_keys(e.forms()) for n, _ in g_pairs if (e := gold.speaker(n))}
    predicted: dict[tuple[str, str], set[str]] = {}
    for statement in extraction.statements:
        who, keys = _speaker(statement, forms)
        predicted[(who, verb_lemma(statement.verb))] = keys
    p_pairs = sorted(predicted)

    def same(i: int, j: int) -> bool:
        (_, verb), (speaker, gold_verb) = p_pairs[i], g_pairs[j]
        return verb == gold_verb and bool(predicted[p_pairs[i]] & g_keys[speaker])

    pairs = max_matching(len(p_pairs), len(g_pairs), same)
    label = " · ".join
    no = [False] * len(g_pairs)
    score.kinds["statement"] = _result(
        [label(p) for p in g_pairs], [label(p) for p in p_pairs], pairs, set(), no
    )
    g_speakers = sorted(g_keys)
    p_speakers: dict[str, set[str]] = {}
    for (who, _), keys in predicted.items():
        p_speakers.setdefault(who, set()).update(keys)
    names = sorted(p_speakers)
    pairs = max_matching(
        len(names), len(g_speakers), lambda i, j: bool(p_speakers[names[i]] & g_keys[g_speakers[j]])
    )
    score.kinds["speaker"] = _result(g_speakers, names, pairs, set(), [False] * len(g_speakers))


def score_real(
    excerpt_id: str,
    split: Split,
    gold: RealGold,
    extraction: Extraction,
    text: str,
) -> RealScore:
    score = RealScore(id=excerpt_id, split=split)
    _score_entities(gold, extraction, match_key(text), score)
    _score_resolutions(gold, extraction, score)
    _score_statements(gold, extraction, score)
    return score
