//! Passkeys (#34), with a software authenticator that signs real WebAuthn ceremonies: adding one
//! after re-authentication, signing in with it in one step, re-authenticating with it, and the
//! refusals (a replay, another account's passkey, a removed one, a counter gone back, a locked or
//! suspended account, an expired ceremony).
use crate::common::actor::Actor;
use crate::common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use webauthn_authenticator_rs::prelude::*;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;

const LEA: &str = "lea.gagnon@example.org";
const BOB: &str = "bob.roy@example.org";

fn b64(bytes: &[u8]) -> String {
    data_encoding::BASE64URL_NOPAD.encode(bytes)
}

/// A phone holding passkeys, with what a browser adds: the credential it would offer on a
/// sign-in without an email (the software authenticator keeps no list to choose from) and the
/// user handle it stored with it.
struct Phone {
    authenticator: SoftPasskey,
    credential: Option<(String, Vec<u8>)>,
}

impl Phone {
    fn new() -> Self {
        Self { authenticator: SoftPasskey::new(true), credential: None }
    }

    fn origin(app: &TestApp) -> Url {
        Url::parse(&app.base).unwrap()
    }

    /// `navigator.credentials.create` on the options the server gave; the JSON the page sends back.
    fn create(&mut self, app: &TestApp, options: &Value) -> String {
        let mut options = options.clone();
        let selection = &mut options["publicKey"]["authenticatorSelection"];
        assert_eq!(
            selection["residentKey"], "required",
            "a passkey the phone keeps, for a sign-in without an email"
        );
        assert_eq!(selection["userVerification"], "required");
        // The software authenticator keeps no credentials itself; `credential` stands in for that.
        selection["residentKey"] = "discouraged".into();
        selection["requireResidentKey"] = false.into();
        let options: CreationChallengeResponse = serde_json::from_value(options).unwrap();
        let handle = options.public_key.user.id.to_vec();
        let created = self.authenticator.do_registration(Self::origin(app), options).expect("registration");
        let json = serde_json::to_value(&created).unwrap();
        self.credential = Some((json["rawId"].as_str().unwrap().to_string(), handle));
        json.to_string()
    }

    /// `navigator.credentials.get` on the options the server gave; the JSON the page sends back.
    fn get(&mut self, app: &TestApp, options: &Value) -> String {
        let (credential_id, handle) = self.credential.clone().expect("a passkey on this phone");
        let mut options = options.clone();
        if options["publicKey"]["allowCredentials"].as_array().is_none_or(|a| a.is_empty()) {
            options["publicKey"]["allowCredentials"] = json!([{ "type": "public-key", "id": credential_id }]);
        }
        let options: RequestChallengeResponse = serde_json::from_value(options).unwrap();
        let assertion = self.authenticator.do_authentication(Self::origin(app), options).expect("assertion");
        let mut json = serde_json::to_value(&assertion).unwrap();
        json["response"]["userHandle"] = b64(&handle).into();
        json.to_string()
    }
}

fn options(answer: Value) -> Value {
    serde_json::from_str(answer.as_str().expect("options as JSON text")).unwrap()
}

/// Password and emailed code again, in the actor's session.
async fn reauthenticate(person: &Actor<'_>, email: &str) {
    person.ok("start_reauth", &[("password", PASSWORD), ("next", "/account/security")]).await;
    let code = emailed_code(person.app, email).await;
    person.ok("confirm_reauth", &[("code", &code), ("next", "/account/security")]).await;
}

/// A patient signed in on her phone, who adds a passkey to it.
async fn patient_with_passkey<'a>(app: &'a TestApp, admin: &Actor<'a>, email: &str) -> (Actor<'a>, Phone) {
    let invited = admin.invite_patient(email, "fr").await;
    app.visitor().redeem(&invited).await;
    let person = app.visitor();
    person.sign_in(email, PASSWORD).await;
    reauthenticate(&person, email).await;
    let mut phone = Phone::new();
    let started = options(person.ok("start_passkey_registration", &[("name", "Pixel de Léa")]).await);
    let response = phone.create(app, &started);
    person.ok("finish_passkey_registration", &[("response", &response)]).await;
    (person, phone)
}

/// A sign-in with the phone's passkey from a new browser; the browser and the response.
async fn passkey_sign_in<'a>(app: &'a TestApp, phone: &mut Phone) -> (Actor<'a>, reqwest::Response) {
    let browser = app.visitor();
    let started = options(browser.ok("start_passkey_sign_in", &[]).await);
    let assertion = phone.get(app, &started);
    let finished = browser.call("finish_passkey_sign_in", &[("response", &assertion), ("next", "")]).await;
    (browser, finished)
}

#[tokio::test]
async fn a_patient_adds_a_passkey_and_signs_in_with_it_in_one_step() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (lea, mut phone) = patient_with_passkey(&app, &admin, LEA).await;

    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1);
    let (subject, body) = mail(&app, LEA, "passkey-added").await;
    assert_eq!(subject, "Une clé d'accès a été ajoutée à votre compte");
    assert!(body.contains("« Pixel de Léa »"), "{body}");
    let listed = lea.ok("my_passkeys", &[]).await;
    assert_eq!(listed[0]["name"], "Pixel de Léa");
    assert!(listed[0]["last_used"].is_null());

    let (browser, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(finished.status(), StatusCode::OK);
    assert_eq!(finished.json::<Value>().await.unwrap(), "/home");
    let (status, home) = browser.page("/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains(LEA), "signed in as Léa");
    assert!(browser.cookie("portail-browser").is_some(), "the browser is remembered like after a code");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in.passkey'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys WHERE last_used_at IS NOT NULL").await, 1);
    // No code was mailed for this sign-in: the passkey was both factors.
    assert_eq!(
        mails_of(&app, LEA, "code").await,
        2,
        "the codes of the first sign-in and re-authentication only"
    );
}

#[tokio::test]
async fn a_replayed_assertion_is_refused_with_its_ceremony_or_another() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (_, mut phone) = patient_with_passkey(&app, &admin, LEA).await;

    let browser = app.visitor();
    let started = options(browser.ok("start_passkey_sign_in", &[]).await);
    let assertion = phone.get(&app, &started);
    let token = browser.cookie("portail-passkey").expect("the ceremony's cookie");
    browser.ok("finish_passkey_sign_in", &[("response", &assertion)]).await;

    // The same answer, with the same ceremony's cookie (a second tab, an attacker's copy).
    let thief = app.visitor();
    let replayed = thief
        .app
        .client
        .post(app.url("/api/finish_passkey_sign_in"))
        .header("accept", "application/json")
        .header("origin", &app.base)
        .header("cookie", format!("portail-passkey={token}"))
        .form(&[("response", assertion.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(refusal(replayed, StatusCode::CONFLICT).await.key, "error-passkey-failed");
    // The same answer to a new ceremony: signed for the old challenge.
    thief.ok("start_passkey_sign_in", &[]).await;
    let again = thief.call("finish_passkey_sign_in", &[("response", &assertion)]).await;
    assert_eq!(refusal(again, StatusCode::BAD_REQUEST).await.key, "error-passkey-failed");
    assert!(thief.cookie("portail").is_none(), "never signed in");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in.passkey'").await, 1);
}

#[tokio::test]
async fn a_passkey_speaks_only_for_its_own_account() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (_, mut lea_phone) = patient_with_passkey(&app, &admin, LEA).await;
    let (_, bob_phone) = patient_with_passkey(&app, &admin, BOB).await;

    // Bob's passkey, presented as Léa's (her user handle, which her phone gives on a sign-in).
    let (_, lea_handle) = lea_phone.credential.clone().unwrap();
    let (bob_credential, _) = bob_phone.credential.clone().unwrap();
    let mut forged =
        Phone { authenticator: bob_phone.authenticator, credential: Some((bob_credential, lea_handle)) };
    let (browser, finished) = passkey_sign_in(&app, &mut forged).await;
    assert_eq!(refusal(finished, StatusCode::BAD_REQUEST).await.key, "error-passkey-failed");
    assert!(browser.cookie("portail").is_none());

    // Léa's own still works.
    let (_, finished) = passkey_sign_in(&app, &mut lea_phone).await;
    assert_eq!(finished.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_removed_passkey_no_longer_signs_in_and_its_owner_is_told() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (lea, mut phone) = patient_with_passkey(&app, &admin, LEA).await;
    let id = app.number("SELECT id FROM passkeys WHERE name = $1", "Pixel de Léa").await;

    // Without a recent re-authentication, nothing is removed.
    app.later("sessions", &["reauthenticated_at"], 6 * 60).await;
    let refused = lea.call("remove_passkey", &[("passkey", &id.to_string())]).await;
    assert_eq!(refusal(refused, StatusCode::FORBIDDEN).await.key, "error-reauth-required");
    reauthenticate(&lea, LEA).await;
    let removed = lea.submit("remove_passkey", &[("passkey", &id.to_string())], "/account/security").await;
    assert_eq!(location(&removed), "/account/security?saved=passkey-removed");
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);
    assert!(mail(&app, LEA, "passkey-removed").await.1.contains("« Pixel de Léa »"));

    let (_, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(refusal(finished, StatusCode::BAD_REQUEST).await.key, "error-passkey-failed");
}

#[tokio::test]
async fn a_counter_gone_back_is_refused_as_a_cloned_passkey() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (_, mut phone) = patient_with_passkey(&app, &admin, LEA).await;
    let (_, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(finished.status(), StatusCode::OK);

    // A copy of the key signed 1,000 times elsewhere: the server's counter is past this phone's.
    let stored = app.text("SELECT credential FROM passkeys").await;
    let mut credential: Value = serde_json::from_str(&stored).unwrap();
    let counter = credential["cred"]["counter"].as_u64().expect("a counter in the stored passkey");
    assert!(counter >= 1, "the sign-in's counter was kept");
    credential["cred"]["counter"] = (counter + 1000).into();
    sqlx::query("UPDATE passkeys SET credential = $1")
        .bind(credential.to_string())
        .execute(&app.state.db)
        .await
        .unwrap();

    let (browser, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(refusal(finished, StatusCode::BAD_REQUEST).await.key, "error-passkey-failed");
    assert!(browser.cookie("portail").is_none());
}

#[tokio::test]
async fn a_locked_or_suspended_account_is_refused_with_a_passkey_too() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (_, mut phone) = patient_with_passkey(&app, &admin, LEA).await;

    sqlx::query("UPDATE accounts SET locked_until = $1 WHERE email = $2")
        .bind(app::domain::store::now() + 3600)
        .bind(LEA)
        .execute(&app.state.db)
        .await
        .unwrap();
    let (_, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(refusal(finished, StatusCode::CONFLICT).await.key, "error-account-locked");

    sqlx::query("UPDATE accounts SET locked_until = NULL, status = 'suspended' WHERE email = $1")
        .bind(LEA)
        .execute(&app.state.db)
        .await
        .unwrap();
    let (browser, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(refusal(finished, StatusCode::CONFLICT).await.key, "error-account-suspended");
    assert!(browser.cookie("portail").is_none());
}

#[tokio::test]
async fn a_ceremony_lasts_five_minutes() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (_, mut phone) = patient_with_passkey(&app, &admin, LEA).await;

    for (seconds, signed_in) in [(299, true), (300, false)] {
        let browser = app.visitor();
        let started = options(browser.ok("start_passkey_sign_in", &[]).await);
        assert_eq!(started["publicKey"]["timeout"], 300_000, "the browser's dialog is told the same");
        let assertion = phone.get(&app, &started);
        app.later("passkey_ceremonies", &["expires_at"], seconds).await;
        let finished = browser.call("finish_passkey_sign_in", &[("response", &assertion)]).await;
        assert_eq!(finished.status() == StatusCode::OK, signed_in, "after {seconds} s");
    }
}

#[tokio::test]
async fn a_passkey_confirms_who_one_is_for_the_account_pages() {
    let app = spawn_on_localhost().await;
    let (admin, _) = app.admin("admin@example.org").await;
    let (lea, mut phone) = patient_with_passkey(&app, &admin, LEA).await;
    app.later("sessions", &["reauthenticated_at"], 6 * 60).await;
    assert_eq!(lea.ok("recently_reauthenticated", &[]).await, false);

    let started = options(lea.ok("start_passkey_reauth", &[]).await);
    let assertion = phone.get(&app, &started);
    let next = lea.ok("finish_passkey_reauth", &[("response", &assertion), ("next", "/account/email")]).await;
    assert_eq!(next, "/account/email");
    assert_eq!(lea.ok("recently_reauthenticated", &[]).await, true);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'reauth.passkey'").await, 1);

    // Another account's session cannot use Léa's passkey to prove who it is.
    let (_, _bob_phone) = patient_with_passkey(&app, &admin, BOB).await;
    let bob = app.visitor();
    bob.sign_in(BOB, PASSWORD).await;
    let started = options(bob.ok("start_passkey_reauth", &[]).await);
    let mut lea_for_bob = Phone { authenticator: phone.authenticator, credential: phone.credential.clone() };
    let mut started = started;
    started["publicKey"]["allowCredentials"] =
        json!([{ "type": "public-key", "id": lea_for_bob.credential.clone().unwrap().0 }]);
    let assertion = lea_for_bob.get(&app, &started);
    let refused = bob.call("finish_passkey_reauth", &[("response", &assertion)]).await;
    assert_eq!(refusal(refused, StatusCode::BAD_REQUEST).await.key, "error-passkey-failed");
}

#[tokio::test]
async fn passkeys_are_unavailable_on_a_bare_address() {
    let app = spawn().await;
    let refused = app.visitor().call("start_passkey_sign_in", &[]).await;
    assert_eq!(refusal(refused, StatusCode::BAD_REQUEST).await.key, "error-passkeys-unavailable");
}

#[tokio::test]
async fn staff_replace_their_app_with_a_passkey_and_keep_a_strong_way_to_sign_in() {
    let app = spawn_on_localhost().await;
    let (admin, secret) = app.admin("admin@example.org").await;
    // Without a passkey, the app stays.
    admin.ok("start_reauth", &[("password", PASSWORD), ("next", "/account/security")]).await;
    admin.ok("confirm_reauth", &[("code", &next_totp(&secret)), ("next", "/account/security")]).await;
    let refused = admin.call("use_email_codes", &[]).await;
    assert_eq!(refusal(refused, StatusCode::BAD_REQUEST).await.key, "error-totp-required-for-staff");

    let mut phone = Phone::new();
    let started = options(admin.ok("start_passkey_registration", &[("name", "Work laptop")]).await);
    let response = phone.create(&app, &started);
    admin.ok("finish_passkey_registration", &[("response", &response)]).await;
    // The app goes; recovery codes come, shown once, her way back should she lose the passkey.
    let replaced = admin.submit("use_email_codes", &[], "/account/security").await;
    assert_eq!(location(&replaced), "/account/recovery-codes");
    let codes = admin.ok("take_recovery_codes", &[]).await;
    assert_eq!(codes.as_array().unwrap().len(), 10);
    let app_gone = "SELECT COUNT(*) FROM accounts WHERE email = 'admin@example.org' AND totp_secret IS NULL";
    assert_eq!(app.count(app_gone).await, 1);
    assert_eq!(admin.ok("my_account", &[]).await["method"], "Passkey");

    // Her password never leads to an emailed code: only a recovery code answers after it.
    let browser = app.visitor();
    browser.ok("sign_in", &[("email", "admin@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(browser.ok("sign_in_challenge", &[]).await, "Passkey");
    assert_eq!(mails_of(&app, "admin@example.org", "code").await, 0);
    let wrong = browser.call("verify_sign_in", &[("code", "123456")]).await;
    assert_eq!(refusal(wrong, StatusCode::BAD_REQUEST).await.key, "error-verification-wrong");
    browser.ok("verify_sign_in", &[("code", codes[0].as_str().unwrap())]).await;
    assert!(browser.cookie("portail").is_some(), "signed in with a recovery code");
    // Confirming who she is after her password: her passkey, or a recovery code, never a mail.
    browser.ok("start_reauth", &[("password", PASSWORD), ("next", "/account/security")]).await;
    let (_, confirm) = browser.page("/account/confirm?next=/account/security").await;
    assert!(page_shows(&confirm, "fr", "reauth-code-passkey"), "{confirm}");
    browser
        .ok("confirm_reauth", &[("code", codes[1].as_str().unwrap()), ("next", "/account/security")])
        .await;
    assert_eq!(browser.ok("recently_reauthenticated", &[]).await, true);
    assert_eq!(mails_of(&app, "admin@example.org", "code").await, 0);
    let (_, finished) = passkey_sign_in(&app, &mut phone).await;
    assert_eq!(finished.json::<Value>().await.unwrap(), "/staff");

    // Her last passkey stays while it is her only strong way in.
    let id = app.number("SELECT id FROM passkeys WHERE name = $1", "Work laptop").await;
    let refused = admin.call("remove_passkey", &[("passkey", &id.to_string())]).await;
    assert_eq!(refusal(refused, StatusCode::BAD_REQUEST).await.key, "error-passkey-last-for-staff");
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1);
}

/// A staff member who lost every way in (her passkey, her recovery codes) is started over by her
/// administrator: at once nothing of the old ways opens the account — not her password, her
/// passkey, a recovery code or her open session — and the new link (mailed to her) with the new
/// secret code (handed over by the administrator) lets her choose a password and an app again.
/// Nobody resets their own, and a professional resets nobody.
#[tokio::test]
async fn an_administrator_starts_over_the_access_of_staff_who_lost_every_way_in() {
    let app = spawn_on_localhost().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let anne_email = "anne.roy@example.org";
    let form = [("given_name", "Anne"), ("family_name", "Roy"), ("email", anne_email), ("language", "en")];
    let code = marie.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(&app, anne_email).await;
    let anne = app.visitor();
    let secret = anne.activate_with_code(&link_token(&body, "/setup/"), &code).await;
    anne.ok("start_reauth", &[("password", PASSWORD), ("next", "/account/security")]).await;
    anne.ok("confirm_reauth", &[("code", &next_totp(&secret)), ("next", "/account/security")]).await;
    let mut phone = Phone::new();
    let started = options(anne.ok("start_passkey_registration", &[("name", "Work laptop")]).await);
    anne.ok("finish_passkey_registration", &[("response", &phone.create(&app, &started))]).await;
    anne.submit("use_email_codes", &[], "/account/security").await;
    let codes = anne.ok("take_recovery_codes", &[]).await;
    let id = app.number("SELECT id FROM accounts WHERE email = $1", anne_email).await.to_string();

    let act = |action: &'static str| [("account_id", id.clone()), ("action", action.to_string())];
    let as_form =
        |form: &[(&'static str, String); 2]| form.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let reset = as_form(&act("reset-sign-in"));
    let reset: Vec<(&str, &str)> = reset.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(anne.call("act_on_staff", &reset).await.status(), StatusCode::FORBIDDEN, "not a professional");
    let marie_id = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    let own = [("account_id", marie_id.to_string()), ("action", "reset-sign-in".to_string())];
    let own: Vec<(&str, &str)> = own.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = marie.call("act_on_staff", &own).await;
    assert_eq!(refusal(refused, StatusCode::CONFLICT).await.key, "error-reset-own-sign-in");

    let (_, confirm) = marie.page(&format!("/staff/team/{id}?confirm=reset-sign-in&lang=en")).await;
    assert!(shows(&confirm, &text_with("en", "person-reset-sign-in-confirm", &[("email", anne_email)])));
    assert_eq!(marie.call("act_on_staff", &reset).await.status(), StatusCode::OK);
    let (_, page) = marie.page("/staff/team/code?lang=en").await;
    let after = page.split(r#"data-testid="secret-code""#).nth(1).unwrap_or_else(|| panic!("{page}"));
    let new_code = after[after.find('>').unwrap() + 1..][..8].to_string();
    assert_eq!(mails_of(&app, anne_email, "sign_in_reset").await, 1);
    let (_, body) = latest_mail(&app, anne_email).await;
    assert!(body.contains("reset your sign-in methods") && !body.contains(&new_code), "{body}");
    let token = link_token(&body, "/setup/");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.sign_in_reset'").await, 1);

    // Nothing of the old ways opens the account any more.
    assert_eq!(anne.call("my_account", &[]).await.status(), StatusCode::UNAUTHORIZED, "her session ended");
    let stranger = app.visitor();
    let by_password = stranger.call("sign_in", &[("email", anne_email), ("password", PASSWORD)]).await;
    assert!(by_password.status().is_client_error(), "the old password opens nothing");
    let (_, by_passkey) = passkey_sign_in(&app, &mut phone).await;
    assert!(by_passkey.status().is_client_error(), "nor her passkey");
    let gone = format!(
        "SELECT (SELECT COUNT(*) FROM passkeys WHERE account_id = {id}) + (SELECT COUNT(*) FROM recovery_codes WHERE account_id = {id})
              + (SELECT COUNT(*) FROM accounts WHERE id = {id} AND (password_hash IS NOT NULL OR totp_secret IS NOT NULL))"
    );
    assert_eq!(app.count(&gone).await, 0, "passkeys, recovery codes, password and app all gone");
    assert!(codes.as_array().unwrap().len() == 10);

    // The link alone asks for the code, in words that say her access is being restored.
    let again = app.visitor();
    let (_, asks) = again.page(&format!("/setup/{token}?lang=en")).await;
    assert!(page_shows(&asks, "en", "setup-title-renewal"), "{asks}");
    let new_secret = again.activate_with_code(&token, &new_code).await;
    assert_ne!(new_secret, secret, "a new authenticator secret");
    assert_eq!(again.ok("my_account", &[]).await["method"], "Totp");
    let later = app.visitor();
    later.ok("sign_in", &[("email", anne_email), ("password", PASSWORD)]).await;
    assert_eq!(later.ok("sign_in_challenge", &[]).await, "Totp");
}
