// One actor: names, roles, articles per month, company it keeps, resolutions, statements.
import { get, monthlyCounts } from "../api.js";
import { ar, h, section } from "../dom.js";
import { dayRange, kindLabel, num } from "../format.js";
import { t } from "../i18n.js";
import { go, link } from "../router.js";
import { timeline } from "../chart.js";
import { monthRange } from "./search.js";
import { articleList, entityLink, resolutionLink, statementList, title1 } from "../widgets.js";

export async function renderEntity(view, { id, alive }) {
  const entity = await get(`/entities/${encodeURIComponent(id)}`);
  if (!alive()) return;
  const filters = new URLSearchParams({ entity: String(entity.id) });
  const chart = h("div", { class: "chart-slot" }, t("loading"));
  const latest = h("div", {}, t("loading"));
  const said = h("div", {}, t("loading"));
  view.append(
    h("article", { class: "entity-view", "data-entity": entity.id },
      h("header", { class: "entity-head" },
        title1(ar("span", {}, entity.name)),
        facts(entity),
      ),
      h("div", { class: "entity-layout" },
        h("div", { class: "entity-main" },
          section(t("timeline"), chart),
          section(t("latest"), latest, h("p", {}, h("a", { href: link.search(filters) }, t("allArticles")))),
          section(t("statementsBy"), said),
        ),
        h("aside", { class: "entity-side" },
          aliasesPanel(entity),
          rolesPanel(entity.roles ?? []),
          countedPanel(t("related"), entity.related ?? [], (r) => entityLink(r.entity, r.count ?? r.article_count)),
          countedPanel(t("citedBeside"), entity.resolutions ?? [], (r) => resolutionLink(r.resolution, r.count ?? r.article_count)),
        ),
      ),
    ),
  );
  await Promise.all([
    monthlyCounts(filters, `/entities/${entity.id}/articles`).then((buckets) => {
      if (alive()) chart.replaceChildren(timeline(buckets, { onSelect: (m) => go("/search", monthRange(filters, m)) }));
    }),
    get(`/entities/${entity.id}/articles`, { limit: 10 }).then((page) => {
      if (alive()) latest.replaceChildren(articleList(page.items));
    }),
    get("/statements", { speaker: String(entity.id), limit: 10 }).then((page) => {
      if (alive()) said.replaceChildren(statementList(page.items, { showSpeaker: false }));
    }),
  ].map((p) => p.catch(() => null)));
}

function facts(entity) {
  const items = [
    h("span", { class: `chip k-${entity.kind}` }, kindLabel(entity.kind), entity.subkind ? ` · ${entity.subkind}` : ""),
    entity.english_name ? h("span", { lang: "en", dir: "ltr", class: "english" }, entity.english_name) : null,
    entity.wikidata_id
      ? h("a", { href: `https://www.wikidata.org/wiki/${entity.wikidata_id}`, rel: "noopener noreferrer", lang: "en" }, `${t("wikidata")} ${entity.wikidata_id} ↗`)
      : null,
    h("span", {}, t("articleCount", { n: num(entity.article_count ?? 0) })),
    entity.first_seen ? h("span", {}, dayRange(entity.first_seen, entity.last_seen)) : null,
  ].filter(Boolean);
  return h("p", { class: "facts" }, items.flatMap((el, i) => (i ? [" · ", el] : [el])));
}

function aliasesPanel(entity) {
  const names = [...new Set(entity.aliases ?? [])];
  return section(t("aliases"), names.length ? h("ul", { class: "aliases" }, names.map((n) => ar("li", {}, n))) : h("p", { class: "muted" }, t("none")));
}

function rolesPanel(roles) {
  if (!roles.length) return null;
  return section(t("roles"), h("ul", { class: "roles" }, roles.map((r) => h("li", {},
    ar("span", { class: "role-title" }, r.title),
    r.organization ? [" · ", entityLink(r.organization)] : null,
    r.first_seen ? h("span", { class: "meta" }, ` (${dayRange(r.first_seen, r.last_seen)})`) : null,
  ))));
}

function countedPanel(title, rows, render) {
  if (!rows.length) return section(title, h("p", { class: "muted" }, t("none")));
  return section(title, h("ul", { class: "chips" }, rows.map((r) => h("li", {}, render(r)))));
}
