//! Administrators add professionals; a professional activates through the same setup link flow
//! and can then invite patients, but cannot manage staff.
mod common;
use common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn an_administrator_adds_a_professional_who_activates_and_invites() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let form = [
        ("title", "Dre"),
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", "anne.roy@example.org"),
        ("language", "en"),
    ];
    admin.ok("add_professional", &form).await;
    let again = error_key(admin.call("add_professional", &form).await).await;
    assert_eq!(again["key"], "error-email-taken");

    let staff = admin.ok("list_staff", &[]).await;
    let anne =
        staff.as_array().unwrap().iter().find(|m| m["email"] == "anne.roy@example.org").unwrap().clone();
    assert_eq!(anne["name"], "Dre Anne Roy");
    assert_eq!(anne["state"], "Invited");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.added'").await, 1);

    // The setup mail, in the professional's language, and the same activation flow as the administrator's.
    let (_, body) = latest_mail(&app, "anne.roy@example.org").await;
    assert!(body.starts_with("Hello Anne"), "{body}");
    let token = link_token(&body, "/setup/");
    let anne = app.visitor();
    anne.activate(&token).await;
    assert!(anne.cookie("portail").is_some(), "signed in");

    let invited = anne.call("invite_patient", &invite_form(PATIENT, "fr")).await;
    assert_eq!(invited.status(), StatusCode::OK, "a professional invites patients");
    let form = [
        ("title", ""),
        ("given_name", "X"),
        ("family_name", "Y"),
        ("email", "x@example.org"),
        ("language", "fr"),
    ];
    let forbidden = error_key(anne.call("add_professional", &form).await).await;
    assert_eq!(forbidden["key"], "error-forbidden", "only administrators manage staff");
    let listed = error_key(anne.call("list_staff", &[]).await).await;
    assert_eq!(listed["key"], "error-forbidden");
}

#[tokio::test]
async fn professional_numbers_are_checked_by_kind_stored_with_the_dash_and_unique_in_the_organisation() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let add = |email: &'static str, number: &'static str| {
        [
            ("title", "Dre"),
            ("given_name", "Anne"),
            ("family_name", "Roy"),
            ("email", email),
            ("language", "fr"),
            ("professional_number", number),
        ]
    };
    // A number of no known kind: refused on its field, with everything typed kept; nobody added.
    let refused = refusal(
        admin.call("add_professional", &add("anne@example.org", "2-23456")).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-professional-number-invalid", Some("professional_number"))
    );
    assert_eq!(
        (refused.kept("professional_number"), refused.kept("email")),
        (Some("2-23456"), Some("anne@example.org"))
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email = 'anne@example.org'").await, 0);

    // Typed without the dash, stored and listed with it.
    admin.ok("add_professional", &add("anne@example.org", "123456")).await;
    let staff = admin.ok("list_staff", &[]).await;
    let anne = staff.as_array().unwrap().iter().find(|m| m["email"] == "anne@example.org").unwrap().clone();
    assert_eq!(anne["number"], "1-23456");
    // The same number for a second person of the organisation: refused, and that person is not added.
    let taken = refusal(
        admin.call("add_professional", &add("ben@example.org", "1-23456")).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(
        (taken.key.as_str(), taken.field.as_deref()),
        ("error-professional-number-taken", Some("professional_number"))
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email = 'ben@example.org'").await, 0);
    // Another organisation may have it.
    let (paul, _) = app.admin("paul.roy@example.org").await;
    paul.ok("add_professional", &add("carl@example.org", "1-23456")).await;

    // The administrator changes it on her page (a nurse practitioner's), then takes it away.
    let anne_id = anne["id"].as_i64().unwrap().to_string();
    admin
        .ok("set_professional_number", &[("account_id", &anne_id), ("professional_number", "8 12345")])
        .await;
    let person = admin.ok("staff_person", &[("account_id", &anne_id)]).await;
    assert_eq!(person["number"], "8-12345");
    let (_, page) = admin.page(&format!("/staff/team/{anne_id}")).await;
    assert!(page.contains("8-12345"), "{page}");
    let bad = refusal(
        admin
            .call("set_professional_number", &[("account_id", &anne_id), ("professional_number", "8-23456")])
            .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad.kept("professional_number"), Some("8-23456"));
    assert_eq!(
        paul.call("set_professional_number", &[("account_id", &anne_id), ("professional_number", "5-12345")])
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "another organisation's administrator"
    );
    admin.ok("set_professional_number", &[("account_id", &anne_id), ("professional_number", "")]).await;
    assert!(admin.ok("staff_person", &[("account_id", &anne_id)]).await["number"].is_null());
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.number_set'").await, 2);
}
