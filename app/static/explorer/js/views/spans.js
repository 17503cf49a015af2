// Highlighted spans: mentions of actors and citations of resolutions, by block of text.
import { h } from "../dom.js";
import { kindLabel, resolutionLabel } from "../format.js";
import { t } from "../i18n.js";
import { link } from "../router.js";

// Offsets come either flat on the span (part, index, start, end) or under `location`.
const where = (span) => span.location ?? span;

export function spansOf(article) {
  const byBlock = new Map();
  const add = (span, rest) => {
    const { part, index, start, end } = where(span);
    if (part === undefined || typeof start !== "number") return;
    const key = `${part}:${index ?? 0}`;
    if (!byBlock.has(key)) byBlock.set(key, []);
    byBlock.get(key).push({ start, end, ...rest });
  };
  const entities = new Map((article.actors ?? []).map((a) => [(a.entity ?? a).id, a.entity ?? a]));
  for (const actor of article.actors ?? []) {
    for (const m of actor.mentions ?? []) add(m, { entity: actor.entity ?? actor, form: m.form });
  }
  for (const m of article.mentions ?? []) {
    const entity = m.entity ?? entities.get(m.entity_id);
    if (entity) add(m, { entity, form: m.form });
  }
  for (const c of article.citations ?? []) add(c, { resolution: c.resolution });
  return byBlock;
}

export function textWithSpans(text, spans = []) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end > text.length) continue; // overlaps keep the first, longest
    out.push(text.slice(at, span.start), mark(text.slice(span.start, span.end), span));
    at = span.end;
  }
  out.push(text.slice(at));
  return out;
}

function mark(surface, span) {
  if (span.resolution) {
    return h("a", { href: link.resolution(span.resolution), class: "m k-resolution", title: resolutionLabel(span.resolution) }, surface);
  }
  const e = span.entity;
  const form = span.form ? ` · ${t(`form_${span.form}`)}` : "";
  return h("a", { href: link.entity(e.id), class: `m k-${e.kind}`, "data-entity": e.id, title: `${e.name} · ${kindLabel(e.kind)}${form}` }, surface);
}
