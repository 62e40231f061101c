// The feed both benchmarks load: JSON Feed 1.1, generated in memory, newest first.

/** The widget's per-document limit (src/feed/limits.rs). */
const MAX_FEED_BYTES = 2 * 1024 * 1024;

/** A feed of `count` items: its JSON text, the first item's title and its size in bytes. */
export function makeFeed(count) {
  const start = Date.UTC(2026, 10, 27, 12, 0, 0);
  const items = [];
  for (let i = 0; i < count; i += 1) {
    const n = i + 1;
    items.push({
      id: `bench-${n}`,
      title: `News item ${n} of ${count}: partners meet`,
      summary: `Item ${n}: a meeting on education and culture.`,
      date_published: new Date(start - i * 3_600_000).toISOString().replace(".000Z", "Z"),
      url: `https://example.org/n/${n}`,
    });
  }
  const body = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Bench news", language: "en", items });
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_FEED_BYTES) throw new Error(`feed of ${count} items is over 2 MiB`);
  return { body, firstTitle: items[0].title, bytes };
}
