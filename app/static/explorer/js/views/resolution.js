// UN resolutions: the list by citations, and one resolution with its citing passages.
import { get, monthlyCounts, unsupported } from "../api.js";
import { ar, h, section } from "../dom.js";
import { bodyLabel, dayRange, num } from "../format.js";
import { t } from "../i18n.js";
import { go, link } from "../router.js";
import { timeline } from "../chart.js";
import { monthRange } from "./search.js";
import { articleList, dateline, entityLink, marked, resolutionLink, title1 } from "../widgets.js";

export async function renderResolutions(view, { alive }) {
  const page = await get("/resolutions", { limit: 100 });
  if (!alive()) return;
  view.append(
    title1(t("resolutionsTitle")),
    h("ol", { class: "resolutions" }, page.items.map((r) => h("li", {},
      resolutionLink(r),
      r.title ? ar("span", { class: "res-title" }, r.title) : null,
      h("span", { class: "meta" }, t("citations", { n: num(r.citation_count) }), " · ", t("articleCount", { n: num(r.article_count) })),
    ))),
  );
}

async function fetchResolution(body, number) {
  try {
    // A session-numbered symbol (67/19) is two path segments, as in its UN symbol.
    const parts = String(number).split("/").map(encodeURIComponent).join("/");
    return await get(`/resolutions/${encodeURIComponent(body)}/${parts}`);
  } catch (error) {
    if (!unsupported(error)) throw error;
    return get(`/resolutions/${encodeURIComponent(number)}`, { body });
  }
}

export async function renderResolution(view, { body, number, alive }) {
  const res = await fetchResolution(body, number);
  if (!alive()) return;
  const symbol = res.symbol ?? String(res.number);
  const filters = new URLSearchParams({ resolution: symbol, body: res.body });
  const chart = h("div", { class: "chart-slot" }, t("loading"));
  view.append(
    h("article", { class: "resolution-view", "data-resolution": `${res.body}/${symbol}` },
      h("header", { class: "resolution-head" },
        title1(h("bdi", { dir: "ltr" }, res.year ? `${res.body} ${symbol} (${res.year})` : `${res.body} ${symbol}`)),
        res.title ? ar("p", { class: "res-title" }, res.title) : null,
        h("p", { class: "facts" },
          bodyLabel(res.body), res.year ? [" · ", t("year", { year: res.year })] : null,
          " · ", t("citations", { n: num(res.citation_count ?? 0) }),
          " · ", t("articleCount", { n: num(res.article_count ?? 0) }),
          res.first_cited ? [" · ", dayRange(res.first_cited, res.last_cited)] : null,
        ),
      ),
      h("div", { class: "entity-layout" },
        h("div", { class: "entity-main" },
          section(t("timeline"), chart),
          res.passages ? section(t("passages"), passages(res.passages)) : null,
          res.articles ? section(t("citingArticles"), articleList(res.articles.items)) : null,
          h("p", {}, h("a", { href: link.search(filters) }, t("resolutionArticles"))),
        ),
        h("aside", { class: "entity-side" },
          section(t("actorsWith"), actorsWith(res.actors ?? [])),
        ),
      ),
    ),
  );
  const buckets = await monthlyCounts(filters).catch(() => []);
  if (alive()) chart.replaceChildren(timeline(buckets, { onSelect: (m) => go("/search", monthRange(filters, m)) }));
}

function actorsWith(rows) {
  if (!rows.length) return h("p", { class: "muted" }, t("none"));
  return h("ul", { class: "chips" }, rows.map((r) => h("li", {}, entityLink(r.entity, r.count ?? r.article_count))));
}

// Passages grouped under their article, which is named once.
function passages(rows) {
  if (!rows.length) return h("p", { class: "muted" }, t("none"));
  const groups = new Map();
  for (const p of rows) {
    if (!groups.has(p.article.id)) groups.set(p.article.id, { article: p.article, items: [] });
    groups.get(p.article.id).items.push(p);
  }
  return h("ul", { class: "passages" }, [...groups.values()].map(({ article, items }) => h("li", {},
    h("h3", {}, ar("a", { href: link.article(article.id) }, article.title)),
    h("p", { class: "meta" }, dateline(article), article.outlet ? [" · ", ar("span", {}, article.outlet)] : null),
    items.map((p) => h("blockquote", {}, ar("p", {}, marked(p.text, p.start, p.end)))),
  )));
}
