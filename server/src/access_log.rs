//! One line per request at info (`portail::access`): its reference, method, route, status,
//! duration and the signed-in account. The route is the path with every value left out (ids,
//! tokens, file names) and never the query: links carry tokens, and a log is read by more people
//! than a database. With `LOG_FORMAT=json` each line is one JSON object (`main.rs`).
use app::api::context::LoggedAccount;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

pub async fn log_requests(mut request: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let method = request.method().to_string();
    let route = route_of(request.uri().path());
    let account = LoggedAccount::default();
    request.extensions_mut().insert(account.clone());
    let response = next.run(request).await;
    let request_id = response.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
    tracing::info!(
        target: "portail::access",
        request_id,
        method,
        route,
        status = response.status().as_u16(),
        duration_ms = started.elapsed().as_secs_f64() * 1000.0,
        account = account.account_id(),
        "request"
    );
    response
}

/// `/staff/patients/42` → `/staff/patients/:id`, `/invitation/Xy3…` → `/invitation/:value`: only
/// the words of the route stay, and a word is shorter than any token.
pub fn route_of(path: &str) -> String {
    let segments: Vec<&str> = path
        .split('/')
        .skip(1)
        .map(|segment| {
            if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
                ":id"
            } else if segment.len() < app::domain::secret::SHORTEST_TOKEN
                && segment.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'_')
            {
                segment
            } else {
                ":value"
            }
        })
        .collect();
    format!("/{}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::route_of;

    #[test]
    fn routes_keep_their_words_and_lose_their_values() {
        assert_eq!(route_of("/"), "/");
        assert_eq!(route_of("/staff/patients/42"), "/staff/patients/:id");
        assert_eq!(route_of("/invitation/q8ZbW1vN5kHhC2xYt7pLmA"), "/invitation/:value");
        assert_eq!(route_of("/setup/abcdefghijklmnopqrstuvwxyzabcdef"), "/setup/:value");
        assert_eq!(route_of("/api/sign_in"), "/api/sign_in");
        assert_eq!(route_of("/pkg/portail.q8ZbW1vN5kHhC2xYt7pLmA.wasm"), "/pkg/:value");
        assert_eq!(route_of("/join/confirm/a-b"), "/join/confirm/a-b");
        assert_eq!(route_of("/email-change/report/Q"), "/email-change/report/:value");
    }
}
