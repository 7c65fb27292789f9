//! Each numbered rule tested on both sides of its number, on a clock the test moves (every rule
//! takes the request's time in its `Ctx`). The numbers are written out here, not read from the
//! constants, so changing a rule's number fails its test. On SQLite and PostgreSQL.
use crate::common::*;
use app::domain::identity::sign_in::{self, ChallengePurpose, CodeOutcome, Resend};
use app::domain::identity::{credential, password_reset, session};
use app::domain::onboarding::invitation;
use app::domain::{organisation, store, Ctx};

/// An organisation with patient Léa, who has an account with `PASSWORD` and codes by email.
async fn with_patient() -> (TestApp, String) {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    (app, staff)
}

fn at(app: &TestApp, now: i64) -> Ctx {
    Ctx::system(&app.state.db, now)
}

async fn code_outcome(app: &TestApp, started: i64, answered: i64) -> CodeOutcome {
    let challenge = sign_in::start_sign_in(&at(app, started), PATIENT, PASSWORD, None)
        .await
        .unwrap()
        .challenge()
        .unwrap();
    let code = emailed_code(app, PATIENT).await;
    sign_in::finish_sign_in(&at(app, answered), &challenge.token, &code, ChallengePurpose::SignIn)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_emailed_code_works_for_ten_minutes() {
    let (app, _) = with_patient().await;
    let t0 = store::now();
    assert_eq!(code_outcome(&app, t0, t0 + 600).await, CodeOutcome::StartAgain, "10 min: expired");
    assert!(matches!(code_outcome(&app, t0, t0 + 599).await, CodeOutcome::SignedIn { .. }), "9 min 59 s");
}

#[tokio::test]
async fn a_new_code_may_be_asked_for_after_sixty_seconds() {
    let (app, _) = with_patient().await;
    let t0 = store::now();
    let challenge =
        sign_in::start_sign_in(&at(&app, t0), PATIENT, PASSWORD, None).await.unwrap().challenge().unwrap();
    let resend = |now| {
        let (ctx, token) = (at(&app, now), challenge.token.clone());
        async move { sign_in::resend_code(&ctx, &token, ChallengePurpose::SignIn).await.unwrap() }
    };
    assert_eq!(resend(t0 + 59).await, Resend::TooSoon { wait_seconds: 1 });
    assert_eq!(resend(t0 + 60).await, Resend::Sent);
}

#[tokio::test]
async fn ten_consecutive_failures_lock_nine_do_not_and_a_success_starts_the_count_again() {
    let (app, _) = with_patient().await;
    let t0 = store::now();
    let ctx = at(&app, t0);
    let locked = || {
        app.number("SELECT COUNT(*) FROM accounts WHERE email_key = $1 AND locked_until IS NOT NULL", PATIENT)
    };
    for _ in 0..9 {
        assert!(sign_in::start_sign_in(&ctx, PATIENT, "not the password at all", None)
            .await
            .unwrap()
            .challenge()
            .is_none());
    }
    assert_eq!(locked().await, 0, "9 failures leave the account open");
    assert!(matches!(code_outcome(&app, t0, t0 + 1).await, CodeOutcome::SignedIn { .. }), "and it signs in");
    for _ in 0..9 {
        sign_in::start_sign_in(&ctx, PATIENT, "not the password at all", None).await.unwrap();
    }
    assert_eq!(locked().await, 0, "the success started the count again: 9 more do not lock");
    sign_in::start_sign_in(&ctx, PATIENT, "not the password at all", None).await.unwrap();
    assert_eq!(locked().await, 1, "the 10th consecutive failure locks");
    assert!(
        sign_in::start_sign_in(&ctx, PATIENT, PASSWORD, None).await.unwrap().challenge().is_none(),
        "even the right password"
    );
}

#[tokio::test]
async fn a_session_ends_after_30_idle_minutes_and_12_hours_in_all() {
    let (app, _) = with_patient().await;
    let account = app.number("SELECT id FROM accounts WHERE email_key = $1", PATIENT).await;
    let t0 = store::now();
    let idle = session::start(&app.state.db, &at(&app, t0), account).await.unwrap();
    let resolve = |token: String, now: i64| {
        let db = app.state.db.clone();
        async move { session::resolve(&db, &token, now, session::Activity::Person).await.unwrap().is_some() }
    };
    assert!(resolve(idle.clone(), t0 + 1799).await, "29 min 59 s idle");
    assert!(!resolve(idle, t0 + 1799 + 1800).await, "30 min after the last activity");

    let busy = session::start(&app.state.db, &at(&app, t0), account).await.unwrap();
    let mut now = t0;
    while now + 1500 < t0 + 43_199 {
        now += 1500;
        assert!(resolve(busy.clone(), now).await, "active at +{}", now - t0);
    }
    assert!(resolve(busy.clone(), t0 + 43_199).await, "11 h 59 min 59 s");
    assert!(!resolve(busy, t0 + 43_200).await, "12 h even when active");
}

#[tokio::test]
async fn a_re_authentication_lasts_five_minutes() {
    let (app, _) = with_patient().await;
    let account = app.number("SELECT id FROM accounts WHERE email_key = $1", PATIENT).await;
    let t0 = store::now();
    session::start(&app.state.db, &at(&app, t0), account).await.unwrap();
    let id = app.count(&format!("SELECT MAX(id) FROM sessions WHERE account_id = {account}")).await;
    sqlx::query("UPDATE sessions SET reauthenticated_at = $1 WHERE id = $2")
        .bind(t0)
        .bind(id)
        .execute(&app.state.db)
        .await
        .unwrap();
    assert!(session::recently_reauthenticated(&app.state.db, id, t0 + 299).await.unwrap(), "4 min 59 s");
    assert!(!session::recently_reauthenticated(&app.state.db, id, t0 + 300).await.unwrap(), "5 min");
}

#[tokio::test]
async fn an_invitation_works_for_five_days() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (_, token) = invite(&app, &staff, PATIENT).await;
    let issued = app.count("SELECT created_at FROM invitations").await;
    let wrong = invitation::InvitationCode::parse("Z-000000").unwrap();
    let check = |now| {
        let (ctx, token, wrong) = (at(&app, now), token.clone(), wrong.clone());
        async move { invitation::check_code(&ctx, &token, &wrong).await.unwrap() }
    };
    assert_eq!(
        check(issued + 432_000).await,
        invitation::CodeCheck::Unusable(invitation::InvitationState::Expired),
        "5 days"
    );
    assert_eq!(
        check(issued + 431_999).await,
        invitation::CodeCheck::Wrong { remaining_tries: 4 },
        "5 days less 1 s"
    );
}

#[tokio::test]
async fn a_password_reset_link_works_for_thirty_minutes() {
    let (app, _) = with_patient().await;
    let t0 = store::now();
    password_reset::request(&at(&app, t0).linking_to(&app.base), PATIENT).await.unwrap();
    let (_, body) = latest_mail(&app, PATIENT).await;
    let token = &link_token(&body, "/reset-password/");
    assert!(password_reset::open(&app.state.db, token, t0 + 1799).await.unwrap().is_some(), "29 min 59 s");
    assert!(password_reset::open(&app.state.db, token, t0 + 1800).await.unwrap().is_none(), "30 min");
}

#[test]
fn a_password_has_12_to_128_characters() {
    let check = |n: usize| credential::check_new_password(&"é".repeat(n), &"é".repeat(n), &[]);
    assert!(check(11).is_err() && check(12).is_ok(), "12 is the least");
    assert!(check(128).is_ok() && check(129).is_err(), "128 is the most");
}

#[test]
fn an_authenticator_code_is_accepted_one_step_either_side_not_two() {
    let secret = credential::new_totp_secret();
    let now = store::now();
    let step = now / 30;
    for (offset, accepted) in [(-2, false), (-1, true), (0, true), (1, true), (2, false)] {
        let code = credential::totp_code(&secret, step + offset).unwrap();
        assert_eq!(credential::verify_totp(&secret, &code, now, None).is_some(), accepted, "step {offset:+}");
    }
}

#[tokio::test]
async fn the_age_of_consent_is_set_between_12_and_19() {
    let app = spawn().await;
    app.activated_admin("marie.tremblay@example.org").await;
    let organisation = app.count("SELECT MIN(id) FROM organisations").await;
    let set = |age: &'static str| {
        let ctx = at(&app, store::now());
        async move { organisation::set_age_of_consent(&ctx, organisation, age, 1).await.is_ok() }
    };
    assert!(!set("11").await && set("12").await, "12 is the least");
    assert!(set("19").await && !set("20").await, "19 is the most");
    assert_eq!(organisation::age_of_consent(&app.state.db, organisation).await.unwrap(), 19);
}

#[tokio::test]
async fn a_right_invitation_code_lets_this_browser_finish_within_thirty_minutes() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (code, token) = invite(&app, &staff, PATIENT).await;
    let t0 = store::now();
    let code = invitation::InvitationCode::parse(&code).unwrap();
    let invitation::CodeCheck::Accepted { pass } =
        invitation::check_code(&at(&app, t0), &token, &code).await.unwrap()
    else {
        panic!("the right code is accepted")
    };
    let verified = |now| invitation::verified(&app.state.db, &token, &pass, now);
    assert!(verified(t0 + 1799).await.unwrap().is_some(), "29 min 59 s");
    assert!(verified(t0 + 1800).await.unwrap().is_none(), "30 min");
}

#[tokio::test]
async fn the_first_administrators_link_wants_its_console_code_for_5_days() {
    let app = spawn().await;
    let token = app.bootstrap("marie.tremblay@example.org").await.token;
    let created = app.count("SELECT MIN(created_at) FROM setup_links").await;
    let state = |now| app::domain::onboarding::setup_link::inspect(&app.state.db, &token, None, now);
    use app::domain::onboarding::setup_link::LinkState;
    assert!(matches!(state(created + 431_999).await.unwrap(), LinkState::NeedsCode { .. }), "4 d 23:59:59");
    assert!(matches!(state(created + 432_000).await.unwrap(), LinkState::Expired), "5 days");
}

#[tokio::test]
async fn a_setup_link_with_a_secret_code_works_for_5_days() {
    use app::domain::onboarding::{invitation::InvitationCode, setup_link};
    use app::domain::Ctx;
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let form =
        [("given_name", "Anne"), ("family_name", "Roy"), ("email", "anne@example.org"), ("language", "fr")];
    let code = admin.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(&app, "anne@example.org").await;
    let token = link_token(&body, "/setup/");
    let created = app.count("SELECT MAX(created_at) FROM setup_links").await;
    let code = InvitationCode::parse(&code).unwrap();
    let at = |now| Ctx::system(&app.state.db, now);
    let before = setup_link::check_code(&at(created + 431_999), &token, &code).await.unwrap();
    assert!(matches!(before, setup_link::CodeCheck::Accepted { .. }), "4 d 23:59:59");
    let after = setup_link::check_code(&at(created + 432_000), &token, &code).await.unwrap();
    assert_eq!(after, setup_link::CodeCheck::Unusable, "5 days");
}

#[tokio::test]
async fn an_email_change_link_works_for_thirty_minutes() {
    let (app, _) = with_patient().await;
    let t0 = store::now();
    let lea = app::domain::identity::account::find_by_email(&app.state.db, PATIENT).await.unwrap().unwrap();
    app::domain::identity::email_change::request(
        &at(&app, t0).by(lea.id).linking_to(&app.base),
        &lea,
        "lea.new@example.net",
    )
    .await
    .unwrap();
    let (_, body) = latest_mail(&app, "lea.new@example.net").await;
    let token = &link_token(&body, "/email-change/");
    use app::domain::identity::email_change::{inspect, LinkState};
    assert!(matches!(inspect(&app.state.db, token, t0 + 1799).await.unwrap(), LinkState::Ready(_)), "29:59");
    assert!(matches!(inspect(&app.state.db, token, t0 + 1800).await.unwrap(), LinkState::Unusable), "30 min");
}

#[tokio::test]
async fn wrong_passwords_when_confirming_identity_count_toward_the_lock() {
    let (app, _) = with_patient().await;
    let lea = app::domain::identity::account::find_by_email(&app.state.db, PATIENT).await.unwrap().unwrap();
    let ctx = at(&app, store::now());
    let session_id = 1_000_000; // the session is not looked at before the password
    for _ in 0..9 {
        assert!(sign_in::start_reauth(&ctx, &lea, session_id, "not the password at all")
            .await
            .unwrap()
            .is_none());
    }
    let locked = || {
        app.number("SELECT COUNT(*) FROM accounts WHERE email_key = $1 AND locked_until IS NOT NULL", PATIENT)
    };
    assert_eq!(locked().await, 0, "9 wrong passwords");
    sign_in::start_reauth(&ctx, &lea, session_id, "not the password at all").await.unwrap();
    assert_eq!(locked().await, 1, "the 10th locks, as at sign-in");
}

#[tokio::test]
async fn the_outbox_backs_off_up_to_an_hour_and_gives_up_after_12_attempts() {
    use app::domain::notification;
    assert_eq!(
        (1..=9).map(notification::retry_delay).collect::<Vec<_>>(),
        [30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
        "doubling from 30 s, capped at 1 h"
    );
    let app = spawn().await;
    let mail = notification::Mail { template: "test", subject: "s".into(), body: "b".into() };
    let mut now = store::now();
    notification::enqueue(&app.state.db, "x@example.org", &mail, now).await.unwrap();
    for attempt in 1..=12 {
        let claimed = notification::claim_due(&app.state.db, now).await.unwrap().expect("due");
        assert_eq!(claimed.attempts, attempt);
        assert!(notification::claim_due(&app.state.db, now).await.unwrap().is_none(), "held by its worker");
        notification::mark_failed(&app.state.db, &claimed, "smtp down", false, now).await.unwrap();
        now += 3600;
    }
    assert!(notification::claim_due(&app.state.db, now).await.unwrap().is_none(), "given up after 12");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'").await, 1, "and kept");
}

#[tokio::test]
async fn a_claim_held_over_two_minutes_is_taken_over() {
    use app::domain::notification;
    let app = spawn().await;
    let now = store::now();
    let mail = notification::Mail { template: "test", subject: "s".into(), body: "b".into() };
    notification::enqueue(&app.state.db, "x@example.org", &mail, now).await.unwrap();
    notification::claim_due(&app.state.db, now).await.unwrap().expect("claimed by a worker that then dies");
    assert!(notification::claim_due(&app.state.db, now + 120).await.unwrap().is_none(), "2 min: still held");
    assert!(
        notification::claim_due(&app.state.db, now + 121).await.unwrap().is_some(),
        "then another takes it"
    );
}

/// The whole `Set-Cookie` line for `name` (the last one when a response sets it twice).
fn set_cookie_line(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .rfind(|v| v.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie"))
        .to_string()
}

fn lifetime(line: &str) -> i64 {
    let max_age = line.split(';').find_map(|part| part.trim().strip_prefix("Max-Age=")).expect("Max-Age");
    assert!(line.contains("HttpOnly") && line.contains("SameSite=Strict"), "{line}");
    max_age.parse().unwrap()
}

/// Each step's cookie lives as long as its step, and is dropped when the step ends.
#[tokio::test]
async fn flow_cookies_live_as_long_as_their_step() {
    let (app, staff) = with_patient().await;
    // Sign-in challenge: 10 minutes, like its code; gone once signed in.
    let started = app.call("sign_in", &[("email", PATIENT), ("password", PASSWORD)], None).await;
    assert_eq!(lifetime(&set_cookie_line(&started, "portail-challenge")), 600);
    let challenge = cookie_named(&started, "portail-challenge").unwrap();
    let code = emailed_code(&app, PATIENT).await;
    let done = app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    assert_eq!(lifetime(&set_cookie_line(&done, "portail-challenge")), 0, "cleared");
    let session = session_cookie(&done).unwrap();

    // Re-authentication challenge: 10 minutes; recovery codes shown once within 2 minutes.
    let reauth =
        app.call("start_reauth", &[("password", PASSWORD), ("next", "/account")], Some(&session)).await;
    assert_eq!(lifetime(&set_cookie_line(&reauth, "portail-reauth")), 600);
    let cookies = format!("{session}; {}", cookie_named(&reauth, "portail-reauth").unwrap());
    let code = emailed_code(&app, PATIENT).await;
    let confirmed =
        app.call("confirm_reauth", &[("code", &code), ("next", "/account")], Some(&cookies)).await;
    assert_eq!(confirmed.status(), reqwest::StatusCode::OK);
    assert_eq!(lifetime(&set_cookie_line(&confirmed, "portail-reauth")), 0, "cleared");
    let codes = app.call("new_recovery_codes", &[], Some(&session)).await;
    assert_eq!(lifetime(&set_cookie_line(&codes, "portail-recovery")), 120);

    // The invitation code shown to the professional: 2 minutes; the pass of a right code: 30 min.
    let issued =
        app.call("invite_patient", &invite_form("jacques.roy@example.org", "fr"), Some(&staff)).await;
    assert_eq!(lifetime(&set_cookie_line(&issued, "portail-issued")), 120);
    let code: serde_json::Value = issued.json().await.unwrap();
    let token = latest_link_token(&app, "jacques.roy@example.org").await;
    let checked = app
        .call("check_invitation_code", &[("token", &token), ("code", code["code"].as_str().unwrap())], None)
        .await;
    assert_eq!(lifetime(&set_cookie_line(&checked, "portail-invitation")), 1800);
}

/// A professional's typo in a mobile number or a birth date is answered on its field, with what was
/// typed kept, and nothing is created; a good number is stored as account settings write it.
#[tokio::test]
async fn a_new_patients_mobile_and_birth_date_are_checked_at_their_limits() {
    let (app, staff) = with_patient().await;
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).format("%Y-%m-%d").to_string();
    for (field, value, key) in [
        ("mobile", "514 555 012", "error-mobile-invalid"),
        ("mobile", "514 555 01234", "error-mobile-invalid"),
        ("birth_date", tomorrow.as_str(), "error-birth-date-invalid"),
        ("birth_date", "1899-12-31", "error-birth-date-invalid"),
    ] {
        let mut form = invite_form("jacques.roy@example.org", "fr");
        form.retain(|(name, _)| *name != field);
        form.push((field, value));
        let refused = error_key(app.call("invite_patient", &form, Some(&staff)).await).await;
        assert_eq!((refused["key"].as_str(), refused["field"].as_str()), (Some(key), Some(field)), "{value}");
        let kept =
            refused["kept"].as_array().unwrap().iter().find(|pair| pair[0] == field).map(|pair| &pair[1]);
        assert_eq!(kept.and_then(|v| v.as_str()), Some(value), "what was typed is kept");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM patients WHERE email = 'jacques.roy@example.org'").await, 0);

    let mut form = invite_form("jacques.roy@example.org", "fr");
    form.retain(|(name, _)| *name != "mobile" && *name != "birth_date");
    form.extend([("mobile", "+1 (514) 555-0123"), ("birth_date", "1900-01-01")]);
    let made = app.call("invite_patient", &form, Some(&staff)).await;
    assert_eq!(made.status(), reqwest::StatusCode::OK);
    assert_eq!(
        app.text("SELECT mobile FROM patients WHERE email = 'jacques.roy@example.org'").await,
        "514-555-0123"
    );
}
