//! Two `portail serve` processes on one database behave as one (issue #12): what a person starts
//! on one instance, the other continues, because sessions, sign-ins under way, invitations and the
//! outbox live in the database. (Rate limits are per instance: docs/ARCHITECTURE.md; each mail is
//! claimed by one worker whichever instance runs it: `mail.rs` `two_workers_never_claim_the_same_message`.)
use crate::common::*;
use reqwest::StatusCode;

/// Two instances over the same fresh database.
async fn two_instances() -> (TestApp, TestApp, Option<tempfile::TempDir>) {
    let (database_url, dir) = fresh_database_url().await;
    let a = spawn_at(&database_url, None).await;
    let b = spawn_at(&database_url, None).await;
    (a, b, dir)
}

#[tokio::test]
async fn a_sign_in_begun_on_one_instance_finishes_and_lives_on_the_other() {
    let (a, b, _dir) = two_instances().await;
    let (staff, _) = a.activated_admin("marie.tremblay@example.org").await;
    let (code, _) = invite(&b, &staff, PATIENT).await;
    a.redeem(PATIENT, &code).await;

    let challenge = a.sign_in_password(PATIENT, PASSWORD).await.expect("password accepted on A");
    let code = emailed_code(&b, PATIENT).await;
    let finished = b.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    let session = session_cookie(&finished).expect("signed in on B");
    assert_eq!(a.get("/home", Some(&session)).await.status(), StatusCode::OK, "the session works on A");
    assert_eq!(b.get("/home", Some(&session)).await.status(), StatusCode::OK, "and on B");

    let signed_out = a.call("sign_out", &[], Some(&session)).await;
    assert!(signed_out.status().is_success() || signed_out.status().is_redirection());
    assert_eq!(b.get("/home", Some(&session)).await.status(), StatusCode::FOUND, "signed out on both");
}
