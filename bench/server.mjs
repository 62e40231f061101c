// The benchmarks' web server: 127.0.0.1 on a free port, uncompressed, nothing cached (every
// response `Cache-Control: no-store`, with its `Content-Length`). It serves
// `/<page>-<feed>.html` from `pages`, `/feed-<feed>.json` from `feeds` (bench/feed.mjs), where
// <feed> is an item count (`10000`) or a count and a letter (`10000r`, the realistic feed), and
// the files under each mount (URL prefix, folder), never a file outside that folder.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json",
  ".wasm": "application/wasm", ".css": "text/css",
};
const within = (file, dir) => file === dir || file.startsWith(dir + sep);

/**
 * Starts the server. `pages`: page name to a function of the item count giving its HTML;
 * `feeds`: a Map from a key (an item count, or a string such as "10000r") to a feed ({ body });
 * `mounts`: [URL prefix, folder] pairs.
 * Resolves to its base URL and a `close` function.
 */
export async function serveBench({ pages, feeds, mounts }) {
  const feedOf = (key) => feeds.get(key) ?? feeds.get(Number(key));
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const send = (status, type, body) => response.writeHead(status, {
      "content-type": type, "cache-control": "no-store", "content-length": Buffer.byteLength(body),
    }).end(body);
    try {
      let m;
      if ((m = path.match(/^\/([a-z-]+)-(\d+[a-z]?)\.html$/)) && Object.hasOwn(pages, m[1]) && feedOf(m[2])) {
        return send(200, TYPES[".html"], pages[m[1]](feeds.has(m[2]) ? m[2] : Number(m[2])));
      }
      if ((m = path.match(/^\/feed-(\d+[a-z]?)\.json$/)) && feedOf(m[1])) {
        return send(200, TYPES[".json"], feedOf(m[1]).body);
      }
      if (path === "/favicon.ico") return response.writeHead(204).end();
      for (const [prefix, dir] of mounts) {
        if (!path.startsWith(prefix)) continue;
        const file = normalize(join(dir, path.slice(prefix.length)));
        if (!within(file, dir)) break;
        return send(200, TYPES[extname(file)] ?? "application/octet-stream", await readFile(file));
      }
      return send(404, "text/plain", "not found");
    } catch {
      return send(404, "text/plain", "not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
