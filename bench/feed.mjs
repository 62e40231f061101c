// The feeds the benchmarks (and the large-feed end-to-end test) load: JSON Feed 1.1, generated
// in memory, newest first.

/** The trimmed feed's bound: it was made to fit the widget's former 2 MiB limit, and stays so. */
const TRIMMED_MAX_BYTES = 2 * 1024 * 1024;

/** The widget's per-document limit (src/feed/limits.rs). */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;

const START = Date.UTC(2026, 10, 27, 12, 0, 0);
const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");

/**
 * A trimmed feed of `count` items (id, a short title and summary, date, link): its JSON text,
 * the first item's title and its size in bytes.
 */
export function makeFeed(count) {
  const items = [];
  for (let i = 0; i < count; i += 1) {
    const n = i + 1;
    items.push({
      id: `bench-${n}`,
      title: `News item ${n} of ${count}: partners meet`,
      summary: `Item ${n}: a meeting on education and culture.`,
      date_published: iso(START - i * 3_600_000),
      url: `https://example.org/n/${n}`,
    });
  }
  const body = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Bench news", language: "en", items });
  const bytes = Buffer.byteLength(body);
  if (bytes > TRIMMED_MAX_BYTES) throw new Error(`trimmed feed of ${count} items is over 2 MiB`);
  return { body, firstTitle: items[0].title, lastTitle: items.at(-1).title, bytes };
}

const TOPICS = ["education", "science", "culture", "heritage", "youth", "innovation", "water", "health"];
const PLACES = ["Rabat", "Cairo", "Dakar", "Jakarta", "Baku", "Tunis", "Amman", "Abuja"];
const WORDS = ("the ministers and partners agreed on a programme for schools universities and "
  + "museums across the member states with grants for teachers training for young researchers "
  + "and a fund for the restoration of historic sites while experts presented the results of "
  + "the last year and the next steps of the plan").split(" ");

/** `length` characters of plain prose, different for each `seed`, ending with a full stop. */
function prose(seed, length) {
  let text = "";
  for (let k = seed; text.length < length; k += 7) text += `${WORDS[k % WORDS.length]} `;
  text = text.slice(0, length - 1).trimEnd();
  return `${text[0].toUpperCase()}${text.slice(1)}${".".padStart(length - text.length, "s")}`;
}

/**
 * A feed of `count` news items as a news site publishes them: an id, a link, a title, a
 * 300-character summary, an image and two dates (published, modified). Hosts are reserved `.test` names. Its JSON text, the first and last items'
 * titles, its size in bytes and bytes per item.
 */
export function makeRealisticFeed(count) {
  const items = [];
  for (let i = 0; i < count; i += 1) {
    const n = count - i;
    const topic = TOPICS[n % TOPICS.length];
    const place = PLACES[(n >> 3) % PLACES.length];
    const published = START - i * 3_600_000;
    const day = iso(published).slice(0, 10).replaceAll("-", "/");
    const slug = `${place}-forum-on-${topic}-${n}`.toLowerCase();
    items.push({
      id: `https://www.icesco.test/?p=${100000 + n}`,
      url: `https://www.icesco.test/en/${day}/${slug}/`,
      title: `${place} forum on ${topic}: member states agree on a new programme (${n})`,
      summary: prose(n, 300),
      image: `https://www.icesco.test/wp-content/uploads/${day.slice(0, 7)}/${slug}.jpg`,
      date_published: iso(published),
      date_modified: iso(published + 5_400_000),
    });
  }
  const body = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1", title: "ICESCO News", home_page_url: "https://www.icesco.test/",
    feed_url: "https://www.icesco.test/feed.json", language: "en", items,
  });
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_FEED_BYTES) throw new Error(`realistic feed of ${count} items is over the limit`);
  return { body, firstTitle: items[0].title, lastTitle: items.at(-1).title, bytes, perItem: bytes / count };
}
