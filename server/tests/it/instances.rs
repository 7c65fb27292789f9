//! Two `portail serve` processes on one database behave as one (issue #12): what a person starts
//! on one instance, the other continues, because sessions, sign-ins under way, invitations and the
//! outbox live in the database, and so do the limits that protect accounts on PostgreSQL (#33).
//! (The other rate limits are per instance: docs/ARCHITECTURE.md; each mail is
//! claimed by one worker whichever instance runs it: `mail.rs` `two_workers_never_claim_the_same_message`.)
use crate::common::*;
use app::domain::identity::throttle::{Limit, Throttle};
use app::state::AppState;
use reqwest::StatusCode;
use std::sync::Arc;

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

/// Two instances whose limits that protect accounts are shared through the database, as
/// `prepare` makes them on PostgreSQL (forced here so the SQLite run checks the same rows).
async fn two_instances_sharing_limits() -> (TestApp, TestApp, Option<tempfile::TempDir>) {
    let (database_url, dir) = fresh_database_url().await;
    let prepared = spawn_at(&database_url, None).await;
    assert_eq!(
        prepared.state.throttle.is_shared(),
        database_url.starts_with("postgres"),
        "shared on PostgreSQL, in memory on SQLite"
    );
    let sharing =
        |state: AppState| AppState { throttle: Arc::new(Throttle::sharing(state.db.clone())), ..state };
    let a = spawn_adjusted(&database_url, None, sharing).await;
    let b = spawn_adjusted(&database_url, None, sharing).await;
    (a, b, dir)
}

/// 40 tries of one email's password at once, half on each instance: the email's limit (20) holds
/// across both, where each instance alone would have let 20 through (40 in all).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_limits_that_protect_accounts_hold_across_instances() {
    let (a, b, _dir) = two_instances_sharing_limits().await;
    let (burst, _) = Limit::SignInForEmail.rate();
    let tries = (0..2 * burst).map(|i| {
        let instance = if i % 2 == 0 { &a } else { &b };
        async move {
            let form = [("email", "lea.tremblay@example.org"), ("password", "pas le bon mot de passe")];
            instance.call("sign_in", &form, None).await.status()
        }
    });
    let statuses = futures::future::join_all(tries).await;
    let throttled = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(statuses.len() - throttled, burst as usize, "{statuses:?}");
    // And afterwards, whichever instance is asked.
    for instance in [&a, &b] {
        let form = [("email", "LEA.tremblay@example.org "), ("password", "encore")];
        assert_eq!(instance.call("sign_in", &form, None).await.status(), StatusCode::TOO_MANY_REQUESTS);
    }
    // The address's limit (30) is shared too: its 42 tries leave it nothing for another email,
    // on either instance.
    let other = [("email", "paul.roy@example.org"), ("password", "pas le bon")];
    for instance in [&a, &b] {
        assert_eq!(instance.call("sign_in", &other, None).await.status(), StatusCode::TOO_MANY_REQUESTS);
    }
    // The buckets keep no email in clear.
    assert_eq!(a.count("SELECT COUNT(*) FROM throttle_buckets WHERE key_hash LIKE '%@%'").await, 0);
    assert_eq!(a.count("SELECT COUNT(*) FROM throttle_buckets").await, 2, "the address and her email");
}
