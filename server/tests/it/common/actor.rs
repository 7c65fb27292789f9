//! A person at their own browser. Every response's cookies go into the person's jar and go back
//! with their next request, as a browser does, so a test reads as what the person does:
//! `admin.invite_patient(..)`, `patient.redeem(..)`, `patient.sign_in(..)`.
use super::{
    current_totp, emailed_code, latest_link_token, setup_form, totp_secret_on_page, TestApp, PASSWORD,
};
use reqwest::header::{ACCEPT, COOKIE, ORIGIN, SET_COOKIE};
use reqwest::{Response, StatusCode};
use std::sync::Mutex;

pub struct Actor<'a> {
    pub app: &'a TestApp,
    jar: Mutex<Vec<(String, String)>>,
}

/// An invitation as the professional hands it over and the mail delivers it.
pub struct Invited {
    pub code: String,
    pub token: String,
}

impl<'a> Actor<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self { app, jar: Mutex::new(Vec::new()) }
    }

    /// What the browser sends in its `Cookie` header.
    pub fn cookies(&self) -> String {
        let jar = self.jar.lock().unwrap();
        jar.iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("; ")
    }

    /// The session cookie as a `Cookie` header value, for tests that pass cookies by hand.
    pub fn session_cookie(&self) -> String {
        format!("portail={}", self.cookie("portail").expect("signed in"))
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.jar.lock().unwrap().iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    /// Keeps what the response sets; a cookie set empty or with `Max-Age=0` is removed.
    fn keep_cookies(&self, response: &Response) {
        let mut jar = self.jar.lock().unwrap();
        for header in response.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()) {
            let Some((name, rest)) = header.split_once('=') else { continue };
            let value = rest.split(';').next().unwrap_or("").to_string();
            jar.retain(|(n, _)| n != name);
            if !value.is_empty() && !header.contains("Max-Age=0") {
                jar.push((name.to_string(), value));
            }
        }
    }

    fn with_cookies(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        let cookies = self.cookies();
        if cookies.is_empty() {
            request
        } else {
            request.header(COOKIE, cookies)
        }
    }

    /// Calls a server function as the hydrated app does (JSON answer, the portal's Origin).
    pub async fn call(&self, function: &str, form: &[(&str, &str)]) -> Response {
        let request = self
            .app
            .client
            .post(self.app.url(&format!("/api/{function}")))
            .header(ACCEPT, "application/json")
            .header(ORIGIN, &self.app.base)
            .form(form);
        let response = self.with_cookies(request).send().await.unwrap();
        self.keep_cookies(&response);
        response
    }

    /// A call that must succeed; its JSON answer.
    pub async fn ok(&self, function: &str, form: &[(&str, &str)]) -> serde_json::Value {
        let response = self.call(function, form).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{function}: {body}");
        serde_json::from_str(&body).unwrap_or(serde_json::Value::Null)
    }

    /// Posts a form as a browser without JavaScript does, from the page `referer`.
    pub async fn submit(&self, function: &str, form: &[(&str, &str)], referer: &str) -> Response {
        let request = self
            .app
            .client
            .post(self.app.url(&format!("/api/{function}")))
            .header("referer", self.app.url(referer))
            .header(ACCEPT, "text/html,application/xhtml+xml")
            .header(ORIGIN, &self.app.base)
            .form(form);
        let response = self.with_cookies(request).send().await.unwrap();
        self.keep_cookies(&response);
        response
    }

    /// A plain GET (an image, a download), its response whole.
    pub async fn get(&self, path: &str) -> Response {
        let response = self.with_cookies(self.app.client.get(self.app.url(path))).send().await.unwrap();
        self.keep_cookies(&response);
        response
    }

    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let request =
            self.app.client.get(self.app.url(path)).header(ACCEPT, "text/html,application/xhtml+xml");
        let response = self.with_cookies(request).send().await.unwrap();
        self.keep_cookies(&response);
        (response.status(), response.text().await.unwrap())
    }

    // ---- Flows ----

    /// Activates an account an administrator added: the secret code they handed over, then the
    /// link as `activate` does; returns the app's secret.
    pub async fn activate_with_code(&self, token: &str, code: &str) -> String {
        self.ok("check_setup_code", &[("token", token), ("code", code)]).await;
        self.activate(token).await
    }

    /// Activates an account through its setup link (password `PASSWORD`, an authenticator app);
    /// returns the app's secret.
    pub async fn activate(&self, token: &str) -> String {
        let (status, html) = self.page(&format!("/setup/{token}")).await;
        assert_eq!(status, StatusCode::OK);
        let secret = totp_secret_on_page(&html);
        self.ok("complete_setup", &setup_form(token, &current_totp(&secret))).await;
        secret
    }

    /// Staff: invites a patient (Léa Tremblay, born 1990-04-12) at `email`.
    pub async fn invite_patient(&self, email: &str, language: &str) -> Invited {
        let form = super::invite_form(email, language);
        let code = self.ok("invite_patient", &form).await["code"].as_str().unwrap().to_string();
        Invited { code, token: latest_link_token(self.app, email).await }
    }

    /// Opens the invitation link, enters the code handed over and creates the account with
    /// `PASSWORD`: signed in afterwards.
    pub async fn redeem(&self, invited: &Invited) {
        self.ok("check_invitation_code", &[("token", &invited.token), ("code", &invited.code)]).await;
        let form = [
            ("token", invited.token.as_str()),
            ("password", PASSWORD),
            ("password_confirmation", PASSWORD),
            ("accept_terms", "on"),
        ];
        self.ok("create_patient_account", &form).await;
        assert!(self.cookie("portail").is_some(), "signed in");
    }

    /// Both sign-in steps, with the code mailed to `email`.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.ok("sign_in", &[("email", email), ("password", password)]).await;
        let code = emailed_code(self.app, email).await;
        self.ok("verify_sign_in", &[("code", &code)]).await;
    }
}

impl TestApp {
    /// Someone with a fresh browser.
    pub fn visitor(&self) -> Actor<'_> {
        Actor::new(self)
    }

    /// The administrator of a new organisation (Marie, at `email`), signed in after activating
    /// the account; with the authenticator secret.
    pub async fn admin(&self, email: &str) -> (Actor<'_>, String) {
        let link = self.bootstrap(email).await;
        let admin = self.visitor();
        let secret = admin.activate_with_code(&link.token, &link.code).await;
        (admin, secret)
    }

    /// The platform's first operator (Olivier, at `email`), signed in after activating the
    /// account; with the authenticator secret.
    pub async fn operator(&self, email: &str) -> (Actor<'_>, String) {
        let link = self.bootstrap_operator(email).await;
        let operator = self.visitor();
        let secret = operator.activate_with_code(&link.token, &link.code).await;
        (operator, secret)
    }
}
