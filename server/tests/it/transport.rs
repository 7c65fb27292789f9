//! TLS to PostgreSQL and to the SMTP relay (#29). Under `make integration-postgres` the throw-away server has a
//! certificate for 127.0.0.1 signed by a throw-away authority (`scripts/with-postgres.sh`):
//! `sslmode=verify-full` with that authority connects over TLS, with another authority it is
//! refused. (Over SQLite there is no server to reach: the test says so and checks nothing.)
use crate::common::*;
use app::domain::{notification, store};
use std::process::Command;

async fn over_tls(db: &store::Db) -> bool {
    sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn postgres_over_tls_checks_the_servers_certificate() {
    let (Ok(url), Ok(ca), Ok(other_ca)) =
        (std::env::var("TEST_DATABASE_URL"), std::env::var("TEST_PG_CA"), std::env::var("TEST_PG_OTHER_CA"))
    else {
        eprintln!("no PostgreSQL with TLS here (run under scripts/with-postgres.sh)");
        return;
    };
    let verified = store::connect(&format!("{url}?sslmode=verify-full&sslrootcert={ca}")).await.unwrap();
    assert!(over_tls(&verified).await, "verify-full with our authority");
    let required = store::connect(&format!("{url}?sslmode=require")).await.unwrap();
    assert!(over_tls(&required).await, "require: encrypted");
    let clear = store::connect(&format!("{url}?sslmode=disable")).await.unwrap();
    assert!(!over_tls(&clear).await, "disable: the check sees the difference");
    let refused = store::connect(&format!("{url}?sslmode=verify-full&sslrootcert={other_ca}")).await;
    assert!(refused.is_err(), "a certificate our authority did not sign is refused");
}

/// A throw-away authority and a certificate for 127.0.0.1 it signed, plus an authority that signed
/// nothing (made with the `openssl` command, which `scripts/setup.sh` installs).
fn authorities(dir: &std::path::Path) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).current_dir(dir).output().expect("openssl");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let self_signed = |name: &str, file: &str| {
        run(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            &format!("/CN={name}"),
            "-keyout",
            &format!("{file}.key"),
            "-out",
            &format!("{file}.pem"),
        ])
    };
    self_signed("Relay test CA", "ca");
    self_signed("Another CA", "other-ca");
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "relay.key",
        "-out",
        "relay.csr",
    ]);
    std::fs::write(dir.join("san.ext"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n").unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "relay.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "relay.pem",
    ]);
}

/// A relay whose certificate a private authority signed (a hospital's own): trusted once its
/// authority is given (`--smtp-ca-file`), refused with none or another one — the mail then waits
/// in the outbox for a retry, it is not lost.
#[tokio::test]
async fn an_smtp_relay_signed_by_a_private_authority_is_trusted_by_file() {
    let dir = tempfile::tempdir().unwrap();
    authorities(dir.path());
    let (smtp, web) = (free_port(), free_port());
    // MailDev exits when a client aborts the handshake (its smtp-server rethrows the TLS alert),
    // so each refused attempt gets a fresh relay.
    let relay = || async {
        let maildev =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end/node_modules/.bin/maildev");
        let running = Running(
            Command::new(&maildev)
                .args([
                    "--smtp",
                    &smtp.to_string(),
                    "--web",
                    &web.to_string(),
                    "--ip",
                    "127.0.0.1",
                    "--silent",
                ])
                .args(["--incoming-secure", "--incoming-cert"])
                .arg(dir.path().join("relay.pem"))
                .arg("--incoming-key")
                .arg(dir.path().join("relay.key"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("{}: {e} (run `make setup-test`)", maildev.display())),
        );
        let started = std::time::Instant::now();
        // Ready when its web side answers (a bare TCP probe of the SMTP side would crash it).
        while !reqwest::get(format!("http://127.0.0.1:{web}/email"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            assert!(started.elapsed() < std::time::Duration::from_secs(30), "MailDev starts");
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        running
    };
    let inbox = format!("http://127.0.0.1:{web}/email");
    let app = spawn().await;
    let mail = notification::Mail { template: "test", subject: "Relais privé".into(), body: "b".into() };
    notification::enqueue(&app.state.db, "lea@example.org", &mail, store::now()).await.unwrap();
    let url = format!("smtps://127.0.0.1:{smtp}");
    let from = "Portail <no-reply@example.org>";
    let pem = |file: &str| std::fs::read(dir.path().join(file)).unwrap();
    let due_again = || async {
        sqlx::query("UPDATE outbox SET next_attempt_at = 0").execute(&app.state.db).await.unwrap()
    };

    let public_roots_only = server::mail::SmtpSender::new(&url, from).unwrap();
    let first = relay().await;
    assert_eq!(server::mail::deliver_due(&app.state.db, &public_roots_only).await, 0, "unknown authority");
    due_again().await;
    drop(first);
    let second = relay().await;
    let other = server::mail::SmtpSender::trusting(&url, from, Some(&pem("other-ca.pem"))).unwrap();
    assert_eq!(
        server::mail::deliver_due(&app.state.db, &other).await,
        0,
        "an authority that did not sign it"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts = 2 AND body <> ''")
            .await,
        1,
        "refused by TLS: kept for a retry"
    );
    due_again().await;
    drop(second);
    let _third = relay().await;
    let trusting = server::mail::SmtpSender::trusting(&url, from, Some(&pem("ca.pem"))).unwrap();
    let sent = server::mail::deliver_due(&app.state.db, &trusting).await;
    let why: Option<String> =
        sqlx::query_scalar("SELECT last_error FROM outbox").fetch_one(&app.state.db).await.unwrap();
    assert_eq!(sent, 1, "{why:?}");
    let received: serde_json::Value = app.client.get(&inbox).send().await.unwrap().json().await.unwrap();
    assert_eq!(received[0]["subject"], "Relais privé");
    assert_eq!(received[0]["to"][0]["address"], "lea@example.org");

    // A CA file with a clear connection, or a file that holds no certificate, stops the start.
    let clear =
        server::mail::SmtpSender::trusting(&format!("smtp://127.0.0.1:{smtp}"), from, Some(&pem("ca.pem")));
    assert!(clear.err().unwrap().to_string().contains("smtps://"));
    assert!(server::mail::SmtpSender::trusting(&url, from, Some(b"not a certificate")).is_err());
}
