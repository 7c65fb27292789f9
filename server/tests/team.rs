//! Administrators add professionals; a professional activates through the same setup link flow
//! and can then invite patients, but cannot manage staff.
mod common;
use common::*;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn an_administrator_adds_a_professional_who_activates_and_invites() {
    let app = spawn().await;
    let (admin, _) = app.activated_admin("marie.tremblay@example.org").await;
    let form = [
        ("title", "Dre"),
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", "anne.roy@example.org"),
        ("language", "en"),
    ];
    assert_eq!(app.call("add_professional", &form, Some(&admin)).await.status(), StatusCode::OK);
    let again = error_key(app.call("add_professional", &form, Some(&admin)).await).await;
    assert_eq!(again["key"], "error-email-taken");

    let staff = app.call("list_staff", &[], Some(&admin)).await.json::<Value>().await.unwrap();
    let anne =
        staff.as_array().unwrap().iter().find(|m| m["email"] == "anne.roy@example.org").unwrap().clone();
    assert_eq!(anne["name"], "Dre Anne Roy");
    assert_eq!(anne["active"], false);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.added'").await, 1);

    // The setup mail, in the professional's language, and the same activation flow as the administrator's.
    use sqlx::Row;
    let body: String = sqlx::query("SELECT body FROM outbox WHERE recipient = 'anne.roy@example.org'")
        .fetch_one(&app.state.db)
        .await
        .unwrap()
        .try_get("body")
        .unwrap();
    assert!(body.starts_with("Hello Anne"), "{body}");
    let start = body.find("/setup/").unwrap() + "/setup/".len();
    let token = body[start..].split(['?', '\n']).next().unwrap().to_string();
    let (_, html) = app.page(&format!("/setup/{token}"), None).await;
    let secret = totp_secret_on_page(&html);
    let done = app.call("complete_setup", &setup_form(&token, &current_totp(&secret)), None).await;
    let anne_session = session_cookie(&done).expect("signed in");

    let response = app.call("invite_patient", &invite_form(PATIENT, "fr"), Some(&anne_session)).await;
    assert_eq!(response.status(), StatusCode::OK, "a professional invites patients");
    let forbidden = error_key(
        app.call(
            "add_professional",
            &[
                ("title", ""),
                ("given_name", "X"),
                ("family_name", "Y"),
                ("email", "x@example.org"),
                ("language", "fr"),
            ],
            Some(&anne_session),
        )
        .await,
    )
    .await;
    assert_eq!(forbidden["key"], "error-forbidden", "only administrators manage staff");
    let listed = error_key(app.call("list_staff", &[], Some(&anne_session)).await).await;
    assert_eq!(listed["key"], "error-forbidden");
}
