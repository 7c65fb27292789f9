//! Many patients invited from one file: a CSV export or a FHIR Bundle read and judged row by
//! row, the preview, confirming, the background worker inviting through the outbox, the codes to
//! print or download; files that are not lists refused on their field; an import its sender's alone.
use crate::common::*;
use app::domain::organisation::patient_import;
use app::domain::{store, Ctx};
use reqwest::StatusCode;
use serde_json::Value;

/// An EMR export as Excel writes it in Québec: Windows-1252, semicolons, a column not ours.
fn emr_export() -> Vec<u8> {
    let text = "No dossier;Prénom;Nom;Date de naissance;Courriel;Cellulaire;Langue\r\n\
        101;Léa;Tremblay;1988-02-29;lea.tremblay@example.org;514 555-0101;Français\r\n\
        102;Émile;Côté;03/11/1975;emile.cote@example.org;;anglais\r\n\
        103;Zoé;Gagnon;2001-07-14;zoe.gagnon@example.org;438 555-0102;fr\r\n\
        104;Déjà;Patiente;1990-04-12;deja@example.org;;fr\r\n\
        105;Léa;Doublon;1988-02-29;LEA.TREMBLAY@example.org;;fr\r\n\
        106;Jean;Sansdate;31/02/1980;jean@example.org;;fr\r\n\
        107;Anne;Sanscourriel;1980-01-01;pas-une-adresse;;fr\r\n";
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

async fn latest_import(app: &TestApp) -> String {
    app.count("SELECT MAX(id) FROM patient_imports").await.to_string()
}

async fn worker_turn(app: &TestApp) -> usize {
    let ctx = Ctx::system(&app.state.db, store::now()).linking_to(&app.base);
    patient_import::work(&ctx).await.unwrap()
}

#[tokio::test]
async fn a_csv_export_is_previewed_then_invited_in_the_background_with_codes_to_hand_over() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let cookie = marie.session_cookie();
    invite(&app, &cookie, "deja@example.org").await;

    let sent = app.send_patient_list("export DME.csv", &emr_export(), &cookie, true).await;
    assert_eq!(sent.status(), StatusCode::OK, "{}", sent.text().await.unwrap());
    let id = latest_import(&app).await;
    let view = marie.ok("patient_import", &[("id", &id)]).await;
    assert_eq!(view["file_name"], "export DME.csv");
    assert_eq!(view["state"], "Preview");
    assert_eq!((view["rows"].as_i64(), view["to_invite"].as_i64()), (Some(7), Some(3)));
    assert_eq!((view["already"].as_i64(), view["errors"].as_i64()), (Some(1), Some(3)));
    let lines = view["lines"].as_array().unwrap();
    let result_of = |line: i64| lines.iter().find(|l| l["line"] == line).unwrap()["result"].clone();
    assert_eq!(result_of(2), "WillInvite");
    assert_eq!(lines[1]["name"], "Émile Côté", "Windows-1252 read right");
    assert_eq!(lines[1]["birth_date"], "1975-11-03");
    assert_eq!(lines[1]["language"], "en");
    assert_eq!(result_of(5), "AlreadyPatient");
    assert_eq!(result_of(6), serde_json::json!({"Error": "error-import-twice"}));
    assert_eq!(result_of(7), serde_json::json!({"Error": "error-birth-date-invalid"}));
    assert_eq!(result_of(8), serde_json::json!({"Error": "error-email-invalid"}));
    let problems = marie.ok("patient_import", &[("id", &id), ("show", "problems")]).await;
    let lines: Vec<i64> =
        problems["lines"].as_array().unwrap().iter().map(|l| l["line"].as_i64().unwrap()).collect();
    assert_eq!(lines, [5, 6, 7, 8]);
    let (status, page) = marie.page(&format!("/staff/patients/import/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&page, "Émile Côté") && shows(&page, &text("fr", "import-verdict-patient")), "{page}");
    assert_eq!(app.count("SELECT COUNT(*) FROM patients").await, 1, "nothing done before confirming");

    // The wall: another organisation's administrator, a colleague, a patient — none sees it.
    let (other, _) = app.admin("autre.admin@example.org").await;
    refusal(other.call("patient_import", &[("id", &id)]).await, StatusCode::NOT_FOUND).await;
    refusal(other.call("confirm_patient_import", &[("id", &id)]).await, StatusCode::NOT_FOUND).await;
    let organisation =
        app.count(&format!("SELECT organisation_id FROM patient_imports WHERE id = {id}")).await;
    let colleague = member_session(&app, "collegue@example.org", organisation, "professional").await;
    refusal(app.call("patient_import", &[("id", &id)], Some(&colleague)).await, StatusCode::NOT_FOUND).await;
    refusal(app.call("patient_import_codes", &[("id", &id)], Some(&colleague)).await, StatusCode::NOT_FOUND)
        .await;
    assert_eq!(
        app.get(&format!("/staff/patients/import/{id}/codes.csv"), Some(&colleague)).await.status(),
        StatusCode::NOT_FOUND
    );

    // Confirmed twice (a second tab): once, audited once; no longer set aside.
    marie.ok("confirm_patient_import", &[("id", &id)]).await;
    marie.ok("confirm_patient_import", &[("id", &id)]).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'patient_import.confirmed'").await,
        1
    );
    let kept =
        refusal(marie.call("discard_patient_import", &[("id", &id)]).await, StatusCode::CONFLICT).await;
    assert_eq!(kept.key, "error-import-already-confirmed");
    assert_eq!(marie.ok("patient_import", &[("id", &id)]).await["state"], "Confirmed");

    // The worker invites the three, each mailed in their language through the outbox.
    assert_eq!(worker_turn(&app).await, 3);
    assert_eq!(worker_turn(&app).await, 0, "nothing twice");
    assert_eq!(app.count("SELECT COUNT(*) FROM patients").await, 4);
    assert_eq!(app.count("SELECT COUNT(*) FROM invitations WHERE status = 'pending'").await, 4);
    let (subject, _) = mail(&app, "emile.cote@example.org", "invitation").await;
    assert!(subject.starts_with(&text("en", "mail-invitation-subject")), "{subject}");
    let (subject, _) = mail(&app, "zoe.gagnon@example.org", "invitation").await;
    assert!(subject.starts_with(&text("fr", "mail-invitation-subject")), "{subject}");
    let view = marie.ok("patient_import", &[("id", &id)]).await;
    assert_eq!(view["state"], "Finished");
    assert_eq!((view["invited"].as_i64(), view["mails_waiting"].as_i64()), (Some(3), Some(3)));
    sqlx::query("UPDATE outbox SET status = 'sent' WHERE recipient = 'zoe.gagnon@example.org'")
        .execute(&app.state.db)
        .await
        .unwrap();
    let view = marie.ok("patient_import", &[("id", &id)]).await;
    assert_eq!((view["mails_sent"].as_i64(), view["mails_waiting"].as_i64()), (Some(1), Some(2)));
    let (_, page) = marie.page(&format!("/staff/patients/import/{id}")).await;
    assert!(shows(&page, &text("fr", "import-done")), "{page}");

    // The codes to hand over: sealed in the database, each one working with its mailed link.
    let codes = marie.ok("patient_import_codes", &[("id", &id)]).await;
    let codes = codes.as_array().unwrap();
    let names: Vec<&str> = codes.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Léa Tremblay", "Émile Côté", "Zoé Gagnon"]);
    let emile = codes[1]["code"].as_str().unwrap().to_string();
    let sealed = app.text("SELECT sealed_code FROM patient_import_rows WHERE line = 3").await;
    assert!(sealed.starts_with("v1.") && !sealed.contains(&emile[2..]), "{sealed}");
    let (_, csv) = {
        let response = app.get(&format!("/staff/patients/import/{id}/codes.csv"), Some(&cookie)).await;
        assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
        ((), response.text().await.unwrap())
    };
    assert!(csv.starts_with('\u{feff}') && csv.contains(&format!("Émile Côté;1975-11-03;{emile};")), "{csv}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'patient_import.codes_read'").await,
        1,
        "read, then downloaded within the minute: one view"
    );
    let (_, page) = marie.page(&format!("/staff/patients/import/{id}/codes")).await;
    assert!(shows(&page, &emile), "the printable list");
    app.redeem("emile.cote@example.org", &emile).await;
    let codes = marie.ok("patient_import_codes", &[("id", &id)]).await;
    assert_eq!(codes.as_array().unwrap().len(), 2, "a used code is no longer listed");

    // The hourly job drops the codes that can no longer be used.
    let ctx = Ctx::system(&app.state.db, store::now());
    patient_import::forget_old(&ctx).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM patient_import_rows WHERE sealed_code IS NOT NULL").await, 2);
}

#[tokio::test]
async fn a_fhir_bundle_is_read_and_what_is_not_a_list_is_refused_on_its_field() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let cookie = marie.session_cookie();
    let bundle = serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "name": [{"use": "official", "family": "Roy", "given": ["Anne"]}],
          "birthDate": "1970-05-06", "telecom": [{"system": "email", "value": "anne.roy@example.org"}],
          "communication": [{"language": {"coding": [{"code": "en"}]}}]}},
        {"resource": {"resourceType": "Patient", "name": [{"family": "Sansprenom"}], "birthDate": "1970-05-06",
          "telecom": [{"system": "email", "value": "sans@example.org"}]}}
    ]});
    let sent = app.send_patient_list("patients.json", bundle.to_string().as_bytes(), &cookie, true).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let id = latest_import(&app).await;
    let view = marie.ok("patient_import", &[("id", &id)]).await;
    assert_eq!((view["to_invite"].as_i64(), view["errors"].as_i64()), (Some(1), Some(1)));
    assert_eq!(view["lines"][0]["language"], "en");
    assert_eq!(view["lines"][1]["result"], serde_json::json!({"Error": "error-given-name-required"}));

    // Files that are not lists of patients: refused on the file's field, nothing kept.
    let before = app.count("SELECT COUNT(*) FROM patient_imports").await;
    for (content, key) in [
        (&b""[..], "error-import-empty"),
        (b"Nom;Telephone\nRoy;514\n", "error-import-columns"),
        (b"{\"resourceType\": \"Patient\"}", "error-import-fhir-invalid"),
    ] {
        let error =
            refusal(app.send_patient_list("f.csv", content, &cookie, true).await, StatusCode::BAD_REQUEST)
                .await;
        assert_eq!((error.key.as_str(), error.field.as_deref()), (key, Some("list")));
    }
    // Just over the file's limit, read and refused; far over it, refused before it is read.
    for (over, status) in [(10, StatusCode::BAD_REQUEST), (100_000, StatusCode::PAYLOAD_TOO_LARGE)] {
        let huge = vec![b'a'; patient_import::file::MAX_BYTES + over];
        let error = refusal(app.send_patient_list("huge.csv", &huge, &cookie, true).await, status).await;
        assert_eq!((error.key.as_str(), error.field.as_deref()), ("error-import-too-large", Some("list")));
    }
    let no_file = app
        .client
        .post(app.url(app::api::patient_import::UPLOAD_PATH))
        .header("accept", "application/json")
        .header("origin", &app.base)
        .header("cookie", &cookie)
        .multipart(reqwest::multipart::Form::new().text("list", ""))
        .send()
        .await
        .unwrap();
    assert_eq!(refusal(no_file, StatusCode::BAD_REQUEST).await.key, "error-import-file-required");
    let not_multipart = app.call("upload_patient_list", &[("list", "x")], Some(&cookie)).await;
    assert_eq!(not_multipart.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.count("SELECT COUNT(*) FROM patient_imports").await, before);

    // Without JavaScript a refusal goes back to the form, which says it on the field.
    let back = app.send_patient_list("f.csv", b"Nom;Telephone\nRoy;514\n", &cookie, false).await;
    assert_eq!(back.status(), StatusCode::FOUND);
    let (_, page) = marie.page(&location(&back).replace(&app.base, "")).await;
    assert!(shows(&page, &text("fr", "error-import-columns")), "{page}");
    // And a good file goes to its preview.
    let sent = app.send_patient_list("patients.json", bundle.to_string().as_bytes(), &cookie, false).await;
    assert_eq!(location(&sent), format!("/staff/patients/import/{}", latest_import(&app).await));

    // Signed out, or a patient: refused before the file is read.
    let signed_out = app.send_patient_list("f.csv", &emr_export(), "portail=nope", true).await;
    assert_eq!(signed_out.status(), StatusCode::UNAUTHORIZED);
    let patient = redeemed_cookie(&app, &cookie).await;
    let as_patient = app.send_patient_list("f.csv", &emr_export(), &patient, true).await;
    assert_eq!(as_patient.status(), StatusCode::FORBIDDEN);
}

async fn redeemed_cookie(app: &TestApp, staff: &str) -> String {
    let (code, _) = invite(app, staff, "patiente@example.org").await;
    app.redeem("patiente@example.org", &code).await
}

#[tokio::test]
async fn a_preview_set_aside_or_left_a_day_is_forgotten() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let cookie = marie.session_cookie();
    app.send_patient_list("a.csv", &emr_export(), &cookie, true).await;
    let first = latest_import(&app).await;
    marie.ok("discard_patient_import", &[("id", &first)]).await;
    refusal(marie.call("patient_import", &[("id", &first)]).await, StatusCode::NOT_FOUND).await;
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM patient_import_rows WHERE import_id = {first}")).await,
        0
    );

    app.send_patient_list("b.csv", &emr_export(), &cookie, true).await;
    let second = latest_import(&app).await;
    let recent = marie.ok("recent_patient_imports", &[]).await;
    assert_eq!(recent.as_array().unwrap().len(), 1, "the one set aside is gone: {recent}");
    app.later("patient_imports", &["created_at"], 25 * 3600).await;
    let ctx = Ctx::system(&app.state.db, store::now());
    assert_eq!(patient_import::forget_old(&ctx).await.unwrap(), 1);
    refusal(marie.call("patient_import", &[("id", &second)]).await, StatusCode::NOT_FOUND).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM patient_import_rows").await, 0);
    assert_eq!(marie.ok("recent_patient_imports", &[]).await, Value::Array(vec![]));
}

#[tokio::test]
async fn a_row_that_changed_since_the_preview_is_said_so_and_the_others_are_still_invited() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let cookie = marie.session_cookie();
    let file = "Prénom,Nom,DDN,Courriel\nLéa,Tremblay,1988-02-29,lea@example.org\n\
                Zoé,Gagnon,2001-07-14,zoe@example.org\nNoah,Côté,1999-01-01,noah@example.org\n";
    app.send_patient_list("trois.csv", file.as_bytes(), &cookie, true).await;
    let id = latest_import(&app).await;
    marie.ok("confirm_patient_import", &[("id", &id)]).await;
    // Meanwhile Zoé is invited from the one-patient form, and Noah's row no longer reads as an
    // address (as after a release that reads addresses differently).
    invite(&app, &cookie, "zoe@example.org").await;
    sqlx::query("UPDATE patient_import_rows SET email = 'noah at example' WHERE line = 4")
        .execute(&app.state.db)
        .await
        .unwrap();
    assert_eq!(worker_turn(&app).await, 1);
    let view = marie.ok("patient_import", &[("id", &id)]).await;
    assert_eq!(view["state"], "Finished");
    let results: Vec<Value> = view["lines"].as_array().unwrap().iter().map(|l| l["result"].clone()).collect();
    assert_eq!(
        results,
        [
            Value::from("Invited"),
            Value::from("AlreadyPatient"),
            serde_json::json!({"Error": "error-email-invalid"})
        ]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM patients").await, 2);
}
