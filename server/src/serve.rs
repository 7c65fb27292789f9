//! Serving HTTP with time limits a slow client cannot stretch (axum's own `serve` sets no timer):
//! a request's headers must arrive within `Limits::headers`, and each piece of its body within
//! `Limits::body_gap` of the last (`routes.rs` adds the whole-request limits). The numbers are
//! chosen for a phone on 3G, about 0.5 Mbit/s up: headers are a few KiB, a 64 KiB chunk of a file
//! takes about a second, and the largest form — five files of 10 MB — about 14 minutes.
use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::time::Duration;
use tower::ServiceExt;

/// How long a client may take.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// To send a request's headers, from the connection's start or the previous response.
    pub headers: Duration,
    /// Between two pieces of a request's body.
    pub body_gap: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self { headers: Duration::from_secs(10), body_gap: Duration::from_secs(30) }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets the requests in flight
/// finish (the caller decides how long to wait for them).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    tokio::task::spawn_blocking(crate::locales::prepare);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut builder = Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(limits.headers);
    builder.http2().timer(TokioTimer::new());
    loop {
        let (tcp, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, most likely: wait instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Small responses leave at once instead of waiting for the client's delayed ACK (Nagle).
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "TCP_NODELAY not set");
        }
        let service =
            router.clone().map_request(move |mut request: axum::extract::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(remote));
                request.map(|body| {
                    axum::body::Body::new(tower_http::timeout::TimeoutBody::new(limits.body_gap, body))
                })
            });
        let connection = builder.serve_connection_with_upgrades(
            TokioIo::new(tcp),
            hyper_util::service::TowerToHyperService::new(service),
        );
        let connection = graceful.watch(connection.into_owned());
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
}
