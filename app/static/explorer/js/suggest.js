// An accessible combobox: entity names suggested as you type, Arabic or English.
import { suggestEntities } from "./api.js";
import { ar, h } from "./dom.js";
import { kindLabel, num } from "./format.js";
import { t } from "./i18n.js";

export function entityCombobox({ id, onPick }) {
  const listId = `${id}-list`;
  const input = h("input", {
    id,
    type: "text",
    role: "combobox",
    autocomplete: "off",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder: t("entityPlaceholder"),
    dir: "auto",
  });
  const list = h("ul", { id: listId, role: "listbox", class: "suggest", hidden: true, "aria-label": t("suggestions") });
  let items = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const show = (found) => {
    items = found;
    active = -1;
    list.replaceChildren(...(found.length ? found.map(option) : [h("li", { class: "muted", role: "presentation" }, t("noSuggestions"))]));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const option = (item, i) => {
    // The alias that matched, when it is neither of the names already shown.
    const extra = item.matched && ![item.name, item.english_name].includes(item.matched);
    const matched = extra ? ar("span", { class: "matched" }, item.matched) : null;
    const li = h("li", { id: `${id}-opt-${i}`, role: "option", "aria-selected": "false", class: `k-${item.kind}`, "data-entity": item.id },
      ar("span", { class: "name" }, item.name),
      item.english_name ? h("span", { class: "en-name", lang: "en" }, item.english_name) : null,
      matched,
      h("span", { class: "kind" }, kindLabel(item.kind)),
      item.article_count !== undefined ? h("span", { class: "count" }, num(item.article_count)) : null,
    );
    li.addEventListener("mousedown", (event) => {
      event.preventDefault(); // keep focus in the input
      pick(i);
    });
    return li;
  };

  const pick = (i) => {
    const item = items[i];
    if (!item) return;
    input.value = "";
    close();
    onPick(item);
  };

  const move = (step) => {
    if (!items.length) return;
    active = (active + step + items.length) % items.length;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", `${id}-opt-${active}`);
    list.children[active].scrollIntoView({ block: "nearest" });
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!prefix) return close();
    timer = setTimeout(async () => {
      const mine = ++asked;
      const found = await suggestEntities(prefix).catch(() => []);
      if (mine === asked && input.value.trim() === prefix) show(found);
    }, 150);
  });
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" && open) move(1);
    else if (event.key === "ArrowUp" && open) move(-1);
    else if (event.key === "Enter" && open && active >= 0) pick(active);
    else if (event.key === "Escape" && open) close();
    else return;
    event.preventDefault();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return { input, list };
}
