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

/// Sends SIGTERM as a service manager does and waits for a clean exit within the 10 s grace.
async fn stop(server: &mut Running) {
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
    stop(&mut server).await;
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

/// A rolling upgrade as docs/OPERATIONS.md describes it: two instances over one database (the
/// test's own, PostgreSQL in that run) and one key file, behind a balancer that sends a request to
/// the other instance when one refuses the connection. Each instance in turn is stopped with
/// SIGTERM, the database migrated by `portail migrate`, and the instance started again. Léa keeps
/// reading her account page the whole time: every request is answered 200 with her page, none
/// sends her back to sign in, and both instances served her.
#[tokio::test]
async fn a_rolling_restart_of_two_instances_loses_no_request_and_signs_nobody_out() {
    let (database_url, _database) = fresh_database_url().await;
    let folder = tempfile::tempdir().unwrap();
    let key = folder.path().join("portail.key");
    std::fs::write(&key, format!("# the instances' shared key\n{}\n", server::keys::new_line())).unwrap();
    let settings = [("SECRET_KEY_FILE", key.to_str().unwrap())];
    let ports = [free_port(), free_port()];
    let start = |i: usize| {
        let log = folder.path().join(format!("instance-{i}.log"));
        let database_url = database_url.clone();
        async move { serve_binary(&database_url, ports[i], None, &log, &settings).await }
    };
    let mut instances = [start(0).await, start(1).await];
    let app =
        TestApp::for_server_with_key(&format!("http://127.0.0.1:{}", ports[0]), &database_url, &key).await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    redeemed_patient(&app, &staff, PATIENT).await;
    let lea = app.sign_in(PATIENT, PASSWORD).await;

    let rolling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let balancer = tokio::spawn({
        let (rolling, lea) = (rolling.clone(), lea.clone());
        async move {
            let client =
                reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
            let mut answered: Vec<u16> = Vec::new();
            let mut turn = 0;
            while rolling.load(std::sync::atomic::Ordering::Relaxed) {
                turn += 1;
                // As nginx's `proxy_next_upstream error`: a refused connection goes to the other.
                let mut tried = Vec::new();
                for port in [ports[turn % 2], ports[(turn + 1) % 2]] {
                    let sent = client
                        .get(format!("http://127.0.0.1:{port}/account"))
                        .header("cookie", &lea)
                        .header("accept", "text/html")
                        .send()
                        .await;
                    match sent {
                        Ok(page) => {
                            let status = page.status().as_u16();
                            let html = page.text().await.unwrap_or_default();
                            assert!(status == 200 && html.contains(PATIENT), "{status} from {port}: {html}");
                            answered.push(port);
                            break;
                        }
                        Err(refused) => tried.push(format!("{port}: {refused}")),
                    }
                }
                assert!(tried.len() < 2, "no instance answered: {tried:?}");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            answered
        }
    });

    let migrate = || {
        let status = Command::new(env!("CARGO_BIN_EXE_portail"))
            .arg("migrate")
            .env("DATABASE_URL", &database_url)
            .env("SECRET_KEY_FILE", &key)
            .status()
            .unwrap();
        assert!(status.success(), "portail migrate: {status}");
    };
    for (i, instance) in instances.iter_mut().enumerate() {
        tokio::time::sleep(Duration::from_millis(400)).await;
        stop(instance).await;
        migrate();
        tokio::time::sleep(Duration::from_millis(200)).await;
        *instance = start(i).await;
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    rolling.store(false, std::sync::atomic::Ordering::Relaxed);
    let answered = balancer.await.expect("every request answered with Léa's page");
    for port in ports {
        let count = answered.iter().filter(|p| **p == port).count();
        assert!(count >= 5, "instance on {port} served {count} of {}", answered.len());
    }
}
