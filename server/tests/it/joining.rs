//! Organisations asking to join the portal (issue #31, first part): the questions, the request,
//! its confirmation by email, the 24-hour discard and the processing date on the Join page.
use crate::common::*;
use app::domain::platform::joining;
use app::domain::{calendar, store, Ctx};
use app::i18n::{long_date, Lang};
use reqwest::StatusCode;

pub(crate) const LRP: &str = "helene.gagnon@example.org";
pub(crate) const ADMIN: &str = "luc.roy@example.org";
pub(crate) const DELEGATE: &str = "ana.lima@example.org";
const REQUEST_PAGE: &str = "/join/request?custodian=yes&kind=clinic&requester=delegate";

pub(crate) fn request_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "clinic"),
        ("requester", "delegate"),
        ("legal_name", "Clinique du Parc inc."),
        ("address", "123, rue du Parc, Montréal (Québec) H2X 1Y4"),
        ("phone", "514 555 0100"),
        ("delegate_name", "Ana Lima"),
        ("delegate_email", DELEGATE),
        ("lrp_given_name", "Hélène"),
        ("lrp_family_name", "Gagnon"),
        ("lrp_title", "Directrice médicale"),
        ("lrp_email", LRP),
        ("lrp_phone", "514 555 0101"),
        ("admin_given_name", "Luc"),
        ("admin_family_name", "Roy"),
        ("admin_email", ADMIN),
        ("admin_phone", "514 555 0102"),
        ("services[messaging]", "on"),
        ("services[questionnaires]", "on"),
        ("attested", "on"),
    ]
}

fn without(field: &str) -> Vec<(&'static str, &'static str)> {
    request_form().into_iter().filter(|(name, _)| *name != field).collect()
}

fn processing(lang: Lang, day: chrono::NaiveDate) -> String {
    text_with(lang.code(), "join-processing", &[("date", &long_date(lang, day))])
}

#[tokio::test]
async fn an_organisation_asks_to_join_confirms_by_email_and_waits_in_order() {
    let app = spawn().await;
    let today = calendar::local_date(store::now(), calendar::DEFAULT_TIMEZONE);
    let (status, join) = app.page("/join", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&join, &processing(Lang::Fr, today)), "nothing waits: today");

    // Without JavaScript: the form posts, the answer goes to "check your email".
    let sent = app.submit("ask_to_join", &request_form(), None, REQUEST_PAGE).await;
    assert!(sent.status().is_redirection(), "{}", sent.status());
    assert_eq!(location(&sent), "/join/sent");
    assert_eq!(app.text("SELECT state FROM organisation_requests").await, "unconfirmed");
    assert_eq!(app.text("SELECT services FROM organisation_requests").await, "messaging,questionnaires");
    assert_eq!(app.text("SELECT lrp_phone FROM organisation_requests").await, "514-555-0101");
    assert_eq!(mails_of(&app, LRP, "organisation-request").await, 0, "the delegate filled it: they confirm");
    let (subject, body) = mail(&app, DELEGATE, "organisation-request").await;
    assert_eq!(subject, text("fr", "mail-organisation-request-subject"));
    assert!(body.contains("Clinique du Parc inc."));
    let token = link_token(&body, "/join/confirm/");

    // Opening the link confirms nothing (mail apps open links to check them).
    let (_, page) = app.page(&format!("/join/confirm/{token}"), None).await;
    assert!(shows(
        &page,
        &text_with("fr", "join-confirm-body", &[("organisation", "Clinique du Parc inc.")])
    ));
    assert_eq!(app.text("SELECT state FROM organisation_requests").await, "unconfirmed");
    assert!(shows(&app.page("/join", None).await.1, &processing(Lang::Fr, today)), "not counted yet");

    let confirmed = app.call("confirm_organisation_request", &[("token", &token)], None).await;
    assert!(confirmed.status().is_success(), "{}", confirmed.status());
    assert_eq!(app.text("SELECT state FROM organisation_requests").await, "submitted");
    let again = app.call("confirm_organisation_request", &[("token", &token)], None).await;
    assert!(again.status().is_success(), "a second click is not an error");
    let (_, page) = app.page(&format!("/join/confirm/{token}"), None).await;
    assert!(shows(&page, &text_with("fr", "join-confirmed", &[("organisation", "Clinique du Parc inc.")])));
    assert_eq!(
        app.count(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action IN ('organisation-request.submitted', 'organisation-request.confirmed')"
        )
        .await,
        2,
        "one row each"
    );

    // Ten days later, with a newer request confirmed since: the banner names the oldest's day.
    app.later("organisation_requests", &["created_at", "confirmed_at"], 10 * 86_400).await;
    let newer = app.call("ask_to_join", &request_form(), None).await;
    assert!(newer.status().is_success(), "{}", newer.status());
    let token = link_token(&latest_mail(&app, DELEGATE).await.1, "/join/confirm/");
    app.call("confirm_organisation_request", &[("token", &token)], None).await;
    let ten_days_ago = calendar::local_date(store::now() - 10 * 86_400, calendar::DEFAULT_TIMEZONE);
    assert!(shows(&app.page("/join", None).await.1, &processing(Lang::Fr, ten_days_ago)));
    assert!(shows(&app.page("/join?lang=en", None).await.1, &processing(Lang::En, ten_days_ago)));
}

#[tokio::test]
async fn a_request_is_refused_field_by_field_keeping_what_was_typed() {
    let app = spawn_with(unthrottled).await;
    let fields = [
        "kind",
        "requester",
        "legal_name",
        "address",
        "phone",
        "delegate_name",
        "delegate_email",
        "lrp_given_name",
        "lrp_family_name",
        "lrp_title",
        "lrp_email",
        "lrp_phone",
        "admin_given_name",
        "admin_family_name",
        "admin_email",
        "admin_phone",
        "attested",
    ];
    for field in fields {
        let error =
            refusal(app.call("ask_to_join", &without(field), None).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(error.field.as_deref(), Some(field), "{error:?}");
        let typed = if field == "legal_name" { "" } else { "Clinique du Parc inc." };
        assert_eq!(error.kept("legal_name"), Some(typed), "what was typed comes back");
    }
    let no_services: Vec<_> =
        request_form().into_iter().filter(|(name, _)| !name.starts_with("services")).collect();
    let error = refusal(app.call("ask_to_join", &no_services, None).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(error.field.as_deref(), Some("services"));
    let mut wrong_phone = request_form();
    wrong_phone.retain(|(name, _)| *name != "phone");
    wrong_phone.push(("phone", "appelez-moi"));
    let error = refusal(app.call("ask_to_join", &wrong_phone, None).await, StatusCode::BAD_REQUEST).await;
    assert_eq!((error.field.as_deref(), error.key.as_str()), (Some("phone"), "error-phone-invalid"));
    assert_eq!(error.kept("services[messaging]"), Some("on"), "the ticks come back too");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM organisation_requests").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM outbox").await, 0);

    // The LRP as administrator: the administrator's fields are not needed, the LRP confirms.
    let mut lrp_admin: Vec<_> = request_form()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("admin_") && !name.starts_with("delegate_"))
        .map(|(name, value)| if name == "requester" { (name, "lrp") } else { (name, value) })
        .collect();
    lrp_admin.push(("lrp_is_admin", "on"));
    let sent = app.call("ask_to_join", &lrp_admin, None).await;
    assert!(sent.status().is_success(), "{}", sent.status());
    assert_eq!(app.text("SELECT admin_email FROM organisation_requests").await, LRP);
    assert_eq!(mails_of(&app, LRP, "organisation-request").await, 1);
}

#[tokio::test]
async fn an_unconfirmed_request_is_discarded_after_a_day_and_its_link_stops() {
    let app = spawn().await;
    app.call("ask_to_join", &request_form(), None).await;
    let old = link_token(&latest_mail(&app, DELEGATE).await.1, "/join/confirm/");
    app.later("organisation_requests", &["created_at"], 25 * 3600).await;
    app.call("ask_to_join", &request_form(), None).await;
    let recent = link_token(&latest_mail(&app, DELEGATE).await.1, "/join/confirm/");
    assert_ne!(old, recent);

    let (_, page) = app.page(&format!("/join/confirm/{old}"), None).await;
    assert!(page_shows(&page, "fr", "join-link-unusable-title"), "expired before the job runs");
    let late = refusal(
        app.call("confirm_organisation_request", &[("token", &old)], None).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(late.key, "error-join-link-unusable");

    let discarded = joining::discard_unconfirmed(&Ctx::system(&app.state.db, store::now())).await.unwrap();
    assert_eq!(discarded, 1, "only the one older than 24 hours");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM organisation_requests").await, 1);
    let confirmed = app.call("confirm_organisation_request", &[("token", &recent)], None).await;
    assert!(confirmed.status().is_success());
    let (_, page) = app.page("/join/confirm/not-a-token", None).await;
    assert!(page_shows(&page, "fr", "join-link-unusable-title"));
}

#[tokio::test]
async fn the_questions_explain_who_cannot_ask_and_requests_from_one_address_are_limited() {
    let app = spawn().await;
    let (_, page) = app.page("/join/request?custodian=no&kind=clinic&requester=lrp", None).await;
    assert!(page_shows(&page, "fr", "join-not-custodian-body"));
    assert!(!page.contains(r#"name="legal_name""#), "no form");
    let (_, page) = app.page("/join/request?custodian=yes&kind=clinic&requester=neither&lang=en", None).await;
    assert!(page_shows(&page, "en", "join-not-responsible-body"));
    let (_, page) = app.page(REQUEST_PAGE, None).await;
    assert!(page.contains(r#"name="delegate_email""#) && page.contains(r#"name="legal_name""#));
    let (_, page) = app.page("/join/request?custodian=yes&kind=hospital&requester=lrp", None).await;
    assert!(!page.contains(r#"name="delegate_email""#), "the LRP asks: no delegate fields");

    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(app.call("ask_to_join", &request_form(), None).await.status().as_u16());
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 429), "{statuses:?}");
}

/// The privacy policy, in both languages, linked from the footer of every page and from the
/// forms that collect personal data.
#[tokio::test]
async fn the_privacy_policy_is_linked_from_every_footer_and_each_form_collecting_personal_data() {
    let app = spawn().await;
    for lang in ["fr", "en"] {
        let (status, page) = app.page(&format!("/privacy?lang={lang}"), None).await;
        assert_eq!(status, StatusCode::OK);
        for key in ["privacy-title", "privacy-who-operator", "privacy-kept-short", "privacy-contact"] {
            assert!(page_shows(&page, lang, key), "{lang}: {key}");
        }
    }
    for path in ["/", "/sign-in", "/join", "/privacy"] {
        let (_, page) = app.page(path, None).await;
        assert!(page.contains(r#"href="/privacy""#), "the footer of {path}");
    }
    let (_, form) = app.page(REQUEST_PAGE, None).await;
    assert!(page_shows(&form, "fr", "privacy-notice"), "the request form says why it collects");
    let admin = app.activated_admin("admin@example.org").await.0;
    let (_, invite) = app.page("/staff/patients/new", Some(&admin)).await;
    assert!(page_shows(&invite, "fr", "privacy-notice"), "inviting a patient");
}
