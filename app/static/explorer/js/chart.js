// An SVG bar chart of articles per month, drawn here (no chart library).
import { formatMonth, num } from "./format.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 170;
const PAD = { top: 18, bottom: 42, side: 34 };
const MIN_MONTHS = 7;

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child);
  return el;
}

// Every month between the first and the last, zeros included, so gaps show as gaps.
// A short series is widened to MIN_MONTHS on both sides, so one busy month reads as a peak.
export function fillMonths(buckets) {
  const counts = new Map();
  for (const b of buckets) counts.set(b.month, (counts.get(b.month) ?? 0) + b.count);
  const months = [...counts.keys()].sort();
  if (!months.length) return [];
  let first = toIndex(months[0]);
  let last = toIndex(months.at(-1));
  for (let side = 0; last - first + 1 < MIN_MONTHS; side ^= 1) {
    if (side) last += 1;
    else first -= 1;
  }
  const out = [];
  for (let i = first; i <= last; i++) {
    const key = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return out;
}

function toIndex(month) {
  const [y, m] = month.split("-").map(Number);
  return y * 12 + m - 1;
}

export function timeline(buckets, { onSelect, caption } = {}) {
  const months = fillMonths(buckets);
  if (!months.length) return h("p", { class: "muted" }, t("timelineEmpty"));
  const max = Math.max(...months.map((b) => b.count), 1);
  const slot = Math.max(8, Math.min(48, 640 / months.length));
  const width = PAD.side * 2 + slot * months.length;
  const plot = HEIGHT - PAD.top - PAD.bottom;
  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  const svg = s("svg", {
    class: "chart",
    viewBox: `0 0 ${width} ${HEIGHT}`,
    width,
    height: HEIGHT,
    role: "img",
    "aria-labelledby": `${id}t ${id}d`,
  });
  svg.append(
    s("title", { id: `${id}t` }, t("timeline")),
    s("desc", { id: `${id}d` }, describe(months)),
    s("line", { class: "axis", x1: PAD.side, x2: width - PAD.side, y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom }),
    s("text", { class: "tick", x: PAD.side - 4, y: PAD.top + 4, "text-anchor": "end" }, num(max)),
  );
  const labelEvery = Math.ceil(64 / slot);
  months.forEach((b, i) => {
    const x = PAD.side + i * slot;
    const barHeight = (b.count / max) * plot;
    const label = t("articlesInMonth", { month: formatMonth(b.month, "long"), n: num(b.count) });
    const bar = s("rect", {
      class: "bar",
      x: x + slot * 0.15,
      y: HEIGHT - PAD.bottom - barHeight,
      width: slot * 0.7,
      height: Math.max(barHeight, b.count ? 1 : 0),
      "data-month": b.month,
    }, s("title", {}, label));
    svg.append(onSelect && b.count ? clickable(bar, b.month, label, onSelect) : bar);
    const center = { x: x + slot / 2, "text-anchor": "middle", class: "tick" };
    if (i % labelEvery === 0) svg.append(s("text", { ...center, y: HEIGHT - PAD.bottom + 17 }, formatMonth(b.month, "short", false)));
    if (i === 0 || b.month.endsWith("-01")) svg.append(s("text", { ...center, y: HEIGHT - PAD.bottom + 33 }, b.month.slice(0, 4)));
  });
  return h("figure", { class: "chart-box" }, caption ? h("figcaption", {}, caption) : null, h("div", { dir: "ltr" }, svg));
}

function clickable(bar, month, label, onSelect) {
  const link = s("a", { href: "#", "aria-label": label, class: "bar-link" }, bar);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    onSelect(month);
  });
  return link;
}

function describe(months) {
  return t("timelineDesc", {
    first: formatMonth(months[0].month, "long"),
    last: formatMonth(months.at(-1).month, "long"),
  });
}
