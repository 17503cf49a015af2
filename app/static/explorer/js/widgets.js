// Pieces several views share: links to entities and resolutions, article cards, statements.
import { announce, ar, h } from "./dom.js";
import { formatDate, kindLabel, num, offsetOf, resolutionLabel } from "./format.js";
import { lang, t } from "./i18n.js";
import { link } from "./router.js";

export const KINDS = ["person", "organization", "place"];

export function title1(text, ...rest) {
  return h("h1", { tabindex: "-1" }, text, ...rest);
}

export function entityLink(ref, extra) {
  const english = lang() === "en" && ref.english_name ? ref.english_name : null;
  return h(
    "a",
    { href: link.entity(ref.id), class: `chip k-${ref.kind}`, "data-entity": ref.id },
    h("span", { class: "visually-hidden" }, `${kindLabel(ref.kind)}: `),
    ar("span", {}, ref.name),
    english ? h("span", { class: "en-name", lang: "en" }, ` · ${english}`) : null,
    extra !== undefined ? h("span", { class: "count" }, num(extra)) : null,
  );
}

export function resolutionLink(ref, extra) {
  return h(
    "a",
    { href: link.resolution(ref), class: "chip k-resolution", dir: "ltr" },
    resolutionLabel(ref),
    extra !== undefined ? h("span", { class: "count" }, num(extra)) : null,
  );
}

export function dateline(item) {
  if (!item.published_at) return null;
  const zone = item.timezone ?? offsetOf(item.published_at);
  return h(
    "time",
    { datetime: item.published_at, title: zone },
    formatDate(item.published_at),
    zone ? [" ", h("bdi", { class: "zone", dir: "ltr" }, zone)] : null,
  );
}

export function meta(item) {
  const parts = [dateline(item), item.outlet ? ar("span", { class: "outlet" }, item.outlet) : null];
  if (item.byline_place) parts.push(ar("span", {}, t("byline", { place: item.byline_place })));
  return h("p", { class: "meta" }, parts.filter(Boolean).flatMap((p, i) => (i ? [" · ", p] : [p])));
}

// Actors come grouped by kind ({person: [...]}) from the list, or as a flat list elsewhere.
export function actorChips(actors) {
  if (!actors) return null;
  const refs = Array.isArray(actors) ? actors : KINDS.flatMap((k) => actors[k] ?? []);
  if (!refs.length) return null;
  return h("ul", { class: "chips", "aria-label": t("actors") }, refs.map((r) => h("li", {}, entityLink(r))));
}

export function articleCard(item) {
  const resolutions = item.resolutions?.length
    ? h("ul", { class: "chips", "aria-label": t("resolutionsCited") }, item.resolutions.map((r) => h("li", {}, resolutionLink(r))))
    : null;
  return h(
    "li",
    { class: "card", "data-article": item.id },
    h("article", {},
      h("h3", {}, ar("a", { href: link.article(item.id) }, item.title)),
      meta(item),
      item.lede ? ar("p", { class: "lede" }, item.lede) : null,
      highlights(item.highlights),
      actorChips(item.actors),
      resolutions,
    ),
  );
}

function highlights(list) {
  if (!list?.length) return null;
  return h("ul", { class: "highlights" }, list.slice(0, 2).map((hl) => ar("li", {}, marked(hl.text ?? hl.snippet, hl.match_start ?? hl.start, hl.match_end ?? hl.end))));
}

export function marked(text, start, end) {
  if (typeof start !== "number" || start >= end) return text;
  return [text.slice(0, start), h("mark", {}, text.slice(start, end)), text.slice(end)];
}

export function articleList(items) {
  return h("ol", { class: "cards" }, items.map(articleCard));
}

export function statementList(items, { showSpeaker = true, showSource = true } = {}) {
  if (!items.length) return h("p", { class: "muted" }, t("none"));
  return h("ul", { class: "statements" }, items.map((s) => statement(s, showSpeaker, showSource)));
}

function statement(s, showSpeaker, showSource) {
  const who = s.speaker ? entityLink(s.speaker) : ar("span", {}, s.speaker_surface ?? "");
  let source = null;
  if (showSource && s.article) {
    source = h("p", { class: "meta" }, ar("a", { href: link.article(s.article.id) }, s.article.title), s.article.published_at ? [" · ", dateline(s.article)] : null);
  } else if (showSource && s.article_id) {
    source = h("p", { class: "meta" }, h("a", { href: link.article(s.article_id) }, t("openArticle")));
  }
  return h(
    "li",
    {},
    h("blockquote", {},
      showSpeaker ? h("p", { class: "speaker" }, who, " ", ar("span", { class: "verb" }, s.verb)) : ar("p", { class: "verb" }, s.verb),
      ar("p", { class: "content" }, s.content),
    ),
    source,
  );
}

export function countLabel(page) {
  if (typeof page.total === "number") return t("resultCount", { n: num(page.total) });
  if (!page.next_cursor) return t("resultCount", { n: num(page.items.length) });
  return t("resultCountMany", { n: num(page.items.length) });
}

export function moreButton(label, load) {
  const button = h("button", { type: "button", class: "more" }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = t("loading");
    let more = true;
    try {
      more = await load();
    } catch (error) {
      announce(t("error", { status: error.status ?? "" }));
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
    if (!more) button.remove();
  });
  return button;
}
