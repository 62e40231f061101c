//! The feedback widget's texts in every built-in language.

/// What the feedback widget says.
#[derive(Debug)]
pub struct FeedbackTexts {
    /// The default feedback question.
    pub question: &'static str,
    /// The five default answers, worst to best.
    pub labels: [&'static str; 5],
    /// The submit button.
    pub submit: &'static str,
    /// The submit button while a rating is being sent.
    pub sending: &'static str,
    /// Asked when submit is pressed with no choice made.
    pub choose_rating: &'static str,
    /// Shown when a rating could not be sent.
    pub send_failed: &'static str,
    /// The button that sends again.
    pub retry: &'static str,
    /// The thank-you heading.
    pub thanks: &'static str,
    /// Shown when the feedback widget has nowhere to send ratings.
    pub unavailable: &'static str,
}

/// English.
pub(super) const EN: FeedbackTexts = FeedbackTexts {
    question: "Overall, how satisfied are you with the website?",
    labels: [
        "Extremely dissatisfied",
        "Dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Satisfied",
        "Extremely satisfied",
    ],
    submit: "Send",
    sending: "Sending…",
    choose_rating: "Please choose an answer first.",
    send_failed: "Your answer could not be sent. Check your connection and try again.",
    retry: "Try again",
    thanks: "Thank you for your feedback.",
    unavailable: "Feedback cannot be collected on this page right now.",
};

/// French.
pub(super) const FR: FeedbackTexts = FeedbackTexts {
    question: "Dans l’ensemble, dans quelle mesure êtes-vous satisfait du site web\u{202F}?",
    labels: [
        "Pas du tout satisfait",
        "Insatisfait",
        "Ni satisfait ni insatisfait",
        "Satisfait",
        "Très satisfait",
    ],
    submit: "Envoyer",
    sending: "Envoi en cours…",
    choose_rating: "Veuillez d’abord choisir une réponse.",
    send_failed: "Votre réponse n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.",
    retry: "Réessayer",
    thanks: "Merci pour votre avis.",
    unavailable: "Les avis ne peuvent pas être recueillis sur cette page pour le moment.",
};

/// Arabic.
pub(super) const AR: FeedbackTexts = FeedbackTexts {
    question: "بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟",
    labels: ["غير راضٍ إطلاقًا", "غير راضٍ", "محايد", "راضٍ", "راضٍ جدًا"],
    submit: "إرسال",
    sending: "جارٍ الإرسال…",
    choose_rating: "يُرجى اختيار إجابة أولًا.",
    send_failed: "تعذّر إرسال إجابتك. تحقّق من اتصالك وأعد المحاولة.",
    retry: "إعادة المحاولة",
    thanks: "شكرًا لك على ملاحظاتك.",
    unavailable: "لا يمكن جمع الملاحظات في هذه الصفحة حاليًا.",
};
