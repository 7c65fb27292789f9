//! Rate limits on what an anonymous caller can reach (issue #11): a flood from one address is
//! answered 429 with `Retry-After` and a translated message, while other people still get in;
//! an address is taken from `X-Forwarded-For` only when the request comes from a trusted proxy.
use crate::common::*;
use app::domain::identity::throttle::Limit;
use reqwest::{Response, StatusCode};

/// A server behind a reverse proxy on this machine: the tests speak as the proxy and name the
/// caller in `X-Forwarded-For`.
async fn behind_a_proxy() -> TestApp {
    spawn_with(|state| state.trusting(vec!["127.0.0.1".parse().unwrap()])).await
}

async fn post_from(app: &TestApp, address: &str, function: &str, form: &[(&str, &str)]) -> Response {
    post_with(app, address, function, form, None).await
}

async fn post_with(
    app: &TestApp,
    address: &str,
    function: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> Response {
    let mut request = app
        .client
        .post(app.url(&format!("/api/{function}")))
        .header("accept", "application/json")
        .header("origin", &app.base)
        .header("x-forwarded-for", address)
        .form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

/// Sign-ins from `address` with unknown emails until one is refused with 429: each of them is
/// judged first (a wrong password takes a while to check, so the bucket earns a try every
/// `refill` seconds meanwhile). Returns how many were judged, and the 429.
async fn flood_sign_in(app: &TestApp, address: &str) -> (u32, Response) {
    let (burst, refill) = Limit::SignInFromAddress.rate();
    let started = std::time::Instant::now();
    for i in 0.. {
        let email = format!("guess{i}@example.org");
        let answer = post_from(app, address, "sign_in", &[("email", &email), ("password", "x")]).await;
        if answer.status() == StatusCode::TOO_MANY_REQUESTS {
            let earned = started.elapsed().as_secs() as u32 / refill as u32 + 1;
            assert!((burst..=burst + earned).contains(&i), "{i} judged before the limit");
            return (i, answer);
        }
        assert_eq!(error_key(answer).await["key"], "error-credentials", "try {i} is judged");
    }
    unreachable!()
}

/// The 429 a throttled call answers: its wait in the header and in the message, in minutes.
async fn throttled(response: Response) -> app::api::ApiError {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(wait >= 1, "{wait}");
    let error: app::api::ApiError = response.json().await.unwrap();
    assert_eq!(error.key, "error-too-many-attempts");
    let minutes: i64 = error.args.iter().find(|(k, _)| k == "minutes").unwrap().1.parse().unwrap();
    assert_eq!(minutes, (wait + 59) / 60);
    error
}

#[tokio::test]
async fn a_sign_in_flood_from_one_address_is_throttled_while_another_address_signs_in() {
    let app = behind_a_proxy().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let (_, refill) = Limit::SignInFromAddress.rate();
    let attacker = "203.0.113.66";
    let (judged, flood) = flood_sign_in(&app, attacker).await;
    let wait: i64 = flood.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=refill).contains(&wait), "{wait}");
    let error = throttled(flood).await;
    assert_eq!(
        error.kept("email"),
        Some(format!("guess{judged}@example.org").as_str()),
        "what was typed is kept"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in.failed'").await,
        judged as i64,
        "the refused try did no work"
    );

    // Léa, from another address, signs in all the way.
    let lea = "198.51.100.7";
    let step_one = post_from(&app, lea, "sign_in", &[("email", PATIENT), ("password", PASSWORD)]).await;
    assert_eq!(step_one.status(), StatusCode::OK);
    let challenge = cookie_named(&step_one, "portail-challenge").unwrap();
    let code = emailed_code(&app, PATIENT).await;
    let step_two = post_with(&app, lea, "verify_sign_in", &[("code", &code)], Some(&challenge)).await;
    assert!(session_cookie(&step_two).is_some(), "signed in");
    // And her address is the one her session and the trail remember.
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions WHERE ip = '198.51.100.7'").await, 1);
}

/// Without a trusted proxy, `X-Forwarded-For` is whatever the caller wrote: ignored, so changing
/// it buys a flood nothing.
#[tokio::test]
async fn a_forged_forwarded_for_does_not_escape_the_limit() {
    let app = spawn().await;
    let (_, flood) = flood_sign_in(&app, "192.0.2.1").await;
    throttled(flood).await;
    // Twice: a try earned since the flood's answer (one every 2 s) may be judged, not two.
    let form = [("email", "a@b.org"), ("password", "x")];
    post_from(&app, "192.0.2.250", "sign_in", &form).await;
    throttled(post_from(&app, "192.0.2.251", "sign_in", &form).await).await;
}

/// One email tried from many addresses: past its own limit, every address is refused for it,
/// while other emails from those addresses are still judged.
#[tokio::test]
async fn one_email_tried_from_many_addresses_is_throttled() {
    let app = behind_a_proxy().await;
    let (burst, _) = Limit::SignInForEmail.rate();
    for i in 0..burst {
        let address = format!("192.0.2.{i}");
        let refused =
            post_from(&app, &address, "sign_in", &[("email", "target@example.org"), ("password", "x")]).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "try {i}");
    }
    let refused =
        post_from(&app, "192.0.2.200", "sign_in", &[("email", " TARGET@example.org"), ("password", "x")])
            .await;
    throttled(refused).await;
    let other =
        post_from(&app, "192.0.2.200", "sign_in", &[("email", "other@example.org"), ("password", "x")]).await;
    assert_eq!(other.status(), StatusCode::BAD_REQUEST, "another email is still judged");
}

#[tokio::test]
async fn invitation_code_guesses_from_one_address_are_throttled() {
    let app = behind_a_proxy().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    let (code, token) = invite(&app, &staff, PATIENT).await;
    let (burst, _) = Limit::InvitationCodeFromAddress.rate();
    // Guesses at many invitations (unknown links): each one alone would never be voided.
    for i in 0..burst {
        let guess = post_from(
            &app,
            "203.0.113.9",
            "check_invitation_code",
            &[("token", &format!("no-such-link-{i}")), ("code", "B-123456")],
        )
        .await;
        assert!(guess.status().is_client_error());
        assert_ne!(guess.status(), StatusCode::TOO_MANY_REQUESTS, "try {i}");
    }
    let guess =
        post_from(&app, "203.0.113.9", "check_invitation_code", &[("token", &token), ("code", &code)]).await;
    let error = throttled(guess).await;
    assert_eq!(error.kept("code"), Some(code.as_str()));
    // Léa, at home, enters her code.
    let lea =
        post_from(&app, "198.51.100.7", "check_invitation_code", &[("token", &token), ("code", &code)]).await;
    assert_eq!(lea.status(), StatusCode::OK);
}

/// "Forgot my password": at most 3 mails an hour to one address, the answer unchanged past that;
/// and one address may ask only so often.
#[tokio::test]
async fn reset_requests_cap_the_mails_and_the_asking() {
    let app = behind_a_proxy().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let (mails, _) = Limit::ResetMailForEmail.rate();
    let mut answers = Vec::new();
    for i in 0..=mails {
        let address = format!("192.0.2.{i}");
        let asked = post_from(&app, &address, "request_password_reset", &[("email", PATIENT)]).await;
        answers.push((asked.status(), asked.headers().get("location").cloned()));
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "the same answer every time: {answers:?}");
    await_mails(&app, PATIENT, "reset", mails as i64).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(mails_of(&app, PATIENT, "reset").await, mails as i64, "no more than {mails} mails");

    let (burst, _) = Limit::ResetRequestFromAddress.rate();
    for i in 0..burst {
        let email = format!("someone{i}@example.org");
        let asked = post_from(&app, "203.0.113.5", "request_password_reset", &[("email", &email)]).await;
        assert_eq!(asked.status(), StatusCode::OK, "try {i}");
    }
    let asked = post_from(&app, "203.0.113.5", "request_password_reset", &[("email", "x@example.org")]).await;
    let error = throttled(asked).await;
    assert_eq!(error.kept("email"), Some("x@example.org"));
}

/// Without JavaScript, a throttled form comes back to its page with the translated message and
/// what was typed.
#[tokio::test]
async fn a_throttled_form_without_javascript_shows_the_wait_on_its_page() {
    let app = spawn().await;
    flood_sign_in(&app, "127.0.0.1").await;
    let (_, refill) = Limit::SignInFromAddress.rate();
    let flooded = std::time::Instant::now();
    let throttled = text_with("fr", "error-too-many-attempts", &[("minutes", "1")]);
    // A try is earned every `refill` seconds since the flood's answer: those few are judged as
    // usual, and the one after them must come back with the wait.
    let mut judged = 0;
    let html = loop {
        let posted =
            app.submit("sign_in", &[("email", "lea@example.org"), ("password", "x")], None, "/sign-in").await;
        assert_eq!(posted.status(), StatusCode::FOUND);
        let back = location(&posted);
        let (_, html) = app.page(back.trim_start_matches(&app.base), None).await;
        if shows(&html, &throttled) {
            break html;
        }
        judged += 1;
        let earned = flooded.elapsed().as_secs() as u32 / refill as u32 + 1;
        assert!(judged <= earned, "{judged} judged after the flood, {earned} earned: {html}");
    };
    assert!(html.contains("value=\"lea@example.org\""), "the email typed is still there");
}

/// Checking one's password costs an argon2 slot everyone's sign-in shares: ten at once per
/// account, then one a minute; another person is not held back.
#[tokio::test]
async fn a_signed_in_person_checks_their_password_ten_times_then_waits() {
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let lea = app.sign_in(PATIENT, PASSWORD).await;
    let reauth = |password: &'static str| [("password", password), ("next", "/account")];
    // (Right passwords: ten wrong ones would lock the account and end the session.)
    for i in 0..10 {
        let judged = app.call("start_reauth", &reauth(PASSWORD), Some(&lea)).await;
        assert_ne!(judged.status(), StatusCode::TOO_MANY_REQUESTS, "try {i}: {:?}", judged.text().await);
    }
    let eleventh = app.call("start_reauth", &reauth(PASSWORD), Some(&lea)).await;
    assert_eq!(refusal(eleventh, StatusCode::TOO_MANY_REQUESTS).await.key, "error-too-many-attempts");
    let other = app.call("start_reauth", &reauth("pas le bon mot de passe"), Some(&staff)).await;
    assert_eq!(other.status(), StatusCode::BAD_REQUEST, "another account is judged as usual");
}
