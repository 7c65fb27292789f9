//! Lockout that cannot be turned against someone (#29, OWASP "device cookies"): a browser that
//! signed in to an account before keeps signing in while strangers' failures lock the account
//! for unknown browsers; the failures of a known browser count against that browser alone.
use crate::common::actor::Actor;
use crate::common::*;

const LEA: &str = "lea.gagnon@example.org";
const WRONG: &str = "pas le bon mot de passe";

/// Léa's account, and her browser that has signed in with it once (so it is known).
async fn lea_with_her_browser(app: &TestApp) -> Actor<'_> {
    let (admin, _) = app.admin("admin@example.org").await;
    let invited = admin.invite_patient(LEA, "fr").await;
    app.visitor().redeem(&invited).await;
    let lea = app.visitor();
    lea.sign_in(LEA, PASSWORD).await;
    assert!(lea.cookie("portail-browser").is_some(), "her browser is remembered");
    lea
}

async fn ten_wrong_passwords(from: &Actor<'_>) {
    for _ in 0..10 {
        let refused = error_key(from.call("sign_in", &[("email", LEA), ("password", WRONG)]).await).await;
        assert_eq!(refused["key"], "error-credentials");
    }
}

#[tokio::test]
async fn a_stranger_who_locks_the_account_does_not_lock_out_its_owners_browser() {
    let app = spawn().await;
    let lea = lea_with_her_browser(&app).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM known_browsers").await, 1);

    let stranger = app.visitor();
    ten_wrong_passwords(&stranger).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE locked_until IS NOT NULL").await, 1);
    assert!(
        latest_mail(&app, LEA).await.1.contains("un navigateur avec lequel vous vous êtes déjà connecté"),
        "the lock mail says her browser still signs in"
    );
    // Unknown browsers, even with the right password, are held back until midnight…
    for unknown in [&stranger, &app.visitor()] {
        let locked =
            error_key(unknown.call("sign_in", &[("email", LEA), ("password", PASSWORD)]).await).await;
        assert_eq!(locked["key"], "error-account-locked");
    }
    // …Léa's own browser signs in as usual.
    let sessions = "SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL";
    let before = app.count(sessions).await;
    lea.sign_in(LEA, PASSWORD).await;
    assert_eq!(app.count(sessions).await, before + 1, "a new session for her");
    assert_eq!(app.count("SELECT COUNT(*) FROM known_browsers").await, 1, "the same browser, not a new one");
}

#[tokio::test]
async fn failures_from_a_known_browser_lock_that_browser_not_the_account() {
    let app = spawn().await;
    let lea = lea_with_her_browser(&app).await;
    ten_wrong_passwords(&lea).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM known_browsers WHERE locked_until IS NOT NULL").await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE locked_until IS NULL AND failed_sign_ins = 0").await,
        2,
        "neither Léa's account nor the administrator's is touched"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'known_browser.locked'").await, 1);

    // That browser now counts as unknown: its next failures go toward the account's lock.
    let refused = error_key(lea.call("sign_in", &[("email", LEA), ("password", WRONG)]).await).await;
    assert_eq!(refused["key"], "error-credentials");
    assert_eq!(
        app.count("SELECT failed_sign_ins FROM accounts WHERE email = 'lea.gagnon@example.org'").await,
        1
    );
    // Another browser of hers was never affected.
    let phone = app.visitor();
    phone.sign_in(LEA, PASSWORD).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM known_browsers").await, 2);
}

#[tokio::test]
async fn an_altered_browser_cookie_is_an_unknown_browser() {
    let app = spawn().await;
    let lea = lea_with_her_browser(&app).await;
    ten_wrong_passwords(&app.visitor()).await;
    let altered = format!("portail-browser={}", lea.cookie("portail-browser").unwrap().to_uppercase());
    let form = [("email", LEA), ("password", PASSWORD)];
    let locked = error_key(app.call("sign_in", &form, Some(&altered)).await).await;
    assert_eq!(locked["key"], "error-account-locked", "an altered cookie is an unknown browser");
}

/// A password reset ends every session; it also forgets every browser known for the account,
/// which is trusted again only after a sign-in with the new password.
#[tokio::test]
async fn a_password_reset_forgets_the_known_browsers() {
    let app = spawn().await;
    let lea = lea_with_her_browser(&app).await;
    lea.ok("request_password_reset", &[("email", LEA)]).await;
    await_mails(&app, LEA, "reset", 1).await;
    let (_, body) = latest_mail(&app, LEA).await;
    let token = link_token(&body, "/reset-password/");
    const NEW: &str = "une toute nouvelle phrase de passe";
    lea.ok("reset_password", &[("token", &token), ("password", NEW), ("password_confirmation", NEW)]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM known_browsers").await, 0);
    lea.sign_in(LEA, NEW).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM known_browsers").await, 1, "known again after signing in");
}
