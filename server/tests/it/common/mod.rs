//! Starts the real router on an ephemeral port over a fresh database: a SQLite file in a temp
//! folder, or, when TEST_DATABASE_URL points at a PostgreSQL server, a new database on it.
pub mod actor;
use app::domain::identity::credential;
use app::state::AppState;
use reqwest::header::{HeaderMap, ACCEPT, COOKIE, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode};
use sqlx::Connection;

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub client: reqwest::Client,
    _dir: Option<tempfile::TempDir>,
}

/// A new empty database: a SQLite file in a temp folder (kept while the folder lives), or a new
/// database on the PostgreSQL server of `TEST_DATABASE_URL`.
pub async fn fresh_database_url() -> (String, Option<tempfile::TempDir>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if admin_url.starts_with("postgres") => {
            sqlx::any::install_default_drivers();
            let name = format!("portail_test_{}", &app::domain::secret::new_token().1[..16]);
            let mut conn =
                sqlx::AnyConnection::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
            (format!("{base}/{name}"), None)
        }
        _ => {
            let dir = tempfile::tempdir().unwrap();
            (format!("sqlite://{}/portail.db", dir.path().display()), Some(dir))
        }
    }
}

pub async fn spawn() -> TestApp {
    let (database_url, dir) = fresh_database_url().await;
    spawn_at(&database_url, dir).await
}

/// The router over a database of the caller's choosing (the load benchmark fills one this way).
pub async fn spawn_at(database_url: &str, dir: Option<tempfile::TempDir>) -> TestApp {
    spawn_adjusted(database_url, dir, |state| state).await
}

/// A fresh app whose state is first adjusted: a trusted proxy (`state.trusting(…)`), or no rate
/// limits (`unthrottled`) for a test of the defences below them.
pub async fn spawn_with(adjust: impl FnOnce(AppState) -> AppState) -> TestApp {
    let (database_url, dir) = fresh_database_url().await;
    spawn_adjusted(&database_url, dir, adjust).await
}

/// The one key of every test server (the tests that rotate keys make their own rings).
pub fn test_keys() -> app::domain::sealing::Keyring {
    app::domain::sealing::Keyring::parse(TEST_KEY_LINE).unwrap()
}
pub const TEST_KEY_LINE: &str = "test QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

/// A setup link as the first administrator gets it: the token (mailed) and the code (console).
pub struct SetupLink {
    pub token: String,
    pub code: String,
}

pub fn unthrottled(state: AppState) -> AppState {
    AppState { throttle: std::sync::Arc::new(app::domain::identity::throttle::Throttle::off()), ..state }
}

/// A router over the caller's database, its state first adjusted (the load benchmark fills a
/// database through the real flows, hundreds of times from one address: `unthrottled`).
pub async fn spawn_adjusted(
    database_url: &str,
    dir: Option<tempfile::TempDir>,
    adjust: impl FnOnce(AppState) -> AppState,
) -> TestApp {
    serve_as("127.0.0.1", database_url, dir, adjust).await
}

/// A fresh app that people reach by a name, `http://localhost:…`, as passkeys need (they are
/// bound to a domain; a bare IP address has none).
pub async fn spawn_on_localhost() -> TestApp {
    let (database_url, dir) = fresh_database_url().await;
    serve_as("localhost", &database_url, dir, |state| state).await
}

async fn serve_as(
    host: &str,
    database_url: &str,
    dir: Option<tempfile::TempDir>,
    adjust: impl FnOnce(AppState) -> AppState,
) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{host}:{}", listener.local_addr().unwrap().port());
    let state = adjust(server::prepare(database_url, &base, true, test_keys()).await.expect("prepare"));
    let router = server::routes::router(state.clone(), "target/site");
    tokio::spawn(server::serve::serve(
        listener,
        router,
        server::serve::Limits::default(),
        std::future::pending(),
    ));
    TestApp { base, state, client: client(), _dir: dir }
}

/// The HTTP client of the tests: redirects are answers to look at, not to follow, and a stalled
/// response fails its test within a minute instead of holding the whole run.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .unwrap()
}

/// A form posted as the browser does: multipart for the server functions whose form carries files.
fn with_form(
    request: reqwest::RequestBuilder,
    function: &str,
    form: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> reqwest::RequestBuilder {
    if !app::api::messages::FILE_FORMS.contains(&format!("/api/{function}").as_str()) {
        return request.form(form);
    }
    let mut multipart = reqwest::multipart::Form::new();
    for (name, value) in form {
        multipart = multipart.text(name.to_string(), value.to_string());
    }
    for (file_name, content) in files {
        let part = reqwest::multipart::Part::bytes(content.to_vec()).file_name(file_name.to_string());
        multipart = multipart.part("files", part);
    }
    request.multipart(multipart)
}

/// The session cookie a response sets (`portail=…` on http://127.0.0.1), as a `Cookie` header value.
pub fn session_cookie(response: &Response) -> Option<String> {
    cookie_named(response, "portail")
}

pub fn location(response: &Response) -> String {
    response.headers().get(LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

impl TestApp {
    /// Helpers for a server running elsewhere (the release binary) over the database at `database_url`.
    pub async fn for_server_at(base: &str, database_url: &str) -> TestApp {
        // The server's own key file, beside its SQLite database.
        Self::for_server_keyed(base, database_url, server::keys::load(None, database_url)).await
    }

    /// The same, for a server given its key file (`SECRET_KEY_FILE`).
    pub async fn for_server_with_key(base: &str, database_url: &str, key: &std::path::Path) -> TestApp {
        Self::for_server_keyed(base, database_url, server::keys::load(Some(key), database_url)).await
    }

    async fn for_server_keyed(
        base: &str,
        database_url: &str,
        keys: anyhow::Result<app::domain::sealing::Keyring>,
    ) -> TestApp {
        let keys = keys.expect("the server's key file");
        let state = server::prepare(database_url, base, true, keys).await.expect("prepare");
        TestApp { base: base.to_string(), state, client: client(), _dir: None }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Response {
        let mut request = self.client.get(self.url(path)).header(ACCEPT, "text/html,application/xhtml+xml");
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    pub async fn page(&self, path: &str, cookie: Option<&str>) -> (StatusCode, String) {
        let response = self.get(path, cookie).await;
        (response.status(), response.text().await.unwrap())
    }

    /// Calls a server function the way the hydrated app does (JSON answer, our own Origin).
    pub async fn call(&self, function: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Response {
        self.post(function, form, cookie, "application/json", Some(&self.base.clone())).await
    }

    /// Posts a form the way a browser without JavaScript does.
    pub async fn submit(
        &self,
        function: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        referer: &str,
    ) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert("referer", self.url(referer).parse().unwrap());
        let request = self
            .client
            .post(self.url(&format!("/api/{function}")))
            .headers(headers)
            .header(ACCEPT, "text/html,application/xhtml+xml")
            .header(ORIGIN, &self.base);
        let mut request = with_form(request, function, form, &[]);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    pub async fn post(
        &self,
        function: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        accept: &str,
        origin: Option<&str>,
    ) -> Response {
        let request = self.client.post(self.url(&format!("/api/{function}"))).header(ACCEPT, accept);
        let mut request = with_form(request, function, form, &[]);
        if let Some(origin) = origin {
            request = request.header(ORIGIN, origin);
        }
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    /// Sends a message with files (`name`, content), as the hydrated app does.
    pub async fn send_files(
        &self,
        function: &str,
        form: &[(&str, &str)],
        files: &[(&str, &[u8])],
        cookie: &str,
    ) -> Response {
        let request = self
            .client
            .post(self.url(&format!("/api/{function}")))
            .header(ACCEPT, "application/json")
            .header(ORIGIN, &self.base)
            .header(COOKIE, cookie);
        with_form(request, function, form, files).send().await.unwrap()
    }

    /// Sends a list of patients to invite (the file `name` holding `content`), as the hydrated app
    /// does, or as a browser without JavaScript does from the upload page.
    pub async fn send_patient_list(
        &self,
        name: &str,
        content: &[u8],
        cookie: &str,
        javascript: bool,
    ) -> Response {
        let form = (app::api::patient_import::UPLOAD_PATH, "list", "/staff/patients/import");
        self.send_file(form, name, content, cookie, javascript).await
    }

    /// Sends a form with one file — `(its path, the file's field, the page it is on)` — as the
    /// hydrated app does, or as a browser without JavaScript does from that page.
    pub async fn send_file(
        &self,
        (path, field, page): (&str, &str, &str),
        name: &str,
        content: &[u8],
        cookie: &str,
        javascript: bool,
    ) -> Response {
        let part = reqwest::multipart::Part::bytes(content.to_vec()).file_name(name.to_string());
        let request = self
            .client
            .post(self.url(path))
            .header(ACCEPT, if javascript { "application/json" } else { "text/html" })
            .header("referer", self.url(page))
            .header(ORIGIN, &self.base)
            .header(COOKIE, cookie);
        request.multipart(reqwest::multipart::Form::new().part(field.to_string(), part)).send().await.unwrap()
    }

    /// Bootstraps an organisation; returns the setup link's token and the code the console shows.
    pub async fn bootstrap(&self, email: &str) -> SetupLink {
        self.bootstrap_with(email, Some("Clinique Saint-Laurent"), "Marie", "Tremblay").await
    }

    /// `portail bootstrap` for `email` (an organisation's first administrator, or without one the
    /// platform's first operator): the setup link and its code.
    async fn bootstrap_with(
        &self,
        email: &str,
        organisation: Option<&str>,
        given_name: &str,
        family_name: &str,
    ) -> SetupLink {
        let args = server::config::BootstrapArgs {
            email: email.into(),
            organisation: organisation.map(str::to_string),
            given_name: given_name.into(),
            family_name: family_name.into(),
            language: "fr".into(),
        };
        let activation = server::bootstrap(&self.state, &args).await.unwrap();
        let token = activation.link.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
        SetupLink { token, code: activation.code.as_str().to_string() }
    }

    /// Enters a setup link's secret code as its holder does; returns the cookie that then opens
    /// the rest of the link in this browser.
    pub async fn setup_pass(&self, link: &SetupLink) -> String {
        let response =
            self.call("check_setup_code", &[("token", &link.token), ("code", &link.code)], None).await;
        assert_eq!(response.status(), StatusCode::OK);
        cookie_named(&response, app::api::auth::SETUP_PASS_COOKIE).expect("setup pass cookie")
    }

    /// The platform's first operator (Olivier Côté) at `email`: their setup link and its code.
    pub async fn bootstrap_operator(&self, email: &str) -> SetupLink {
        self.bootstrap_with(email, None, "Olivier", "Côté").await
    }

    /// Bootstraps an organisation whose administrator (given name Marie) completes the setup;
    /// returns the session cookie and the authenticator secret.
    pub async fn activated_admin(&self, email: &str) -> (String, String) {
        let link = self.bootstrap(email).await;
        let (token, pass) = (&link.token, self.setup_pass(&link).await);
        let (status, html) = self.page(&format!("/setup/{token}"), Some(&pass)).await;
        assert_eq!(status, StatusCode::OK);
        let secret = totp_secret_on_page(&html);
        let response = self
            .submit(
                "complete_setup",
                &setup_form(token, &current_totp(&secret)),
                Some(&pass),
                &format!("/setup/{token}"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FOUND);
        assert_eq!(location(&response), "/staff");
        (session_cookie(&response).expect("session cookie after setup"), secret)
    }

    /// Step one of sign-in; returns the challenge cookie when email and password are right.
    pub async fn sign_in_password(&self, email: &str, password: &str) -> Option<String> {
        let response = self.call("sign_in", &[("email", email), ("password", password)], None).await;
        cookie_named(&response, "portail-challenge")
    }

    /// Both steps with an authenticator code; returns the last response.
    pub async fn sign_in_totp(&self, email: &str, password: &str, code: &str) -> Response {
        let challenge = self.sign_in_password(email, password).await.expect("password accepted");
        self.call("verify_sign_in", &[("code", code)], Some(&challenge)).await
    }

    /// The one number `sql` selects (an id, a count) with `$1` bound to the text `value`.
    pub async fn number(&self, sql: &str, value: &str) -> i64 {
        use sqlx::Row;
        let row = sqlx::query(sql).bind(value).fetch_one(&self.state.db).await.unwrap();
        row.try_get(0).unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        use sqlx::Row;
        sqlx::query(sql).fetch_one(&self.state.db).await.unwrap().try_get(0).unwrap()
    }

    /// The one text `sql` selects.
    pub async fn text(&self, sql: &str) -> String {
        use sqlx::Row;
        sqlx::query(sql).fetch_one(&self.state.db).await.unwrap().try_get(0).unwrap()
    }

    /// As if `seconds` had passed for the rows of `table`: each of its `times` moves back by that
    /// much, so the server's clock reads them that much later and every deadline the code wrote
    /// stays as the code wrote it (a test through HTTP cannot move the server's clock itself).
    pub async fn later(&self, table: &str, times: &[&str], seconds: i64) {
        let moved: Vec<String> = times.iter().map(|t| format!("{t} = {t} - $1")).collect();
        sqlx::query(&format!("UPDATE {table} SET {}", moved.join(", ")))
            .bind(seconds)
            .execute(&self.state.db)
            .await
            .unwrap();
    }
}

/// The form that activates an account through its setup link: `PASSWORD` and the app's `code`.
pub fn setup_form<'a>(token: &'a str, code: &'a str) -> [(&'static str, &'a str); 5] {
    [
        ("token", token),
        ("password", PASSWORD),
        ("password_confirmation", PASSWORD),
        ("code", code),
        ("accept_terms", "on"),
    ]
}

/// The secret shown on the setup page, read the way a person reads it.
pub fn totp_secret_on_page(html: &str) -> String {
    let attribute = html.find("data-testid=\"totp-secret\"").expect("secret shown on the page");
    let text = &html[attribute..][html[attribute..].find('>').unwrap() + 1..];
    text.split('<').next().unwrap().trim().to_string()
}

/// The code the authenticator shows now.
pub fn current_totp(secret: &str) -> String {
    credential::totp_code(secret, app::domain::store::now() / 30).unwrap()
}

/// The code it will show 30 s from now: newer than `current_totp`, still accepted (±1 step).
pub fn next_totp(secret: &str) -> String {
    credential::totp_code(secret, app::domain::store::now() / 30 + 1).unwrap()
}

pub const PASSWORD: &str = "une phrase de passe assez longue";

pub fn cookie_named(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")) && !v.starts_with(&format!("{name}=;")))
        .map(|v| v.split(';').next().unwrap().to_string())
}

// ---- patients ----
use serde_json::Value;

pub const PATIENT: &str = "lea.tremblay@example.org";

/// The searchable words whose kept count of patients differs from their rows: none, ever.
pub const WORD_COUNTS_OFF: &str = "SELECT COUNT(*) FROM patient_search_word_counts c
     WHERE c.patients <> (SELECT COUNT(*) FROM patient_search_words w
                          WHERE w.organisation_id = c.organisation_id AND w.word = c.word)";

pub fn invite_form<'a>(email: &'a str, language: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("given_name", "Léa"),
        ("family_name", "Tremblay"),
        ("birth_date", "1990-04-12"),
        ("email", email),
        ("language", language),
        ("mobile", "514 555-0199"),
    ]
}

/// Invites a patient; returns the code shown to the professional and the token of the mailed link.
pub async fn invite(app: &TestApp, staff: &str, email: &str) -> (String, String) {
    let response = app.call("invite_patient", &invite_form(email, "en"), Some(staff)).await;
    assert_eq!(response.status(), StatusCode::OK, "{}", response.text().await.unwrap());
    let issued: Value = response.json().await.unwrap();
    let code = issued["code"].as_str().unwrap().to_string();
    (code, latest_link_token(app, email).await)
}

/// The token of the invitation link in the latest mail to `email`.
pub async fn latest_link_token(app: &TestApp, email: &str) -> String {
    let (_, body) = latest_mail(app, email).await;
    link_token(&body, "/invitation/")
}

/// The token of the first link to `path` (e.g. `/reset-password/`) in a mail's body.
pub fn link_token(body: &str, path: &str) -> String {
    let start = body.find(path).unwrap_or_else(|| panic!("a {path} link in the mail")) + path.len();
    body[start..].split(['?', '\n', ' ']).next().unwrap().to_string()
}

/// The error a refused call answered with. A refusal is never a fault (4xx, not 5xx), and its
/// status is the one its kind calls for.
pub async fn error_key(response: reqwest::Response) -> Value {
    let status = response.status();
    let error: app::api::ApiError = response.json().await.expect("an ApiError");
    assert!(status.is_client_error(), "{status} for {error:?}");
    assert_eq!(status.as_u16(), error.kind.status(), "{error:?}");
    serde_json::to_value(&error).unwrap()
}

/// The error of a refused call, which must have answered `status`.
pub async fn refusal(response: reqwest::Response, status: StatusCode) -> app::api::ApiError {
    assert_eq!(response.status(), status);
    response.json().await.expect("an ApiError")
}

/// A patient invited by `staff` who has created the account with `PASSWORD`.
pub async fn redeemed_patient(app: &TestApp, staff: &str, email: &str) {
    let (code, _) = invite(app, staff, email).await;
    app.redeem(email, &code).await;
}

/// The latest mail of this kind (`code`, `invitation`, `reset`, … the outbox's `template`) to
/// `recipient`: its subject and body.
pub async fn mail(app: &TestApp, recipient: &str, template: &str) -> (String, String) {
    use sqlx::Row;
    let row = sqlx::query(
        "SELECT subject, body FROM outbox WHERE recipient = $1 AND (template = $2 OR $2 = '')
         ORDER BY id DESC LIMIT 1",
    )
    .bind(recipient)
    .bind(template)
    .fetch_one(&app.state.db)
    .await
    .unwrap_or_else(|e| panic!("no mail \"{template}\" to {recipient}: {e}"));
    (row.try_get("subject").unwrap(), row.try_get("body").unwrap())
}

/// How many mails of this kind went to `recipient`.
pub async fn mails_of(app: &TestApp, recipient: &str, template: &str) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE recipient = $1 AND template = $2")
        .bind(recipient)
        .bind(template)
        .fetch_one(&app.state.db)
        .await
        .unwrap()
        .try_get("n")
        .unwrap()
}

/// Waits (10 s at most) until `n` mails of this kind went to `recipient`: for work done after the
/// answer, like a password reset request.
pub async fn await_mails(app: &TestApp, recipient: &str, template: &str, n: i64) {
    for _ in 0..200 {
        if mails_of(app, recipient, template).await >= n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{n} mail(s) \"{template}\" to {recipient} within 10 s");
}

/// The latest mail of any kind to `recipient`.
pub async fn latest_mail(app: &TestApp, recipient: &str) -> (String, String) {
    mail(app, recipient, "").await
}

/// The code of the latest verification-code mail to `email`: the six digits its subject carries.
pub async fn emailed_code(app: &TestApp, email: &str) -> String {
    let (subject, _) = mail(app, email, "code").await;
    let digits: String = subject.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits.len(), 6, "one six-digit code in \"{subject}\"");
    digits
}

/// A text as the locale files give it (`lang` is `fr` or `en`), so tests follow the wording.
pub fn text(lang: &str, key: &str) -> String {
    app::i18n::text(app::i18n::Lang::from_code(lang), key)
}

/// The same, with its arguments filled in.
pub fn text_with(lang: &str, key: &str, args: &[(&str, &str)]) -> String {
    app::i18n::text_with(app::i18n::Lang::from_code(lang), key, args)
}

/// Whether a served page shows the locale's text for `key` (as the HTML escapes it).
pub fn page_shows(html: &str, lang: &str, key: &str) -> bool {
    shows(html, &text(lang, key))
}

/// Whether a served page shows `wanted`, as the HTML escapes it.
pub fn shows(html: &str, wanted: &str) -> bool {
    let escaped = wanted.replace('&', "&amp;").replace('\'', "&#x27;").replace('"', "&quot;");
    html.contains(wanted) || html.contains(&escaped)
}

impl TestApp {
    /// The actor's `redeem` for a test that passes cookies by hand: the latest invitation mailed
    /// to `email`, with `code`; returns the new session cookie.
    pub async fn redeem(&self, email: &str, code: &str) -> String {
        let token = latest_link_token(self, email).await;
        let person = self.visitor();
        person.redeem(&actor::Invited { code: code.into(), token }).await;
        person.session_cookie()
    }

    /// The actor's `sign_in` for a test that passes cookies by hand; returns the session cookie.
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let person = self.visitor();
        person.sign_in(email, password).await;
        person.session_cookie()
    }
}

/// Password + emailed code again, in an open session.
pub async fn reauthenticate(app: &TestApp, session: &str, email: &str) {
    let started =
        app.call("start_reauth", &[("password", PASSWORD), ("next", "/account/email")], Some(session)).await;
    assert_eq!(started.status(), StatusCode::OK);
    let challenge = cookie_named(&started, "portail-reauth").expect("re-authentication challenge");
    let code = emailed_code(app, email).await;
    let cookies = format!("{session}; {challenge}");
    let done =
        app.call("confirm_reauth", &[("code", &code), ("next", "/account/email")], Some(&cookies)).await;
    assert_eq!(done.status(), StatusCode::OK, "{:?}", done.text().await);
}

// ---- other processes ----
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A port nothing listens on right now, for a process the test starts.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A child process that is killed when the test ends, passed or failed, so that nothing outlives
/// the run (a leftover process would hold the runner's output open).
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// MailDev (from `end2end/node_modules`, as `make setup-test` installs it) on these ports, ready.
pub async fn maildev(smtp: u16, web: u16) -> Running {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end/node_modules/.bin/maildev");
    let mailer = Running(
        Command::new(&path)
            .args(["--smtp", &smtp.to_string(), "--web", &web.to_string(), "--ip", "127.0.0.1", "--silent"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e} (run `make setup-test`)", path.display())),
    );
    let inbox = format!("http://127.0.0.1:{web}/email");
    let started = Instant::now();
    while !reqwest::get(&inbox).await.is_ok_and(|r| r.status().is_success()) {
        assert!(started.elapsed() < Duration::from_secs(30), "MailDev starts");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    mailer
}

/// Invites a patient with her own name and date of birth and lets her create her account;
/// returns her patient id and session.
pub async fn patient(
    app: &TestApp,
    staff: &str,
    given: &str,
    family: &str,
    email: &str,
    birth_date: &str,
    language: &str,
) -> (i64, String) {
    let form = [
        ("given_name", given),
        ("family_name", family),
        ("birth_date", birth_date),
        ("email", email),
        ("language", language),
        ("mobile", ""),
    ];
    let issued = app.call("invite_patient", &form, Some(staff)).await;
    assert_eq!(issued.status(), StatusCode::OK);
    let code = issued.json::<serde_json::Value>().await.unwrap()["code"].as_str().unwrap().to_string();
    let session = app.redeem(email, &code).await;
    let id: i64 = app.number("SELECT id FROM patients WHERE email = $1", email).await;
    (id, session)
}

/// The care team adds a caregiver; returns the grant id and the code to hand over.
pub async fn add_caregiver(
    app: &TestApp,
    staff: &str,
    patient_id: i64,
    email: &str,
    relationship: &str,
    scope: &[&str],
    language: &str,
) -> (i64, String) {
    let patient_id = patient_id.to_string();
    let mut form = vec![
        ("patient_id", patient_id.as_str()),
        ("given_name", "Marie"),
        ("family_name", "Gagnon"),
        ("email", email),
        ("language", language),
        ("relationship", relationship),
        ("ends_on", ""),
        ("note", ""),
    ];
    for area in scope {
        form.push((area, "on"));
    }
    let issued = app.call("add_caregiver", &form, Some(staff)).await;
    assert_eq!(issued.status(), StatusCode::OK, "{:?}", issued.text().await);
    let code = issued.json::<serde_json::Value>().await.unwrap()["code"].as_str().unwrap().to_string();
    let grant = app.count("SELECT MAX(id) FROM caregiver_grants").await;
    (grant, code)
}

/// An organisation made directly in the database, offering every service; its id.
pub async fn another_organisation(app: &TestApp, name: &str) -> i64 {
    let mut conn = app.state.db.acquire().await.unwrap();
    let all = app::states::Service::ALL;
    app::domain::organisation::create(&mut conn, name, &all, app::domain::store::now()).await.unwrap()
}

/// A session for an account made directly in the database with `role` in `organisation_id`.
pub async fn member_session(app: &TestApp, email: &str, organisation_id: i64, role: &str) -> String {
    use app::domain::identity::session;
    use app::domain::{store, Ctx};
    use sqlx::Row;
    let now = store::now();
    let id: i64 = sqlx::query("INSERT INTO accounts (email, email_key, given_name, family_name, status, created_at) VALUES ($1, $1, 'Sam', 'Roy', 'active', $2) RETURNING id")
        .bind(email)
        .bind(now)
        .fetch_one(&app.state.db)
        .await
        .unwrap()
        .try_get("id")
        .unwrap();
    // Made directly, the account accepts the terms as its setup would have.
    sqlx::query("INSERT INTO terms_acceptances (account_id, version, accepted_at) VALUES ($1, 1, $2)")
        .bind(id)
        .bind(now)
        .execute(&app.state.db)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO memberships (account_id, organisation_id, role, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(organisation_id)
    .bind(role)
    .bind(now)
    .execute(&app.state.db)
    .await
    .unwrap();
    let bundle = app::states::Role::parse(role).expect("a known role").bundle();
    let mut conn = app.state.db.acquire().await.unwrap();
    app::domain::organisation::staff_service::grant(&mut conn, id, organisation_id, bundle, now)
        .await
        .unwrap();
    drop(conn);
    format!("portail={}", session::start(&app.state.db, &Ctx::system(&app.state.db, now), id).await.unwrap())
}
