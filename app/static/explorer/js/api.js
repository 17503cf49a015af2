// The public GET API, and what the page does when an endpoint is not there yet.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

export async function get(path, params) {
  const qs = params ? toQuery(params) : "";
  const response = await fetch(qs ? `${path}?${qs}` : path, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    let detail = "";
    try {
      detail = (await response.json()).detail;
    } catch {
      // a body that is not problem+json says nothing more than its status
    }
    throw new ApiError(response.status, typeof detail === "string" ? detail : "");
  }
  return response.json();
}

// params: URLSearchParams, a query string, or an object whose arrays repeat the key.
export function toQuery(params) {
  if (typeof params === "string") return params.replace(/^\?/, "");
  if (params instanceof URLSearchParams) return params.toString();
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [value].flat()) if (v !== null && v !== undefined && v !== "") qs.append(key, v);
  }
  return qs.toString();
}

// Older servers answer 404 or 422 to what they do not know; the caller then falls back.
export function unsupported(error) {
  return error instanceof ApiError && [404, 405, 422].includes(error.status);
}

export async function suggestEntities(prefix, limit = 8) {
  try {
    return (await get("/entities/suggest", { prefix, limit })).items;
  } catch (error) {
    if (!unsupported(error)) throw error;
    return (await get("/entities", { q: prefix, limit })).items;
  }
}

// Articles per month: the histogram endpoint, else counted from a few pages of the list.
export async function monthlyCounts(filters, listPath = "/articles") {
  try {
    const qs = new URLSearchParams(toQuery(filters));
    qs.set("interval", "month");
    const data = await get("/articles/histogram", qs);
    return data.buckets.map((b) => ({ month: b.start.slice(0, 7), count: b.count }));
  } catch (error) {
    if (!unsupported(error)) throw error;
  }
  return countFromPages(filters, listPath);
}

async function countFromPages(filters, listPath, maxPages = 5) {
  const counts = new Map();
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const qs = new URLSearchParams(toQuery(filters));
    qs.set("limit", "100");
    if (cursor) qs.set("cursor", cursor);
    const data = await get(listPath, qs);
    for (const item of data.items) {
      const month = item.published_at?.slice(0, 7);
      if (month) counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    cursor = data.next_cursor;
    if (!cursor) break;
  }
  return [...counts].map(([month, count]) => ({ month, count }));
}
