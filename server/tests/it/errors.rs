//! Every refusal answers the status its kind calls for, with the field it belongs to; only faults
//! answer 5xx. On SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
use crate::common::*;
use app::api::{ApiError, ErrorKind};
use reqwest::StatusCode;

#[tokio::test]
async fn refusals_have_the_status_of_their_kind() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let invited = admin.invite_patient(PATIENT, "fr").await;
    let patient = app.visitor();

    // A wrong invitation code: 400, tied to the code field, with what was typed kept.
    let wrong =
        patient.call("check_invitation_code", &[("token", &invited.token), ("code", "Z-000000")]).await;
    let wrong = refusal(wrong, StatusCode::BAD_REQUEST).await;
    assert_eq!((wrong.kind, wrong.key.as_str()), (ErrorKind::Invalid, "error-code-wrong"));
    assert_eq!(wrong.field.as_deref(), Some("code"));
    assert_eq!(wrong.kept("code"), Some("Z-000000"));

    // Signed out: 401.
    let anonymous = refusal(patient.call("list_patients", &[("search", "")]).await, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.await.kind, ErrorKind::Unauthenticated);

    // A record that does not exist, or another organisation's: 404, the same answer.
    let missing = admin.call("reissue_invitation", &[("patient_id", "999999")]).await;
    assert_eq!(refusal(missing, StatusCode::NOT_FOUND).await.key, "error-not-found");

    // A taken email: 409, tied to the email field, and nothing created.
    let form = [
        ("title", ""),
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", "MARIE.Tremblay@example.org"),
        ("language", "fr"),
    ];
    let taken = refusal(admin.call("add_professional", &form).await, StatusCode::CONFLICT).await;
    assert_eq!((taken.key.as_str(), taken.field.as_deref()), ("error-email-taken", Some("email")));
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts").await, 1, "nothing was created");

    // A form with its fields missing: 400 with a message on the first field to mend, not a fault.
    let empty = refusal(admin.call("invite_patient", &[]).await, StatusCode::BAD_REQUEST).await;
    assert_eq!((empty.key.as_str(), empty.field.as_deref()), ("error-email-invalid", Some("email")));
    // A request no form sends (a number that is not one): 400, a plain refusal.
    let broken =
        refusal(admin.call("reissue_invitation", &[("patient_id", "abc")]).await, StatusCode::BAD_REQUEST);
    assert_eq!(broken.await.key, "error-request-invalid");

    // A fault (the database lost a table): 500, and the message says nothing of the cause.
    sqlx::query("ALTER TABLE patients RENAME TO patients_gone").execute(&app.state.db).await.unwrap();
    let fault =
        refusal(admin.call("list_patients", &[("search", "")]).await, StatusCode::INTERNAL_SERVER_ERROR);
    let fault: ApiError = fault.await;
    assert_eq!((fault.kind, fault.key.as_str()), (ErrorKind::Internal, "error-unexpected"));
}

#[tokio::test]
async fn too_soon_answers_429_with_retry_after() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let invited = admin.invite_patient(PATIENT, "fr").await;
    app.visitor().redeem(&invited).await;
    let patient = app.visitor();
    patient.ok("sign_in", &[("email", PATIENT), ("password", PASSWORD)]).await;
    let early = patient.call("resend_code", &[("purpose", "sign_in")]).await;
    assert_eq!(early.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = early.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let error: ApiError = early.json().await.unwrap();
    assert_eq!(error.kind, ErrorKind::TooManyRequests { retry_after: wait });
}

#[tokio::test]
async fn a_form_posted_without_javascript_still_comes_back_to_its_page() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let invited = admin.invite_patient(PATIENT, "fr").await;
    let patient = app.visitor();
    let page = format!("/invitation/{}", invited.token);
    let posted =
        patient.submit("check_invitation_code", &[("token", &invited.token), ("code", "12")], &page).await;
    assert_eq!(posted.status(), StatusCode::FOUND, "the browser follows the redirect back");
    let back = location(&posted);
    assert!(back.starts_with(&app.url(&page)) && back.contains("__err="), "{back}");
    let (_, html) = patient.page(back.trim_start_matches(&app.base)).await;
    assert!(html.contains("id=\"code-error\""), "the message is shown next to the code field");
}

/// A handler that panics still answers: 500, a translated page (or the server functions' error
/// shape) with the reference the response's `x-request-id` carries; the connection is not dropped.
#[tokio::test]
async fn a_panic_answers_a_translated_500_with_its_reference() {
    use axum::routing::{get, post};
    let router = axum::Router::new()
        .route("/boom", get(|| async { panic!("a fault in a page") as &'static str }))
        .route("/api/boom", post(|| async { panic!("a fault in a server function") as &'static str }))
        .layer(axum::middleware::from_fn(server::panics::answer_panics));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let client = reqwest::Client::new();

    let page = client.get(format!("{base}/boom")).header("cookie", "lang=en").send().await.unwrap();
    assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let reference = page.headers()["x-request-id"].to_str().unwrap().to_string();
    let html = page.text().await.unwrap();
    assert!(html.contains("lang=\"en\"") && page_shows(&html, "en", "error-fault-title"), "{html}");
    assert!(shows(&html, &text_with("en", "error-reference", &[("reference", &reference)])), "{html}");

    let call =
        client.post(format!("{base}/api/boom")).header("accept", "application/json").send().await.unwrap();
    assert_eq!(call.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let reference = call.headers()["x-request-id"].to_str().unwrap().to_string();
    let error: serde_json::Value = call.json().await.unwrap();
    assert_eq!(error["key"], "error-unexpected");
    assert_eq!(error["args"][0], serde_json::json!(["reference", reference]));

    // The server goes on serving.
    let again = client.get(format!("{base}/boom")).send().await.unwrap();
    assert!(page_shows(&again.text().await.unwrap(), "fr", "error-fault-title"), "French by default");
}

/// A body over 64 KiB is refused before anything reads it: 413 with a translated message, whether
/// its length is declared (10 MB) or it streams in chunks; a form of normal size goes through.
#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let app = spawn().await;
    let huge = format!("email={}&password=x", "a".repeat(10 * 1024 * 1024));
    let post = |body: reqwest::Body| {
        app.client
            .post(app.url("/api/sign_in"))
            .header("accept", "application/json")
            .header("origin", &app.base)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    };
    let declared = post(huge.clone().into()).send().await.unwrap();
    assert_eq!(declared.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let error: ApiError = declared.json().await.unwrap();
    assert_eq!(error.key, "error-request-too-large");

    let chunks =
        futures::stream::iter((0..40).map(|_| Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b'a'; 4096]))));
    let streamed = post(reqwest::Body::wrap_stream(chunks)).send().await.unwrap();
    assert_eq!(streamed.status(), StatusCode::PAYLOAD_TOO_LARGE, "160 KiB in chunks");

    let normal =
        post(format!("email=lea@example.org&password={}", "x".repeat(60_000)).into()).send().await.unwrap();
    let normal = refusal(normal, StatusCode::BAD_REQUEST).await;
    assert_eq!(normal.key, "error-credentials", "a form under the limit is judged as usual");

    let page =
        app.client.post(app.url("/api/sign_in")).header("origin", &app.base).body(huge).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        page_shows(&page.text().await.unwrap(), "fr", "error-request-too-large"),
        "a page without JavaScript"
    );
}

/// A client that sends its headers or its body too slowly holds nothing for long: the headers
/// must come within `Limits::headers` (the connection is closed), the body without a pause longer
/// than `Limits::body_gap` (408 with a translated message). Short limits here; the defaults (10 s,
/// 30 s) are in `server/src/serve.rs`.
#[tokio::test]
async fn a_slow_client_is_cut_off() {
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (database_url, _dir) = fresh_database_url().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let base = format!("http://{address}");
    let state = server::prepare(&database_url, &base, true, test_keys()).await.unwrap();
    let router = server::routes::router(state, "target/site");
    let limits = server::serve::Limits { headers: Duration::from_secs(1), body_gap: Duration::from_secs(1) };
    tokio::spawn(server::serve::serve(listener, router, limits, std::future::pending()));
    let answer = |mut tcp: tokio::net::TcpStream| async move {
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut answer))
            .await
            .expect("the server ends the exchange")
            .ok();
        String::from_utf8_lossy(&answer).into_owned()
    };

    // Headers that never end: the connection is closed after a second.
    let mut slow_headers = tokio::net::TcpStream::connect(address).await.unwrap();
    slow_headers.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let started = std::time::Instant::now();
    let said = answer(slow_headers).await;
    assert!(started.elapsed() < Duration::from_secs(5), "closed after {:?}", started.elapsed());
    assert!(!said.contains("200 OK"), "{said}");

    // A body that stops halfway: 408, in the server functions' error shape.
    let mut slow_body = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /api/sign_in HTTP/1.1\r\nHost: {address}\r\nOrigin: {base}\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=lea"
    );
    slow_body.write_all(head.as_bytes()).await.unwrap();
    let said = answer(slow_body).await;
    assert!(said.starts_with("HTTP/1.1 408"), "{said}");
    assert!(said.contains("error-request-slow"), "{said}");
}
