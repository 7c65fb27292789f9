//! Administrators add professionals; a professional activates through the same setup link flow
//! and can then invite patients, but cannot manage staff.
mod common;
use common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn an_administrator_adds_a_professional_who_activates_and_invites() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let form = [
        ("title", "Dre"),
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", "anne.roy@example.org"),
        ("language", "en"),
    ];
    admin.ok("add_professional", &form).await;
    let again = error_key(admin.call("add_professional", &form).await).await;
    assert_eq!(again["key"], "error-email-taken");

    let staff = admin.ok("list_staff", &[]).await;
    let anne =
        staff.as_array().unwrap().iter().find(|m| m["email"] == "anne.roy@example.org").unwrap().clone();
    assert_eq!(anne["name"], "Dre Anne Roy");
    assert_eq!(anne["state"], "Invited");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.added'").await, 1);

    // The setup mail, in the professional's language, and the same activation flow as the administrator's.
    let (_, body) = latest_mail(&app, "anne.roy@example.org").await;
    assert!(body.starts_with("Hello Anne"), "{body}");
    let token = link_token(&body, "/setup/");
    let anne = app.visitor();
    anne.activate(&token).await;
    assert!(anne.cookie("portail").is_some(), "signed in");

    let invited = anne.call("invite_patient", &invite_form(PATIENT, "fr")).await;
    assert_eq!(invited.status(), StatusCode::OK, "a professional invites patients");
    let form = [
        ("title", ""),
        ("given_name", "X"),
        ("family_name", "Y"),
        ("email", "x@example.org"),
        ("language", "fr"),
    ];
    let forbidden = error_key(anne.call("add_professional", &form).await).await;
    assert_eq!(forbidden["key"], "error-forbidden", "only administrators manage staff");
    let listed = error_key(anne.call("list_staff", &[]).await).await;
    assert_eq!(listed["key"], "error-forbidden");
}
