//! The carousel widget's texts in every built-in language.

/// What the carousel widget says.
#[derive(Debug)]
pub struct CarouselTexts {
    /// Accessible name of the news carousel region (must not contain the word "carousel").
    pub label: &'static str,
    /// `aria-roledescription` of the carousel.
    pub roledescription: &'static str,
    /// `aria-roledescription` of a slide.
    pub slide_roledescription: &'static str,
    /// Name of a slide: `{n}` of `{total}`.
    pub slide_position: &'static str,
    /// Position shown when several slides share the view: `{first}` to `{last}` of `{total}`.
    pub slides_position: &'static str,
    /// Name of the previous-slide button.
    pub previous_slide: &'static str,
    /// Name of the next-slide button.
    pub next_slide: &'static str,
    /// Shown when the feed has no news.
    pub no_news: &'static str,
    /// Shown when the news feed cannot be used.
    pub news_failed: &'static str,
    /// Name of the rotation button while slides rotate (it names the action it takes).
    pub stop_rotation: &'static str,
    /// Name of the rotation button while rotation is stopped.
    pub start_rotation: &'static str,
    /// Name of the group of slide-picker buttons.
    pub picker_label: &'static str,
    /// Name of one picker button: slide `{n}`.
    pub picker_slide: &'static str,
    /// Announced after a refresh brought `{n}` new items (worded to need no plural forms).
    pub new_items: &'static str,
}

/// English.
pub(super) const EN: CarouselTexts = CarouselTexts {
    label: "News",
    roledescription: "carousel",
    slide_roledescription: "slide",
    slide_position: "{n} of {total}",
    slides_position: "{first}–{last} of {total}",
    previous_slide: "Previous slide",
    next_slide: "Next slide",
    no_news: "There is no news to show yet.",
    news_failed: "The news could not be loaded.",
    stop_rotation: "Stop automatic slide show",
    start_rotation: "Start automatic slide show",
    picker_label: "Choose a slide",
    picker_slide: "Slide {n}",
    new_items: "New items: {n}",
};

/// French.
pub(super) const FR: CarouselTexts = CarouselTexts {
    label: "Actualités",
    roledescription: "carrousel",
    slide_roledescription: "diapositive",
    slide_position: "{n} sur {total}",
    slides_position: "{first} à {last} sur {total}",
    previous_slide: "Diapositive précédente",
    next_slide: "Diapositive suivante",
    no_news: "Aucune actualité à afficher pour le moment.",
    news_failed: "Les actualités n’ont pas pu être chargées.",
    stop_rotation: "Arrêter le défilement automatique",
    start_rotation: "Lancer le défilement automatique",
    picker_label: "Choisir une diapositive",
    picker_slide: "Diapositive {n}",
    new_items: "Nouveaux articles\u{202F}: {n}",
};

/// Arabic.
pub(super) const AR: CarouselTexts = CarouselTexts {
    label: "الأخبار",
    roledescription: "عرض دوّار",
    slide_roledescription: "شريحة",
    slide_position: "{n} من {total}",
    slides_position: "{first}–{last} من {total}",
    previous_slide: "الشريحة السابقة",
    next_slide: "الشريحة التالية",
    no_news: "لا توجد أخبار لعرضها حاليًا.",
    news_failed: "تعذّر تحميل الأخبار.",
    stop_rotation: "إيقاف العرض التلقائي للشرائح",
    start_rotation: "تشغيل العرض التلقائي للشرائح",
    picker_label: "اختر شريحة",
    picker_slide: "الشريحة {n}",
    new_items: "أخبار جديدة: {n}",
};
