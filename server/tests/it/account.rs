//! Account self-service over HTTP: profile fields, language of communication, re-authentication,
//! email and password changes, recovery codes, sessions, access log and export.
use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const OTHER: &str = "jacques.roy@example.org";
const NEW_PASSWORD: &str = "un tout autre mot de passe solide";

/// An organisation with patient Léa (invited in English) who has an account; returns the app,
/// the professional's cookie and a signed-in session of Léa.
async fn patient_signed_in() -> (TestApp, String, String) {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let session = app.sign_in(PATIENT, PASSWORD).await;
    (app, staff, session)
}

async fn account_view(app: &TestApp, session: &str) -> Value {
    let response = app.call("my_account", &[], Some(session)).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn link_in(body: &str, path: &str) -> String {
    let start = body.find(path).unwrap_or_else(|| panic!("{path} in {body}")) + path.len();
    body[start..].split(['\n', ' ']).next().unwrap().to_string()
}

#[tokio::test]
async fn profile_fields_are_checked_normalised_and_kept_on_error() {
    let (app, _, session) = patient_signed_in().await;
    let address = [
        ("field", "address"),
        ("street", "123, rue Saint-Denis"),
        ("city", "Montréal"),
        ("province", "QC"),
        ("postal_code", "12345"),
    ];
    let refused = error_key(app.call("save_profile", &address, Some(&session)).await).await;
    assert_eq!(refused["key"], "error-postal-code-invalid");
    assert!(
        refused["kept"].as_array().unwrap().contains(&serde_json::json!(["street", "123, rue Saint-Denis"])),
        "what was typed comes back"
    );

    // Without JavaScript: back to the form, still open, with the message and what was typed.
    let back = app.submit("save_profile", &address, Some(&session), "/account?edit=address").await;
    assert_eq!(back.status(), StatusCode::FOUND);
    let (_, html) = app.page(&crate::common::location(&back).replace(&app.base, ""), Some(&session)).await;
    assert!(html.contains("A1A 1A1"), "message shown");
    assert!(html.contains("value=\"123, rue Saint-Denis\""), "street kept");

    let mut fixed = address;
    fixed[4] = ("postal_code", "h2x1y4");
    let saved = app.call("save_profile", &fixed, Some(&session)).await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(saved.headers().get("location").unwrap(), "/account?saved=address");
    let phones = app
        .call(
            "save_profile",
            &[("field", "phones"), ("mobile", "(514) 555-0123"), ("home_phone", "")],
            Some(&session),
        )
        .await;
    assert_eq!(phones.status(), StatusCode::OK);
    let wrong_phone = error_key(
        app.call(
            "save_profile",
            &[("field", "phones"), ("mobile", "555-0123"), ("home_phone", "")],
            Some(&session),
        )
        .await,
    )
    .await;
    assert_eq!(wrong_phone["key"], "error-mobile-invalid");
    let named = app
        .call("save_profile", &[("field", "preferred_name"), ("preferred_name", "Lili")], Some(&session))
        .await;
    assert_eq!(named.status(), StatusCode::OK);

    let me = account_view(&app, &session).await;
    assert_eq!(me["postal_code"], "H2X 1Y4");
    assert_eq!(me["province"], "QC");
    assert_eq!(me["mobile_phone"], "514-555-0123");
    assert_eq!(me["preferred_name"], "Lili");
    assert_eq!(me["birth_date"], "1990-04-12", "date of birth comes from the record");
    let (_, html) = app.page("/account", Some(&session)).await;
    assert!(html.contains("123, rue Saint-Denis, Montréal, QC H2X 1Y4"));
    assert!(html.contains("Modifier"), "pencil buttons are labelled");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'profile.address_changed'").await,
        1
    );
}

/// Signs in with password and emailed code; returns the code mail's subject and the interface
/// language the sign-in put in the `lang` cookie.
async fn sign_in_languages(app: &TestApp) -> (String, String) {
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let code = emailed_code(app, PATIENT).await;
    let (subject, _) = mail(app, PATIENT, "code").await;
    let done = app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    assert_eq!(done.status(), StatusCode::OK);
    (subject, cookie_named(&done, "lang").expect("the interface language is set at sign-in"))
}

#[tokio::test]
async fn the_language_of_communication_drives_the_next_email_and_the_interface_language_the_pages() {
    let (app, _, session) = patient_signed_in().await;
    let code_subject = |lang: &str, subject: &str| {
        let code: String = subject.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(subject, text_with(lang, "mail-code-subject", &[("code", &code)]), "mail in {lang}");
    };
    // Invited in English: both languages are English.
    let (subject, interface) = sign_in_languages(&app).await;
    code_subject("en", &subject);
    assert_eq!(interface, "lang=en");

    // Only the emails switch to French: the pages stay English.
    let saved = app.call("save_profile", &[("field", "language"), ("language", "fr")], Some(&session)).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let (subject, interface) = sign_in_languages(&app).await;
    code_subject("fr", &subject);
    assert_eq!(interface, "lang=en", "the interface language did not move");

    // Only the pages switch to French: the emails stay French, then go back to English alone.
    let interface = app
        .call("save_profile", &[("field", "interface_language"), ("language", "fr")], Some(&session))
        .await;
    assert_eq!(interface.status(), StatusCode::OK);
    assert_eq!(cookie_named(&interface, "lang").as_deref(), Some("lang=fr"));
    assert_eq!(interface.text().await.unwrap(), "\"fr\"");
    let (subject, interface) = sign_in_languages(&app).await;
    code_subject("fr", &subject);
    assert_eq!(interface, "lang=fr");
    let saved = app.call("save_profile", &[("field", "language"), ("language", "en")], Some(&session)).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let (subject, interface) = sign_in_languages(&app).await;
    code_subject("en", &subject);
    assert_eq!(interface, "lang=fr", "the pages stay French");

    let bad = error_key(
        app.call("save_profile", &[("field", "language"), ("language", "de")], Some(&session)).await,
    )
    .await;
    assert_eq!(bad["key"], "error-language-invalid");
}

#[tokio::test]
async fn an_email_change_needs_a_recent_reauthentication_and_a_confirmed_link() {
    let (app, _, session) = patient_signed_in().await;
    let new_email = "lea.t@example.net";
    let early =
        error_key(app.call("request_email_change", &[("email", new_email)], Some(&session)).await).await;
    assert_eq!(early["key"], "error-reauth-required");
    let (_, html) = app.page("/account/email", Some(&session)).await;
    assert!(
        html.contains("/account/confirm?next=/account/email"),
        "the page offers to confirm identity first"
    );

    let wrong = error_key(
        app.call(
            "start_reauth",
            &[("password", "not the password at all"), ("next", "/account/email")],
            Some(&session),
        )
        .await,
    )
    .await;
    assert_eq!(wrong["key"], "error-password-wrong");
    reauthenticate(&app, &session, PATIENT).await;

    // An address with an account is answered like any other: the caller learns nothing; its
    // owner is told, in her language, and gets no link.
    let taken =
        app.call("request_email_change", &[("email", "MARIE.TREMBLAY@example.org")], Some(&session)).await;
    let taken = (taken.status(), taken.headers().get("location").cloned(), taken.text().await.unwrap());
    let (subject, body) = mail(&app, "marie.tremblay@example.org", "email-taken").await;
    assert_eq!(subject, text("fr", "mail-email-taken-subject"));
    assert!(!body.contains("/email-change/"), "no link to confirm");
    let requested = app.call("request_email_change", &[("email", new_email)], Some(&session)).await;
    assert_eq!(
        (requested.status(), requested.headers().get("location").cloned(), requested.text().await.unwrap()),
        taken,
        "the same answer"
    );
    let (_, confirm_body) = mail(&app, new_email, "email-confirm").await;
    let (notice_subject, notice_body) = mail(&app, PATIENT, "email-notice").await;
    assert_eq!(
        notice_subject,
        text("en", "mail-email-notice-subject"),
        "the old address is told, in English"
    );
    assert!(notice_body.contains(new_email) && notice_body.contains("/email-change/report/"));
    let token = link_in(&confirm_body, "/email-change/");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE email = 'lea.t@example.net'").await,
        0,
        "nothing changes before the link is used"
    );

    // Opening the link changes nothing; confirming does.
    let (status, html) = app.page(&format!("/email-change/{token}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(new_email));
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email = 'lea.t@example.net'").await, 0);
    let other_device = app.sign_in(PATIENT, PASSWORD).await;
    let confirmed = app.call("confirm_email_change", &[("token", &token)], Some(&session)).await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    assert_eq!(
        app.get("/account", Some(&session)).await.status(),
        StatusCode::OK,
        "the confirming one stays"
    );
    assert_eq!(app.get("/account", Some(&other_device)).await.status(), StatusCode::FOUND, "others end");
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.t@example.net'").await, 1);
    let again = error_key(app.call("confirm_email_change", &[("token", &token)], None).await).await;
    assert_eq!(again["key"], "error-email-change-unusable");
    assert!(app.sign_in_password(new_email, PASSWORD).await.is_some(), "the new address signs in");
    assert!(app.sign_in_password(PATIENT, PASSWORD).await.is_none(), "the old one no longer does");

    // A re-authentication lasts 5 minutes.
    sqlx::query("UPDATE sessions SET reauthenticated_at = reauthenticated_at - 301")
        .execute(&app.state.db)
        .await
        .unwrap();
    let late =
        error_key(app.call("request_email_change", &[("email", "lea.3@example.net")], Some(&session)).await)
            .await;
    assert_eq!(late["key"], "error-reauth-required");
}

#[tokio::test]
async fn concurrent_email_changes_to_the_same_address_let_exactly_one_win() {
    let (app, staff, lea) = patient_signed_in().await;
    redeemed_patient(&app, &staff, OTHER).await;
    let jacques = app.sign_in(OTHER, PASSWORD).await;
    let wanted = "famille@example.net";
    let mut tokens = Vec::new();
    for (session, email) in [(&lea, PATIENT), (&jacques, OTHER)] {
        reauthenticate(&app, session, email).await;
        let requested = app.call("request_email_change", &[("email", wanted)], Some(session)).await;
        assert_eq!(requested.status(), StatusCode::OK);
        let (_, body) = latest_mail(&app, wanted).await;
        tokens.push(link_in(&body, "/email-change/"));
    }
    let (first, second) = ([("token", tokens[0].as_str())], [("token", tokens[1].as_str())]);
    let (a, b) = tokio::join!(
        app.call("confirm_email_change", &first, None),
        app.call("confirm_email_change", &second, None)
    );
    let statuses = [a.status(), b.status()];
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "exactly one wins: {statuses:?}"
    );
    let loser = if a.status() == StatusCode::OK { b } else { a };
    assert_eq!(error_key(loser).await["key"], "error-email-taken");
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'famille@example.net'").await, 1);
}

#[tokio::test]
async fn it_was_not_me_stops_the_change_and_ends_every_session() {
    let (app, _, session) = patient_signed_in().await;
    reauthenticate(&app, &session, PATIENT).await;
    app.call("request_email_change", &[("email", "intrus@example.net")], Some(&session)).await;
    let (_, notice) = latest_mail(&app, PATIENT).await;
    let (_, confirm) = latest_mail(&app, "intrus@example.net").await;
    let reported =
        app.call("report_email_change", &[("token", &link_in(&notice, "/email-change/report/"))], None).await;
    assert_eq!(reported.status(), StatusCode::OK);
    assert_eq!(error_key(app.call("my_account", &[], Some(&session)).await).await["key"], "error-signed-out");
    let too_late = error_key(
        app.call("confirm_email_change", &[("token", &link_in(&confirm, "/email-change/"))], None).await,
    )
    .await;
    assert_eq!(too_late["key"], "error-email-change-unusable");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'email_change.reported'").await,
        1
    );
    let (subject, body) = mail(&app, PATIENT, "email-reported").await;
    assert_eq!(subject, text("en", "mail-email-reported-subject"));
    assert!(body.contains(PATIENT), "her username is named");
}

/// Confirmed by someone who held the session and the new mailbox: the report link, which reached
/// the old address, still works for 30 days and puts that address back; everything under way ends.
#[tokio::test]
async fn it_was_not_me_after_the_change_puts_the_old_address_back() {
    let (app, _, session) = patient_signed_in().await;
    reauthenticate(&app, &session, PATIENT).await;
    app.call("request_email_change", &[("email", "intrus@example.net")], Some(&session)).await;
    let (_, notice) = mail(&app, PATIENT, "email-notice").await;
    let (_, confirm) = mail(&app, "intrus@example.net", "email-confirm").await;
    let confirmed = app
        .call("confirm_email_change", &[("token", &link_in(&confirm, "/email-change/"))], Some(&session))
        .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let intruder = app.sign_in_password("intrus@example.net", PASSWORD).await.expect("the new address works");

    let report_token = link_in(&notice, "/email-change/report/");
    let reported = app.call("report_email_change", &[("token", &report_token)], None).await;
    assert_eq!(reported.status(), StatusCode::OK);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.tremblay@example.org'").await,
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'intrus@example.net'").await, 0);
    assert_eq!(app.get("/account", Some(&session)).await.status(), StatusCode::FOUND, "signed out");
    let code = emailed_code(&app, "intrus@example.net").await;
    let late = app.call("verify_sign_in", &[("code", &code)], Some(&intruder)).await;
    assert_eq!(error_key(late).await["key"], "error-start-again", "the sign-in under way ended");
    let (_, body) = mail(&app, PATIENT, "email-reported").await;
    assert!(body.contains(PATIENT));
    let again = app.call("report_email_change", &[("token", &report_token)], None).await;
    assert_eq!(error_key(again).await["key"], "error-email-change-unusable", "once");
}

#[tokio::test]
async fn the_report_link_dies_30_days_after_the_request_once_the_change_is_made() {
    let (app, _, session) = patient_signed_in().await;
    reauthenticate(&app, &session, PATIENT).await;
    app.call("request_email_change", &[("email", "lea.new@example.net")], Some(&session)).await;
    let (_, notice) = mail(&app, PATIENT, "email-notice").await;
    let (_, confirm) = mail(&app, "lea.new@example.net", "email-confirm").await;
    app.call("confirm_email_change", &[("token", &link_in(&confirm, "/email-change/"))], Some(&session))
        .await;
    let asked = app.count("SELECT created_at FROM email_changes").await;
    let token = link_in(&notice, "/email-change/report/");
    let at = |t| app::domain::Ctx::system(&app.state.db, t);
    let valid = app::domain::identity::email_change::REPORT_VALID_SECONDS;
    assert!(
        !app::domain::identity::email_change::report(&at(asked + valid), &token).await.unwrap(),
        "30 days: dead"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.new@example.net'").await, 1);
    assert!(
        app::domain::identity::email_change::report(&at(asked + valid - 1), &token).await.unwrap(),
        "a second before"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email_key = 'lea.new@example.net'").await, 0);
}

#[tokio::test]
async fn a_password_change_keeps_the_policy_ends_other_sessions_and_tells_the_owner() {
    let (app, _, session) = patient_signed_in().await;
    let other_device = app.sign_in(PATIENT, PASSWORD).await;
    let early = error_key(
        app.call(
            "change_password",
            &[("password", NEW_PASSWORD), ("password_confirmation", NEW_PASSWORD)],
            Some(&session),
        )
        .await,
    )
    .await;
    assert_eq!(early["key"], "error-reauth-required");
    reauthenticate(&app, &session, PATIENT).await;
    // Someone half-way through signing in with the old password.
    let half_done = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let half_code = emailed_code(&app, PATIENT).await;
    let short = error_key(
        app.call(
            "change_password",
            &[("password", "court"), ("password_confirmation", "court")],
            Some(&session),
        )
        .await,
    )
    .await;
    assert_eq!(short["key"], "error-password-too-short");
    let changed = app
        .call(
            "change_password",
            &[("password", NEW_PASSWORD), ("password_confirmation", NEW_PASSWORD)],
            Some(&session),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(
        error_key(app.call("my_account", &[], Some(&other_device)).await).await["key"],
        "error-signed-out"
    );
    assert_eq!(
        app.call("my_account", &[], Some(&session)).await.status(),
        StatusCode::OK,
        "this session stays"
    );
    let (subject, _) = mail(&app, PATIENT, "password-changed").await;
    assert_eq!(subject, text("en", "mail-password-changed-subject"));
    let finished =
        error_key(app.call("verify_sign_in", &[("code", &half_code)], Some(&half_done)).await).await;
    assert_eq!(finished["key"], "error-start-again", "a sign-in begun with the old password cannot finish");
    assert!(app.sign_in_password(PATIENT, PASSWORD).await.is_none());
    assert!(app.sign_in_password(PATIENT, NEW_PASSWORD).await.is_some());
}

#[tokio::test]
async fn recovery_codes_are_shown_once_work_once_and_die_when_replaced() {
    let (app, _, session) = patient_signed_in().await;
    reauthenticate(&app, &session, PATIENT).await;
    assert_eq!(app.call("start_authenticator", &[], Some(&session)).await.status(), StatusCode::OK);
    let view: Value = app.call("authenticator", &[], Some(&session)).await.json().await.unwrap();
    let secret = view["Pending"]["secret"].as_str().unwrap().to_string();
    let confirmed = app
        .call(
            "confirm_authenticator",
            &[("password", PASSWORD), ("code", &current_totp(&secret))],
            Some(&session),
        )
        .await;
    assert_eq!(confirmed.headers().get("location").unwrap(), "/account/recovery-codes");
    let carrier = cookie_named(&confirmed, "portail-recovery").expect("codes handed to the page");
    let codes: Vec<String> = app
        .call("take_recovery_codes", &[], Some(&format!("{session}; {carrier}")))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(codes.len(), 10);
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL").await, 10);

    // Phone lost: a recovery code instead of the app's code, once.
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let signed_in = app.call("verify_sign_in", &[("code", &codes[0].to_uppercase())], Some(&challenge)).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let reused = error_key(app.call("verify_sign_in", &[("code", &codes[0])], Some(&challenge)).await).await;
    assert_eq!(reused["key"], "error-verification-wrong");
    assert_eq!(account_view(&app, &session).await["recovery_codes_left"], 9);

    // New codes need a re-authentication (here with the app) and replace the old ones. The one
    // made to turn the app on is over five minutes old by now (the window is pinned in
    // boundaries.rs).
    sqlx::query("UPDATE sessions SET reauthenticated_at = reauthenticated_at - 301")
        .execute(&app.state.db)
        .await
        .unwrap();
    let refused = error_key(app.call("new_recovery_codes", &[], Some(&session)).await).await;
    assert_eq!(refused["key"], "error-reauth-required");
    let started = app
        .call("start_reauth", &[("password", PASSWORD), ("next", "/account/security")], Some(&session))
        .await;
    let reauth = cookie_named(&started, "portail-reauth").unwrap();
    let done = app
        .call(
            "confirm_reauth",
            &[("code", &next_totp(&secret)), ("next", "/account/security")],
            Some(&format!("{session}; {reauth}")),
        )
        .await;
    assert_eq!(done.headers().get("location").unwrap(), "/account/security");
    assert_eq!(app.call("new_recovery_codes", &[], Some(&session)).await.status(), StatusCode::OK);
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let old = error_key(app.call("verify_sign_in", &[("code", &codes[1])], Some(&challenge)).await).await;
    assert_eq!(old["key"], "error-verification-wrong", "old codes die");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'recovery_code.used'").await, 1);
}

#[tokio::test]
async fn ending_a_session_makes_its_cookie_useless_on_the_next_request() {
    let (app, staff, session) = patient_signed_in().await;
    let phone = app.sign_in(PATIENT, PASSWORD).await;
    let me = account_view(&app, &session).await;
    let sessions = me["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 3, "account creation, this one and the phone");
    let phone_id =
        sessions.iter().filter(|s| s["current"] == false).map(|s| s["id"].as_i64().unwrap()).max().unwrap();

    // Another person cannot end it.
    let not_theirs =
        error_key(app.call("end_session", &[("id", &phone_id.to_string())], Some(&staff)).await).await;
    assert_eq!(not_theirs["key"], "error-not-found");
    assert_eq!(app.call("my_account", &[], Some(&phone)).await.status(), StatusCode::OK);

    let ended = app.call("end_session", &[("id", &phone_id.to_string())], Some(&session)).await;
    assert_eq!(ended.status(), StatusCode::OK);
    assert_eq!(error_key(app.call("my_account", &[], Some(&phone)).await).await["key"], "error-signed-out");
    assert_eq!(app.call("end_other_sessions", &[], Some(&session)).await.status(), StatusCode::OK);
    let left = account_view(&app, &session).await;
    assert_eq!(left["sessions"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_access_log_and_export_show_only_my_own_file() {
    let (app, staff, lea) = patient_signed_in().await;
    redeemed_patient(&app, &staff, OTHER).await;
    let jacques = app.sign_in(OTHER, PASSWORD).await;
    let saved = app
        .call(
            "save_profile",
            &[("field", "phones"), ("mobile", "514 555 0123"), ("home_phone", "")],
            Some(&jacques),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "Jacques's change is made");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'profile.phones_changed'").await,
        1
    );

    let log: Value = app.call("my_access_log", &[("page", "1")], Some(&lea)).await.json().await.unwrap();
    let entries = log["entries"].as_array().unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"sign_in.succeeded") && actions.contains(&"account.created"), "{actions:?}");
    assert!(!actions.contains(&"profile.phones_changed"), "Jacques's change is not in Léa's log");
    let invited = entries
        .iter()
        .find(|e| e["action"] == "invitation.created")
        .expect("the professional's invitation is about Léa's file");
    assert_eq!(invited["actor"], "Marie Tremblay");
    assert_eq!(invited["actor_role"], "admin");
    assert_eq!(invited["actor_organisation"], "Clinique Saint-Laurent");
    let (_, html) = app.page("/account/access-log", Some(&lea)).await;
    assert!(
        html.contains("Invitation envoyée")
            && html.contains("Marie Tremblay (administration, Clinique Saint-Laurent)"),
        "who, as what, in which organisation: {html}"
    );

    let export = app.get("/account/export", Some(&lea)).await;
    assert_eq!(export.status(), StatusCode::OK);
    assert!(export.headers().get("content-disposition").unwrap().to_str().unwrap().starts_with("attachment"));
    let data: Value = export.json().await.unwrap();
    assert_eq!(data["account"]["email"], PATIENT);
    assert_eq!(data["patient_records"][0]["birth_date"], "1990-04-12");
    let text = data.to_string();
    assert!(!text.contains(OTHER) && !text.contains("514-555-0123"), "nothing of Jacques's");
    assert!(!text.contains("argon2"), "no password hash");
    let anonymous = app.get("/account/export", None).await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'data.exported'").await, 1);
}

#[tokio::test]
async fn the_access_log_is_paginated() {
    let (app, _, session) = patient_signed_in().await;
    for _ in 0..25 {
        app.call("save_profile", &[("field", "preferred_name"), ("preferred_name", "Lili")], Some(&session))
            .await;
    }
    let first: Value =
        app.call("my_access_log", &[("page", "1")], Some(&session)).await.json().await.unwrap();
    assert_eq!(first["entries"].as_array().unwrap().len(), 20);
    // Her invitation, account, sign-in and 25 changes: more than 20, fewer than 41.
    let pages = first["pages"].as_i64().expect("a page count");
    assert_eq!(pages, 2, "20 a page");
    let last: Value =
        app.call("my_access_log", &[("page", "99")], Some(&session)).await.json().await.unwrap();
    assert_eq!(last["page"].as_i64(), Some(pages), "past the end shows the last page");
    let (_, html) = app.page("/account/access-log?page=2", Some(&session)).await;
    assert!(shows(&html, &text_with("fr", "pager-page", &[("page", "2"), ("pages", "2")])));
}
