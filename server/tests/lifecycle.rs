//! The server as its service manager runs it: started from its binary, stopped with SIGTERM.
use std::process::Command;
use std::time::{Duration, Instant};

#[tokio::test]
async fn sigterm_finishes_what_is_in_flight_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_portail"))
        .arg("serve")
        .env("DATABASE_URL", format!("sqlite://{}/portail.db", dir.path().display()))
        .env("PUBLIC_URL", format!("http://127.0.0.1:{port}"))
        .env("LISTEN", format!("127.0.0.1:{port}"))
        .env("MAIL_TRANSPORT", "dev")
        .env("RUST_LOG", "info")
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let ready = format!("http://127.0.0.1:{port}/readyz");
    let started = Instant::now();
    while !client.get(&ready).send().await.is_ok_and(|r| r.status().is_success()) {
        assert!(started.elapsed() < Duration::from_secs(30), "the server starts");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
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
    Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    let stopping = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
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
