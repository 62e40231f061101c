// The demo's configurator: a form made from the package's description of the elements
// (configurator-elements.json, written by scripts/api-files.mjs from package/api.mjs), a live
// preview that follows each change through the element's attributes, and the matching
// snippets, in the element and the data-* forms, with copy buttons.
const NAMES = { "news-carousel": "News carousel", feedback: "Feedback rating", disclaimer: "Translation disclaimer" };
/** What a field starts with, so the preview shows something at once. */
const STARTING = { src: "feed.json", endpoint: "/api/feedback" };

const byId = (id) => document.getElementById(id);
let elements = [];
let current = null;

/** A labelled control for one attribute; its hint is its description. */
function field(attribute) {
  const id = `opt-${attribute.name}`;
  const wrapper = document.createElement("div");
  wrapper.className = "field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = attribute.name;
  const hint = document.createElement("span");
  hint.className = "hint";
  hint.id = `${id}-hint`;
  hint.textContent = attribute.description;
  let control;
  if (attribute.type === "boolean" || attribute.type === "enum") {
    control = document.createElement("select");
    const values = attribute.type === "boolean" ? ["true", "false"] : attribute.values;
    const fallback = attribute.default ? `Default (${attribute.default.replaceAll('"', "")})` : "Default";
    for (const [value, text] of [["", fallback], ...values.map((v) => [v, v])]) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = text;
      control.append(option);
    }
  } else {
    control = document.createElement("input");
    control.type = attribute.type === "number" ? "number" : "text";
    if (attribute.min !== undefined) control.min = String(attribute.min);
    if (attribute.max !== undefined) control.max = String(attribute.max);
    if (attribute.default) control.placeholder = attribute.default.replaceAll('"', "");
    control.value = STARTING[attribute.name] ?? "";
  }
  control.id = id;
  control.name = attribute.name;
  control.setAttribute("aria-describedby", hint.id);
  wrapper.append(label, control, hint);
  return wrapper;
}

/** The options set in the form, in the element's order, empty ones left out. */
function chosen() {
  return current.attributes
    .map((attribute) => [attribute.name, byId(`opt-${attribute.name}`).value.trim()])
    .filter(([, value]) => value !== "");
}

const quote = (value) => value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** Both snippets for the current choice. */
function snippets(options) {
  const attributes = (prefix) => options.map(([name, value]) => ` ${prefix}${name}="${quote(value)}"`).join("");
  return {
    element: `<${current.tag}${attributes("")}></${current.tag}>`,
    data: `<div data-fw-widget="${current.kind}"${attributes("data-")}></div>`,
  };
}

/** Brings the preview and the snippets up to date with the form. */
function update() {
  const options = chosen();
  let widget = byId("preview").firstElementChild;
  const fresh = !widget || widget.localName !== current.tag;
  if (fresh) widget = document.createElement(current.tag);
  // Attributes changed in place: the element follows them live, as on any host page.
  for (const attribute of current.attributes) {
    const value = options.find(([name]) => name === attribute.name)?.[1];
    if (value === undefined) widget.removeAttribute(attribute.name);
    else if (widget.getAttribute(attribute.name) !== value) widget.setAttribute(attribute.name, value);
  }
  if (fresh) byId("preview").replaceChildren(widget);
  const text = snippets(options);
  byId("element-snippet").textContent = text.element;
  byId("data-snippet").textContent = text.data;
}

/** Shows the fields of the widget `kind`. */
function pick(kind) {
  current = elements.find((element) => element.kind === kind);
  byId("fields").replaceChildren(...current.attributes.map(field));
  byId("copy-status").textContent = "";
  update();
}

async function copy(button) {
  const code = byId(button.dataset.copy);
  const what = button.dataset.copy === "element-snippet" ? "custom element" : "container";
  try {
    await navigator.clipboard.writeText(code.textContent);
    byId("copy-status").textContent = `Copied the ${what} snippet.`;
  } catch {
    getSelection()?.selectAllChildren(code);
    byId("copy-status").textContent = `Copying is not allowed here: the ${what} snippet is selected, copy it with your keyboard.`;
  }
}

async function start() {
  const response = await fetch(new URL("configurator-elements.json", import.meta.url));
  elements = await response.json();
  const kinds = byId("kinds");
  for (const element of elements) {
    const id = `kind-${element.kind}`;
    const input = document.createElement("input");
    Object.assign(input, { type: "radio", name: "kind", id, value: element.kind, checked: element === elements[0] });
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = NAMES[element.kind] ?? element.kind;
    const choice = document.createElement("span");
    choice.append(input, label);
    kinds.append(choice);
  }
  kinds.addEventListener("change", (event) => pick(event.target.value));
  byId("fields").addEventListener("input", update);
  byId("fields").addEventListener("change", update);
  byId("options").addEventListener("submit", (event) => event.preventDefault());
  byId("translated").addEventListener("change", (event) => {
    document.documentElement.classList.toggle("translated-ltr", event.target.checked);
  });
  for (const button of document.querySelectorAll(".copy")) button.addEventListener("click", () => copy(button));
  pick(elements[0].kind);
}

start().catch((error) => console.error("configurator:", error));
