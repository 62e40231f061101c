// The Splide page built the common way: fetch the feed, build one <li class="splide__slide">
// per item (title link, date, summary), then `new Splide(el).mount()` with default options.
// Text goes in with textContent (the feed is untrusted, as it is for our widget); one
// Intl.DateTimeFormat is reused for every date (cheaper than toLocaleDateString per item).
const section = document.querySelector(".splide");
fetch(section.dataset.src)
  .then((response) => {
    if (!response.ok) throw new Error(`feed: HTTP ${response.status}`);
    return response.json();
  })
  .then((feed) => {
    performance.mark("bench:feed-parsed");
    const list = section.querySelector(".splide__list");
    const format = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" });
    const slides = document.createDocumentFragment();
    for (const item of feed.items) {
      const slide = document.createElement("li");
      slide.className = "splide__slide";
      const heading = document.createElement("h2");
      heading.className = "splide__title";
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
      slides.append(slide);
    }
    list.append(slides);
    performance.mark("bench:slides-built");
    new Splide(section).mount();
    performance.mark("bench:mounted");
  })
  .catch((error) => console.error("bench splide page:", error));
