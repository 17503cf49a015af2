// Dates on the outlet's clock, numbers and labels in the interface language.
import { lang, t } from "./i18n.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

// published_at carries the outlet's offset: show its wall clock, not the reader's.
export function formatDate(iso, { time = true } = {}) {
  if (!iso) return "";
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hh, mm] = m;
  const moment = new Date(Date.UTC(+y, +mo - 1, +d, +(hh ?? 0), +(mm ?? 0)));
  const options = { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" };
  if (time && hh !== undefined) Object.assign(options, { hour: "2-digit", minute: "2-digit" });
  return new Intl.DateTimeFormat(locale(), options).format(moment);
}

// "from X to Y" between two days, or the one day when they are the same.
export function dayRange(first, last) {
  const [a, b] = [formatDate(first, { time: false }), formatDate(last ?? first, { time: false })];
  return a === b ? a : t("seen", { first: a, last: b });
}

export function formatMonth(ym, style = "short", withYear = true) {
  const [y, mo] = ym.split("-");
  const moment = new Date(Date.UTC(+y, +mo - 1, 1));
  const options = { timeZone: "UTC", month: style, ...(withYear ? { year: "numeric" } : {}) };
  return new Intl.DateTimeFormat(locale(), options).format(moment);
}

export function offsetOf(iso) {
  const m = /([+-]\d{2}:\d{2}|Z)$/.exec(iso ?? "");
  return m ? (m[1] === "Z" ? "UTC" : `UTC${m[1]}`) : "";
}

export function num(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

export function locale() {
  return lang() === "ar" ? "ar-u-nu-latn" : "en-GB";
}

export function kindLabel(kind) {
  return t(kind);
}

export function bodyLabel(body) {
  return t(`body_${body}`);
}

export function resolutionLabel(ref) {
  const symbol = ref.symbol ?? String(ref.number);
  return ref.year ? `${ref.body} ${symbol} (${ref.year})` : `${ref.body} ${symbol}`;
}
