//! Retention (#33): the records that serve only a moment are erased once past their period
//! (`states::kept_days`), at the boundary and not before; health records, accounts and the audit
//! trail are never touched; the privacy policy quotes the same numbers. The purge is called with
//! a clock moved forward, as the hourly job would call it that much later.
use crate::common::*;
use app::domain::identity::throttle::{Limit, Throttle};
use app::domain::retention::{self, Erased};
use app::domain::{notification, store};
use app::states::kept_days;

const LEA: &str = "lea.gagnon@example.org";
const DAY: i64 = 24 * 60 * 60;

/// An administrator, and Léa invited by them with her account made (signed in once).
async fn lea_with_her_account(app: &TestApp) {
    let (admin, _) = app.admin("admin@example.org").await;
    let invited = admin.invite_patient(LEA, "fr").await;
    app.visitor().redeem(&invited).await;
}

#[tokio::test]
async fn sessions_go_ninety_days_after_their_last_activity_but_each_accounts_latest_stays() {
    let app = spawn().await;
    lea_with_her_account(&app).await;
    // Two more sign-ins from two browsers.
    app.visitor().sign_in(LEA, PASSWORD).await;
    app.visitor().sign_in(LEA, PASSWORD).await;
    let lea_id = app.number("SELECT id FROM accounts WHERE email = $1", LEA).await;
    let hers = format!("SELECT COUNT(*) FROM sessions WHERE account_id = {lea_id}");
    let her_latest = format!("SELECT MAX(id) FROM sessions WHERE account_id = {lea_id}");
    let (all, her_sessions, latest) = (
        app.count("SELECT COUNT(*) FROM sessions").await,
        app.count(&hers).await,
        app.count(&her_latest).await,
    );
    assert!(her_sessions >= 3, "her account's creation and two sign-ins: {her_sessions}");
    let accounts_signed_in = app.count("SELECT COUNT(DISTINCT account_id) FROM sessions").await;
    let audit = app.count("SELECT COUNT(*) FROM audit_events").await;

    // Nothing is erased while its moment lasts, nor at the last second of the period.
    assert_eq!(retention::purge(&app.state.db, store::now()).await.unwrap(), Erased::default());
    // Every session last seen at the same second, as if the sign-ins had been at once.
    let seen = store::now();
    sqlx::query(&format!("UPDATE sessions SET last_seen_at = {seen}")).execute(&app.state.db).await.unwrap();
    let at = seen + kept_days::SESSIONS * DAY;
    assert_eq!(retention::purge(&app.state.db, at).await.unwrap().sessions, 0);

    // One second later every session goes but each account's latest, its "last sign-in".
    let erased = retention::purge(&app.state.db, at + 1).await.unwrap();
    assert_eq!(erased.sessions as i64, all - accounts_signed_in);
    assert_eq!(app.count(&hers).await, 1);
    assert_eq!(app.count(&her_latest).await, latest, "the one kept is her latest");
    retention::purge(&app.state.db, at + 3650 * DAY).await.unwrap();
    assert_eq!(app.count(&hers).await, 1, "and it stays for good");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events").await, audit, "the trail is never touched");
}

#[tokio::test]
async fn links_codes_mail_and_browsers_go_at_their_own_boundary() {
    let app = spawn().await;
    lea_with_her_account(&app).await;
    let browser = app.visitor();
    browser.sign_in(LEA, PASSWORD).await;
    browser.ok("request_password_reset", &[("email", LEA)]).await;
    let db = &app.state.db;

    // Verification steps: a day after they expire.
    let expired = app.count("SELECT MAX(expires_at) FROM sign_in_challenges").await;
    let steps = app.count("SELECT COUNT(*) FROM sign_in_challenges").await;
    assert!(steps >= 1);
    let at = expired + kept_days::SIGN_IN_STEPS * DAY;
    assert_eq!(retention::purge(db, at).await.unwrap().sign_in_steps, 0);
    assert_eq!(retention::purge(db, at + 1).await.unwrap().sign_in_steps as i64, steps);

    // Links sent by email (the new-password link, the administrator's set-up link): 30 days after
    // they expire.
    let reset_expires = app.count("SELECT MAX(expires_at) FROM password_resets").await;
    let at = reset_expires + kept_days::MAIL_LINKS * DAY;
    retention::purge(db, at).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 1, "not one second early");
    retention::purge(db, at + 1).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 0);
    let setup_expires = app.count("SELECT MAX(expires_at) FROM setup_links").await;
    let at = setup_expires + kept_days::MAIL_LINKS * DAY;
    retention::purge(db, at).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM setup_links").await, 1, "the administrator's set-up link");
    assert_eq!(retention::purge(db, at + 1).await.unwrap().mail_links, 1);

    // Mail: a sent mail's record 90 days after it was sent; a mail waiting to go is never erased.
    let (waiting, _) = notification::counts(db).await.unwrap();
    assert!(waiting >= 3, "the invitation, the codes and the reset wait in the outbox: {waiting}");
    let sent_id = app.count("SELECT MIN(id) FROM outbox").await;
    let sent_at = store::now();
    notification::mark_sent(db, sent_id, sent_at).await.unwrap();
    let at = sent_at + kept_days::SENT_MAIL * DAY;
    assert_eq!(retention::purge(db, at).await.unwrap().sent_mail, 0);
    assert_eq!(retention::purge(db, at + 1).await.unwrap().sent_mail, 1);
    assert_eq!(notification::counts(db).await.unwrap().0, waiting - 1, "every mail still waiting stays");

    // A remembered browser: 180 days after its last sign-in.
    let used = app.count("SELECT MAX(last_used_at) FROM known_browsers").await;
    let at = used + kept_days::REMEMBERED_BROWSERS * DAY;
    assert_eq!(retention::purge(db, at).await.unwrap().remembered_browsers, 0);
    assert_eq!(retention::purge(db, at + 1).await.unwrap().remembered_browsers, 1);

    // What is never erased: her account, her file, her invitation and the audit trail.
    let far = at + 3650 * DAY;
    let audit = app.count("SELECT COUNT(*) FROM audit_events").await;
    retention::purge(db, far).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events").await, audit);
    assert_eq!(app.count("SELECT COUNT(*) FROM patients").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM invitations").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts").await, 2);

    // A shared limit's bucket (PostgreSQL's, written the same here): a day after its last try.
    let shared = Throttle::sharing(db.clone());
    let tried = store::now();
    shared.take_everywhere(Limit::SignInForEmail, LEA, tried).await.unwrap().unwrap();
    let at = tried + kept_days::LIMIT_BUCKETS * DAY;
    assert_eq!(retention::purge(db, at).await.unwrap().limit_buckets, 0);
    assert_eq!(retention::purge(db, at + 1).await.unwrap().limit_buckets, 1);
}

#[tokio::test]
async fn the_privacy_policy_quotes_the_periods() {
    let app = spawn().await;
    for (lang, cookie) in [("fr", None), ("en", Some("lang=en"))] {
        let (_, html) = app.page("/privacy", cookie).await;
        let sessions = kept_days::SESSIONS.to_string();
        let links = kept_days::MAIL_LINKS.to_string();
        let mail = kept_days::SENT_MAIL.to_string();
        let args = [("sessions", sessions.as_str()), ("links", links.as_str()), ("mail", mail.as_str())];
        assert!(shows(&html, &text_with(lang, "privacy-kept-erased", &args)), "{lang}");
    }
}
