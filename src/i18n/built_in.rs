//! The built-in catalogs, assembled from each widget's texts. French typography uses a narrow
//! no-break space (U+202F) before `?`, `!`, `:` and `;`, so a line never starts with that sign.

use super::{carousel_texts, disclaimer_texts, feedback_texts, Catalog};

/// English.
pub(super) static EN: Catalog = Catalog {
    loading: "Loading…",
    carousel: carousel_texts::EN,
    feedback: feedback_texts::EN,
    disclaimer: disclaimer_texts::EN,
};

/// French.
pub(super) static FR: Catalog = Catalog {
    loading: "Chargement…",
    carousel: carousel_texts::FR,
    feedback: feedback_texts::FR,
    disclaimer: disclaimer_texts::FR,
};

/// Arabic.
pub(super) static AR: Catalog = Catalog {
    loading: "جارٍ التحميل…",
    carousel: carousel_texts::AR,
    feedback: feedback_texts::AR,
    disclaimer: disclaimer_texts::AR,
};
