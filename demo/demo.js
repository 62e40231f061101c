// Demo controls only; a real site needs none of this.
//
// ?lang=ar|en|fr sets the widgets' language (and the page direction for Arabic), before the
// loader starts the widgets; ?autoplay makes the carousel rotate. ?translated and the toggle add the class Google Translate puts on <html>, which
// makes the disclaimer appear and disappear.

const lang = new URLSearchParams(location.search).get("lang");
if (lang === "ar" || lang === "en" || lang === "fr") {
  for (const element of document.querySelectorAll("fw-news-carousel, fw-feedback, fw-disclaimer")) {
    element.setAttribute("lang", lang);
  }
  for (const element of document.querySelectorAll("[data-fw-widget]")) {
    element.setAttribute("data-lang", lang);
  }
  if (lang === "ar") {
    document.documentElement.dir = "rtl";
  }
}

if (new URLSearchParams(location.search).has("autoplay")) {
  for (const element of document.querySelectorAll("fw-news-carousel")) element.setAttribute("autoplay", "");
}

const toggle = document.getElementById("simulate-translation");
// ?translated starts the page as if Google Translate were already on (for screenshots).
if (new URLSearchParams(location.search).has("translated")) {
  document.documentElement.classList.add("translated-ltr");
  toggle?.setAttribute("aria-pressed", "true");
}
toggle?.addEventListener("click", () => {
  const translated = document.documentElement.classList.toggle("translated-ltr");
  toggle.setAttribute("aria-pressed", String(translated));
});
