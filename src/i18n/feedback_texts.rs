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
    /// Shown when the collector refused the rating for good (a final 4xx): not a connection
    /// problem, and sending again cannot help.
    pub refused: &'static str,
    /// Shown when the collector refused the comment for good; the rating is saved by then.
    pub comment_refused: &'static str,
    /// The button that sends again (while the submission waits in the outbox).
    pub retry: &'static str,
    /// The thank-you heading.
    pub thanks: &'static str,
    /// Shown when the feedback widget has nowhere to send ratings.
    pub unavailable: &'static str,
    /// Shown while a submission waits on this device to be sent again.
    pub queued: &'static str,
    /// Shown instead of the form to a visitor who already rated.
    pub already: &'static str,
    /// The heading of the optional comment step (the rating is saved by then).
    pub comment_heading: &'static str,
    /// The comment field's label.
    pub comment_label: &'static str,
    /// The hint under the comment field.
    pub comment_hint: &'static str,
    /// The button that ends without a comment.
    pub skip: &'static str,
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
    refused: "Your answer could not be accepted.",
    comment_refused: "Your comment could not be accepted. Your answer is saved.",
    retry: "Try again",
    thanks: "Thank you for your feedback.",
    unavailable: "Feedback cannot be collected on this page right now.",
    queued: "Not sent yet: your answer is saved on this device and will be sent when the connection is back.",
    already: "Thanks, you already gave your feedback.",
    comment_heading: "Thank you, your answer is saved.",
    comment_label: "Anything to add? (optional)",
    comment_hint: "Do not include personal information such as your name, e-mail address or phone number.",
    skip: "Skip",
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
    refused: "Votre réponse n’a pas pu être acceptée.",
    comment_refused: "Votre commentaire n’a pas pu être accepté. Votre réponse est enregistrée.",
    retry: "Réessayer",
    thanks: "Merci pour votre avis.",
    unavailable: "Les avis ne peuvent pas être recueillis sur cette page pour le moment.",
    queued: "Pas encore envoyée\u{202F}: votre réponse est enregistrée sur cet appareil et sera envoyée au retour de la connexion.",
    already: "Merci, vous avez déjà donné votre avis.",
    comment_heading: "Merci, votre réponse est enregistrée.",
    comment_label: "Autre chose à ajouter\u{202F}? (facultatif)",
    comment_hint: "N’indiquez pas d’informations personnelles comme votre nom, votre adresse e-mail ou votre numéro de téléphone.",
    skip: "Passer",
};

/// Arabic.
pub(super) const AR: FeedbackTexts = FeedbackTexts {
    question: "بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟",
    labels: ["غير راضٍ إطلاقًا", "غير راضٍ", "محايد", "راضٍ", "راضٍ جدًا"],
    submit: "إرسال",
    sending: "جارٍ الإرسال…",
    choose_rating: "يُرجى اختيار إجابة أولًا.",
    refused: "تعذّر قبول إجابتك.",
    comment_refused: "تعذّر قبول تعليقك. إجابتك محفوظة.",
    retry: "إعادة المحاولة",
    thanks: "شكرًا لك على ملاحظاتك.",
    unavailable: "لا يمكن جمع الملاحظات في هذه الصفحة حاليًا.",
    queued: "لم تُرسل بعد: حُفظت إجابتك على هذا الجهاز وسترسل عند عودة الاتصال.",
    already: "شكرًا، لقد سبق أن قدّمت ملاحظاتك.",
    comment_heading: "شكرًا لك، حُفظت إجابتك.",
    comment_label: "هل لديك ما تضيفه؟ (اختياري)",
    comment_hint: "لا تذكر معلومات شخصية مثل اسمك أو بريدك الإلكتروني أو رقم هاتفك.",
    skip: "تخطٍّ",
};
