//! Everyday work (issue #13) over HTTP on both databases: the patient file's sections, dates as
//! typed and stored, the header's language switch saved as the interface language, the manifest.
use crate::common::actor::Invited;
use crate::common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_patient_file_has_contact_account_invitations_and_activity() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let mut form = invite_form("eloise@example.org", "en");
    for (field, value) in form.iter_mut() {
        if *field == "birth_date" {
            *value = "29/02/1988";
        }
    }
    admin.ok("invite_patient", &form).await;
    let patient = app.number("SELECT id FROM patients WHERE email = $1", "eloise@example.org").await;
    assert_eq!(
        app.text(&format!("SELECT birth_date FROM patients WHERE id = {patient}")).await,
        "1988-02-29",
        "a day-first date is stored as a date"
    );
    let reissued = admin.ok("reissue_invitation", &[("patient_id", &patient.to_string())]).await;
    let code = reissued["code"].as_str().unwrap().to_string();

    let file = admin.ok("patient_file", &[("patient_id", &patient.to_string())]).await;
    assert_eq!(file["birth_date"], "1988-02-29");
    assert_eq!(file["email"], "eloise@example.org");
    assert_eq!(file["language"], "en");
    assert_eq!(file["mobile_phone"], "514-555-0199", "as given at the invitation");
    assert_eq!(file["account"], "NoAccount");
    let invitations = file["invitations"].as_array().unwrap();
    assert_eq!(invitations.len(), 2, "{invitations:?}");
    assert_eq!(invitations[0]["status"], "Pending", "newest first");
    assert_eq!(invitations[1]["status"], "Replaced");
    assert_eq!(invitations[0]["sent_by"], "Marie Tremblay");
    let actions: Vec<&str> =
        file["activity"].as_array().unwrap().iter().map(|a| a["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["invitation.reissued", "invitation.created", "invitation.created"], "newest first");

    // Once the patient has an account, the file shows it, and its own contact details.
    let token = latest_link_token(&app, "eloise@example.org").await;
    let lea = app.visitor();
    lea.redeem(&Invited { code, token }).await;
    lea.ok("save_profile", &[("field", "phones"), ("mobile", "514 555 0123"), ("home_phone", "")]).await;
    let file = admin.ok("patient_file", &[("patient_id", &patient.to_string())]).await;
    assert_eq!(file["account"], "Active");
    assert_eq!(file["mobile_phone"], "514-555-0123");
    assert_eq!(file["invitations"][0]["status"], "Redeemed");
    assert!(file["invitations"][0]["redeemed_at"].is_string());
    let actions: Vec<&str> =
        file["activity"].as_array().unwrap().iter().map(|a| a["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"patient.viewed") && actions.contains(&"invitation.redeemed"), "{actions:?}");

    // The server-rendered file, in English: long dates, every section, nothing ISO.
    let (status, html) = admin.page(&format!("/staff/patients/{patient}?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    for text in
        ["February 29, 1988", "Identity and contact", "Invitations", "Recent activity", "514-555-0123"]
    {
        assert!(html.contains(text), "{text} missing");
    }
    let shown =
        html.split("<script").map(|part| part.split_once("</script>").map_or(part, |(_, after)| after));
    assert!(!shown.collect::<String>().contains("1988-02-29"), "no ISO date outside the hydration data");

    // Another organisation's staff do not see it.
    let (other, _) = app.admin("paul.roy@example.org").await;
    let refused = other.call("patient_file", &[("patient_id", &patient.to_string())]).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_header_switch_is_the_interface_language_setting() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let account = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    let query = format!("SELECT interface_language FROM accounts WHERE id = {account}");
    let setting = || app.text(&query);
    assert_eq!(setting().await, "fr");

    // A link with ?lang= shows the page in English but changes no setting: a GET changes nothing.
    let (status, html) = admin.page("/account?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\""));
    assert_eq!(setting().await, "fr", "a GET changed the setting");

    // The header's switch is a form: the setting follows, and the page comes back without lang=.
    let switched = admin
        .submit("switch_language", &[("lang", "en"), ("back", "/account?lang=fr&saved=x")], "/account")
        .await;
    assert!(switched.status().is_redirection(), "{}", switched.status());
    assert_eq!(location(&switched), "/account?saved=x");
    assert_eq!(setting().await, "en", "the switch saved the setting");
    let (_, html) = admin.page("/account").await;
    assert!(html.contains("<html lang=\"en\""), "the cookie follows");
    assert!(
        html.contains(r#"data-testid="value-interface_language">English"#),
        "the setting shows what is on screen"
    );
    let changes = "SELECT COUNT(*) FROM audit_events WHERE action = 'profile.interface_language_changed'";
    assert_eq!(app.count(changes).await, 1);
    admin.submit("switch_language", &[("lang", "en"), ("back", "/staff")], "/staff").await;
    assert_eq!(app.count(changes).await, 1, "choosing the language already set changes nothing");

    // A visitor's switch only sets the cookie; a page elsewhere is never where it leads.
    let visitor = app.visitor();
    let switched =
        visitor.submit("switch_language", &[("lang", "en"), ("back", "https://evil.example/")], "/").await;
    assert_eq!(location(&switched), "/");
    assert_eq!(visitor.cookie("lang").as_deref(), Some("en"));
    assert_eq!(app.count(changes).await, 1);
}

#[tokio::test]
async fn the_manifest_names_the_portal_in_each_language() {
    let app = spawn().await;
    for (lang, name) in [("fr", "Portail usager"), ("en", "Patient Portal")] {
        let response = app.get(&format!("/manifest-{lang}.webmanifest"), None).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/manifest+json");
        let manifest: serde_json::Value = response.json().await.unwrap();
        assert_eq!(manifest["name"], name);
        assert_eq!(manifest["lang"], lang);
        let sizes: Vec<&str> =
            manifest["icons"].as_array().unwrap().iter().map(|i| i["sizes"].as_str().unwrap()).collect();
        assert!(sizes.contains(&"192x192") && sizes.contains(&"512x512"), "{sizes:?}");
        let (_, page) = app.page(&format!("/help?lang={lang}"), None).await;
        let link = page.find("manifest").map(|at| &page[at.saturating_sub(40)..at + 60]);
        assert!(page.contains(&format!(r#"href="/manifest-{lang}.webmanifest""#)), "{lang}: {link:?}");
    }
}

#[tokio::test]
async fn the_patient_file_shows_its_last_ten_entries() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    admin.ok("invite_patient", &invite_form("eloise@example.org", "fr")).await;
    let patient =
        app.number("SELECT id FROM patients WHERE email = $1", "eloise@example.org").await.to_string();
    let activity = |file: &serde_json::Value| file["activity"].as_array().unwrap().len();
    for _ in 0..4 {
        admin.ok("reissue_invitation", &[("patient_id", &patient)]).await;
    }
    // Each invitation sent is one entry ("invitation.created"), each reissue one more: 9 entries.
    let file = admin.ok("patient_file", &[("patient_id", &patient)]).await;
    assert_eq!(activity(&file), 9, "{}", file["activity"]);
    // Plus the view just recorded: 10, all shown.
    assert_eq!(activity(&admin.ok("patient_file", &[("patient_id", &patient)]).await), 10);
    admin.ok("reissue_invitation", &[("patient_id", &patient)]).await;
    let file = admin.ok("patient_file", &[("patient_id", &patient)]).await;
    assert_eq!(activity(&file), 10, "11 entries: the newest 10");
    assert_eq!(file["activity"][0]["action"], "invitation.reissued");
}
