//! Sign-in with a verification code every time: by email for patients (10 minutes, single use,
//! 5 tries, resend with a cooldown that keeps the count), and the lock after 10 failures.
use crate::common::*;
use reqwest::StatusCode;

async fn patient_app() -> TestApp {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    app
}

#[tokio::test]
async fn a_patient_signs_in_with_a_code_sent_by_email() {
    let app = patient_app().await;
    let challenge =
        app.sign_in_password("Lea.Tremblay@example.org", PASSWORD).await.expect("password accepted");
    let method = app.call("sign_in_challenge", &[], Some(&challenge)).await.text().await.unwrap();
    assert_eq!(method, "\"Email\"");
    let code = emailed_code(&app, PATIENT).await;
    assert_eq!(code.len(), 6);
    let (subject, _) = mail(&app, PATIENT, "code").await;
    assert_eq!(
        subject,
        text_with("en", "mail-code-subject", &[("code", &code)]),
        "in the patient's language"
    );

    let signed_in = app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    assert_eq!(signed_in.headers().get("location").unwrap(), "/home");
    let session = session_cookie(&signed_in).unwrap();
    let (_, html) = app.page("/home", Some(&session)).await;
    assert!(html.contains("Bonjour, Léa"));
    // Single use.
    let again = app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    assert_eq!(error_key(again).await["key"], "error-start-again");
}

#[tokio::test]
async fn an_email_code_expires_after_ten_minutes() {
    let app = patient_app().await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let code = emailed_code(&app, PATIENT).await;
    app.later("sign_in_challenges", &["created_at", "expires_at"], 600).await;
    let late = app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    assert_eq!(error_key(late).await["key"], "error-start-again");
}

#[tokio::test]
async fn five_wrong_codes_need_a_new_sign_in_and_resending_does_not_reset_them() {
    let app = patient_app().await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let code = emailed_code(&app, PATIENT).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for remaining in [4, 3] {
        let e = error_key(app.call("verify_sign_in", &[("code", wrong)], Some(&challenge)).await).await;
        assert_eq!(e["args"][0], serde_json::json!(["remaining", remaining.to_string()]));
    }
    // Too soon for a new code.
    let early = error_key(app.call("resend_code", &[("purpose", "sign_in")], Some(&challenge)).await).await;
    assert_eq!(early["key"], "error-code-too-soon");
    // A minute later, a new code (asked again in the one-in-a-million case it equals the old one,
    // so that the old one can be shown dead).
    let mut new_code = code.clone();
    while new_code == code {
        sqlx::query("UPDATE sign_in_challenges SET last_sent_at = last_sent_at - 60")
            .execute(&app.state.db)
            .await
            .unwrap();
        assert_eq!(
            app.call("resend_code", &[("purpose", "sign_in")], Some(&challenge)).await.status(),
            StatusCode::OK
        );
        new_code = emailed_code(&app, PATIENT).await;
    }
    let old = error_key(app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await).await;
    assert_eq!(
        old["args"][0],
        serde_json::json!(["remaining", "2"]),
        "the old code died and the count went on"
    );
    let fourth = error_key(app.call("verify_sign_in", &[("code", wrong)], Some(&challenge)).await).await;
    assert_eq!(fourth["args"][0], serde_json::json!(["remaining", "1"]));
    let fifth = error_key(app.call("verify_sign_in", &[("code", wrong)], Some(&challenge)).await).await;
    assert_eq!(fifth["key"], "error-start-again");
    let right_too_late = app.call("verify_sign_in", &[("code", &new_code)], Some(&challenge)).await;
    assert_eq!(error_key(right_too_late).await["key"], "error-start-again");
}

#[tokio::test]
async fn ten_failed_sign_ins_lock_the_account_until_local_midnight() {
    let app = patient_app().await;
    let open_before = app.sign_in(PATIENT, PASSWORD).await;
    for _ in 0..10 {
        assert!(app.sign_in_password(PATIENT, "not the right password").await.is_none());
    }
    let until =
        app.count("SELECT locked_until FROM accounts WHERE email_key = 'lea.tremblay@example.org'").await;
    assert_eq!(
        until,
        app::domain::identity::lock::next_local_midnight(app::domain::store::now(), "America/Montreal")
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE subject = 'Your Patient Portal account is locked'")
            .await,
        1,
        "the owner is told"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'account.locked'").await, 1);
    // A wrong password still gets the wrong-password answer: nothing tells a stranger of the lock.
    let wrong = app.call("sign_in", &[("email", PATIENT), ("password", "still not it")], None).await;
    assert_eq!(error_key(wrong).await["key"], "error-credentials");
    // Léa, with her right password, is told until when, in the organisation's time.
    let response = app.call("sign_in", &[("email", PATIENT), ("password", PASSWORD)], None).await;
    let error = error_key(response).await;
    assert_eq!(error["key"], "error-account-locked");
    let midnight =
        chrono::DateTime::from_timestamp(until, 0).unwrap().with_timezone(&chrono_tz::America::Montreal);
    assert_eq!(midnight.format("%H:%M").to_string(), "00:00");
    // In words, in the language of the page (French here): "24 novembre 2026 à 0 h 00".
    let in_words = app::i18n::long_date_time(app::i18n::Lang::Fr, midnight.naive_local());
    assert!(in_words.ends_with(" à 0 h 00"), "{in_words}");
    assert_eq!(error["args"][0], serde_json::json!(["until", in_words]));
    assert!(error["kept"].to_string().contains(PATIENT), "her email stays in the form");
    // The lock does not sign her out: a stranger's wrong passwords must not end her sessions.
    assert_eq!(app.get("/home", Some(&open_before)).await.status(), StatusCode::OK);
    // Once the lock has passed, the right password works again.
    sqlx::query("UPDATE accounts SET locked_until = 1").execute(&app.state.db).await.unwrap();
    assert!(app.sign_in_password(PATIENT, PASSWORD).await.is_some());
}

/// A completed password reset lifts the lock at once: proving one holds the mailbox is enough.
#[tokio::test]
async fn a_password_reset_lifts_the_lock() {
    let app = patient_app().await;
    for _ in 0..10 {
        assert!(app.sign_in_password(PATIENT, "not the right password").await.is_none());
    }
    app.call("request_password_reset", &[("email", PATIENT)], None).await;
    await_mails(&app, PATIENT, "reset", 1).await;
    const NEW: &str = "a brand new passphrase here";
    let token = reset_token(&app).await;
    let done = app
        .call("reset_password", &[("token", &token), ("password", NEW), ("password_confirmation", NEW)], None)
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE locked_until IS NOT NULL").await, 0);
    assert!(app.sign_in_password(PATIENT, NEW).await.is_some(), "signs in the same day");
}

#[tokio::test]
async fn forgot_password_never_tells_who_has_an_account_and_ends_every_session() {
    let app = patient_app().await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let old_session = session_cookie(
        &app.call("verify_sign_in", &[("code", &emailed_code(&app, PATIENT).await)], Some(&challenge)).await,
    )
    .unwrap();

    let mails_before = app.count("SELECT COUNT(*) FROM outbox").await;
    let unknown = app.call("request_password_reset", &[("email", "nobody@example.org")], None).await;
    let known = app.call("request_password_reset", &[("email", "LEA.tremblay@example.org")], None).await;
    assert_eq!(
        (unknown.status(), unknown.headers().get("location").cloned()),
        (known.status(), known.headers().get("location").cloned()),
        "same answer"
    );
    await_mails(&app, PATIENT, "reset", 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox").await,
        mails_before + 1,
        "only the real account gets a mail"
    );

    let token = reset_token(&app).await;
    let (_, html) = app.page(&format!("/reset-password/{token}"), None).await;
    assert!(html.contains("name=\"password_confirmation\""), "the form is shown");

    let weak = error_key(
        app.call(
            "reset_password",
            &[("token", &token), ("password", "short"), ("password_confirmation", "short")],
            None,
        )
        .await,
    )
    .await;
    assert_eq!(weak["key"], "error-password-too-short");
    const NEW: &str = "a brand new passphrase here";
    let done = app
        .call("reset_password", &[("token", &token), ("password", NEW), ("password_confirmation", NEW)], None)
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(app.get("/home", Some(&old_session)).await.status(), StatusCode::FOUND, "every session ended");
    let reused = error_key(
        app.call(
            "reset_password",
            &[("token", &token), ("password", NEW), ("password_confirmation", NEW)],
            None,
        )
        .await,
    )
    .await;
    assert_eq!(reused["key"], "error-reset-link-unusable", "single use");
    assert!(app.sign_in_password(PATIENT, PASSWORD).await.is_none(), "the old password is gone");
    let challenge = app.sign_in_password(PATIENT, NEW).await.expect("new password works");
    assert!(
        session_cookie(&app.call("sign_in", &[("email", PATIENT), ("password", NEW)], None).await).is_none(),
        "still a code to enter"
    );
    let method = app.call("sign_in_challenge", &[], Some(&challenge)).await.text().await.unwrap();
    assert_eq!(method, "\"Email\"");

    // A link older than 30 minutes is refused.
    app.call("request_password_reset", &[("email", PATIENT)], None).await;
    await_mails(&app, PATIENT, "reset", 2).await;
    app.later("password_resets", &["created_at", "expires_at"], 30 * 60).await;
    let late = reset_token(&app).await;
    let (_, html) = app.page(&format!("/reset-password/{late}"), None).await;
    assert!(page_shows(&html, "fr", "reset-unusable-title"), "the unusable link's page");
}

#[tokio::test]
async fn a_patient_switches_to_an_authenticator_app() {
    let app = patient_app().await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let session = session_cookie(
        &app.call("verify_sign_in", &[("code", &emailed_code(&app, PATIENT).await)], Some(&challenge)).await,
    )
    .unwrap();
    let (_, html) = app.page("/account/authenticator", Some(&session)).await;
    assert!(!html.contains("data-testid=\"totp-secret\""), "opening the page creates nothing");
    assert!(page_shows(&html, "fr", "reauth-needed"), "it asks to confirm who one is first");
    // A session alone (a stolen one, say) cannot add an app: it must prove the password and the
    // emailed code within the last 5 minutes.
    for function in ["start_authenticator", "confirm_authenticator"] {
        let refused = error_key(
            app.call(function, &[("password", PASSWORD), ("code", "123456")], Some(&session)).await,
        );
        assert_eq!(refused.await["key"], "error-reauth-required", "{function}");
    }
    reauthenticate(&app, &session, PATIENT).await;
    assert_eq!(app.call("start_authenticator", &[], Some(&session)).await.status(), StatusCode::OK);
    let (_, first) = app.page("/account/authenticator", Some(&session)).await;
    let (_, again) = app.page("/account/authenticator", Some(&session)).await;
    let secret = totp_secret_on_page(&first);
    assert_eq!(secret, totp_secret_on_page(&again), "the same secret until confirmed");

    let wrong_password = error_key(
        app.call(
            "confirm_authenticator",
            &[("password", "not my password!"), ("code", &current_totp(&secret))],
            Some(&session),
        )
        .await,
    )
    .await;
    assert_eq!(wrong_password["key"], "error-password-wrong");
    assert_eq!(
        app.number("SELECT failed_sign_ins FROM accounts WHERE email_key = $1", PATIENT).await,
        1,
        "counts toward the lock"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'totp.password_failed'").await, 1);
    assert_eq!(
        app.call(
            "confirm_authenticator",
            &[("password", PASSWORD), ("code", &current_totp(&secret))],
            Some(&session)
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'totp.enrolled'").await, 1);
    let (subject, _) = mail(&app, PATIENT, "method-added").await;
    assert_eq!(subject, text("en", "mail-method-added-subject"), "Léa is told, in her language");

    let mails = app.count("SELECT COUNT(*) FROM outbox").await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    assert_eq!(app.call("sign_in_challenge", &[], Some(&challenge)).await.text().await.unwrap(), "\"Totp\"");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox").await, mails, "no email code any more");
    let signed_in = app.call("verify_sign_in", &[("code", &next_totp(&secret))], Some(&challenge)).await;
    assert!(session_cookie(&signed_in).is_some());
}

#[tokio::test]
async fn staff_keep_their_authenticator_app_and_patients_may_go_back_to_emailed_codes() {
    use app::domain::identity::{account, security};
    use app::domain::{store, DomainError};
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let ctx = app::domain::Ctx::system(&app.state.db, store::now());
    let admin = account::find_by_email(&app.state.db, "marie.tremblay@example.org").await.unwrap().unwrap();
    let refused = security::use_email_codes(&ctx.by(admin.id), &admin).await;
    assert!(
        matches!(refused, Err(DomainError::Invalid { key: "error-totp-required-for-staff", .. })),
        "{refused:?}"
    );
    let kept = "SELECT COUNT(*) FROM accounts WHERE email_key = $1 AND totp_secret IS NOT NULL";
    assert_eq!(app.number(kept, "marie.tremblay@example.org").await, 1, "the app is kept");
    let lea = account::find_by_email(&app.state.db, PATIENT).await.unwrap().unwrap();
    security::use_email_codes(&ctx.by(lea.id), &lea).await.expect("a patient may");
}

/// Léa's sessions (the attacker's goal).
async fn sessions_of_lea(app: &TestApp) -> i64 {
    app.number(
        "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email_key = $1",
        PATIENT,
    )
    .await
}

/// A code that is not `right`.
fn wrong_code(right: &str, i: usize) -> String {
    let guess = format!("{:06}", (i * 7919) % 1_000_000);
    if guess == right {
        format!("{:06}", (i * 7919 + 1) % 1_000_000)
    } else {
        guess
    }
}

/// With the password but not the mailbox: opening challenge after challenge and guessing across
/// them locks the account at 10 failures, and once locked no code, not even a right one mailed
/// for a challenge opened before the lock, opens a session.
#[tokio::test]
async fn spreading_code_guesses_over_many_challenges_ends_in_the_lock_with_no_session() {
    let app = patient_app().await;
    let before = sessions_of_lea(&app).await;
    let mut opened = 0;
    for i in 0..200 {
        let Some(challenge) = app.sign_in_password(PATIENT, PASSWORD).await else { break };
        opened += 1;
        let right = emailed_code(&app, PATIENT).await;
        let guess = app.call("verify_sign_in", &[("code", &wrong_code(&right, i))], Some(&challenge)).await;
        assert!(guess.status().is_client_error());
    }
    assert_eq!(opened, 10, "the 10th wrong code locked the account; no challenge opens after");
    assert_eq!(
        app.number(
            "SELECT COUNT(*) FROM accounts WHERE email_key = $1 AND locked_until IS NOT NULL",
            PATIENT
        )
        .await,
        1
    );
    assert_eq!(sessions_of_lea(&app).await, before, "no session");
}

/// A challenge opened before the lock, whose right code the attacker then learns, is void.
#[tokio::test]
async fn a_lock_voids_the_sign_ins_under_way() {
    let app = patient_app().await;
    let before = sessions_of_lea(&app).await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let right = emailed_code(&app, PATIENT).await;
    for _ in 0..10 {
        assert!(app.sign_in_password(PATIENT, "not the right password").await.is_none());
    }
    let late = error_key(app.call("verify_sign_in", &[("code", &right)], Some(&challenge)).await).await;
    assert_eq!(late["key"], "error-start-again");
    assert_eq!(sessions_of_lea(&app).await, before, "no new session");
}

/// At most 3 sign-ins under way: a 4th voids the oldest, whose right code then no longer works.
#[tokio::test]
async fn a_fourth_open_sign_in_voids_the_oldest() {
    let app = patient_app().await;
    let mut challenges = Vec::new();
    for _ in 0..4 {
        let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
        challenges.push((challenge, emailed_code(&app, PATIENT).await));
    }
    let oldest = app.call("verify_sign_in", &[("code", &challenges[0].1)], Some(&challenges[0].0)).await;
    assert_eq!(error_key(oldest).await["key"], "error-start-again");
    let second = app.call("verify_sign_in", &[("code", &challenges[1].1)], Some(&challenges[1].0)).await;
    assert_eq!(second.status(), StatusCode::OK, "the three newest still work");
}

/// Twenty guesses sent at once at one challenge are judged five at most: each takes a try before
/// it is judged, and the right code among them opens no session once the five are spent.
#[tokio::test]
async fn parallel_guesses_at_one_challenge_get_five_tries_between_them() {
    let app = std::sync::Arc::new(patient_app().await);
    let before = sessions_of_lea(&app).await;
    let challenge = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let right = emailed_code(&app, PATIENT).await;
    let guesses: Vec<_> = (0..20)
        .map(|i| {
            let (app, challenge, code) = (app.clone(), challenge.clone(), wrong_code(&right, i));
            tokio::spawn(async move {
                app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await.status()
            })
        })
        .collect();
    for guess in guesses {
        assert!(guess.await.unwrap().is_client_error());
    }
    assert_eq!(app.count("SELECT MAX(attempts) FROM sign_in_challenges").await, 5);
    assert_eq!(
        app.number("SELECT COUNT(*) FROM audit_events WHERE action = 'verification_code.failed' AND target = (SELECT 'account:' || id FROM accounts WHERE email_key = $1)", PATIENT).await,
        5,
        "five guesses judged"
    );
    let too_late = app.call("verify_sign_in", &[("code", &right)], Some(&challenge)).await;
    assert_eq!(error_key(too_late).await["key"], "error-start-again");
    assert_eq!(sessions_of_lea(&app).await, before, "no new session");
}

/// The reset link's token in the latest reset mail to Léa.
async fn reset_token(app: &TestApp) -> String {
    let (_, body) = mail(app, PATIENT, "reset").await;
    link_token(&body, "/reset-password/")
}

/// A reset done through one link ends what the old password had started: the other reset
/// links, a sign-in waiting for its code. And Léa is told, in her language.
#[tokio::test]
async fn a_completed_reset_ends_the_other_links_and_the_sign_ins_under_way_and_tells_the_owner() {
    let app = patient_app().await;
    let under_way = app.sign_in_password(PATIENT, PASSWORD).await.unwrap();
    let right_code = emailed_code(&app, PATIENT).await;
    app.call("request_password_reset", &[("email", PATIENT)], None).await;
    await_mails(&app, PATIENT, "reset", 1).await;
    let first = reset_token(&app).await;
    app.call("request_password_reset", &[("email", PATIENT)], None).await;
    await_mails(&app, PATIENT, "reset", 2).await;
    let second = reset_token(&app).await;
    assert_ne!(first, second);

    const NEW: &str = "a brand new passphrase here";
    let reset = [("password", NEW), ("password_confirmation", NEW)];
    let done = app.call("reset_password", &[&[("token", second.as_str())][..], &reset].concat(), None).await;
    assert_eq!(done.status(), StatusCode::OK);

    let other = error_key(
        app.call("reset_password", &[&[("token", first.as_str())][..], &reset].concat(), None).await,
    );
    assert_eq!(other.await["key"], "error-reset-link-unusable", "the other link died with the change");
    let late = error_key(app.call("verify_sign_in", &[("code", &right_code)], Some(&under_way)).await);
    assert_eq!(late.await["key"], "error-start-again", "a sign-in begun before the reset cannot finish");
    let (subject, _) = mail(&app, PATIENT, "password-changed").await;
    assert_eq!(subject, text("en", "mail-password-changed-subject"));
}
