//! The outbox: mail waits in the database until delivered; a failed delivery is kept and retried
//! later; two workers never take the same message.
use crate::common::*;
use app::domain::{notification, store};

#[tokio::test]
async fn a_failed_delivery_is_kept_for_a_later_retry() {
    let app = spawn().await;
    app.bootstrap("marie.tremblay@example.org").await;
    // Nothing listens on port 9 of this machine: the SMTP connection is refused.
    let sender =
        server::mail::SmtpSender::new("smtp://127.0.0.1:9", "Portail <no-reply@example.org>").unwrap();
    assert_eq!(server::mail::deliver_due(&app.state.db, &sender).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts = 1 AND last_error IS NOT NULL").await, 1);
    let next = app.count("SELECT next_attempt_at FROM outbox").await;
    assert!(next >= store::now() + 25, "retried after a backoff, not at once");
    // Not due yet: a second pass leaves it alone.
    assert_eq!(server::mail::deliver_due(&app.state.db, &sender).await, 0);
    assert_eq!(app.count("SELECT attempts FROM outbox").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE body <> ''").await, 1, "kept for the retry");
}

/// A mail that can never go — an address the mailer refuses — is marked failed at once instead of
/// being tried twelve times over five hours; one that may pass later is kept.
#[tokio::test]
async fn a_mail_that_can_never_go_fails_at_once() {
    let app = spawn().await;
    let now = store::now();
    let mail = notification::Mail { template: "test", subject: "s".into(), body: "b".into() };
    notification::enqueue(&app.state.db, "lea@@example.org", &mail, now).await.unwrap();
    let sender =
        server::mail::SmtpSender::new("smtp://127.0.0.1:9", "Portail <no-reply@example.org>").unwrap();
    assert_eq!(server::mail::deliver_due(&app.state.db, &sender).await, 0);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND attempts = 1 AND last_error IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE body <> ''").await,
        0,
        "its links do not outlive it"
    );
}

#[tokio::test]
async fn two_workers_never_claim_the_same_message() {
    let app = spawn().await;
    let now = store::now();
    for i in 0..40 {
        let mail = notification::Mail { template: "test", subject: format!("s{i}"), body: "b".into() };
        notification::enqueue(&app.state.db, "x@example.org", &mail, now).await.unwrap();
    }
    // Each worker claims until nothing is left unclaimed. A claim can come back empty when the
    // other worker took the same row first (PostgreSQL re-checks the row it waited for); the
    // worker then simply tries again, as the real one does at its next tick.
    let claim_all = |db: store::Db| async move {
        let mut ids = Vec::new();
        loop {
            match notification::claim_due(&db, now).await.unwrap() {
                Some(mail) => ids.push(mail.id),
                None => {
                    let unclaimed: i64 =
                        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE claimed_until IS NULL")
                            .fetch_one(&db)
                            .await
                            .unwrap();
                    if unclaimed == 0 {
                        break;
                    }
                }
            }
            // Sending takes a moment, as it does for a real worker; meanwhile the other one claims.
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        ids
    };
    let (a, b) = tokio::join!(claim_all(app.state.db.clone()), claim_all(app.state.db.clone()));
    let mut all: Vec<i64> = a.iter().chain(b.iter()).copied().collect();
    all.sort();
    all.dedup();
    assert!(!a.is_empty() && !b.is_empty(), "both workers claimed some: {} and {}", a.len(), b.len());
    assert_eq!(a.len() + b.len(), 40, "every message claimed once");
    let expected: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM outbox ORDER BY id").fetch_all(&app.state.db).await.unwrap();
    assert_eq!(all, expected, "no message claimed twice, none left out");
}

/// The mail server down, then back: an invitation waits in the outbox, then reaches MailDev (a
/// real SMTP server, from `end2end/node_modules`, as `make test` installs it) exactly once.
#[tokio::test]
async fn mail_sent_while_the_mail_server_is_down_goes_out_once_when_it_returns() {
    let (smtp, web) = (free_port(), free_port());
    let app = spawn().await;
    let (staff, _) = app.activated_admin("marie.tremblay@example.org").await;
    sqlx::query("DELETE FROM outbox").execute(&app.state.db).await.unwrap();
    invite(&app, &staff, PATIENT).await;
    let sender =
        server::mail::SmtpSender::new(&format!("smtp://127.0.0.1:{smtp}"), "Portail <no-reply@example.org>")
            .unwrap();

    // Down: refused, kept, backed off.
    assert_eq!(server::mail::deliver_due(&app.state.db, &sender).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts = 1").await, 1);

    // Back up. (The 30 s back-off is pinned in boundaries.rs; here the row is made due at once.)
    let _maildev = maildev(smtp, web).await;
    let inbox = format!("http://127.0.0.1:{web}/email");
    sqlx::query("UPDATE outbox SET next_attempt_at = 0").execute(&app.state.db).await.unwrap();
    let sent = server::mail::deliver_due(&app.state.db, &sender).await;
    let again = server::mail::deliver_due(&app.state.db, &sender).await;
    let received: serde_json::Value = app.client.get(&inbox).send().await.unwrap().json().await.unwrap();
    assert_eq!((sent, again), (1, 0), "delivered once, not again");
    let to_lea: Vec<_> =
        received.as_array().unwrap().iter().filter(|m| m["to"][0]["address"] == PATIENT).collect();
    assert_eq!(to_lea.len(), 1, "MailDev received the invitation exactly once");
    let (subject, _) = mail(&app, PATIENT, "invitation").await;
    assert_eq!(to_lea[0]["subject"], subject);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND attempts = 2").await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND body = '' AND subject <> ''").await,
        1,
        "once sent, the link no longer sits in the database; the subject stays for support"
    );
}

/// An SMTP relay that refuses every recipient for good (`550 5.1.1`), as a hospital's relay does
/// for a mailbox that does not exist; MailDev takes every address, so this one speaks the few
/// SMTP commands lettre sends.
async fn refusing_relay() -> u16 {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = tokio::io::BufReader::new(read).lines();
                write.write_all(b"220 relay.example.org ESMTP\r\n").await?;
                while let Some(line) = lines.next_line().await? {
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 relay.example.org\r\n",
                        "MAIL" | "RSET" | "NOOP" => b"250 2.1.0 OK\r\n",
                        "RCPT" => b"550 5.1.1 No such user here\r\n",
                        "QUIT" => b"221 2.0.0 Bye\r\n",
                        _ => b"502 5.5.2 Not implemented\r\n",
                    };
                    write.write_all(reply).await?;
                    if verb == "QUIT" {
                        break;
                    }
                }
                Ok::<_, std::io::Error>(())
            });
        }
    });
    port
}

/// A mailbox that does not exist: the relay's 550 fails the invitation's mail at once (no
/// retries), the patient's file says so where the professional waits, and the address corrected
/// with the patient gets a new invitation; an address the mailer would refuse is refused with the
/// field named and the typed text kept.
#[tokio::test]
async fn an_invitation_the_relay_refuses_shows_on_the_file_and_goes_to_the_corrected_address() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    admin.ok("invite_patient", &invite_form("lea.tremblai@example.org", "fr")).await;
    let patient = app.number("SELECT id FROM patients WHERE email = $1", "lea.tremblai@example.org").await;
    let patient = patient.to_string();
    let relay = format!("smtp://127.0.0.1:{}", refusing_relay().await);
    let sender = server::mail::SmtpSender::new(&relay, "Portail <no-reply@example.org>").unwrap();
    let file = admin.ok("patient_file", &[("patient_id", &patient)]).await;
    assert_eq!(file["invitations"][0]["undelivered"], false, "not tried yet");

    server::mail::deliver_due(&app.state.db, &sender).await;
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM outbox WHERE recipient = 'lea.tremblai@example.org' AND status = 'failed'
             AND attempts = 1 AND invitation_id IS NOT NULL AND last_error LIKE '%No such user%'"
        )
        .await,
        1,
        "failed at the first refusal, not retried for five hours"
    );
    let file = admin.ok("patient_file", &[("patient_id", &patient)]).await;
    assert_eq!(file["invitations"][0]["undelivered"], true);
    let (_, html) = admin.page(&format!("/staff/patients/{patient}")).await;
    assert!(html.contains("n'a pas pu être livré"), "the file says it in the staff's language");
    assert!(html.contains(r#"value="lea.tremblai@example.org""#), "the address to correct, filled in");

    // A mistyped correction: refused, named, kept; nothing sent, nothing changed.
    let refused =
        admin.call("reissue_invitation", &[("patient_id", &patient), ("email", "lea.tremblay@")]).await;
    assert_eq!(refused.status(), reqwest::StatusCode::BAD_REQUEST);
    let body = refused.text().await.unwrap();
    assert!(body.contains("\"field\":\"email\"") && body.contains("lea.tremblay@"), "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM invitations").await, 1);

    let again = admin
        .ok("reissue_invitation", &[("patient_id", &patient), ("email", " lea.tremblay@example.org ")])
        .await;
    assert!(again["code"].as_str().is_some());
    assert_eq!(
        app.text(&format!("SELECT email FROM patients WHERE id = {patient}")).await,
        "lea.tremblay@example.org"
    );
    let found = |search: &'static str| {
        let admin = &admin;
        async move { admin.ok("list_patients", &[("search", search)]).await["total"].as_i64() }
    };
    assert_eq!(found("lea.tremblay@example").await, Some(1), "found by the corrected address");
    assert_eq!(found("tremblai").await, Some(0), "no longer by the mistyped one");
    assert_eq!(app.count(WORD_COUNTS_OFF).await, 0, "each word's count follows the correction");
    assert_eq!(app.count("SELECT patients FROM patient_search_word_counts WHERE word = 'tremblai'").await, 0);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM outbox m JOIN invitations i ON i.id = m.invitation_id
             WHERE m.recipient = 'lea.tremblay@example.org' AND m.status = 'pending' AND i.status = 'pending'"
        )
        .await,
        1,
        "the new invitation goes to the corrected address"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'patient.email_corrected'").await,
        1
    );
    let file = admin.ok("patient_file", &[("patient_id", &patient)]).await;
    assert_eq!(file["invitations"][0]["undelivered"], false, "the new one is on its way");
    assert_eq!(file["invitations"][1]["undelivered"], true, "the refused one stays in the history");
}
