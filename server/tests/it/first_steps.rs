//! A new organisation's administrator: the first-steps checklist on their home page, ticked by
//! the things being done; the organisation's details, checked field by field and audited; and the
//! organisation's audit trail, its own actions only, whoever took them.
use crate::common::*;
use reqwest::StatusCode;

fn details<'a>(
    name: &'a str,
    address: &'a str,
    phone: &'a str,
    timezone: &'a str,
) -> [(&'a str, &'a str); 4] {
    [
        ("organisation_name", name),
        ("organisation_address", address),
        ("organisation_phone", phone),
        ("timezone", timezone),
    ]
}

const ADDRESS: &str = "1560, rue Sherbrooke Est, Montréal (Québec) H2L 4M1";

#[tokio::test]
async fn the_first_steps_tick_themselves_as_the_organisation_gets_ready() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let steps = marie.ok("first_steps", &[]).await;
    assert_eq!(
        steps,
        serde_json::json!({"details": false, "staff": false, "support": false, "care_team": false, "patients": false})
    );
    let (_, home) = marie.page("/staff").await;
    assert!(
        shows(&home, &text("fr", "first-steps-title")) && shows(&home, &text("fr", "first-steps-patients"))
    );

    // Details: each field refused on its own, what was typed kept; then saved, audited, confirmed.
    for (form, field) in [
        (details("", ADDRESS, "514 555 0100", "America/Montreal"), "organisation_name"),
        (details("Clinique du Parc", "", "514 555 0100", "America/Montreal"), "organisation_address"),
        (details("Clinique du Parc", ADDRESS, "555", "America/Montreal"), "organisation_phone"),
        (details("Clinique du Parc", ADDRESS, "514 555 0100", "Europe/Paris"), "timezone"),
    ] {
        let error =
            refusal(marie.call("save_organisation_details", &form).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(error.field.as_deref(), Some(field));
        assert_eq!(error.kept("organisation_address"), Some(form[1].1), "what was typed comes back");
    }
    assert_eq!(
        marie.call("save_organisation_details", &[]).await.status(),
        StatusCode::BAD_REQUEST,
        "nothing sent"
    );
    let saved = marie
        .submit(
            "save_organisation_details",
            &details(" Clinique du Parc ", ADDRESS, "514 555 0100", "America/Regina"),
            "/staff/settings",
        )
        .await;
    assert_eq!(location(&saved), "/staff/settings?saved=details");
    let now = marie.ok("organisation_details", &[]).await;
    assert_eq!(
        (now["name"].as_str(), now["phone"].as_str(), now["timezone"].as_str()),
        (Some("Clinique du Parc"), Some("514-555-0100"), Some("America/Regina"))
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.details_changed'").await,
        1
    );

    // Staff, the support desk's phone, a care team, a first patient.
    let anne =
        [("given_name", "Anne"), ("family_name", "Roy"), ("email", "anne@example.org"), ("language", "fr")];
    let code = marie.ok("add_professional", &anne).await["code"].as_str().unwrap().to_string();
    let phone = [("support_phone", "514 555 0199")];
    assert_eq!(marie.call("save_support_contact", &phone).await.status(), StatusCode::OK);
    marie.ok("create_team", &[("name", "Cardiologie"), ("phone", "")]).await;
    let steps = marie.ok("first_steps", &[]).await;
    assert_eq!(
        steps,
        serde_json::json!({"details": true, "staff": true, "support": true, "care_team": true, "patients": false})
    );
    marie.invite_patient("lea@example.org", "fr").await;
    let (_, home) = marie.page("/staff").await;
    assert!(!shows(&home, &text("fr", "first-steps-title")), "all done: the list goes away");

    // Another organisation's steps are its own; the list is for administrators.
    let (paul, _) = app.admin("paul.roy@example.org").await;
    assert_eq!(paul.ok("first_steps", &[]).await["details"], false);
    let anne = app.visitor();
    let (_, body) = latest_mail(&app, "anne@example.org").await;
    anne.activate_with_code(&link_token(&body, "/setup/"), &code).await;
    assert_eq!(anne.call("first_steps", &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        anne.call("save_organisation_details", &details("X", ADDRESS, "514 555 0100", "America/Montreal"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_audit_trail_shows_the_organisations_actions_whoever_took_them() {
    let app = spawn().await;
    let (olivier, _) = app.operator("olivier@portail.example").await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (paul, _) = app.admin("paul.roy@example.org").await;
    let lea = app.visitor();
    lea.redeem(&marie.invite_patient("lea@example.org", "fr").await).await;
    marie
        .submit(
            "save_organisation_details",
            &details("Clinique du Parc", ADDRESS, "514 555 0100", "America/Montreal"),
            "/staff/settings",
        )
        .await;
    let organisation = app.number("SELECT organisation_id FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = $1", "marie.tremblay@example.org").await.to_string();
    let suspend =
        [("organisation_id", organisation.as_str()), ("action", "suspend"), ("reason", "Vérification")];
    olivier.ok("act_on_organisation", &suspend).await;
    let reactivate = [("organisation_id", organisation.as_str()), ("action", "reactivate")];
    olivier.ok("act_on_organisation", &reactivate).await;

    let everything = marie.ok("audit_trail", &[]).await;
    let actions: Vec<&str> =
        everything["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        &actions[..3],
        ["organisation.reactivated", "organisation.suspended", "organisation.details_changed"],
        "newest first"
    );
    assert!(actions.contains(&"invitation.created") && actions.contains(&"invitation.redeemed"));
    assert_eq!(everything["total"].as_i64(), Some(actions.len() as i64));
    let by_operators = marie.ok("audit_trail", &[("who", "operators")]).await;
    let entries = by_operators["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[0]["actor_part"].as_str(), entries[0]["actor"].as_str()),
        (Some("operator"), Some("Olivier Côté"))
    );
    let by_patients = marie.ok("audit_trail", &[("who", "patients")]).await;
    assert!(by_patients["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["actor_part"] == "" && e["actor"] != ""));
    let by_staff = marie.ok("audit_trail", &[("who", "staff")]).await;
    let invited =
        by_staff["entries"].as_array().unwrap().iter().find(|e| e["action"] == "invitation.created").unwrap();
    assert_eq!(
        (invited["actor_part"].as_str(), invited["about"].as_str()),
        (Some("admin"), Some("Léa Tremblay"))
    );

    // The page, without JavaScript: the operator's action in words, by name and part.
    let (status, page) = marie.page("/staff/audit?who=operators").await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&page, &text("fr", "audit-organisation-suspended")));
    assert!(shows(&page, &format!("Olivier Côté ({})", text("fr", "role-operator"))));

    // Days in the organisation's time zone, both included; a date that is not one, on its field.
    assert!(marie.ok("audit_trail", &[("since", "2020-01-01"), ("until", "2020-12-31")]).await["entries"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(!marie.ok("audit_trail", &[("since", "01/01/2020")]).await["entries"]
        .as_array()
        .unwrap()
        .is_empty());
    let error = refusal(marie.call("audit_trail", &[("since", "hier")]).await, StatusCode::BAD_REQUEST).await;
    assert_eq!((error.field.as_deref(), error.kept("since")), (Some("since"), Some("hier")));
    let error = refusal(
        marie.call("audit_trail", &[("since", "2026-12-31"), ("until", "2026-01-01")]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("until"));

    // The wall: another organisation's administrator sees none of it; a patient, nothing at all.
    let theirs = paul.ok("audit_trail", &[]).await;
    assert!(theirs["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["about"] != "Léa Tremblay" && e["action"] != "organisation.suspended"));
    assert_eq!(lea.call("audit_trail", &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(olivier.call("audit_trail", &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.call("audit_trail", &[], None).await.status(), StatusCode::UNAUTHORIZED);
}
