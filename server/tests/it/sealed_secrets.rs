//! Secrets at rest (#29): a copy of the database gives no second factor, and the key rotates.
use crate::common::*;
use app::domain::identity::recovery_code;
use app::domain::sealing::{self, Keyring};
use app::domain::{store, Ctx};
use reqwest::StatusCode;
use sqlx::Row;

const MARIE: &str = "marie.tremblay@example.org";

/// The account's id and its authenticator secret as stored.
async fn stored_secret(app: &TestApp, email: &str) -> (i64, String) {
    let row = sqlx::query("SELECT id, totp_secret FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    (row.try_get("id").unwrap(), row.try_get("totp_secret").unwrap())
}

#[tokio::test]
async fn a_copy_of_the_database_gives_no_authenticator_secret() {
    let app = spawn().await;
    let (_admin, secret) = app.admin(MARIE).await;
    let (id, stored) = stored_secret(&app, MARIE).await;
    assert!(stored.starts_with("v1.test."), "{stored}");
    assert!(!stored.contains(&secret), "not in clear");
    let binding = sealing::totp_binding(id);
    assert_eq!(test_keys().open(&binding, &stored).as_deref(), Some(secret.as_str()));
    let another_key = Keyring::parse(&Keyring::new_line("test")).unwrap();
    assert_eq!(another_key.open(&binding, &stored), None, "the database without the key file");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM setup_links WHERE totp_secret <> ''").await,
        0,
        "the used setup link keeps no secret"
    );

    // Someone who can write to the database copies their own sealed secret onto Marie's
    // account: it does not open there, so their app's codes do not sign in as her.
    let (_other, other_secret) = app.admin("intrus@example.org").await;
    let (_, other_stored) = stored_secret(&app, "intrus@example.org").await;
    sqlx::query("UPDATE accounts SET totp_secret = $1 WHERE id = $2")
        .bind(&other_stored)
        .bind(id)
        .execute(&app.state.db)
        .await
        .unwrap();
    let response = app.sign_in_totp(MARIE, PASSWORD, &next_totp(&other_secret)).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR, "a fault, logged, not a sign-in");
    assert!(session_cookie(&response).is_none());
}

#[tokio::test]
async fn recovery_codes_are_peppered_and_plain_digests_are_peppered_at_start() {
    let app = spawn().await;
    app.admin(MARIE).await;
    let (id, _) = stored_secret(&app, MARIE).await;
    let now = store::now();
    let codes = recovery_code::regenerate(&Ctx::system(&app.state.db, now), id).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE 'test:%'").await, 10);

    // A row kept as a plain SHA-256 digest before peppering existed, for a code we know.
    use sha2::{Digest, Sha256};
    let digest = hex::encode(Sha256::digest(format!("recovery:{id}:abcdefghjk").as_bytes()));
    sqlx::query("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(&digest)
        .bind(now)
        .execute(&app.state.db)
        .await
        .unwrap();
    let resealed = sealing::reseal(&app.state.db, &test_keys()).await.unwrap();
    assert_eq!(resealed.recovery_codes, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes WHERE code_hash NOT LIKE 'test:%'").await, 0);
    assert!(recovery_code::consume(&app.state.db, id, "ABCDE FGHJK", now).await.unwrap(), "still works");
    assert!(recovery_code::consume(&app.state.db, id, &codes[0], now).await.unwrap());
    assert!(!recovery_code::consume(&app.state.db, id, &codes[0], now).await.unwrap(), "once");
}

#[tokio::test]
async fn secrets_kept_in_clear_before_sealing_are_sealed_at_start_and_still_sign_in() {
    let app = spawn().await;
    let (_admin, secret) = app.admin(MARIE).await;
    sqlx::query("UPDATE accounts SET totp_secret = $1 WHERE email = $2")
        .bind(&secret)
        .bind(MARIE)
        .execute(&app.state.db)
        .await
        .unwrap();
    let resealed = sealing::reseal(&app.state.db, &test_keys()).await.unwrap();
    assert_eq!((resealed.secrets, resealed.unreadable), (1, 0));
    let (_, stored) = stored_secret(&app, MARIE).await;
    assert!(stored.starts_with("v1.test.") && !stored.contains(&secret));
    let signed_in = app.sign_in_totp(MARIE, PASSWORD, &next_totp(&secret)).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_new_key_on_top_reseals_everything_and_the_old_one_can_then_go() {
    let app = spawn().await;
    let (_admin, secret) = app.admin(MARIE).await;
    let (id, _) = stored_secret(&app, MARIE).await;
    recovery_code::regenerate(&Ctx::system(&app.state.db, store::now()), id).await.unwrap();
    // A second administrator's link, not used yet: its secret moves to the new key too.
    let waiting = app.bootstrap("anne.roy@example.org").await;

    let new_line = Keyring::new_line("k2");
    let rotated = Keyring::parse(&format!("{new_line}\n{TEST_KEY_LINE}")).unwrap();
    let resealed = sealing::reseal(&app.state.db, &rotated).await.unwrap();
    assert_eq!(resealed.secrets, 2, "Marie's secret and the waiting link's");
    assert_eq!(resealed.codes_under_older_keys, vec![("test".to_string(), 10)], "peppers cannot move");
    let (_, stored) = stored_secret(&app, MARIE).await;
    assert!(stored.starts_with("v1.k2."), "{stored}");
    let new_only = Keyring::parse(&new_line).unwrap();
    assert_eq!(new_only.open(&sealing::totp_binding(id), &stored).as_deref(), Some(secret.as_str()));
    assert_eq!(app.count("SELECT COUNT(*) FROM setup_links WHERE totp_secret LIKE 'v1.k2.%'").await, 1);
    assert_eq!(sealing::reseal(&app.state.db, &rotated).await.unwrap().secrets, 0, "nothing left to move");
    drop(waiting);
}
