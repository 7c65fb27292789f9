//! `/metrics` (issue #12): what operators read in Prometheus text format, and who may read it.
use crate::common::*;
use reqwest::StatusCode;

/// The value of one sample line (`name{labels} value`).
fn sample(text: &str, line_start: &str) -> f64 {
    let line =
        text.lines().find(|l| l.starts_with(line_start)).unwrap_or_else(|| panic!("{line_start} in\n{text}"));
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn metrics_count_requests_by_kind_and_show_the_outbox_and_the_pool() {
    let app = spawn().await;
    for _ in 0..3 {
        assert_eq!(app.get("/help", None).await.status(), StatusCode::OK);
    }
    app.get("/home", None).await; // signed out: 302 to sign-in
    app.call("me", &[], None).await;
    app.bootstrap("marie.tremblay@example.org").await; // one setup mail waiting in the outbox
    let answer = app.get("/metrics", None).await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(answer.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let text = answer.text().await.unwrap();
    assert_eq!(sample(&text, "portail_requests_total{family=\"public_page\",class=\"2xx\"}"), 3.0);
    assert_eq!(sample(&text, "portail_requests_total{family=\"signed_in_page\",class=\"3xx\"}"), 1.0);
    assert_eq!(sample(&text, "portail_requests_total{family=\"server_function\",class=\"2xx\"}"), 1.0);
    assert_eq!(sample(&text, "portail_request_seconds_count{family=\"public_page\"}"), 3.0);
    assert_eq!(sample(&text, "portail_request_seconds_bucket{family=\"public_page\",le=\"+Inf\"}"), 3.0);
    assert!(sample(&text, "portail_request_seconds_sum{family=\"public_page\"}") > 0.0);
    assert_eq!(sample(&text, "portail_outbox_mails{status=\"waiting\"}"), 1.0);
    assert_eq!(sample(&text, "portail_outbox_mails{status=\"failed\"}"), 0.0);
    assert_eq!(sample(&text, "portail_password_checks_waiting"), 0.0);
    assert!(sample(&text, "portail_db_connections{state=\"open\"}") >= 1.0);
}

#[tokio::test]
async fn metrics_are_for_this_machine_or_the_token_holder_only() {
    let app = spawn_with(|state| state.with_metrics_token(Some("a-long-metrics-token".into()))).await;
    let fetch = |headers: Vec<(&'static str, &'static str)>| {
        let mut request = app.client.get(app.url("/metrics"));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        async move { request.send().await.unwrap().status() }
    };
    assert_eq!(fetch(vec![]).await, StatusCode::OK, "this machine");
    // Through a proxy on this machine every caller would look local: relayed requests need the token.
    assert_eq!(fetch(vec![("x-forwarded-for", "203.0.113.5")]).await, StatusCode::NOT_FOUND);
    let relayed = ("x-forwarded-for", "203.0.113.5");
    assert_eq!(fetch(vec![relayed, ("authorization", "Bearer wrong")]).await, StatusCode::NOT_FOUND);
    assert_eq!(fetch(vec![relayed, ("authorization", "a-long-metrics-token")]).await, StatusCode::NOT_FOUND);
    assert_eq!(fetch(vec![relayed, ("authorization", "Bearer a-long-metrics-token")]).await, StatusCode::OK);
}
