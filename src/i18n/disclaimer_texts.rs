//! The disclaimer widget's texts in every built-in language.

/// What the disclaimer widget says.
#[derive(Debug)]
pub struct DisclaimerTexts {
    /// Accessible name of the disclaimer region.
    pub label: &'static str,
    /// The disclaimer naming the organisation `{org}`.
    pub with_org: &'static str,
    /// The disclaimer when no organisation is known.
    pub without_org: &'static str,
    /// Name of the dismiss button.
    pub dismiss: &'static str,
    /// The action that leaves the translation for the original page.
    pub view_original: &'static str,
}

/// English.
pub(super) const EN: DisclaimerTexts = DisclaimerTexts {
    label: "Translation disclaimer",
    with_org: "Disclaimer: You are using Google Translate. {org} is not responsible for the accuracy of the information in the translated language.",
    without_org: "Disclaimer: You are using Google Translate. The publisher of this website is not responsible for the accuracy of the information in the translated language.",
    dismiss: "Dismiss the translation disclaimer",
    view_original: "View the original page",
};

/// French.
pub(super) const FR: DisclaimerTexts = DisclaimerTexts {
    label: "Avertissement sur la traduction",
    with_org: "Avertissement\u{202F}: vous utilisez Google Traduction. {org} n’est pas responsable de l’exactitude des informations dans la langue traduite.",
    without_org: "Avertissement\u{202F}: vous utilisez Google Traduction. L’éditeur de ce site n’est pas responsable de l’exactitude des informations dans la langue traduite.",
    dismiss: "Fermer l’avertissement sur la traduction",
    view_original: "Voir la page originale",
};

/// Arabic.
pub(super) const AR: DisclaimerTexts = DisclaimerTexts {
    label: "تنبيه بشأن الترجمة",
    with_org: "إخلاء مسؤولية: أنت تستخدم ترجمة Google. لا تتحمّل {org} مسؤولية دقة المعلومات في اللغة المترجَم إليها.",
    without_org: "إخلاء مسؤولية: أنت تستخدم ترجمة Google. لا يتحمّل ناشر هذا الموقع مسؤولية دقة المعلومات في اللغة المترجَم إليها.",
    dismiss: "إغلاق تنبيه الترجمة",
    view_original: "عرض الصفحة الأصلية",
};
