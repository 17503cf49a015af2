// Boot: language, routes, and one render per hash change.
import { applyLang, lang, setLang, t } from "./i18n.js";
import { h } from "./dom.js";
import { current, match, route } from "./router.js";
import { renderSearch } from "./views/search.js";
import { renderArticle } from "./views/article.js";
import { renderEntity } from "./views/entity.js";
import { renderResolution, renderResolutions } from "./views/resolution.js";

route("/", renderSearch);
route("/search", renderSearch);
route("/article/:id", renderArticle);
route("/entity/:id", renderEntity);
route("/resolutions", renderResolutions);
route("/resolution/:body/:number", renderResolution);

let generation = 0;
let lastPath = null;

async function render() {
  const { path, query } = current();
  const main = document.getElementById("main");
  const found = match(path);
  const mine = ++generation;
  const view = h("div", { class: "view", "aria-busy": "true" });
  // A render that a newer navigation overtook must not write into the page.
  const alive = () => mine === generation;
  main.replaceChildren(view);
  markNav(path);
  try {
    if (!found) throw Object.assign(new Error(t("notFound")), { status: 404 });
    await found.render(view, { ...found.params, query, alive });
  } catch (error) {
    if (alive()) view.replaceChildren(h("p", { class: "error", role: "alert" }, describe(error)));
  }
  if (!alive()) return;
  view.removeAttribute("aria-busy");
  // The tab and the history list name the view, so a shared or bookmarked URL says what it is.
  const heading = view.querySelector("h1")?.textContent.trim();
  document.title = heading ? `${heading} · ${t("brand")}` : t("brand");
  // Focus moves to the new view's heading on navigation, not on a search refinement.
  if (path !== lastPath && lastPath !== null) (view.querySelector("h1") ?? main).focus();
  lastPath = path;
}

function describe(error) {
  if (error.status === 404) return t("notFound");
  return error.status ? `${t("error", { status: error.status })} ${error.message}` : String(error);
}

function markNav(path) {
  const section = path.startsWith("/resolution") ? "resolutions" : path === "/" || path === "/search" ? "search" : "";
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === section) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

document.getElementById("lang-toggle").addEventListener("click", () => {
  setLang(lang() === "ar" ? "en" : "ar");
  render();
});
window.addEventListener("hashchange", render);
applyLang();
render();
