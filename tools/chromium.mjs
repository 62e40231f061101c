// How the project's end-to-end tests and benchmarks start Debian's Chromium: headless through
// playwright-core (from this folder's node_modules), with the flags this kind of machine needs
// (without the background-networking ones, Chromium's connections are refused, many at a time).
import { createRequire } from "node:module";

const { chromium } = createRequire(import.meta.url)("playwright-core");

/** The flags every launch uses. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Launches /usr/bin/chromium headless with CHROMIUM_ARGS. */
export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}
