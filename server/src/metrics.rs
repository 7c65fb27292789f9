//! `/metrics` in Prometheus text format: requests and their latency per kind of route, the
//! outbox, password checks waiting, the database pool. Readable from this machine, or with the
//! bearer token given by `--metrics-token`.
use crate::middleware::client_is_loopback;
use app::domain::identity::credential;
use app::domain::notification;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0];
const FAMILIES: [&str; 4] = ["public_page", "signed_in_page", "server_function", "static_file"];
const CLASSES: [&str; 4] = ["2xx", "3xx", "4xx", "5xx"];

/// Counters shared by every request of this process.
#[derive(Default)]
pub struct Metrics {
    requests: [[AtomicU64; 4]; 4],
    /// Per family: one count per bucket (not cumulative), then +Inf.
    latency: [[AtomicU64; BUCKETS.len() + 1]; 4],
    micros: [AtomicU64; 4],
}

fn family(path: &str) -> usize {
    if path.starts_with("/api/") {
        2
    } else if path.starts_with("/pkg/") || path.contains('.') {
        3
    } else if app::api::auth::is_private_page(path) {
        1
    } else {
        0
    }
}

/// Counts every request by kind of route and status class, and its time.
pub async fn measure(
    State(metrics): State<std::sync::Arc<Metrics>>,
    request: Request,
    next: Next,
) -> Response {
    let family = family(request.uri().path());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    let class = (response.status().as_u16() / 100).clamp(2, 5) as usize - 2;
    metrics.requests[family][class].fetch_add(1, Relaxed);
    let bucket = BUCKETS.iter().position(|le| seconds <= *le).unwrap_or(BUCKETS.len());
    metrics.latency[family][bucket].fetch_add(1, Relaxed);
    metrics.micros[family].fetch_add((seconds * 1e6) as u64, Relaxed);
    response
}

/// The `/metrics` answer: 404 to anyone not on this machine without the token (as if absent).
pub async fn show(
    State((state, metrics)): State<(AppState, std::sync::Arc<Metrics>)>,
    request: Request,
) -> Response {
    let bearer = request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    let token_ok = match (&state.config.metrics_token, bearer) {
        // Compared as hashes, so the time taken says nothing about how much of the token matched.
        (Some(token), Some(sent)) => sent.strip_prefix("Bearer ").is_some_and(|sent| {
            app::domain::secret::hash_token(sent) == app::domain::secret::hash_token(token)
        }),
        _ => false,
    };
    if !token_ok && !client_is_loopback(&request) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut out = String::new();
    out.push_str("# HELP portail_requests_total Requests answered, by kind of route and status class.\n");
    out.push_str("# TYPE portail_requests_total counter\n");
    for (f, family) in FAMILIES.iter().enumerate() {
        for (c, class) in CLASSES.iter().enumerate() {
            let n = metrics.requests[f][c].load(Relaxed);
            let _ = writeln!(out, "portail_requests_total{{family=\"{family}\",class=\"{class}\"}} {n}");
        }
    }
    out.push_str("# HELP portail_request_seconds Time to answer, by kind of route.\n");
    out.push_str("# TYPE portail_request_seconds histogram\n");
    for (f, family) in FAMILIES.iter().enumerate() {
        let mut cumulative = 0;
        for (b, le) in BUCKETS.iter().map(|le| le.to_string()).chain(["+Inf".to_string()]).enumerate() {
            cumulative += metrics.latency[f][b].load(Relaxed);
            let _ = writeln!(
                out,
                "portail_request_seconds_bucket{{family=\"{family}\",le=\"{le}\"}} {cumulative}"
            );
        }
        let sum = metrics.micros[f].load(Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "portail_request_seconds_sum{{family=\"{family}\"}} {sum}");
        let _ = writeln!(out, "portail_request_seconds_count{{family=\"{family}\"}} {cumulative}");
    }
    match notification::counts(&state.db).await {
        Ok((waiting, failed)) => {
            out.push_str("# HELP portail_outbox_mails Mails in the outbox not yet sent, and given up.\n");
            out.push_str("# TYPE portail_outbox_mails gauge\n");
            let _ = writeln!(out, "portail_outbox_mails{{status=\"waiting\"}} {waiting}");
            let _ = writeln!(out, "portail_outbox_mails{{status=\"failed\"}} {failed}");
        }
        Err(e) => tracing::warn!(error = %e, "metrics: outbox not counted"),
    }
    out.push_str("# HELP portail_password_checks_waiting Password hashes waiting for a free slot.\n");
    out.push_str("# TYPE portail_password_checks_waiting gauge\n");
    let _ = writeln!(out, "portail_password_checks_waiting {}", credential::hashes_waiting());
    out.push_str("# HELP portail_db_connections Database connections open, and of those idle.\n");
    out.push_str("# TYPE portail_db_connections gauge\n");
    let _ = writeln!(out, "portail_db_connections{{state=\"open\"}} {}", state.db.size());
    let _ = writeln!(out, "portail_db_connections{{state=\"idle\"}} {}", state.db.num_idle());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], out).into_response()
}
