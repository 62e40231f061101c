// The floor: the least any page can do to show a feed's first item. Fetch the feed, JSON.parse
// it whole (a JSON document is only known to be valid once all of it is read), then build one
// slide (title link, date, summary) for the first item with textContent and an
// Intl.DateTimeFormat, and nothing else: no library, no other slide, no controls. No carousel
// can show its first slide sooner than this page on the same feed, whatever its code.
// The slide is built as splide-page.js builds each of Splide's, written out again on purpose:
// each page loads only the scripts it measures.
const section = document.querySelector(".floor");
fetch(section.dataset.src)
  .then((response) => {
    if (!response.ok) throw new Error(`feed: HTTP ${response.status}`);
    return response.json();
  })
  .then((feed) => {
    const item = feed.items[0];
    const format = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" });
    const slide = document.createElement("article");
    slide.className = "floor__slide";
    const heading = document.createElement("h2");
    heading.className = "floor__title";
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    heading.append(link);
    const time = document.createElement("time");
    time.dateTime = item.date_published;
    time.textContent = format.format(new Date(item.date_published));
    const summary = document.createElement("p");
    summary.textContent = item.summary;
    slide.append(heading, time, summary);
    section.append(slide);
  })
  .catch((error) => console.error("bench floor page:", error));
