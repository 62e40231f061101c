// Type-checked against the installed package (`tsc --noEmit`, e2e/package.test.mjs): the
// elements, their events and window.FeedWidgets as a web developer would use them. Each
// `@ts-expect-error` must be an error, so loose or missing types fail the check too.
import "feedwidgets";
import type { FeedWidgetsApi, FwNewsCarouselElement, CarouselChangeDetail } from "feedwidgets";

const carousel = document.querySelector("fw-news-carousel");
if (carousel) {
  const typed: FwNewsCarouselElement = carousel;
  typed.next();
  typed.goTo(2);
  typed.perView = 3;
  typed.autoplay = true;
  const index: number = typed.currentIndex;
  // @ts-expect-error goTo takes a number
  typed.goTo("2");
  // @ts-expect-error currentIndex is read-only
  typed.currentIndex = index;
  typed.addEventListener("fw:carousel:change", (event) => {
    const detail: CarouselChangeDetail = event.detail;
    console.log(detail.id, detail.index.toFixed(0));
    // @ts-expect-error the detail has no such field
    console.log(event.detail.rating);
  });
}

document.querySelector("fw-feedback")?.reset();
document.querySelector("fw-disclaimer")?.dismiss();
document.addEventListener("fw:feedback:submitted", (event) => {
  const queued: boolean = event.detail.queued;
  console.log(event.detail.submission_id, event.detail.rating, queued);
});
window.addEventListener("fw:translation:changed", (event) => {
  console.log(event.detail.translated, event.detail.target ?? "unknown");
});

const api: FeedWidgetsApi = window.FeedWidgets;
const host = document.createElement("div");
void api.mount(host, "news-carousel", { src: "/feed.json", perView: 2, autoplay: true });
void api.mount(host, "feedback", { endpoint: "/api/feedback", compact: true });
// @ts-expect-error no such widget kind
void api.mount(host, "slideshow", {});
// @ts-expect-error a carousel option is not a feedback option
void api.mount(host, "feedback", { perView: 2 });
void api.unmount(host).then((had: boolean) => had);
const made = document.createElement("fw-disclaimer");
made.position = "bottom";
// @ts-expect-error position is inline, top or bottom
made.position = "left";
