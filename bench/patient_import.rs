//! Inviting many patients from one file (issue #31): a CSV export of 5,000 patients sent, read and
//! judged (the preview), its first page shown, confirmed and invited by the background worker
//! (patients, care-team follows, invitations, 5,000 mails in the outbox), the codes listed and
//! downloaded; the same file sent again (5,000 "already a patient" found); a FHIR Bundle of the
//! same size read. The reference, in the same run: patients invited one at a time through the
//! one-patient form's server function, per patient.
//!
//!     cargo run --release -p server --example patient_import [rows] [reference]   # SQLite file
//!     scripts/with-postgres.sh cargo run --release -p server --example patient_import
#[path = "../server/tests/it/common/mod.rs"]
#[allow(dead_code)]
mod common;

use app::domain::organisation::patient_import;
use app::domain::{store, Ctx};
use common::*;
use reqwest::StatusCode;
use std::time::Instant;

fn csv(rows: usize, tag: &str) -> Vec<u8> {
    let mut text = String::from("No dossier;Prénom;Nom;Date de naissance;Courriel;Cellulaire;Langue\r\n");
    for i in 0..rows {
        text.push_str(&format!(
            "{i};Prénom{i};Nom{i};{}-0{}-1{};patient.{tag}.{i}@example.org;514 555-{:04};{}\r\n",
            1940 + i % 80,
            1 + i % 9,
            i % 9,
            i % 10_000,
            if i % 3 == 0 { "anglais" } else { "français" }
        ));
    }
    encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
}

fn fhir(rows: usize) -> Vec<u8> {
    let entries: Vec<serde_json::Value> = (0..rows)
        .map(|i| {
            serde_json::json!({"resource": {"resourceType": "Patient",
                "name": [{"use": "official", "family": format!("Nom{i}"), "given": [format!("Prénom{i}")]}],
                "birthDate": "1980-02-29",
                "telecom": [{"system": "email", "value": format!("fhir.{i}@example.org")},
                            {"system": "phone", "use": "mobile", "value": "514 555-0101"}],
                "communication": [{"language": {"coding": [{"code": "fr-CA"}]}, "preferred": true}]}})
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": entries}))
        .unwrap()
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let rows: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5_000);
    let reference: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(500);
    let database = if std::env::var("TEST_DATABASE_URL").is_ok() { "PostgreSQL" } else { "SQLite" };
    let app = spawn().await;
    let (staff, _) = app.activated_admin("admin@example.org").await;
    let latest = || async { app.count("SELECT MAX(id) FROM patient_imports").await.to_string() };

    let file = csv(rows, "a");
    let started = Instant::now();
    let sent = app.send_patient_list("export.csv", &file, &staff, true).await;
    assert_eq!(sent.status(), StatusCode::OK, "{}", sent.text().await.unwrap());
    let upload = ms(started);
    let id = latest().await;
    let started = Instant::now();
    let view: serde_json::Value =
        app.call("patient_import", &[("id", &id)], Some(&staff)).await.json().await.unwrap();
    let preview = ms(started);
    assert_eq!(view["to_invite"].as_u64(), Some(rows as u64), "{view}");

    let started = Instant::now();
    assert_eq!(
        app.call("confirm_patient_import", &[("id", &id)], Some(&staff)).await.status(),
        StatusCode::OK
    );
    let invited =
        patient_import::work(&Ctx::system(&app.state.db, store::now()).linking_to(&app.base)).await.unwrap();
    let inviting = ms(started);
    assert_eq!(invited, rows);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE template = 'invitation'").await, rows as i64);

    let started = Instant::now();
    let codes: serde_json::Value =
        app.call("patient_import_codes", &[("id", &id)], Some(&staff)).await.json().await.unwrap();
    let listing = ms(started);
    assert_eq!(codes.as_array().unwrap().len(), rows);
    let started = Instant::now();
    let download = app.get(&format!("/staff/patients/import/{id}/codes.csv"), Some(&staff)).await;
    let csv_bytes = download.bytes().await.unwrap().len();
    let downloading = ms(started);

    let started = Instant::now();
    app.send_patient_list("again.csv", &file, &staff, true).await;
    let again = ms(started);
    let view: serde_json::Value =
        app.call("patient_import", &[("id", &latest().await)], Some(&staff)).await.json().await.unwrap();
    assert_eq!(view["already"].as_u64(), Some(rows as u64));

    let bundle = fhir(rows);
    let started = Instant::now();
    app.send_patient_list("bundle.json", &bundle, &staff, true).await;
    let reading_fhir = ms(started);

    let started = Instant::now();
    for i in 0..reference {
        let email = format!("one.at.a.time.{i}@example.org");
        let response = app.call("invite_patient", &invite_form(&email, "fr"), Some(&staff)).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let one_by_one = ms(started);

    let per = |total: f64, n: usize| total / n as f64;
    println!("{database}, {rows} rows ({} KB CSV, {} KB FHIR):", file.len() / 1024, bundle.len() / 1024);
    println!("  send + read + judge (CSV)     {upload:>9.0} ms  ({:.3} ms a row)", per(upload, rows));
    println!("  the same file again (all known){again:>8.0} ms");
    println!("  send + read + judge (FHIR)    {reading_fhir:>9.0} ms");
    println!("  preview, first page           {preview:>9.1} ms");
    println!("  confirm + invite all          {inviting:>9.0} ms  ({:.2} ms a patient)", per(inviting, rows));
    println!("  list of codes (unsealed)      {listing:>9.0} ms");
    println!("  codes as CSV ({} KB)          {downloading:>9.0} ms", csv_bytes / 1024);
    println!(
        "  reference: {reference} invited one at a time {one_by_one:>6.0} ms  ({:.2} ms a patient)",
        per(one_by_one, reference)
    );
}
