// Hash routes: every view has its own URL, and the back button walks through them.

const routes = [];

export function route(pattern, render) {
  // "/entity/:id" -> a regular expression with one group per parameter
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return "([^/]+)";
  });
  routes.push({ regex: new RegExp(`^${source}$`), names, render });
}

export function current() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?");
  return { path: path || "/", query: new URLSearchParams(query) };
}

export function match(path) {
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    return { render: r.render, params };
  }
  return null;
}

export function go(path, query) {
  const qs = query ? query.toString() : "";
  location.hash = qs ? `${path}?${qs}` : path;
}

export const link = {
  search: (query) => {
    const qs = query ? new URLSearchParams(query).toString() : "";
    return qs ? `#/search?${qs}` : "#/search";
  },
  article: (id) => `#/article/${id}`,
  entity: (id) => `#/entity/${id}`,
  resolution: (ref) => `#/resolution/${encodeURIComponent(ref.body)}/${encodeURIComponent(ref.symbol ?? ref.number)}`,
};
