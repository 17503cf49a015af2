// One article: summary, text with actors highlighted by kind, resolutions, statements, roles.
import { get, unsupported } from "../api.js";
import { ar, h, section } from "../dom.js";
import { kindLabel } from "../format.js";
import { t } from "../i18n.js";
import { KINDS, entityLink, meta, resolutionLink, statementList, title1 } from "../widgets.js";
import { spansOf, textWithSpans } from "./spans.js";

export async function renderArticle(view, { id, alive }) {
  const article = await get(`/articles/${encodeURIComponent(id)}`, { include: "mentions" }).catch((error) => {
    if (unsupported(error) && error.status !== 404) return get(`/articles/${encodeURIComponent(id)}`);
    throw error;
  });
  if (!alive()) return;
  const spans = spansOf(article);
  const block = (tag, part, index, text, attrs = {}) => ar(tag, attrs, textWithSpans(text, spans.get(`${part}:${index}`)));
  view.append(
    h("article", { class: "article-view", "data-article": article.id },
      h("header", { class: "article-head" },
        title1(block("span", "title", 0, article.title)),
        meta(article),
        article.authors?.length ? ar("p", { class: "meta" }, t("authors", { names: article.authors.join("، ") })) : null,
        article.url ? h("p", {}, h("a", { href: article.url, rel: "noopener noreferrer", class: "original" }, t("original"), " ↗")) : null,
        article.analysed === false ? h("p", { class: "note" }, t("notAnalysed")) : null,
      ),
      h("div", { class: "article-layout" },
        h("div", { class: "article-body" },
          legend(),
          article.summary?.length ? section(t("summary"), h("ul", { class: "summary" }, article.summary.map((p, i) => block("li", "summary", i, p)))) : null,
          (article.images ?? []).map((img, i) => figure(img, i, block)),
          section(t("text"), (article.sections ?? []).map((s, i) => block(s.kind === "heading" ? "h3" : "p", "section", i, s.text))),
          section(t("statements"), statementList(article.statements ?? [], { showSource: false })),
        ),
        h("aside", { class: "article-side" },
          actorsPanel(article.actors ?? []),
          resolutionsPanel(article.citations ?? []),
          rolesPanel(article.roles ?? []),
        ),
      ),
    ),
  );
}

function legend() {
  const kinds = [...KINDS, "resolution"];
  return h("div", { class: "legend", role: "note", "aria-label": t("legend") },
    h("span", { class: "legend-title" }, `${t("legend")}:`),
    kinds.map((k) => h("span", { class: `m k-${k}` }, kindLabel(k))),
  );
}

function figure(img, i, block) {
  const credit = img.credit ? ar("span", { class: "credit" }, t("credit", { credit: img.credit })) : null;
  // The picture lives on the outlet's server: linked, never loaded by the page.
  const picture = img.url ? h("a", { href: img.url, rel: "noopener noreferrer" }, t("image"), " ↗") : h("span", {}, t("image"));
  return h("figure", { class: "image" },
    h("div", { class: "image-head" }, picture, img.title ? block("strong", "image_title", i, img.title) : null),
    h("figcaption", {}, img.caption ? block("span", "caption", i, img.caption) : null, credit ? [" ", credit] : null),
  );
}

function actorsPanel(actors) {
  const groups = KINDS.map((kind) => {
    const list = actors.filter((a) => (a.entity ?? a).kind === kind);
    if (!list.length) return null;
    return h("div", { class: "group" },
      h("h3", {}, t(`${kind}s`)),
      h("ul", { class: "chips" }, list.map((a) => h("li", {}, entityLink(a.entity ?? a, a.mentions?.length ?? a.mention_count)))),
    );
  });
  return section(t("actors"), groups.some(Boolean) ? groups : h("p", { class: "muted" }, t("none")));
}

function resolutionsPanel(citations) {
  const seen = new Map();
  for (const c of citations) {
    const key = `${c.resolution.body}/${c.resolution.symbol ?? c.resolution.number}`;
    const entry = seen.get(key) ?? { ref: c.resolution, n: 0 };
    entry.n += 1;
    seen.set(key, entry);
  }
  const items = [...seen.values()].map((e) => h("li", {}, resolutionLink(e.ref, e.n)));
  return section(t("resolutionsCited"), items.length ? h("ul", { class: "chips" }, items) : h("p", { class: "muted" }, t("none")));
}

function rolesPanel(roles) {
  if (!roles.length) return null;
  return section(t("roles"), h("ul", { class: "roles" }, roles.map((r) =>
    h("li", {}, entityLink(r.person), " ", ar("span", { class: "role-title" }, r.title), r.organization ? [" · ", entityLink(r.organization)] : null),
  )));
}
