//! The server's log (#33): with `LOG_FORMAT=json` every request leaves one JSON line with its
//! reference, route, status, duration and account, and no code, token or password that went
//! through the requests appears anywhere in it, whatever was refused or accepted.
use crate::common::*;
use crate::lifecycle::serve_binary;

/// Whether `secret` appears in `log` as itself (a six-digit code inside a longer number, a
/// timestamp's microseconds say, is not it).
fn appears(log: &str, secret: &str) -> bool {
    log.match_indices(secret).any(|(at, _)| {
        let before = log[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
        let after = log[at + secret.len()..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        !(before || after)
    })
}

/// The server as it runs in production: the `portail` binary with `LOG_FORMAT=json`, its log
/// read from what it wrote.
#[tokio::test]
async fn every_request_is_one_json_line_and_no_secret_reaches_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (port, log_path) = (free_port(), dir.path().join("server.log"));
    let database_url = format!("sqlite://{}/portail.db", dir.path().display());
    let _server = serve_binary(&database_url, port, None, &log_path, &[("LOG_FORMAT", "json")]).await;
    let app = TestApp::for_server_at(&format!("http://127.0.0.1:{port}"), &database_url).await;
    let mut secrets: Vec<String> = vec![PASSWORD.to_string(), "pas-le-bon-mot-de-passe-42".to_string()];

    // An administrator's set-up link and code, then their authenticator.
    let link = app.bootstrap("admin@example.org").await;
    secrets.extend([link.token.clone(), link.code.clone()]);
    let admin = app.visitor();
    let totp_secret = admin.activate_with_code(&link.token, &link.code).await;
    secrets.push(totp_secret);
    secrets.push(admin.cookie("portail").unwrap());

    // A patient invited (the link's token, the code handed over), a wrong code, then the right one.
    let invited = admin.invite_patient(PATIENT, "fr").await;
    secrets.extend([invited.token.clone(), invited.code.clone()]);
    let lea = app.visitor();
    lea.call("check_invitation_code", &[("token", &invited.token), ("code", "A-000000")]).await;
    lea.redeem(&invited).await;
    secrets.push(lea.cookie("portail").unwrap());

    // A wrong password, then a sign-in with the mailed code.
    let phone = app.visitor();
    phone.call("sign_in", &[("email", PATIENT), ("password", "pas-le-bon-mot-de-passe-42")]).await;
    phone.ok("sign_in", &[("email", PATIENT), ("password", PASSWORD)]).await;
    secrets.push(phone.cookie("portail-challenge").unwrap());
    let code = emailed_code(&app, PATIENT).await;
    phone.ok("verify_sign_in", &[("code", &code)]).await;
    secrets.push(code);
    secrets.push(phone.cookie("portail").unwrap());

    // A new-password link, followed with a token that is not the right one and then the right one.
    phone.ok("request_password_reset", &[("email", PATIENT)]).await;
    await_mails(&app, PATIENT, "reset", 1).await;
    let reset = link_token(&latest_mail(&app, PATIENT).await.1, "/reset-password/");
    secrets.push(reset.clone());
    phone.get(&format!("/reset-password/{reset}")).await;
    phone.get(&format!("/invitation/{}?lang=en", invited.token)).await;
    phone.get("/account").await;

    let log = std::fs::read_to_string(&log_path).unwrap();
    for secret in &secrets {
        assert!(!appears(&log, secret), "the log shows a secret: {secret}");
    }

    let lines: Vec<serde_json::Value> =
        log.lines().map(|line| serde_json::from_str(line).expect("each line is one JSON object")).collect();
    let requests: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["target"] == "portail::access").collect();
    assert!(requests.len() >= 12, "{} request lines", requests.len());
    for request in &requests {
        assert_eq!(request["level"], "INFO");
        assert_eq!(request["request_id"].as_str().unwrap().len(), 12, "{request}");
        assert!(request["route"].as_str().unwrap().starts_with('/'), "{request}");
        assert!(
            request["status"].as_u64().is_some() && request["duration_ms"].as_f64().is_some(),
            "{request}"
        );
    }
    let routes: Vec<&str> = requests.iter().map(|r| r["route"].as_str().unwrap()).collect();
    assert!(
        routes.contains(&"/reset-password/:value") && routes.contains(&"/invitation/:value"),
        "{routes:?}"
    );
    let lea_id = app.number("SELECT id FROM accounts WHERE email = $1", PATIENT).await;
    let account_page = requests.iter().find(|r| r["route"] == "/account").expect("her account page");
    assert_eq!(account_page["account"], lea_id, "a signed-in request names its account");
    let code_refused = requests.iter().find(|r| r["route"] == "/api/check_invitation_code").unwrap();
    assert!(code_refused["status"].as_u64().unwrap() >= 400 && code_refused["account"].is_null());
}
