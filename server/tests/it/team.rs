//! Administrators add professionals; a professional activates through the same setup link flow
//! and can then invite patients, but cannot manage staff.
use crate::common::*;
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
    let issued = admin.ok("add_professional", &form).await;
    let code = issued["code"].as_str().unwrap().to_string();
    assert_eq!(issued["invitee_name"], "Dre Anne Roy");
    let again = error_key(admin.call("add_professional", &form).await).await;
    assert_eq!(again["key"], "error-email-taken");

    let staff = admin.ok("list_staff", &[]).await;
    let anne = staff["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == "anne.roy@example.org")
        .unwrap()
        .clone();
    assert_eq!(anne["name"], "Dre Anne Roy");
    assert_eq!(anne["state"], "Invited");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.added'").await, 1);

    // The setup mail, in the professional's language, and the same activation flow as the administrator's.
    let (_, body) = latest_mail(&app, "anne.roy@example.org").await;
    assert!(body.starts_with("Hello Anne"), "{body}");
    let token = link_token(&body, "/setup/");
    assert!(!body.contains(&code), "the secret code is never mailed");
    let anne = app.visitor();
    anne.activate_with_code(&token, &code).await;
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
    let anne =
        staff["lines"].as_array().unwrap().iter().find(|m| m["email"] == "anne@example.org").unwrap().clone();
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

#[tokio::test]
async fn the_staff_list_is_searched_filtered_by_state_sorted_and_paged_fifty_at_a_time() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    // 60 professionals besides Marie; two with numbers; one suspended, one locked.
    for i in 0..60 {
        let email = format!("pro{i:02}@example.org");
        let number = match i {
            7 => "1-11111",
            8 => "5-22222",
            _ => "",
        };
        let family = format!("Nom{i:02}");
        let form = [
            ("title", ""),
            ("given_name", "Alex"),
            ("family_name", family.as_str()),
            ("email", email.as_str()),
            ("language", "fr"),
            ("professional_number", number),
        ];
        admin.ok("add_professional", &form).await;
    }
    let later = app::domain::store::now() + 3600;
    for statement in [
        "UPDATE accounts SET status = 'active' WHERE email LIKE 'pro1%'".to_string(),
        "UPDATE accounts SET status = 'suspended' WHERE email = 'pro10@example.org'".to_string(),
        format!("UPDATE accounts SET locked_until = {later} WHERE email = 'pro11@example.org'"),
    ] {
        sqlx::query(&statement).execute(&app.state.db).await.unwrap();
    }
    let list = |form: Vec<(&'static str, String)>| {
        let admin = &admin;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            admin.ok("list_staff", &form).await
        }
    };
    let emails = |list: &serde_json::Value| -> Vec<String> {
        list["lines"].as_array().unwrap().iter().map(|m| m["email"].as_str().unwrap().to_string()).collect()
    };

    // 61 people: pages of 50 and 11, by family name; page 99 is the last.
    let first = list(vec![]).await;
    assert_eq!((first["total"].as_i64(), first["pages"].as_i64()), (Some(61), Some(2)));
    assert_eq!(emails(&first).len(), 50);
    assert_eq!(emails(&first)[0], "pro00@example.org");
    let last = list(vec![("page", "99".into())]).await;
    assert_eq!((last["page"].as_i64(), emails(&last).len()), (Some(2), 11));
    assert_eq!(emails(&last).last().unwrap(), "marie.tremblay@example.org", "Tremblay after Nom59");
    let reversed = list(vec![("sort", "-name".into())]).await;
    assert_eq!(emails(&reversed)[0], "marie.tremblay@example.org");
    let by_role = list(vec![("sort", "role".into())]).await;
    assert_eq!(emails(&by_role)[0], "marie.tremblay@example.org", "administrators first");

    // Searched by name, email or number; words narrow.
    assert_eq!(emails(&list(vec![("q", "nom07".into())]).await), ["pro07@example.org"]);
    assert_eq!(emails(&list(vec![("q", "5-22222".into())]).await), ["pro08@example.org"]);
    assert_eq!(emails(&list(vec![("q", "alex nom0".into())]).await).len(), 10);
    assert_eq!(list(vec![("q", "%".into())]).await["total"], 61, "a wildcard typed is only text");

    // By state: invited, active (not locked), suspended, locked.
    let count = |state: &'static str| {
        let list = &list;
        async move { list(vec![("state", state.into())]).await["total"].as_i64().unwrap() }
    };
    assert_eq!(count("invited").await, 50, "pro00–09 and pro20–59");
    assert_eq!(count("active").await, 9, "Marie and pro12–19");
    assert_eq!(count("suspended").await, 1);
    assert_eq!(count("locked").await, 1);
    assert_eq!(count("nonsense").await, 61);
    assert_eq!(
        emails(&list(vec![("state", "locked".into()), ("q", "nom11".into())]).await),
        ["pro11@example.org"]
    );

    // The page without JavaScript keeps the search and the filter in its links.
    let (_, html) = admin.page("/staff/team?q=nom1&state=active&sort=-name").await;
    assert!(html.contains("pro19@example.org") && !html.contains("pro10@example.org"), "{html}");
    assert!(html.contains("sort=name") && html.contains("state=active"), "sort links keep the filter");
}
