// Search: full text, entity and resolution filters, dates, facets, results by cursor.
import { get, monthlyCounts } from "../api.js";
import { announce, ar, h } from "../dom.js";
import { kindLabel } from "../format.js";
import { t } from "../i18n.js";
import { go, link } from "../router.js";
import { timeline } from "../chart.js";
import { entityCombobox } from "../suggest.js";
import { facetSidebar, filtersOnly, pageQuery } from "./facets.js";
import { articleList, countLabel, moreButton, title1 } from "../widgets.js";

const CHIP_PARAMS = ["entity", "not_entity", "resolution", "body", "source", "kind", "speaker"];
const names = new Map(); // entity id -> name, from picks, facets and look-ups

export async function renderSearch(view, { query, alive }) {
  const form = searchForm(query);
  const status = h("p", { class: "status" }, t("loading"));
  const head = h("div", { class: "results-head" }, status, exportLinks(query), sortPicker(query));
  const results = h("div", { class: "results" });
  const aside = h("aside", { class: "facets", hidden: true, "aria-label": t("facetsTitle") });
  view.append(
    h("div", { class: "search-head" }, title1(t("searchTitle")), h("p", { class: "intro" }, t("intro")), form),
    h("div", { class: "search-layout" }, aside, h("section", { class: "results-col", "aria-label": t("results") }, head, results)),
  );
  fillChipLabels(form, query);

  const params = pageQuery(query);
  const page = await get("/articles", params);
  if (!alive()) return;
  status.textContent = page.items.length ? countLabel(page) : t("noResults");
  announce(status.textContent);
  results.append(articleList(page.items));
  if (page.next_cursor) results.append(moreAfter(results, params, page.next_cursor));
  if (page.facets) facetSidebar(aside, page.facets, names);
  chartOf(query, results, alive);
}

function moreAfter(results, params, first) {
  let cursor = first;
  return moreButton(t("more"), async () => {
    const next = new URLSearchParams(params);
    next.set("cursor", cursor);
    const page = await get("/articles", next);
    results.querySelector("ol.cards").append(...articleList(page.items).children);
    cursor = page.next_cursor;
    return Boolean(cursor);
  });
}

async function chartOf(query, results, alive) {
  const filters = filtersOnly(query);
  filters.delete("sort");
  const buckets = await monthlyCounts(filters).catch(() => []);
  if (!alive() || fillCount(buckets) < 2) return;
  results.prepend(timeline(buckets, { caption: t("timeline"), onSelect: (month) => go("/search", monthRange(query, month)) }));
}

function fillCount(buckets) {
  return new Set(buckets.map((b) => b.month)).size;
}

export function monthRange(query, month) {
  const next = new URLSearchParams(query);
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  next.set("from", `${month}-01`);
  next.set("to", `${month}-${String(last).padStart(2, "0")}`);
  return next;
}

// The whole result, not just this page, straight from the API's export.
function exportLinks(query) {
  const filters = filtersOnly(query);
  filters.delete("sort");
  const href = (format) => `/articles/export?${new URLSearchParams([...filters, ["format", format]])}`;
  return h("p", { class: "export" }, `${t("download")}: `,
    h("a", { href: href("csv"), download: "" }, "CSV"), " · ",
    h("a", { href: href("jsonl"), download: "" }, "JSONL"),
  );
}

function sortPicker(query) {
  const orders = query.get("q") ? ["relevance", "newest", "oldest"] : ["newest", "oldest"];
  const chosen = query.get("sort") ?? "newest";
  const select = h("select", { id: "f-sort" }, orders.map((o) => h("option", { value: o, selected: o === chosen }, t(`sort_${o}`))));
  select.addEventListener("change", () => {
    const next = new URLSearchParams(query);
    next.set("sort", select.value);
    go("/search", next);
  });
  return h("div", { class: "sort" }, h("label", { for: "f-sort" }, t("sortLabel")), select);
}

function searchForm(query) {
  const field = (id, label, input) => h("div", { class: `field f-${id}` }, h("label", { for: `f-${id}` }, label), input);
  const q = h("input", { id: "f-q", name: "q", type: "search", dir: "auto", value: query.get("q") ?? "", placeholder: t("searchPlaceholder") });
  const resolution = h("input", { id: "f-resolution", name: "resolution", type: "text", dir: "auto", placeholder: t("resolutionPlaceholder") });
  const from = h("input", { id: "f-from", name: "from", type: "date", value: (query.get("from") ?? "").slice(0, 10) });
  const to = h("input", { id: "f-to", name: "to", type: "date", value: (query.get("to") ?? "").slice(0, 10) });
  const combo = entityCombobox({
    id: "f-entity",
    onPick: (item) => {
      names.set(String(item.id), item.name);
      const next = new URLSearchParams(query);
      next.append("entity", String(item.id));
      go("/search", next);
    },
  });
  const form = h("form", { role: "search", class: "search-form", "aria-label": t("searchTitle") },
    field("q", t("searchLabel"), q),
    h("div", { class: "field f-entity" }, h("label", { for: "f-entity" }, t("entityLabel")), h("div", { class: "combo" }, combo.input, combo.list)),
    field("resolution", t("resolutionLabel"), resolution),
    field("from", t("fromLabel"), from),
    field("to", t("toLabel"), to),
    h("div", { class: "actions" },
      h("button", { type: "submit" }, t("submit")),
      h("a", { href: "#/search", class: "clear" }, t("clear")),
    ),
    filterChips(query),
    query.getAll("entity").length > 1 ? entityOp(query) : null,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams(query);
    for (const [name, input] of [["q", q], ["from", from], ["to", to]]) {
      if (input.value.trim()) next.set(name, input.value.trim());
      else next.delete(name);
    }
    if (resolution.value.trim()) next.append("resolution", resolution.value.trim());
    next.delete("cursor");
    go("/search", next);
  });
  return form;
}

// Several actors: articles naming all of them, or any one.
function entityOp(query) {
  const select = h("select", { id: "f-entity-op" }, ["and", "or"].map((op) => h("option", { value: op, selected: (query.get("entity_op") ?? "and") === op }, t(`entityOp_${op}`))));
  select.addEventListener("change", () => {
    const next = new URLSearchParams(query);
    next.set("entity_op", select.value);
    go("/search", next);
  });
  return h("div", { class: "sort entity-op" }, h("label", { for: "f-entity-op" }, t("entityOpLabel")), select);
}

function filterChips(query) {
  const chips = [];
  for (const name of CHIP_PARAMS) {
    for (const value of query.getAll(name)) {
      const rest = new URLSearchParams([...query].filter(([k, v]) => !(k === name && v === value)));
      const label = name === "kind" ? kindLabel(value) : value;
      chips.push(h("li", {},
        h("a", { href: link.search(rest), class: `chip removable p-${name}`, "data-param": name, "data-value": value },
          h("span", { class: "param" }, `${t(`facet_${name}`)}:`),
          ar("span", { class: "value" }, label),
          h("span", { "aria-hidden": "true", class: "x" }, " ×"),
          h("span", { class: "visually-hidden" }, ` ${t("selected")}`),
        ),
      ));
    }
  }
  return chips.length ? h("ul", { class: "chips active-filters", "aria-label": t("filters") }, chips) : null;
}

// Entity filters are ids in the URL; the chips show names.
async function fillChipLabels(form, query) {
  for (const value of [...query.getAll("entity"), ...query.getAll("not_entity")]) {
    if (!/^\d+$/.test(value)) continue;
    if (!names.has(value)) {
      const entity = await get(`/entities/${value}`).catch(() => null);
      if (entity) names.set(value, entity.name);
    }
    for (const el of form.querySelectorAll(`[data-value="${value}"] .value`)) el.textContent = names.get(value) ?? value;
  }
}
