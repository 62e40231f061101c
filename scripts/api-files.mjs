#!/usr/bin/env node
// Writes the package's descriptions of the elements from package/api.mjs:
//   package/custom-elements.json   Custom Elements Manifest 2.1 (the package's `customElements`)
//   package/feedwidgets.d.ts       TypeScript: the elements, their events, window.FeedWidgets
//   package/html-custom-data.json  VS Code's HTML custom data (completion and hover docs)
//   demo/configurator-elements.json  what the demo's configurator page offers
// `--check` writes nothing and fails when a committed file differs from what it would write,
// so the three files cannot drift from package/api.mjs (which tests/manifest.rs checks
// against the Rust code).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { elements, cssProperties, fallbackSlot } from "../package/api.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const version = /^version = "([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];
const loaderPath = `dist/${version}/embed.js`;

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());
/** What a property reads: the attribute's text, or for a flag whether it is on (null when absent). */
const propertyType = (a) => (a.type === "boolean" ? "boolean | null" : "string | null");
/** What a property takes: null removes the attribute. */
const setterType = (a) => (a.type === "boolean" ? "boolean | null" : a.type === "number" ? "number | string | null" : `${a.type} | null`);

function manifest() {
  const declarations = elements.map((e) => ({
    kind: "class",
    customElement: true,
    name: e.className,
    tagName: e.tag,
    description: e.description,
    superclass: { name: "HTMLElement" },
    attributes: e.attributes.map((a) => ({
      name: a.name,
      fieldName: camel(a.name),
      type: { text: a.type },
      ...(a.default !== undefined && { default: a.default }),
      description: a.description,
    })),
    members: [
      ...e.attributes.filter((a) => !a.native).map((a) => ({
        kind: "field",
        name: camel(a.name),
        type: { text: propertyType(a) },
        attribute: a.name,
        reflects: true,
        description: a.description,
      })),
      ...e.members.map((m) => ({
        kind: "field",
        name: m.name,
        type: { text: m.type },
        readonly: m.readonly || undefined,
        description: m.description,
      })),
      ...e.methods.map((m) => ({
        kind: "method",
        name: m.name,
        parameters: (m.parameters || []).map((p) => ({ name: p.name, type: { text: p.type } })),
        return: { type: { text: "void" } },
        description: m.description,
      })),
    ],
    events: e.events.map((ev) => ({
      name: ev.name,
      type: { text: `CustomEvent<${ev.detail}>` },
      description: `${ev.description} Bubbles and is composed.`,
    })),
    slots: [fallbackSlot],
    cssProperties: cssProperties.map(([name, description, fallback]) => ({
      name,
      description,
      ...(fallback !== undefined && { default: fallback }),
    })),
    cssParts: e.parts.map(([name, description]) => ({ name, description })),
  }));
  return {
    schemaVersion: "2.1.0",
    readme: "README.md",
    modules: [{
      kind: "javascript-module",
      path: loaderPath,
      declarations,
      exports: elements.map((e) => ({
        kind: "custom-element-definition",
        name: e.tag,
        declaration: { name: e.className, module: loaderPath },
      })),
    }],
  };
}

function typescript() {
  const lines = [
    "// FeedWidgets: types of the loader's API, the three elements and their events.",
    "// Generated from package/api.mjs by scripts/api-files.mjs; do not edit.",
    "",
    '/** A widget kind, as `FeedWidgets.mount` takes it. */',
    `export type WidgetKind = ${elements.map((e) => JSON.stringify(e.kind)).join(" | ")};`,
    "",
  ];
  for (const e of elements) {
    const base = pascal(e.kind);
    lines.push(`/** Options of a ${e.kind} widget for \`FeedWidgets.mount\` (camelCase or kebab-case keys). */`);
    lines.push(`export interface ${base}Options {`);
    for (const a of e.attributes) {
      const type = a.type === "boolean" ? "boolean" : a.type === "number" ? "number | string" : a.type;
      lines.push(`  /** ${a.description} */`, `  ${JSON.stringify(camel(a.name))}?: ${type};`);
    }
    lines.push("}", "");
    for (const ev of e.events) {
      lines.push(`/** Detail of \`${ev.name}\`: ${ev.description} */`);
      lines.push(`export type ${pascal(ev.name.replace(/^fw:/, "").replace(/:/g, "-"))}Detail = ${ev.detail};`);
    }
    lines.push("");
    lines.push(`/** \`<${e.tag}>\`: ${e.description} */`);
    lines.push(`export interface ${e.className} extends HTMLElement {`);
    for (const a of e.attributes.filter((a) => !a.native)) {
      lines.push(`  /** ${a.description} Reflects \`${a.name}\`. */`,
        `  get ${camel(a.name)}(): ${propertyType(a)};`, `  set ${camel(a.name)}(value: ${setterType(a)});`);
    }
    for (const m of e.members) {
      lines.push(`  /** ${m.description} */`, `  ${m.readonly ? "readonly " : ""}${m.name}: ${m.type};`);
    }
    for (const m of e.methods) {
      const params = (m.parameters || []).map((p) => `${p.name}: ${p.type}`).join(", ");
      lines.push(`  /** ${m.description} Calls before the bundle runs are queued. */`, `  ${m.name}(${params}): void;`);
    }
    lines.push("}", "");
  }
  lines.push(
    "/** `window.FeedWidgets`, set by the loader. */",
    "export interface FeedWidgetsApi {",
    "  /** The bundle's version. */",
    "  readonly version: string;",
    "  /** Mounts a widget on an element (starting the bundle if needed). */",
    ...elements.map((e) => `  mount(element: Element, kind: ${JSON.stringify(e.kind)}, options?: ${pascal(e.kind)}Options): Promise<void>;`),
    "  /** Unmounts the widget on an element; resolves to whether there was one. */",
    "  unmount(element: Element): Promise<boolean>;",
    "  /** Resolves once the bundle runs (and starts it if no widget did yet). */",
    "  ready(): Promise<void>;",
    "}",
    "",
    "/** Every widget event, by type: they bubble and cross shadow roots. */",
    "export interface FeedWidgetsEventMap {",
    ...elements.flatMap((e) => e.events.map((ev) =>
      `  ${JSON.stringify(ev.name)}: CustomEvent<${pascal(ev.name.replace(/^fw:/, "").replace(/:/g, "-"))}Detail>;`)),
    "}",
    "",
    "declare global {",
    "  interface Window {",
    "    /** The FeedWidgets loader's API. */",
    "    readonly FeedWidgets: FeedWidgetsApi;",
    "  }",
    "  interface HTMLElementTagNameMap {",
    ...elements.map((e) => `    ${JSON.stringify(e.tag)}: ${e.className};`),
    "  }",
    "  // The events bubble and are composed, so any element, the document and the window hear them.",
    "  interface HTMLElementEventMap extends FeedWidgetsEventMap {}",
    "  interface DocumentEventMap extends FeedWidgetsEventMap {}",
    "  interface WindowEventMap extends FeedWidgetsEventMap {}",
    "}",
    "",
  );
  return lines.join("\n");
}

function vscodeData() {
  return {
    $schema: "https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json",
    version: 1.1,
    tags: elements.map((e) => ({
      name: e.tag,
      description: `${e.description}\n\nEvents: ${e.events.map((ev) => ev.name).join(", ")}. Parts: ${e.parts.map(([p]) => p).join(", ")}.`,
      attributes: e.attributes.map((a) => ({
        name: a.name,
        description: a.description + (a.default !== undefined ? ` Default: ${a.default}.` : ""),
        ...(a.values && { values: a.values.map((name) => ({ name })) }),
        ...(a.type === "boolean" && { values: [{ name: "true" }, { name: "false" }] }),
      })),
      references: [{ name: "README", url: "https://www.npmjs.com/package/feedwidgets" }],
    })),
  };
}

/** The elements and options the demo's configurator offers, with their kinds of control. */
function configurator() {
  return elements.map((e) => ({
    tag: e.tag,
    kind: e.kind,
    description: e.description,
    attributes: e.attributes.map(({ name, type, values, default: fallback, min, max, description }) => ({
      name, type: values ? "enum" : type, values, default: fallback, min, max, description,
    })),
  }));
}

const outputs = {
  "demo/configurator-elements.json": JSON.stringify(configurator(), null, 2) + "\n",
  "package/custom-elements.json": JSON.stringify(manifest(), null, 2) + "\n",
  "package/feedwidgets.d.ts": typescript(),
  "package/html-custom-data.json": JSON.stringify(vscodeData(), null, 2) + "\n",
};
const check = process.argv.includes("--check");
let stale = [];
for (const [path, text] of Object.entries(outputs)) {
  const file = join(root, path);
  if (check) {
    let old = null;
    try { old = readFileSync(file, "utf8"); } catch { /* missing counts as stale */ }
    if (old !== text) stale.push(path);
  } else {
    writeFileSync(file, text);
  }
}
if (stale.length) {
  console.error(`stale (run node scripts/api-files.mjs): ${stale.join(", ")}`);
  process.exit(1);
}
