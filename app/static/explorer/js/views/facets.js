// The facet sidebar, drawn from the `facets` of the same /articles response.
import { ar, h } from "../dom.js";
import { kindLabel, num } from "../format.js";
import { t } from "../i18n.js";
import { link } from "../router.js";

export const FACETS = ["entity", "kind", "resolution", "source", "speaker"];
const PAGE_ONLY = ["facet", "facet_size", "limit", "cursor", "fields", "include"];

// The page's own parameters on top of the filters that the URL carries.
export function pageQuery(query) {
  const params = filtersOnly(query);
  params.set("limit", query.get("limit") ?? "20");
  params.set("facet", FACETS.join(","));
  return params;
}

export function filtersOnly(query) {
  const params = new URLSearchParams(query);
  for (const name of PAGE_ONLY) params.delete(name);
  return params;
}

export function facetSidebar(aside, facets, names) {
  const groups = FACETS.filter((name) => facets[name]?.length).map((name) => group(name, facets[name], names));
  if (!groups.length) return;
  // Folded on a phone, where the sidebar sits above the results.
  const wide = matchMedia("(min-width: 901px)").matches;
  aside.replaceChildren(h("details", { open: wide }, h("summary", {}, h("h2", {}, t("facetsTitle"))), ...groups));
  aside.hidden = false;
}

function group(name, values, names) {
  const id = `facet-${name}`;
  return h("section", { class: "facet", "aria-labelledby": id, "data-facet": name },
    h("h3", { id }, t(`facet_${name}`)),
    h("ul", {}, values.map((v) => item(name, v, names))),
  );
}

function item(name, value, names) {
  if (name === "entity" || name === "speaker") names.set(String(value.value), value.label);
  const label = name === "kind" ? kindLabel(String(value.value)) : value.label ?? String(value.value);
  const target = filtersOnly(new URLSearchParams(value.toggle ?? ""));
  return h("li", {},
    h("a", {
      href: link.search(target),
      class: value.selected ? "facet-value selected" : "facet-value",
      "data-value": value.value,
      "aria-current": value.selected ? "true" : null,
    },
      h("span", { class: "box", "aria-hidden": "true" }, value.selected ? "✓" : ""),
      ar("span", { class: "label" }, label),
      h("span", { class: "count" }, num(value.count)),
      value.selected ? h("span", { class: "visually-hidden" }, t("selected")) : null,
    ),
  );
}
