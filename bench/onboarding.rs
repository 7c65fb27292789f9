//! Latency of an invitation redemption (code check + account creation) and of a two-step sign-in
//! (password + emailed code), measured over HTTP against the real router and database.
//!
//!     cargo run --release -p server --example onboarding            # SQLite file
//!     scripts/with-postgres.sh cargo run --release -p server --example onboarding   # PostgreSQL
//!
//! Requests are sequential: this measures one person's wait, not throughput.
#[path = "../server/tests/it/common/mod.rs"]
#[allow(dead_code)]
mod common;

use common::*;
use reqwest::StatusCode;
use std::time::{Duration, Instant};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(50);
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let (mut redemptions, mut sign_ins) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let email = format!("patient{i}@example.org");
        let (code, token) = invite(&app, &staff, &email).await;

        let started = Instant::now();
        let right = app.call("check_invitation_code", &[("token", &token), ("code", &code)], None).await;
        let pass = cookie_named(&right, "portail-invitation").expect("code accepted");
        let created = app
            .call(
                "create_patient_account",
                &[
                    ("token", &token),
                    ("password", PASSWORD),
                    ("password_confirmation", PASSWORD),
                    ("accept_terms", "on"),
                ],
                Some(&pass),
            )
            .await;
        assert_eq!(created.status(), StatusCode::OK);
        redemptions.push(started.elapsed());

        let started = Instant::now();
        let challenge = app.sign_in_password(&email, PASSWORD).await.expect("password accepted");
        let code = emailed_code(&app, &email).await;
        let signed_in = app.call("verify_sign_in", &[("code", &code)], Some(&challenge)).await;
        assert_eq!(signed_in.status(), StatusCode::OK);
        sign_ins.push(started.elapsed());
    }
    let database = if std::env::var("TEST_DATABASE_URL").is_ok() { "PostgreSQL" } else { "SQLite" };
    for (name, samples) in [("redemption", &mut redemptions), ("sign-in", &mut sign_ins)] {
        println!(
            "{database} {name}: n={} p50={:.1} ms p99={:.1} ms",
            samples.len(),
            percentile(samples, 0.50).as_secs_f64() * 1000.0,
            percentile(samples, 0.99).as_secs_f64() * 1000.0
        );
    }
}
