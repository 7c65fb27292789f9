//! The server as its service manager runs it: started from its binary, stopped with SIGTERM,
//! killed with SIGKILL in the middle of a burst and started again.
use crate::common::*;
use std::process::Command;
use std::time::{Duration, Instant};

/// Starts `portail serve` over `database_url` on `port`, sending mail to the SMTP port `smtp` (or
/// keeping it, with the dev transport, when `None`), and waits until it is ready. Its log goes to
/// `log_path`; `settings` are more of its variables.
pub(crate) async fn serve_binary(
    database_url: &str,
    port: u16,
    smtp: Option<u16>,
    log_path: &std::path::Path,
    settings: &[(&str, &str)],
) -> Running {
    let log = std::fs::OpenOptions::new().create(true).append(true).open(log_path).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_portail"));
    command
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("PUBLIC_URL", format!("http://127.0.0.1:{port}"))
        .env("LISTEN", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "info")
        .envs(settings.iter().copied())
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    match smtp {
        Some(smtp) => {
            command.env("MAIL_TRANSPORT", "smtp").env("SMTP_URL", format!("smtp://127.0.0.1:{smtp}"))
        }
        None => command.env("MAIL_TRANSPORT", "dev"),
    };
    let server = Running(command.spawn().unwrap());
    let ready = format!("http://127.0.0.1:{port}/readyz");
    let started = std::time::Instant::now();
    while !reqwest::get(&ready).await.is_ok_and(|r| r.status().is_success()) {
        let log = std::fs::read_to_string(log_path).unwrap_or_default();
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "the server starts: {log}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    server
}

#[tokio::test]
async fn sigterm_finishes_what_is_in_flight_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let database_url = format!("sqlite://{}/portail.db", dir.path().display());
    let mut server = serve_binary(&database_url, port, None, &dir.path().join("server.log"), &[]).await;
    let client = reqwest::Client::new();
    // A sign-in in flight when the signal comes (its password check takes tens of milliseconds)
    // is still answered.
    let in_flight = tokio::spawn({
        let client = client.clone();
        async move {
            client
                .post(format!("http://127.0.0.1:{port}/api/sign_in"))
                .header("accept", "application/json")
                .header("origin", format!("http://127.0.0.1:{port}"))
                .form(&[("email", "nobody@example.org"), ("password", "not the password at all")])
                .send()
                .await
                .map(|r| r.status())
        }
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    Command::new("kill").args(["-TERM", &server.0.id().to_string()]).status().unwrap();
    let stopping = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(stopping.elapsed() < Duration::from_secs(12), "stopped within the 10 s grace");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "exit status {status}");
    assert_eq!(in_flight.await.unwrap().map(|s| s.as_u16()).ok(), Some(400), "answered: wrong password");
    let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap();
    assert!(log.contains("stopping"), "{log}");
}

/// `kill -9` in the middle of a burst of invitations and sign-ins: every invitation answered
/// before the kill is there after it, none is half done (a patient without an invitation, an
/// invitation without its mail), and on restart the outbox delivers every waiting mail once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_loses_nothing_committed_and_its_outbox_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let (port, smtp, web) = (free_port(), free_port(), free_port());
    let database_url = format!("sqlite://{}/portail.db", dir.path().display());
    let log = dir.path().join("server.log");
    let server = serve_binary(&database_url, port, None, &log, &[]).await;
    let app =
        std::sync::Arc::new(TestApp::for_server_at(&format!("http://127.0.0.1:{port}"), &database_url).await);
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;

    // The burst: 8 workers inviting patients one after another, 4 signing in, then SIGKILL.
    let mut burst = Vec::new();
    for worker in 0..12 {
        let (app, staff) = (app.clone(), staff.clone());
        burst.push(tokio::spawn(async move {
            let mut answered = Vec::new();
            for i in 0.. {
                if worker < 8 {
                    let email = format!("p{worker}-{i}@example.org");
                    match app
                        .client
                        .post(app.url("/api/invite_patient"))
                        .header("accept", "application/json")
                        .header("origin", &app.base)
                        .header("cookie", &staff)
                        .form(&invite_form(&email, "fr"))
                        .send()
                        .await
                    {
                        Ok(response) if response.status().is_success() => answered.push(email),
                        _ => break,
                    }
                } else {
                    let form = [("email", PATIENT), ("password", PASSWORD)];
                    if app
                        .client
                        .post(app.url("/api/sign_in"))
                        .header("accept", "application/json")
                        .header("origin", &app.base)
                        .form(&form)
                        .send()
                        .await
                        .is_err()
                    {
                        break;
                    }
                }
            }
            answered
        }));
    }
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    drop(server);
    let mut answered = Vec::new();
    for worker in burst {
        answered.extend(worker.await.unwrap());
    }
    assert!(answered.len() > 10, "the burst got going ({} invitations)", answered.len());

    // What the database holds after the kill.
    for email in &answered {
        assert_eq!(
            app.number("SELECT COUNT(*) FROM patients WHERE email = $1", email).await,
            1,
            "{email} kept"
        );
    }
    let patients = app.count("SELECT COUNT(*) FROM patients").await;
    let half_done = app
        .count(
            "SELECT COUNT(*) FROM patients p WHERE NOT EXISTS (SELECT 1 FROM invitations i WHERE i.patient_id = p.id)
                OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient = p.email AND o.template = 'invitation')",
        )
        .await;
    assert_eq!(half_done, 0, "no patient without an invitation and its mail");
    let waiting = app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").await;
    assert!(waiting as usize >= answered.len(), "the mails wait in the outbox");

    // Restarted with a mail server: every waiting mail goes out, once.
    let _mailer = maildev(smtp, web).await;
    let inbox = format!("http://127.0.0.1:{web}/email");
    let _server = serve_binary(&database_url, port, Some(smtp), &log, &[]).await;
    let started = Instant::now();
    while app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").await > 0 {
        assert!(started.elapsed() < Duration::from_secs(60), "the outbox drains after the restart");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let received: serde_json::Value = app.client.get(&inbox).send().await.unwrap().json().await.unwrap();
    assert_eq!(received.as_array().unwrap().len() as i64, waiting, "each waiting mail delivered once");
    assert_eq!(app.count("SELECT COUNT(*) FROM patients").await, patients);
}

/// A public portal that would serve people unsafely does not start (#33): it says what to change
/// and exits non-zero, before it creates anything (no key file beside the database, no database).
#[tokio::test]
async fn a_public_portal_refuses_to_start_with_what_would_serve_people_unsafely() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite://{}/portail.db", dir.path().display());
    let refused = Command::new(env!("CARGO_BIN_EXE_portail"))
        .arg("serve")
        .env("DATABASE_URL", &database_url)
        .env("PUBLIC_URL", "https://portail.example.org")
        .env("LISTEN", format!("127.0.0.1:{}", free_port()))
        .env("SMTP_URL", "smtp://relay.example.org")
        .env("METRICS_TOKEN", "too-short")
        .env_remove("SECRET_KEY_FILE")
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    for what in ["refusing to serve", "SECRET_KEY_FILE", "in clear to relay.example.org", "METRICS_TOKEN"] {
        assert!(said.contains(what), "{what}: {said}");
    }
    assert!(!dir.path().join("portail.key").exists(), "no key file made");
    assert!(!dir.path().join("portail.db").exists(), "no database made");

    // A secret named as a file that is not there stops it too, naming the variable.
    let missing = Command::new(env!("CARGO_BIN_EXE_portail"))
        .arg("serve")
        .env("DATABASE_URL", &database_url)
        .env("MAIL_TRANSPORT", "dev")
        .env("METRICS_TOKEN_FILE", dir.path().join("no-such-file"))
        .env_remove("METRICS_TOKEN")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("METRICS_TOKEN_FILE"));
}
