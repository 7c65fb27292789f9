//! The terms of use: accepted when an account is made (the box on the setup and invitation
//! forms, refused unticked), recorded with the version; a new version sends every signed-in page
//! to the terms until the person accepts them, and they may still close their account instead.
use crate::common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_terms_are_accepted_with_the_account_and_again_for_a_new_version() {
    let app = spawn().await;
    // Making an account without ticking the box: refused on the box, nothing made.
    let link = app.bootstrap("marie.tremblay@example.org").await;
    let pass = app.setup_pass(&link).await;
    let (_, html) = app.page(&format!("/setup/{}", link.token), Some(&pass)).await;
    assert!(html.contains("name=\"accept_terms\"") && html.contains("href=\"/terms\""));
    let secret = totp_secret_on_page(&html);
    let code = current_totp(&secret);
    let form = setup_form(&link.token, &code);
    let unticked =
        refusal(app.call("complete_setup", &form[..4], Some(&pass)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (unticked.key.as_str(), unticked.field.as_deref()),
        ("error-terms-required", Some("accept_terms"))
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM terms_acceptances").await, 0);
    let done = app.call("complete_setup", &form, Some(&pass)).await;
    assert_eq!(done.status(), StatusCode::OK);
    let marie = session_cookie(&done).unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM terms_acceptances WHERE version = 1").await, 1);

    // A patient's invitation: the same box.
    let form = invite_form("lea@example.org", "fr");
    let code =
        app.call("invite_patient", &form, Some(&marie)).await.json::<serde_json::Value>().await.unwrap()
            ["code"]
            .as_str()
            .unwrap()
            .to_string();
    let token = latest_link_token(&app, "lea@example.org").await;
    let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
    let lea_pass = cookie_named(&right, "portail-invitation").unwrap();
    let account = [("token", token.as_str()), ("password", PASSWORD), ("password_confirmation", PASSWORD)];
    let unticked =
        refusal(app.call("create_patient_account", &account, Some(&lea_pass)).await, StatusCode::BAD_REQUEST)
            .await;
    assert_eq!(unticked.field.as_deref(), Some("accept_terms"));
    let mut ticked = account.to_vec();
    ticked.push(("accept_terms", "on"));
    let created = app.call("create_patient_account", &ticked, Some(&lea_pass)).await;
    assert_eq!(created.status(), StatusCode::OK);
    let lea = session_cookie(&created).unwrap();
    let (status, _) = app.page("/home", Some(&lea)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM terms_acceptances").await, 2);

    // The platform publishes version 2: every signed-in page goes to the terms first.
    let now = app::domain::store::now();
    sqlx::query("INSERT INTO platform_documents (kind, version, body_fr, body_en, published_at) VALUES ('terms', 2, '# Conditions 2', '# Terms 2', $1)")
        .bind(now)
        .execute(&app.state.db)
        .await
        .unwrap();
    let home = app.get("/home", Some(&lea)).await;
    assert_eq!(home.status(), StatusCode::FOUND);
    assert_eq!(location(&home), "/account/terms?next=%2Fhome");
    let (status, page) = app.page("/account/terms?next=%2Fhome", Some(&lea)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Conditions 2") && shows(&page, &text("fr", "terms-responsible")));
    // She may still close her account instead: that page stays open.
    assert_eq!(app.get("/account/close", Some(&lea)).await.status(), StatusCode::OK);

    let unticked =
        refusal(app.call("accept_terms", &[("next", "/home")], Some(&lea)).await, StatusCode::BAD_REQUEST)
            .await;
    assert_eq!(unticked.field.as_deref(), Some("accept_terms"));
    let accepted = app
        .submit("accept_terms", &[("accept_terms", "on"), ("next", "/home")], Some(&lea), "/account/terms")
        .await;
    assert_eq!(location(&accepted), "/home");
    assert_eq!(app.get("/home", Some(&lea)).await.status(), StatusCode::OK);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM terms_acceptances WHERE version = 2").await,
        1,
        "hers, recorded once"
    );
    // Another site is never where accepting leads.
    assert_eq!(app.get("/staff", Some(&marie)).await.status(), StatusCode::FOUND);
    let elsewhere = app
        .submit(
            "accept_terms",
            &[("accept_terms", "on"), ("next", "https://evil.example/")],
            Some(&marie),
            "/account/terms",
        )
        .await;
    assert_eq!(location(&elsewhere), "/staff");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'terms.accepted'").await, 4);

    // The public page shows the current version.
    let (_, public) = app.page("/terms", None).await;
    assert!(public.contains("Conditions 2"));
}
