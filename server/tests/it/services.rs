//! The services catalogue: what a staff member may do is what their administrator ticked, checked
//! by every staff server function (deny by default), changed on the person's page, mailed to them
//! and audited; the administration service follows the last-administrator rule.
use crate::common::actor::Actor;
use crate::common::*;
use reqwest::StatusCode;

const ANNE: &str = "anne.roy@example.org";

/// A staff server function, a form that is valid for a holder of its service, and the service it
/// needs (`None`: any care service opens it).
type Gated = (&'static str, Vec<(&'static str, String)>, Option<&'static str>);

fn gated(patient: &str) -> Vec<Gated> {
    let id = |v: &str| v.to_string();
    vec![
        ("list_patients", vec![], None),
        ("patient_file", vec![("patient_id", id(patient))], None),
        (
            "invite_patient",
            invite_form("nouveau@example.org", "fr").iter().map(|(k, v)| (*k, id(v))).collect(),
            Some("invitations"),
        ),
        ("team_inbox", vec![], Some("messaging")),
        ("patient_teams", vec![("patient_id", id(patient))], Some("messaging")),
        ("list_staff", vec![], Some("administration")),
        ("list_teams", vec![], Some("administration")),
        ("age_of_consent", vec![], Some("administration")),
    ]
}

/// Adds Anne with exactly `services` ticked; she activates and is signed in.
async fn anne_with<'a>(app: &'a TestApp, admin: &Actor<'_>, services: &[&str]) -> (Actor<'a>, i64) {
    let mut form = vec![
        ("title", "Dre"),
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", ANNE),
        ("language", "en"),
        ("shown", "on"),
    ];
    form.extend(services.iter().map(|s| (*s, "on")));
    let code = admin.ok("add_professional", &form).await["code"].as_str().unwrap().to_string();
    let (_, body) = latest_mail(app, ANNE).await;
    let anne = app.visitor();
    anne.activate_with_code(&link_token(&body, "/setup/"), &code).await;
    (anne, app.number("SELECT id FROM accounts WHERE email = $1", ANNE).await)
}

async fn set_services(admin: &Actor<'_>, id: i64, services: &[&str]) -> reqwest::Response {
    let id = id.to_string();
    let mut form = vec![("account_id", id.as_str()), ("shown", "on")];
    form.extend(services.iter().map(|s| (*s, "on")));
    admin.call("set_services", &form).await
}

/// Which of the gated functions `actor` may call: 200 for a holder (409 for inviting the same
/// patient again: past the check), 403 for anyone else.
async fn allowed(actor: &Actor<'_>, patient: &str) -> Vec<&'static str> {
    let mut allowed = Vec::new();
    for (function, form, _) in gated(patient) {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let status = actor.call(function, &form).await.status();
        assert!(
            [StatusCode::OK, StatusCode::CONFLICT, StatusCode::FORBIDDEN].contains(&status),
            "{function}: {status} is neither allowed nor refused"
        );
        if status != StatusCode::FORBIDDEN {
            allowed.push(function);
        }
    }
    allowed
}

/// What a holder of exactly `services` should be allowed.
fn expected(services: &[&str], patient: &str) -> Vec<&'static str> {
    let care = ["invitations", "caregivers", "messaging", "questionnaires"];
    gated(patient)
        .into_iter()
        .filter(|(_, _, needs)| match needs {
            Some(service) => services.contains(service),
            None => services.iter().any(|s| care.contains(s)),
        })
        .map(|(function, _, _)| function)
        .collect()
}

#[tokio::test]
async fn every_staff_function_checks_the_service_the_administrator_ticked() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    admin.invite_patient("lea@example.org", "fr").await;
    let patient = app.count("SELECT MAX(id) FROM patients").await.to_string();
    assert_eq!(
        allowed(&admin, &patient).await,
        expected(&["invitations", "messaging", "administration"], &patient)
    );

    let (anne, id) = anne_with(&app, &admin, &["messaging"]).await;
    let home = anne.ok("staff_home", &[]).await;
    assert_eq!(home["roles"][0]["services"], serde_json::json!(["Messaging"]));
    assert_eq!(allowed(&anne, &patient).await, expected(&["messaging"], &patient));

    // Each change takes effect on her very next request, without signing in again.
    for services in [
        vec!["invitations"],
        vec!["caregivers", "questionnaires"],
        vec!["support_desk"],
        vec!["invitations", "caregivers", "messaging", "questionnaires"],
        vec![],
    ] {
        assert_eq!(set_services(&admin, id, &services).await.status(), StatusCode::OK, "{services:?}");
        assert_eq!(allowed(&anne, &patient).await, expected(&services, &patient), "holding {services:?}");
    }

    // With no service left she keeps her account and her home page, which says so, and still
    // sees whom to ask.
    let home = anne.ok("staff_home", &[]).await;
    assert_eq!(home["roles"][0]["services"], serde_json::json!([]));
    let administrators = anne.ok("my_administrators", &[]).await;
    assert_eq!(administrators[0][1], "marie.tremblay@example.org");
    let (status, page) = anne.page("/staff?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_shows(&page, "en", "services-nothing"), "the no-service page");
    assert_eq!(app.text(&format!("SELECT status FROM accounts WHERE id = {id}")).await, "active");

    // Each change was mailed to her in English with the list, and recorded under Marie.
    let (subject, body) = latest_mail(&app, ANNE).await;
    assert_eq!(subject, text("en", "mail-services-changed-subject"));
    assert!(body.contains(&text("en", "services-none")), "{body}");
    assert_eq!(mails_of(&app, ANNE, "services-changed").await, 5);
    let recorded = "SELECT COUNT(*) FROM audit_events e JOIN accounts a ON a.id = e.actor_id
        WHERE e.action = 'staff.services_changed' AND a.email = 'marie.tremblay@example.org'";
    assert_eq!(app.count(recorded).await, 5);
    // The same boxes again change nothing: no mail, no entry.
    assert_eq!(set_services(&admin, id, &[]).await.status(), StatusCode::OK);
    assert_eq!(app.count(recorded).await, 5);
}

#[tokio::test]
async fn a_professional_sees_the_services_on_the_team_page_and_the_mail_lists_them() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let (_, id) = anne_with(&app, &admin, &["invitations", "caregivers"]).await;
    let person = admin.ok("staff_person", &[("account_id", &id.to_string())]).await;
    assert_eq!(person["services"], serde_json::json!(["Invitations", "Caregivers"]));
    assert_eq!(set_services(&admin, id, &["messaging", "caregivers"]).await.status(), StatusCode::OK);
    let (_, body) = latest_mail(&app, ANNE).await;
    let listed = |key: &str| body.contains(&format!("- {}", text("en", key)));
    assert!(listed("service-caregivers") && listed("service-messaging"), "{body}");
    assert!(!listed("service-invitations"), "what she no longer holds is not listed: {body}");
    let (status, page) = admin.page(&format!("/staff/team/{id}?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"id="messaging" name="messaging" checked"#)
            || page.contains(r#"name="messaging" checked"#),
        "ticked as held"
    );
    assert!(!page.contains(r#"name="invitations" checked"#), "unticked as not held");
}

#[tokio::test]
async fn adding_a_person_with_no_service_is_refused_and_keeps_what_was_typed() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let form = [
        ("given_name", "Anne"),
        ("family_name", "Roy"),
        ("email", ANNE),
        ("language", "en"),
        ("shown", "on"),
        ("professional_number", "1-23456"),
    ];
    let refused = refusal(admin.call("add_professional", &form).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.key, "error-services-required");
    assert_eq!(refused.field.as_deref(), Some("services"));
    assert_eq!(refused.kept("email"), Some(ANNE));
    assert_eq!(refused.kept("shown"), Some("on"));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM accounts WHERE email = '{ANNE}'")).await, 0);
    // A refusal for another field keeps the ticked boxes.
    let mut bad_number = form.to_vec();
    bad_number.push(("support_desk", "on"));
    bad_number[5] = ("professional_number", "2-23456");
    let refused = refusal(admin.call("add_professional", &bad_number).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.kept("support_desk"), Some("on"));
    assert_eq!(refused.kept("messaging"), None);
}

#[tokio::test]
async fn the_administration_service_obeys_the_last_administrator_rule() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    let marie = app.number("SELECT id FROM accounts WHERE email = $1", "marie.tremblay@example.org").await;
    // Marie unticking her own administration would leave nobody: refused, nothing changed.
    let refused = set_services(&admin, marie, &["invitations"]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(error_key(refused).await["key"], "error-last-administrator");
    let held = format!("SELECT COUNT(*) FROM staff_services WHERE account_id = {marie}");
    assert_eq!(app.count(&held).await, 6, "all her services stay");

    // Ticking administration for Anne makes her an administrator (mail and all); then Marie may
    // hand it over.
    let (anne, id) = anne_with(&app, &admin, &["messaging"]).await;
    assert_eq!(set_services(&admin, id, &["messaging", "administration"]).await.status(), StatusCode::OK);
    let (subject, _) = mail(&app, ANNE, "administrator-made").await;
    assert_eq!(subject, text("en", "mail-administrator-made-subject"));
    assert_eq!(anne.call("list_staff", &[]).await.status(), StatusCode::OK);
    assert_eq!(set_services(&anne, marie, &["messaging"]).await.status(), StatusCode::OK);
    assert_eq!(admin.call("list_staff", &[]).await.status(), StatusCode::FORBIDDEN, "Marie is no longer one");
    assert_eq!(admin.call("team_inbox", &[]).await.status(), StatusCode::OK, "but keeps messaging");
}

#[tokio::test]
async fn support_and_removed_people_reach_nothing_clinical() {
    let app = spawn().await;
    let (admin, _) = app.admin("marie.tremblay@example.org").await;
    admin.invite_patient("lea@example.org", "fr").await;
    let patient = app.count("SELECT MAX(id) FROM patients").await.to_string();
    let support = member_session(&app, "soutien@example.org", 1, "support").await;
    for (function, form, _) in gated(&patient) {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let status = app.call(function, &form, Some(&support)).await.status();
        assert_eq!(status, StatusCode::FORBIDDEN, "support desk: {function}");
    }

    let (anne, id) = anne_with(&app, &admin, &["invitations", "messaging"]).await;
    let removed = admin.call("act_on_staff", &[("account_id", &id.to_string()), ("action", "remove")]).await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM staff_services WHERE account_id = {id}")).await, 0);
    // Her session ended; even signed in again she would hold nothing here.
    assert!(anne.ok("me", &[]).await.is_null());
}

#[tokio::test]
async fn someone_with_an_account_joins_the_staff_once_they_accept_with_nothing_to_activate() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (paul, _) = app.admin("paul.roy@example.org").await;
    let add = |email: &'static str| {
        let marie = &marie;
        async move {
            marie.call("add_existing_staff", &[("email", email), ("shown", "on"), ("messaging", "on")]).await
        }
    };

    // Paul, administrator elsewhere, is asked to join Marie's staff with Messaging only; he joins
    // when he accepts, told by mail, with nothing to activate.
    assert_eq!(add("paul.roy@example.org").await.status(), StatusCode::OK);
    let paul_id = app.number("SELECT id FROM accounts WHERE email = $1", "paul.roy@example.org").await;
    let here =
        format!("SELECT COUNT(*) FROM staff_services WHERE account_id = {paul_id} AND organisation_id = 1");
    assert_eq!(app.count(&here).await, 0, "nothing before he accepts");
    let request = paul.ok("my_organisations", &[]).await["requests"][0]["id"].as_i64().unwrap().to_string();
    paul.ok("answer_join_request", &[("id", &request), ("answer", "accept")]).await;
    let (subject, body) = mail(&app, "paul.roy@example.org", "joined").await;
    assert_eq!(subject, text("fr", "mail-joined-subject"));
    assert!(body.contains(&format!("- {}", text("fr", "service-messaging"))), "{body}");
    assert_eq!(app.count(&here).await, 1);
    let staff = marie.ok("list_staff", &[]).await;
    assert!(staff["lines"].as_array().unwrap().iter().any(|l| l["email"] == "paul.roy@example.org"));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.join_accepted'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM setup_links WHERE account_id = (SELECT id FROM accounts WHERE email = 'paul.roy@example.org') AND used_at IS NULL").await, 0, "nothing to activate");

    let again = add("paul.roy@example.org").await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(error_key(again).await["key"], "error-already-on-staff");

    // The form for a new person with his address says an account exists.
    let form = [
        ("given_name", "Paul"),
        ("family_name", "Roy"),
        ("email", "paul.roy@example.org"),
        ("language", "fr"),
    ];
    let taken = refusal(marie.call("add_professional", &form).await, StatusCode::CONFLICT).await;
    assert_eq!(taken.key, "error-email-taken");
}

#[tokio::test]
async fn the_staff_list_filters_by_service_and_names_people_by_what_they_hold() {
    let app = spawn().await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (_anne, anne_id) = anne_with(&app, &marie, &["invitations", "messaging"]).await;
    let listed = |service: &'static str| {
        let marie = &marie;
        async move {
            let list = marie.ok("list_staff", &[("service", service)]).await;
            list["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| format!("{} {}", l["email"].as_str().unwrap(), l["role"].as_str().unwrap()))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        listed("messaging").await,
        ["anne.roy@example.org Professional", "marie.tremblay@example.org Admin"]
    );
    assert_eq!(listed("administration").await, ["marie.tremblay@example.org Admin"]);
    assert_eq!(listed("").await.len(), 2, "no service chosen: everyone");
    assert_eq!(listed("nonsense").await.len(), 2, "an unknown service: everyone");

    // Anne keeps the support desk alone: she is "Support desk" now, and out of Messaging's list.
    assert_eq!(set_services(&marie, anne_id, &["support_desk"]).await.status(), StatusCode::OK);
    assert_eq!(listed("messaging").await, ["marie.tremblay@example.org Admin"]);
    assert_eq!(
        listed("support_desk").await,
        ["anne.roy@example.org Support", "marie.tremblay@example.org Admin"]
    );
    let person = marie.ok("staff_person", &[("account_id", &anne_id.to_string())]).await;
    assert_eq!(person["role"], "Support");
    let (_, page) = marie.page("/staff/team?service=support_desk").await;
    assert!(page_shows(&page, "fr", "team-role-support"), "the role column says it");
    assert!(page.contains("<option value=\"support_desk\" selected"), "the filter shows what it filters by");
    // Made administrator and back: still the support desk, not a professional.
    assert_eq!(
        set_services(&marie, anne_id, &["support_desk", "administration"]).await.status(),
        StatusCode::OK
    );
    assert_eq!(marie.ok("staff_person", &[("account_id", &anne_id.to_string())]).await["role"], "Admin");
    assert_eq!(set_services(&marie, anne_id, &["support_desk"]).await.status(), StatusCode::OK);
    assert_eq!(
        listed("support_desk").await,
        ["anne.roy@example.org Support", "marie.tremblay@example.org Admin"]
    );
    // A care service back: a professional again, sorted after the administrator (by family name
    // Roy would come first).
    assert_eq!(set_services(&marie, anne_id, &["support_desk", "caregivers"]).await.status(), StatusCode::OK);
    let by_role = marie.ok("list_staff", &[("sort", "role")]).await;
    assert_eq!(by_role["lines"][0]["role"], "Admin");
    assert_eq!(by_role["lines"][1]["role"], "Professional");
}

#[tokio::test]
async fn an_organisation_offers_the_services_the_platform_sets_and_nobody_holds_another() {
    let app = spawn_with(unthrottled).await;
    let (marie, _) = app.admin("marie.tremblay@example.org").await;
    let (olivier, _) = app.operator("olivier.cote@portail.example").await;
    let (_anne, anne_id) = anne_with(&app, &marie, &["messaging", "questionnaires"]).await;
    let organisation = app.count("SELECT id FROM organisations").await.to_string();
    let offered =
        format!("SELECT COUNT(*) FROM organisation_services WHERE organisation_id = {organisation}");
    let annes = format!("SELECT COUNT(*) FROM staff_services WHERE account_id = {anne_id}");
    assert_eq!(app.count(&offered).await, 6, "installed with every service");
    assert_eq!(marie.ok("offered_services", &[]).await.as_array().unwrap().len(), 6);

    // The operator stops offering questionnaires and caregivers: Anne loses questionnaires at once.
    let form = [
        ("organisation_id", organisation.as_str()),
        ("shown", "on"),
        ("invitations", "on"),
        ("messaging", "on"),
        ("support_desk", "on"),
    ];
    let done = olivier.submit("set_offered_services", &form, "/operator/organisations").await;
    assert_eq!(location(&done), format!("/operator/organisations?done=services#organisation-{organisation}"));
    assert_eq!(app.count(&offered).await, 4, "what was ticked, and administration");
    assert_eq!(app.count(&annes).await, 1, "Anne keeps messaging only");
    assert_eq!(marie.ok("offered_services", &[]).await.as_array().unwrap().len(), 4);
    let (_, body) = mail(&app, "marie.tremblay@example.org", "organisation-services").await;
    assert!(
        body.contains(&text("fr", "service-messaging"))
            && !body.contains(&text("fr", "service-questionnaires"))
    );
    let audited = format!(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.services_changed' AND organisation_id = {organisation}"
    );
    assert_eq!(app.count(&audited).await, 1, "in the organisation's own trail");
    assert_eq!(
        olivier.call("set_offered_services", &form).await.status(),
        StatusCode::OK,
        "the same again changes nothing"
    );
    assert_eq!(app.count(&audited).await, 1);
    let (_, list) = olivier.page("/operator/organisations").await;
    assert!(shows(&list, &text("fr", "operator-organisation-services")));

    // Nobody is given a service the organisation does not offer: not Anne, not a new person.
    let refused = refusal(
        set_services(&marie, anne_id, &["messaging", "questionnaires"]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-service-not-offered", Some("services"))
    );
    assert_eq!(refused.kept("questionnaires"), Some("on"), "the boxes come back as sent");
    assert_eq!(app.count(&annes).await, 1);
    let new = [
        ("given_name", "Paul"),
        ("family_name", "Roy"),
        ("email", "paul.roy@example.org"),
        ("language", "fr"),
        ("shown", "on"),
        ("caregivers", "on"),
    ];
    let refused = refusal(marie.call("add_professional", &new).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused.key, "error-service-not-offered");
    assert_eq!(app.count("SELECT COUNT(*) FROM accounts WHERE email = 'paul.roy@example.org'").await, 0);
    let (_, settings) = marie.page("/staff/settings").await;
    assert!(shows(&settings, &text("fr", "details-services-hint")));

    // Administration alone is not an offering; only operators set it.
    let nothing = [("organisation_id", organisation.as_str()), ("shown", "on"), ("administration", "on")];
    let refused =
        refusal(olivier.call("set_offered_services", &nothing).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        (refused.key.as_str(), refused.field.as_deref()),
        ("error-services-offered-none", Some("services"))
    );
    assert_eq!(marie.call("set_offered_services", &form).await.status(), StatusCode::FORBIDDEN);

    // Offered again, questionnaires are Marie's to give again; Anne does not get them back by herself.
    let again = [
        ("organisation_id", organisation.as_str()),
        ("shown", "on"),
        ("messaging", "on"),
        ("questionnaires", "on"),
    ];
    assert_eq!(olivier.call("set_offered_services", &again).await.status(), StatusCode::OK);
    assert_eq!(app.count(&annes).await, 1);
    assert_eq!(
        set_services(&marie, anne_id, &["messaging", "questionnaires"]).await.status(),
        StatusCode::OK
    );
    assert_eq!(app.count(&annes).await, 2);
}
