//! Every refusal answers the status its kind calls for, with the field it belongs to; only faults
//! answer 5xx. On SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
mod common;
use app::api::ErrorKind;
use common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn refusals_have_the_status_of_their_kind() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (_, token) = invite(&app, &staff, PATIENT).await;

    // A wrong invitation code: 400, tied to the code field, with what was typed kept.
    let wrong = app.call("check_invitation_code", &[("token", &token), ("code", "Z-000000")], None).await;
    let wrong = refusal(wrong, StatusCode::BAD_REQUEST).await;
    assert_eq!((wrong.kind, wrong.key.as_str()), (ErrorKind::Invalid, "error-code-wrong"));
    assert_eq!(wrong.field.as_deref(), Some("code"));
    assert_eq!(wrong.kept("code"), Some("Z-000000"));

    // Signed out: 401.
    let anonymous =
        refusal(app.call("list_patients", &[("search", "")], None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.await.kind, ErrorKind::Unauthenticated);

    // A record that does not exist, or another organisation's: 404, the same answer.
    let missing = app.call("reissue_invitation", &[("patient_id", "999999")], Some(&staff)).await;
    assert_eq!(refusal(missing, StatusCode::NOT_FOUND).await.key, "error-not-found");

    // A taken email: 409, tied to the email field.
    let form = [
        ("title", ""),
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", "MARIE.Tremblay@example.org"),
        ("language", "fr"),
    ];
    let taken = refusal(app.call("add_professional", &form, Some(&staff)).await, StatusCode::CONFLICT).await;
    assert_eq!((taken.key.as_str(), taken.field.as_deref()), ("error-email-taken", Some("email")));
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts").await, 1, "nothing was created");

    // A form with its fields missing: 400 with a message, not a fault.
    let empty = refusal(app.call("invite_patient", &[], Some(&staff)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(empty.key, "error-request-invalid");

    // A fault (the database lost a table): 500, and the message says nothing of the cause.
    sqlx::query("ALTER TABLE patients RENAME TO patients_gone").execute(&app.state.db).await.unwrap();
    let fault = app.call("list_patients", &[("search", "")], Some(&staff)).await;
    let fault = refusal(fault, StatusCode::INTERNAL_SERVER_ERROR).await;
    assert_eq!((fault.kind, fault.key.as_str()), (ErrorKind::Internal, "error-unexpected"));
}

#[tokio::test]
async fn too_soon_answers_429_with_retry_after() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.expect("password accepted");
    let early = app.call("resend_code", &[("purpose", "sign_in")], Some(&challenge)).await;
    assert_eq!(early.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = early.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let error: app::api::ApiError = early.json().await.unwrap();
    assert_eq!(error.kind, ErrorKind::TooManyRequests { retry_after: wait });
}

#[tokio::test]
async fn a_form_posted_without_javascript_still_comes_back_to_its_page() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (_, token) = invite(&app, &staff, PATIENT).await;
    let page = format!("/invitation/{token}");
    let posted = app.submit("check_invitation_code", &[("token", &token), ("code", "12")], None, &page).await;
    assert_eq!(posted.status(), StatusCode::FOUND, "the browser follows the redirect back");
    let back = location(&posted);
    assert!(back.starts_with(&app.url(&page)) && back.contains("__err="), "{back}");
    let (_, html) = app.page(back.trim_start_matches(&app.base), None).await;
    assert!(html.contains("id=\"code-error\""), "the message is shown next to the code field");
}
